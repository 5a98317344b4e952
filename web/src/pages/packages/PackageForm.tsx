import { api, ApiError, conflictCurrent, isApiError } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { createSubmission, Form, FormActions, type Submission } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { Money } from "@baton/ui/money";
import { CurrencySelect } from "@baton/ui/Select";
import { TextArea, TextField } from "@baton/ui/TextField";
import { Select } from "@baton/ui/Select";
import type { PriceModel, ServicePackage, ServicePackageInput, ServiceVisibility } from "@baton/ui/types";
import { createAsync, revalidate } from "@solidjs/router";
import { createSignal, createUniqueId, For, Show } from "solid-js";
import { createStore, produce, type SetStoreFunction } from "solid-js/store";
import { SopSelect } from "../../components/SopSelect";
import { getAllClients } from "../clients/data";
import { QuestionsEditor, toQuestionInputs, toQuestionValues, type QuestionValues } from "../onboarding/QuestionsEditor";
import { invalidAmount, money } from "../invoices/format";
import { packageKeys, priceModels, visibilities } from "./data";
// The intake form is edited with the onboarding questionnaire's editor, and looks like it.
import "../onboarding/onboarding.css";

type Row = { key: number; text: string };
type PriceRow = { key: number; currency: string; amount: string };
type Values = {
  name: string;
  description: string;
  deliverables: Row[];
  prices: PriceRow[];
  category: string;
  priceModel: PriceModel;
  turnaroundDays: string;
  sops: Row[];
  visibility: ServiceVisibility;
  clientIds: string[];
  /** The intake form, edited with the onboarding questionnaire's editor. */
  questions: QuestionValues[];
};

let nextKey = 1;
// A new price row starts in the first of these not priced yet; the select offers every currency.
const usual = ["USD", "EUR", "GBP", "INR", "AUD", "CAD"];

function valuesOf(pkg: ServicePackage | undefined): Values {
  return {
    name: pkg?.name ?? "",
    description: pkg?.description ?? "",
    deliverables: (pkg?.deliverables ?? []).map((text) => ({ key: nextKey++, text })),
    prices: pkg
      ? pkg.prices.map((price) => ({ key: nextKey++, currency: price.currency, amount: Money.toMajorString(price.amount, price.currency) }))
      : [{ key: nextKey++, currency: usual[0]!, amount: "" }],
    category: pkg?.category ?? "",
    priceModel: pkg?.priceModel ?? "fixed",
    turnaroundDays: pkg?.turnaroundDays ? String(pkg.turnaroundDays) : "",
    sops: (pkg?.sopIds ?? []).map((text) => ({ key: nextKey++, text })),
    visibility: pkg?.visibility ?? "hidden",
    clientIds: [...(pkg?.clientIds ?? [])],
    questions: toQuestionValues((pkg?.form ?? []).map((q) => ({ ...q, field: null }))),
  };
}

/** Where deliverable row `index` lands in what is sent (blank rows are left out), for its API error. */
function sentIndex(values: Values, index: number): number | undefined {
  if (!values.deliverables[index]?.text.trim()) return undefined;
  return values.deliverables.slice(0, index).filter((row) => row.text.trim()).length;
}

/** The typed values as the API's input; amounts typed in major units become minor units of their currency. */
function toInput(values: Values): ServicePackageInput {
  const fields: Record<string, string> = {};
  const quoted = values.priceModel === "quote";
  const turnaround = values.turnaroundDays.trim();
  if (turnaround && !/^\d+$/.test(turnaround)) fields.turnaroundDays = t("packages.turnaroundInvalid");
  const prices = (quoted ? values.prices.filter((row) => row.amount.trim()) : values.prices).map((row, i) => {
    const amount = row.currency ? Money.parseMajor(row.amount, row.currency) : undefined;
    if (!row.currency) fields[`prices.${i}.currency`] = t("packages.invalidCurrency");
    else if (amount === undefined) fields[`prices.${i}.amount`] = invalidAmount(row.currency);
    return { currency: row.currency, amount: amount ?? 0 };
  });
  // Field errors found here are shown the way the API's are.
  if (Object.keys(fields).length) throw new ApiError(400, "validation_failed", "", fields);
  const description = values.description.trim();
  return {
    name: values.name.trim(),
    ...(description ? { description } : {}),
    deliverables: values.deliverables.map((row) => row.text.trim()).filter(Boolean),
    ...(prices.length || !quoted ? { prices } : {}),
    ...(values.category.trim() ? { category: values.category.trim() } : {}),
    priceModel: values.priceModel,
    ...(turnaround ? { turnaroundDays: Number(turnaround) } : {}),
    sopIds: values.sops.map((row) => row.text).filter(Boolean),
    form: toQuestionInputs(values.questions).map(({ field: _field, ...question }) => question),
    visibility: values.visibility,
    clientIds: values.visibility === "chosen" ? values.clientIds : [],
  };
}

