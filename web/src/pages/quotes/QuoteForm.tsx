import { DateField } from "@baton/ui/DatePicker";
import { Button } from "@baton/ui/Button";
import { Form, FormActions, type Submission } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { Money } from "@baton/ui/money";
import { Select } from "@baton/ui/Select";
import { TextArea, TextField } from "@baton/ui/TextField";
import type { Quote, QuoteEdit } from "@baton/ui/types";
import { Index, Show, type JSX } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";

// The quote's own fields (lines, validity, deposit, terms), shared by the new-quote page and the
// edit page: both send the same shape, the edit adding the version it read.

export type QuoteLineValues = { kind: "package" | "custom"; packageId: string; description: string; quantity: string; price: string };
export type QuoteValues = { clientId: string; title: string; validUntil: string; terms: string; deposit: string; lines: QuoteLineValues[] };

export const blankLine = (): QuoteLineValues => ({ kind: "package", packageId: "", description: "", quantity: "1", price: "" });

/** A stored quote as form values: catalog lines keep their service, custom lines their price in major units. */
export function valuesOf(quote: Quote): QuoteValues {
  return {
    clientId: quote.clientId,
    title: quote.title,
    validUntil: quote.validUntil,
    terms: quote.terms ?? "",
    deposit: String(quote.depositPercent / 100),
    lines: quote.lines.map((line) =>
      line.kind === "package" && line.packageId
        ? { kind: "package", packageId: line.packageId, description: line.description, quantity: String(line.quantity), price: "" }
        : { kind: "custom", packageId: "", description: line.description, quantity: String(line.quantity), price: Money.toMajorString(line.unitAmount, quote.currency) },
    ),
  };
}

/** The wire shape both the create and the edit send (a price that doesn't parse is sent as -1: the API names the field). */
export function fieldsOf(values: QuoteValues, currency: string): Omit<QuoteEdit, "version"> {
  return {
    title: values.title,
    validUntil: values.validUntil,
    ...(values.terms.trim() ? { terms: values.terms } : {}),
    depositPercent: Math.round(Number(values.deposit || "0") * 100),
    lines: values.lines.map((line) =>
      line.kind === "package"
        ? { kind: "package" as const, packageId: line.packageId, quantity: Number(line.quantity) }
        : { kind: "custom" as const, description: line.description, quantity: Number(line.quantity), unitAmount: Money.parseMajor(line.price, currency) ?? -1 },
    ),
  };
}

export function QuoteForm(props: {
  values: QuoteValues;
  setValues: SetStoreFunction<QuoteValues>;
  submission: Submission;
  onSubmit: () => void;
  label: string;
  currency: string;
  packages: { id: string; name: string }[];
  /** What picks or names the client (a select for a new blank quote, a line of text otherwise). */
  client: JSX.Element;
  submitLabel: string;
  testId: string;
  submitTestId: string;
  cancel?: JSX.Element;
}) {
  const values = () => props.values;
  const setValues = props.setValues;
  const submission = props.submission;
  return (
    <Form submission={submission} onSubmit={props.onSubmit} aria-label={props.label} data-testid={props.testId}>
      <div class="card">
        {props.client}
        <TextField label={t("quotes.field.title")} name="title" required maxlength={150} value={values().title} onValue={(v) => setValues("title", v)} error={submission.fieldError("title")} />
      </div>
      <div class="card">
        <h2>{t("quotes.lines")}</h2>
        <Index each={values().lines}>
          {(line, index) => (
            <fieldset class="invoice-line-fields" data-testid="quote-line">
              <legend class="sr-only">{t("quotes.lineN", { number: String(index + 1) })}</legend>
              <Select
                label={t("quotes.lineKind")}
                name={`lines.${index}.kind`}
                value={line().kind}
                onValue={(v) => setValues("lines", index, "kind", v as QuoteLineValues["kind"])}
                options={[
                  { value: "package", label: t("quotes.kind.package") },
                  { value: "custom", label: t("quotes.kind.custom") },
                ]}
              />
              <Show
                when={line().kind === "package"}
                fallback={
                  <>
                    <TextField label={t("quotes.field.description")} name={`lines.${index}.description`} value={line().description} onValue={(v) => setValues("lines", index, "description", v)} error={submission.fieldError(`lines.${index}.description`)} />
                    <TextField label={t("quotes.field.price", { currency: props.currency })} name={`lines.${index}.unitAmount`} inputmode="decimal" value={line().price} onValue={(v) => setValues("lines", index, "price", v)} error={submission.fieldError(`lines.${index}.unitAmount`)} />
                  </>
                }
              >
                <Select
                  label={t("quotes.field.service")}
                  name={`lines.${index}.packageId`}
                  value={line().packageId}
                  onValue={(v) => setValues("lines", index, "packageId", v)}
                  options={[{ value: "", label: t("quotes.chooseService") }, ...props.packages.map((p) => ({ value: p.id, label: p.name }))]}
                  error={submission.fieldError(`lines.${index}.packageId`)}
                />
              </Show>
              <TextField label={t("quotes.field.quantity")} name={`lines.${index}.quantity`} class="field-qty" inputmode="numeric" value={line().quantity} onValue={(v) => setValues("lines", index, "quantity", v)} error={submission.fieldError(`lines.${index}.quantity`)} />
              <Show when={values().lines.length > 1}>
                <Button size="sm" variant="ghost" class="btn-danger-text" onClick={() => setValues("lines", (lines) => lines.filter((_, i) => i !== index))}>
                  {t("quotes.removeLine", { number: String(index + 1) })}
                </Button>
              </Show>
            </fieldset>
          )}
        </Index>
        <Show when={submission.fieldError("lines")}>
          <p class="field-error">{submission.fieldError("lines")}</p>
        </Show>
        <Show when={values().lines.length < 20}>
          <Button onClick={() => setValues("lines", (lines) => [...lines, blankLine()])} data-testid="add-line">
            {t("quotes.addLine")}
          </Button>
        </Show>
      </div>
      <div class="card">
        <DateField label={t("quotes.field.validUntil")} name="validUntil" required value={values().validUntil} onValue={(v) => setValues("validUntil", v)} error={submission.fieldError("validUntil")} />
        <TextField label={t("quotes.field.deposit")} name="depositPercent" inputmode="decimal" hint={t("quotes.depositHint")} value={values().deposit} onValue={(v) => setValues("deposit", v)} error={submission.fieldError("depositPercent")} />
        <TextArea label={t("quotes.field.terms")} name="terms" maxlength={5000} value={values().terms} onValue={(v) => setValues("terms", v)} error={submission.fieldError("terms")} />
      </div>
      <FormActions>
        {props.cancel}
        <Button type="submit" variant="primary" pending={submission.pending()} data-testid={props.submitTestId}>
          {props.submitLabel}
        </Button>
      </FormActions>
    </Form>
  );
}
