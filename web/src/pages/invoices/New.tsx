import { api, ApiError } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { createSubmission, Form, FormActions, type Submission } from "@baton/ui/Form";
import { formatDate, t } from "@baton/ui/i18n";
import { Select } from "@baton/ui/Select";
import { Title } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { TextArea, TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { Client, InvoiceInput } from "@baton/ui/types";
import { A, createAsync, revalidate, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, For, Index, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { Money } from "@baton/ui/money";
import { getAllClients } from "../clients/data";
import { getInvoices, getUnbilled, parseClientId } from "./data";
import { forMinutes, hoursMinutes, invalidAmount, money, parsePercent } from "./format";

type LineValues = { kind: "package" | "custom"; description: string; quantity: string; unitPrice: string };
type Values = {
  clientId: string;
  from: string;
  to: string;
  includeTime: boolean;
  lines: LineValues[];
  deposit: boolean;
  depositPercent: string;
  depositOf: string;
  depositDescription: string;
  notes: string;
};

/** Field errors found before asking the API, shown the way the API's are. */
const invalid = (fields: Record<string, string>) => new ApiError(400, "validation_failed", "", fields);

/** The typed values as the API's input; amounts typed in major units become minor units of `currency`. */
function toInput(values: Values, currency: string): InvoiceInput {
  const fields: Record<string, string> = {};
  const lines = values.lines.map((line, i) => {
    const quantity = Number(line.quantity);
    const unitAmount = Money.parseMajor(line.unitPrice, currency);
    if (!Number.isInteger(quantity) || quantity < 1) fields[`lines.${i}.quantity`] = t("invoiceNew.invalidQuantity");
    if (unitAmount === undefined) fields[`lines.${i}.unitAmount`] = invalidAmount(currency);
    return { kind: line.kind, description: line.description.trim(), quantity, unitAmount: unitAmount ?? 0 };
  });
  let deposit: InvoiceInput["deposit"];
  if (values.deposit) {
    const percent = parsePercent(values.depositPercent);
    const of = Money.parseMajor(values.depositOf, currency);
    if (percent === undefined) fields["deposit.percent"] = t("invoiceNew.invalidPercent");
    if (of === undefined) fields["deposit.of"] = invalidAmount(currency);
    deposit = { percent: percent ?? 0, of: of ?? 0, description: values.depositDescription.trim() || t("invoiceNew.depositDefault") };
  }
  if (Object.keys(fields).length) throw invalid(fields);
  const notes = values.notes.trim();
  return {
    clientId: values.clientId,
    includeTime: values.includeTime,
    ...(values.includeTime && values.from ? { from: values.from } : {}),
    ...(values.includeTime && values.to ? { to: values.to } : {}),
    lines,
    ...(deposit ? { deposit } : {}),
    ...(notes ? { notes } : {}),
  };
}

export default function NewInvoice() {
  const [params] = useSearchParams<{ client?: string }>();
  const navigate = useNavigate();
  const clients = createAsync(() => getAllClients());
  const [values, setValues] = createStore<Values>({
    clientId: parseClientId(params.client),
    from: "",
    to: "",
    includeTime: true,
    lines: [],
    deposit: false,
    depositPercent: "50",
    depositOf: "",
    depositDescription: "",
    notes: "",
  });
  const client = () => clients()?.find((c) => c.id === values.clientId);
  const submission = createSubmission();

  const submit = () =>
    submission.run(async () => {
      const c = client();
      if (!c) throw invalid({ clientId: t("invoiceNew.chooseClient") });
      const created = await api.invoices.create(toInput(values, c.currency));
      toast(t("invoiceNew.created"));
      void revalidate([getInvoices.key, getUnbilled.key]);
      navigate(`/invoices/${encodeURIComponent(created.id)}`);
    });

  const back = (
    <A href="/invoices" class="back-link">
      ← {t("invoices.back")}
    </A>
  );

  return (
    <section class="page">
      <Title>{t("invoiceNew.title")}</Title>
      <PageHeader back={back} title={t("invoiceNew.title")} />
      <Boundary>
        <Show when={clients()}>
          {(list) => (
            <Form submission={submission} onSubmit={submit} aria-label={t("invoiceNew.title")} data-testid="invoice-form" class="invoice-form">
              <section class="card stack">
                <Select
                  label={t("invoiceNew.client")}
                  name="clientId"
                  required
                  options={[{ value: "", label: t("invoiceNew.chooseClient") }, ...list().map((c) => ({ value: c.id, label: c.name }))]}
                  value={values.clientId}
                  onValue={(clientId) => setValues({ clientId })}
                  error={submission.fieldError("clientId")}
                />
                <label class="check">
                  <input type="checkbox" name="includeTime" checked={values.includeTime} onChange={(e) => setValues({ includeTime: e.currentTarget.checked })} />
                  <span>{t("invoiceNew.includeTime")}</span>
                </label>
                <Show when={values.includeTime}>
                  <div class="field-row">
                    <TextField type="date" label={t("invoiceNew.from")} name="from" value={values.from} onValue={(from) => setValues({ from })} error={submission.fieldError("from")} hint={t("invoiceNew.periodHint")} />
                    <TextField type="date" label={t("invoiceNew.to")} name="to" value={values.to} onValue={(to) => setValues({ to })} error={submission.fieldError("to")} />
                  </div>
                  <Show when={client()}>{(c) => <UnbilledTime client={c()} from={values.from} to={values.to} />}</Show>
                </Show>
              </section>

              <section class="card stack" aria-labelledby="invoice-lines-title">
                <h2 id="invoice-lines-title">{t("invoiceNew.linesTitle")}</h2>
                <Index each={values.lines}>
                  {(line, i) => (
                    <LineFields
                      index={i}
                      line={line()}
                      currency={client()?.currency ?? "USD"}
                      submission={submission}
                      set={(patch) => setValues("lines", i, patch)}
                      remove={() => setValues("lines", (lines) => lines.filter((_, j) => j !== i))}
                    />
                  )}
                </Index>
                <div>
                  <Button size="sm" onClick={() => setValues("lines", (lines) => [...lines, { kind: "custom", description: "", quantity: "1", unitPrice: "" }])}>
                    {t("invoiceNew.addLine")}
                  </Button>
                </div>
              </section>

              <section class="card stack" aria-labelledby="invoice-deposit-title">
                <h2 id="invoice-deposit-title">{t("invoiceNew.depositTitle")}</h2>
                <label class="check">
                  <input type="checkbox" name="deposit" checked={values.deposit} onChange={(e) => setValues({ deposit: e.currentTarget.checked })} />
                  <span>{t("invoiceNew.addDeposit")}</span>
                </label>
                <Show when={values.deposit}>
                  <div class="field-row">
                    <TextField label={t("invoiceNew.depositPercent")} name="deposit.percent" inputmode="decimal" required value={values.depositPercent} onValue={(depositPercent) => setValues({ depositPercent })} error={submission.fieldError("deposit.percent")} />
                    <TextField
                      label={t("invoiceNew.depositOf", { currency: client()?.currency ?? "" })}
                      name="deposit.of"
                      inputmode="decimal"
                      required
                      value={values.depositOf}
                      onValue={(depositOf) => setValues({ depositOf })}
                      error={submission.fieldError("deposit.of")}
                    />
                  </div>
                  <TextField
                    label={t("invoiceNew.depositDescription")}
                    name="deposit.description"
                    placeholder={t("invoiceNew.depositDefault")}
                    value={values.depositDescription}
                    onValue={(depositDescription) => setValues({ depositDescription })}
                    error={submission.fieldError("deposit.description")}
                  />
                </Show>
              </section>

              <section class="card stack">
                <TextArea label={t("invoiceNew.notes")} name="notes" value={values.notes} onValue={(notes) => setValues({ notes })} error={submission.fieldError("notes")} />
                <FormActions>
                  <A href="/invoices" class="btn btn-secondary">
                    {t("common.cancel")}
                  </A>
                  <Button type="submit" variant="primary" pending={submission.pending()}>
                    {t("invoiceNew.create")}
                  </Button>
                </FormActions>
              </section>
            </Form>
          )}
        </Show>
      </Boundary>
    </section>
  );
}

function LineFields(props: { index: number; line: LineValues; currency: string; submission: Submission; set: (patch: Partial<LineValues>) => void; remove: () => void }) {
  const path = (field: string) => `lines.${props.index}.${field}`;
  return (
    <fieldset class="invoice-line-fields" data-testid="invoice-line">
      <legend class="sr-only">{t("invoiceNew.linesTitle")} {props.index + 1}</legend>
      <Select
        label={t("invoiceNew.lineKind")}
        name={path("kind")}
        options={[
          { value: "custom", label: t("invoiceNew.kind.custom") },
          { value: "package", label: t("invoiceNew.kind.package") },
        ]}
        value={props.line.kind}
        onValue={(kind) => props.set({ kind: kind as LineValues["kind"] })}
      />
      <TextField label={t("invoiceNew.description")} name={path("description")} required value={props.line.description} onValue={(description) => props.set({ description })} error={props.submission.fieldError(path("description"))} />
      <TextField label={t("invoiceNew.quantity")} name={path("quantity")} type="number" min="1" step="1" inputmode="numeric" required class="field-qty" value={props.line.quantity} onValue={(quantity) => props.set({ quantity })} error={props.submission.fieldError(path("quantity"))} />
      <TextField
        label={t("invoiceNew.unitPrice", { currency: props.currency })}
        name={path("unitAmount")}
        inputmode="decimal"
        required
        class="field-amount"
        value={props.line.unitPrice}
        onValue={(unitPrice) => props.set({ unitPrice })}
        error={props.submission.fieldError(path("unitAmount"))}
      />
      <Button size="sm" variant="ghost" class="btn-danger-text" onClick={() => props.remove()} aria-label={t("invoiceNew.removeLine", { index: props.index + 1 })}>
        {t("common.remove")}
      </Button>
    </fieldset>
  );
}

/** The client's unbilled time in the period, and what it comes to at their rate (as the API will bill it). */
function UnbilledTime(props: { client: Client; from: string; to: string }) {
  return (
    <Boundary onRetry={() => revalidate(getUnbilled.key)}>
      <UnbilledTable {...props} />
    </Boundary>
  );
}

function UnbilledTable(props: { client: Client; from: string; to: string }) {
  const entries = createAsync(() => getUnbilled(props.client.id, props.from, props.to));
  const rate = () => props.client.billing.hourlyRate;
  const minutes = () => (entries()?.items ?? []).reduce((sum, entry) => sum + entry.minutes, 0);
  // The API bills one line per task, each rounded to the minor unit; so does the preview.
  const amount = () => {
    const r = rate();
    if (r === null) return 0;
    const perTask = new Map<string, number>();
    for (const entry of entries()?.items ?? []) perTask.set(entry.task?.id ?? entry.label, (perTask.get(entry.task?.id ?? entry.label) ?? 0) + entry.minutes);
    return [...perTask.values()].reduce((sum, m) => sum + forMinutes(m, r), 0);
  };
  return (
    <div class="stack" data-testid="unbilled-time">
      <h3 class="subheading">{t("invoiceNew.timeTitle")}</h3>
      <Show when={(entries()?.items.length ?? 0) > 0} fallback={<p class="muted">{t("invoiceNew.noTime")}</p>}>
        <Show when={rate() === null}>
          <p class="notice notice-warning" role="alert">
            {t("invoiceNew.noRate", { name: props.client.name })}{" "}
            <A href={`/clients/${encodeURIComponent(props.client.id)}`}>{t("invoiceNew.setRate")}</A>
          </p>
        </Show>
        <div class="table-wrap">
          <table class="table table-stack">
            <caption class="sr-only">{t("invoiceNew.timeTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("invoiceNew.date")}</th>
                <th scope="col">{t("invoiceNew.work")}</th>
                <th scope="col">{t("invoiceNew.member")}</th>
                <th scope="col" class="num">{t("invoiceNew.duration")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={entries()?.items}>
                {(entry) => (
                  <tr data-testid="unbilled-entry">
                    <td data-label={t("invoiceNew.date")}>{formatDate(entry.startedAt)}</td>
                    <td data-label={t("invoiceNew.work")}>{entry.label}</td>
                    <td data-label={t("invoiceNew.member")}>{entry.member.name}</td>
                    <td data-label={t("invoiceNew.duration")} class="num">{hoursMinutes(entry.minutes)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <Show when={rate()}>
          {(r) => (
            <p class="invoice-time-total" data-testid="unbilled-total">
              {t("invoiceNew.timeTotal", { hours: hoursMinutes(minutes()), rate: money(r(), props.client.currency), amount: money(amount(), props.client.currency) })}
            </p>
          )}
        </Show>
      </Show>
    </div>
  );
}