const pricesText = (pkg: ServicePackage) => pkg.prices.map((price) => money(price.amount, price.currency)).join(", ");

/** Creates a package, or edits `package` conditional on the version read; a 409 keeps what was typed. */
export function PackageForm(props: { package?: ServicePackage; onSaved: (saved: ServicePackage) => void; onClose: () => void }) {
  const [values, setValues] = createStore<Values>(valuesOf(props.package));
  // Someone saved meanwhile: say what they saved; the next save goes on top of it.
  const [conflict, setConflict] = createSignal<ServicePackage>();
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      const input = toInput(values);
      const editing = props.package;
      if (!editing) return props.onSaved(await api.packages.create(input));
      try {
        const saved = await api.packages.update(editing.id, {
          ...input,
          description: input.description ?? null,
          category: input.category ?? null,
          turnaroundDays: input.turnaroundDays ?? null,
          version: conflict()?.version ?? editing.version,
        });
        setConflict(undefined);
        props.onSaved(saved);
      } catch (e) {
        const current = conflictCurrent<ServicePackage>(e);
        if (!current) throw e;
        setConflict(current);
        void revalidate(packageKeys);
      }
    });
  return (
    <Form submission={submission} onSubmit={submit} aria-label={props.package ? t("packages.editTitle") : t("packages.newTitle")} data-testid="package-form">
      <Show when={conflict()}>
        {(current) => (
          <p class="notice notice-warning" role="alert" data-testid="package-conflict">
            {t("packages.conflict", { version: current().version, name: current().name, prices: pricesText(current()) })}
          </p>
        )}
      </Show>
      <TextField label={t("packages.name")} name="name" required autocomplete="off" maxlength={120} value={values.name} onValue={(name) => setValues({ name })} error={submission.fieldError("name")} />
      <TextArea
        label={t("packages.description")}
        name="description"
        rows={2}
        maxlength={1000}
        hint={t("packages.descriptionHint")}
        value={values.description}
        onValue={(description) => setValues({ description })}
        error={submission.fieldError("description")}
      />
      <div class="field-row">
        <TextField
          label={t("packages.category")}
          name="category"
          autocomplete="off"
          maxlength={60}
          hint={t("packages.categoryHint")}
          value={values.category}
          onValue={(category) => setValues({ category })}
          error={submission.fieldError("category")}
        />
        <TextField
          label={t("packages.turnaround")}
          name="turnaroundDays"
          inputmode="numeric"
          autocomplete="off"
          hint={t("packages.turnaroundHint")}
          value={values.turnaroundDays}
          onValue={(turnaroundDays) => setValues({ turnaroundDays })}
          error={submission.fieldError("turnaroundDays")}
        />
      </div>
      <DeliverablesEditor values={values} set={setValues} submission={submission} />
      <Select
        label={t("packages.priceModel")}
        name="priceModel"
        options={priceModels.map((model) => ({ value: model, label: t(`packages.model.${model}`) }))}
        value={values.priceModel}
        onValue={(priceModel) => setValues({ priceModel: priceModel as PriceModel })}
        error={submission.fieldError("priceModel")}
      />
      <Show when={values.priceModel !== "quote"}>
        <PricesEditor values={values} set={setValues} submission={submission} />
      </Show>
      <SopsEditor values={values} set={setValues} submission={submission} />
      <VisibilityEditor values={values} set={setValues} submission={submission} />
      <fieldset class="checklist-editor" data-testid="service-form-editor">
        <legend class="field-label">{t("packages.form")}</legend>
        <p class="field-hint">{t("packages.formHint")}</p>
        <QuestionsEditor questions={values.questions} set={setValues} submission={submission} prefix="form" clientFields={false} />
      </fieldset>
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {props.package ? t("packages.save") : t("packages.create")}
        </Button>
      </FormActions>
    </Form>
  );
}

type EditorProps = { values: Values; set: SetStoreFunction<Values>; submission: Submission };

/** A message about a list as a whole ("Give each currency one price."); row messages sit on their row. */
function listError(submission: Submission, name: string) {
  const e = submission.error();
  return isApiError(e) ? e.fields[name] : undefined;
}

const focus = (selector: string) => queueMicrotask(() => document.querySelector<HTMLElement>(selector)?.focus());

/** Ordered deliverables: add, remove, and move up or down with buttons (focus follows the line). */
function DeliverablesEditor(props: EditorProps) {
  const id = createUniqueId();
  const rows = () => props.values.deliverables;
  const move = (index: number, by: -1 | 1) => {
    const key = rows()[index]!.key;
    props.set(
      "deliverables",
      produce((list) => {
        const [row] = list.splice(index, 1);
        list.splice(index + by, 0, row!);
      }),
    );
    const at = index + by;
    // Keep focus on the moved line's button; at either end the other direction is the one left.
    const atEnd = (by === -1 && at === 0) || (by === 1 && at === rows().length - 1);
    const direction = atEnd ? (by === -1 ? "down" : "up") : by === -1 ? "up" : "down";
    focus(`[data-deliverable="${key}"] [data-move="${direction}"]`);
  };
  const add = () => {
    const key = nextKey++;
    props.set("deliverables", (list) => [...list, { key, text: "" }]);
    focus(`[data-deliverable="${key}"] input`);
  };
  const remove = (index: number) => {
    const neighbour = rows()[index + 1] ?? rows()[index - 1];
    props.set("deliverables", (list) => list.filter((_, i) => i !== index));
    focus(neighbour ? `[data-deliverable="${neighbour.key}"] input` : `#${id}-add`);
  };
  const rowError = (index: number) => {
    const sent = sentIndex(props.values, index);
    return sent === undefined ? undefined : props.submission.fieldError(`deliverables.${sent}`);
  };
  return (
    <fieldset class="checklist-editor" name="deliverables">
      <legend class="field-label">{t("packages.deliverables")}</legend>
      <p class="field-hint">{t("packages.deliverablesHint")}</p>
      <Show when={listError(props.submission, "deliverables")}>{(message) => <p class="field-error">{message()}</p>}</Show>
      <ol class="steps">
        <For each={rows()}>
          {(row, index) => (
            <li class="step" data-deliverable={row.key} data-testid="deliverable-row">
              <TextField
                label={t("packages.deliverable", { number: index() + 1 })}
                name={`deliverables.${index()}`}
                class="step-text"
                autocomplete="off"
                maxlength={200}
                value={row.text}
                onValue={(text) => props.set("deliverables", index(), "text", text)}
                error={rowError(index())}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    add();
                  }
                }}
              />
              <div class="step-actions">
                <Button size="sm" variant="ghost" data-move="up" aria-label={t("packages.moveUp", { number: index() + 1 })} disabled={index() === 0} onClick={() => move(index(), -1)}>
                  ↑
                </Button>
                <Button size="sm" variant="ghost" data-move="down" aria-label={t("packages.moveDown", { number: index() + 1 })} disabled={index() === rows().length - 1} onClick={() => move(index(), 1)}>
                  ↓
                </Button>
                <Button size="sm" variant="ghost" class="btn-danger-text" aria-label={t("packages.removeDeliverable", { number: index() + 1 })} onClick={() => remove(index())}>
                  ×
                </Button>
              </div>
            </li>
          )}
        </For>
      </ol>
      <div>
        <Button size="sm" id={`${id}-add`} onClick={add}>
          {t("packages.addDeliverable")}
        </Button>
      </div>
    </fieldset>
  );
}

/** One price per currency: a currency and an amount typed in its major unit. */
function PricesEditor(props: EditorProps) {
  const id = createUniqueId();
  const rows = () => props.values.prices;
  const add = () => {
    const key = nextKey++;
    const used = new Set(rows().map((row) => row.currency));
    props.set("prices", (list) => [...list, { key, currency: usual.find((code) => !used.has(code)) ?? "", amount: "" }]);
    focus(`[data-price="${key}"] select`);
  };
  const remove = (index: number) => {
    const neighbour = rows()[index + 1] ?? rows()[index - 1];
    props.set("prices", (list) => list.filter((_, i) => i !== index));
    focus(neighbour ? `[data-price="${neighbour.key}"] select` : `#${id}-add`);
  };
  return (
    <fieldset class="checklist-editor" name="prices">
      <legend class="field-label">
        {t("packages.prices")}
        <span class="required" aria-hidden="true">
          {" *"}
        </span>
      </legend>
      <p class="field-hint">{t("packages.pricesHint")}</p>
      <Show when={listError(props.submission, "prices")}>{(message) => <p class="field-error">{message()}</p>}</Show>
      <ul class="steps">
        <For each={rows()}>
          {(row, index) => (
            <li class="step" role="group" aria-label={t("packages.price", { number: index() + 1 })} data-price={row.key} data-testid="price-row">
              <CurrencySelect
                name={`prices.${index()}.currency`}
                value={row.currency}
                onValue={(currency) => props.set("prices", index(), "currency", currency)}
                error={props.submission.fieldError(`prices.${index()}.currency`)}
              />
              <TextField
                label={t("packages.amount", { currency: row.currency })}
                name={`prices.${index()}.amount`}
                inputmode="decimal"
                required
                autocomplete="off"
                value={row.amount}
                onValue={(amount) => props.set("prices", index(), "amount", amount)}
                error={props.submission.fieldError(`prices.${index()}.amount`)}
              />
              <div class="step-actions">
                <Button size="sm" variant="ghost" class="btn-danger-text" aria-label={t("packages.removePrice", { number: index() + 1 })} onClick={() => remove(index())}>
                  ×
                </Button>
              </div>
            </li>
          )}
        </For>
      </ul>
      <div>
        <Button size="sm" id={`${id}-add`} onClick={add}>
          {t("packages.addPrice")}
        </Button>
      </div>
    </fieldset>
  );
}

/** The SOPs that deliver the service: accepting a request for it proposes one task per SOP. */
function SopsEditor(props: EditorProps) {
  const id = createUniqueId();
  const rows = () => props.values.sops;
  const add = () => {
    const key = nextKey++;
    props.set("sops", (list) => [...list, { key, text: "" }]);
    focus(`[data-sop-row="${key}"] select`);
  };
  const remove = (index: number) => {
    const neighbour = rows()[index + 1] ?? rows()[index - 1];
    props.set("sops", (list) => list.filter((_, i) => i !== index));
    focus(neighbour ? `[data-sop-row="${neighbour.key}"] select` : `#${id}-add`);
  };
  return (
    <fieldset class="checklist-editor" name="sopIds">
      <legend class="field-label">{t("packages.sops")}</legend>
      <p class="field-hint">{t("packages.sopsHint")}</p>
      <Show when={listError(props.submission, "sopIds")}>{(message) => <p class="field-error">{message()}</p>}</Show>
      <ul class="steps">
        <For each={rows()}>
          {(row, index) => (
            <li class="step" data-sop-row={row.key} data-testid="service-sop-row">
              <SopSelect name={`sopIds.${index()}`} value={row.text} onValue={(sopId) => props.set("sops", index(), "text", sopId)} error={props.submission.fieldError(`sopIds.${index()}`)} />
              <div class="step-actions">
                <Button size="sm" variant="ghost" class="btn-danger-text" aria-label={t("packages.removeSop", { number: index() + 1 })} onClick={() => remove(index())}>
                  ×
                </Button>
              </div>
            </li>
          )}
        </For>
      </ul>
      <div>
        <Button size="sm" id={`${id}-add`} onClick={add}>
          {t("packages.addSop")}
        </Button>
      </div>
    </fieldset>
  );
}

/** Who sees the service in the portal: every client, the ones ticked here, or nobody. */
function VisibilityEditor(props: EditorProps) {
  const clients = createAsync(() => getAllClients().catch(() => []));
  const toggle = (clientId: string, on: boolean) =>
    props.set("clientIds", (list) => (on ? [...new Set([...list, clientId])] : list.filter((id) => id !== clientId)));
  return (
    <>
      <Select
        label={t("packages.visibility")}
        name="visibility"
        hint={t("packages.visibilityHint")}
        options={visibilities.map((visibility) => ({ value: visibility, label: t(`packages.visibleTo.${visibility}`) }))}
        value={props.values.visibility}
        onValue={(visibility) => props.set("visibility", visibility as ServiceVisibility)}
        error={props.submission.fieldError("visibility")}
      />
      <Show when={props.values.visibility === "chosen"}>
        <fieldset class="checklist-editor" name="clientIds" data-testid="service-clients">
          <legend class="field-label">{t("packages.chosenClients")}</legend>
          <Show when={listError(props.submission, "clientIds")}>{(message) => <p class="field-error">{message()}</p>}</Show>
          <Show when={clients()?.length} fallback={<p class="muted small">{clients() ? t("packages.noClients") : t("common.loading")}</p>}>
            <div class="choice-options">
              <For each={clients()}>
                {(client) => (
                  <label class="check">
                    <input type="checkbox" checked={props.values.clientIds.includes(client.id)} onChange={(e) => toggle(client.id, e.currentTarget.checked)} />
                    <span>{client.name}</span>
                  </label>
                )}
              </For>
            </div>
          </Show>
        </fieldset>
      </Show>
    </>
  );
}
