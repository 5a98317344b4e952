import { api, ApiError, isApiError } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { Form, FormActions } from "@baton/ui/Form";
import { formatDate, t } from "@baton/ui/i18n";
import { Money } from "@baton/ui/money";
import { TextArea, TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { InvoiceDetail } from "@baton/ui/types";
import { revalidate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { getInvoice, invoiceListKeys } from "../data";
import { invalidAmount, money } from "../format";
import type { DialogProps } from "./actions";

// Credit notes: a sent invoice is corrected by one (never edited). The dialog credits an amount,
// tax included, or the invoice's lines (each at most what it has left, with a running total),
// with a reason; the card lists the notes issued, each a PDF to download.

/** What is left to credit on the invoice: its total less what its notes took off already. */
export const creditLeft = (d: InvoiceDetail) => d.total - d.credited;

export function CreditNoteDialog(props: DialogProps) {
  return (
    <Dialog open={props.open} title={t("creditNote.issueTitle")} description={t("creditNote.issueBody")} onClose={props.onClose}>
      <CreditNoteForm {...props} />
    </Dialog>
  );
}

type Mode = "amount" | "lines";

/** The lines' errors from the API ("lines.2.amount": the third line sent) under the inputs they came from. */
function onLines(e: unknown, sentFrom: number[]): never {
  if (!isApiError(e) || e.status !== 400) throw e;
  const fields: Record<string, string> = {};
  for (const [name, message] of Object.entries(e.fields)) {
    const match = /^lines\.(\d+)\./.exec(name);
    fields[match ? `line-${sentFrom[Number(match[1])]}` : name] = message;
  }
  throw new ApiError(e.status, e.code, e.message, fields);
}

/** Rendered only while the dialog is open, so the amount starts at what is left each time. */
function CreditNoteForm(props: DialogProps) {
  const currency = props.invoice.currency;
  const [mode, setMode] = createSignal<Mode>("amount");
  const [amount, setAmount] = createSignal(Money.toMajorString(creditLeft(props.invoice), currency));
  const [reason, setReason] = createSignal("");
  // By lines: what the owner typed for each invoice line (by its place), before tax.
  const [typed, setTyped] = createSignal<Record<number, string>>({});
  const leftOn = (index: number) => props.invoice.linesLeftToCredit[index] ?? 0;
  const parsed = () =>
    Object.entries(typed())
      .filter(([, text]) => text.trim() !== "")
      .map(([index, text]) => ({ index: Number(index), minor: Money.parseMajor(text, currency) }));
  /** The running total of the lines typed so far, as the API will sum them (crediting all that is left takes exactly that). */
  const sums = () => {
    const subtotal = parsed().reduce((sum, line) => sum + (line.minor ?? 0), 0);
    const subtotalLeft = props.invoice.subtotal - props.invoice.creditNotes.reduce((sum, note) => sum + note.subtotal, 0);
    const tax = Money.percentOf(subtotal, props.invoice.taxRate);
    return subtotal && subtotal === subtotalLeft ? { subtotal, tax: creditLeft(props.invoice) - subtotal, total: creditLeft(props.invoice) } : { subtotal, tax, total: subtotal + tax };
  };
  const submit = () =>
    props.change(async (d) => {
      const fields: Record<string, string> = {};
      if (!reason().trim()) fields.reason = t("creditNote.reasonNeeded");
      if (mode() === "lines") {
        const lines = parsed();
        for (const line of lines) {
          if (!line.minor) fields[`line-${line.index}`] = invalidAmount(currency);
          else if (line.minor > leftOn(line.index)) fields[`line-${line.index}`] = t("creditNote.lineTooMuch", { amount: money(leftOn(line.index), currency) });
        }
        if (!lines.length) fields.lines = t("creditNote.noLines");
        else if (!Object.keys(fields).some((name) => name.startsWith("line-")) && sums().total > creditLeft(d)) fields.lines = t("creditNote.tooMuch", { amount: money(creditLeft(d), currency) });
        if (Object.keys(fields).length) throw new ApiError(400, "validation_failed", "", fields);
        const sentFrom = lines.map((line) => line.index);
        const body = { version: d.version, reason: reason().trim(), currency, lines: lines.map((line) => ({ description: d.lines[line.index]!.description, amount: line.minor!, line: line.index })) };
        const saved = await api.invoices.issueCreditNote(d.id, body).catch((e) => onLines(e, sentFrom));
        return done(saved);
      }
      const minor = Money.parseMajor(amount(), currency);
      if (!minor) fields.amount = invalidAmount(currency);
      else if (minor > creditLeft(d)) fields.amount = t("creditNote.tooMuch", { amount: money(creditLeft(d), currency) });
      if (Object.keys(fields).length) throw new ApiError(400, "validation_failed", "", fields);
      return done(await api.invoices.issueCreditNote(d.id, { version: d.version, amount: minor!, reason: reason().trim(), currency }));
    });
  const done = async (saved: InvoiceDetail) => {
    await revalidate([getInvoice.keyFor(saved.id), ...invoiceListKeys]);
    props.onClose();
    toast(t("creditNote.issued", { number: saved.creditNotes.at(-1)?.number ?? "" }));
  };
  return (
    <Form submission={props.submission} onSubmit={() => void submit()} aria-label={t("creditNote.issueTitle")} data-testid="credit-note-form">
      <p class="muted">{t("creditNote.left", { amount: money(creditLeft(props.invoice), currency) })}</p>
      <fieldset class="check-group">
        <legend>{t("creditNote.by")}</legend>
        <div class="check-row">
          <label class="check">
            <input type="radio" name="credit-by" checked={mode() === "amount"} onChange={() => setMode("amount")} />
            <span>{t("creditNote.byAmount")}</span>
          </label>
          <label class="check">
            <input type="radio" name="credit-by" checked={mode() === "lines"} onChange={() => setMode("lines")} data-testid="credit-by-lines" />
            <span>{t("creditNote.byLines")}</span>
          </label>
        </div>
      </fieldset>
      <Show
        when={mode() === "lines"}
        fallback={
          <TextField
            label={t("creditNote.amount", { currency })}
            name="amount"
            inputmode="decimal"
            required
            value={amount()}
            onValue={setAmount}
            error={props.submission.fieldError("amount")}
          />
        }
      >
        <fieldset name="lines" class="credit-lines" data-testid="credit-lines" aria-describedby="credit-lines-hint">
          <legend class="field-label">{t("creditNote.linesLegend", { currency })}</legend>
          <p id="credit-lines-hint" class="muted small">
            {t("creditNote.linesHint")}
          </p>
          <For each={props.invoice.lines}>
            {(line, index) => (
              <Show
                when={leftOn(index()) > 0}
                fallback={
                  <p class="credit-line-done small">
                    <strong>{line.description}</strong> · <span class="muted">{line.amount > 0 ? t("creditNote.lineDone") : money(line.amount, currency)}</span>
                  </p>
                }
              >
                <TextField
                  label={line.description}
                  name={`line-${index()}`}
                  inputmode="decimal"
                  placeholder="0"
                  hint={t("creditNote.lineLeft", { billed: money(line.amount, currency), left: money(leftOn(index()), currency) })}
                  value={typed()[index()] ?? ""}
                  onValue={(text) => setTyped({ ...typed(), [index()]: text })}
                  error={props.submission.fieldError(`line-${index()}`)}
                />
              </Show>
            )}
          </For>
          <Show when={props.submission.fieldError("lines")}>
            <p class="field-error">{props.submission.fieldError("lines")}</p>
          </Show>
          <dl class="invoice-totals credit-sums" aria-live="polite" data-testid="credit-lines-total">
            <div>
              <dt>{t("creditNote.beforeTax")}</dt>
              <dd>{money(sums().subtotal, currency)}</dd>
            </div>
            <Show when={props.invoice.taxRate > 0}>
              <div>
                <dt>{props.invoice.taxName}</dt>
                <dd>{money(sums().tax, currency)}</dd>
              </div>
            </Show>
            <div>
              <dt>
                <strong>{t("creditNote.totalCredited")}</strong>
              </dt>
              <dd>
                <strong>{money(sums().total, currency)}</strong>
              </dd>
            </div>
          </dl>
        </fieldset>
      </Show>
      <TextArea label={t("creditNote.reason")} name="reason" rows={2} required value={reason()} onValue={setReason} error={props.submission.fieldError("reason")} />
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={props.submission.pending()}>
          {t("creditNote.issue")}
        </Button>
      </FormActions>
    </Form>
  );
}

export function CreditNotesCard(props: { invoice: InvoiceDetail }) {
  return (
    <section class="card" aria-labelledby="invoice-credit-notes-title" data-testid="credit-notes">
      <h2 id="invoice-credit-notes-title">{t("creditNote.listTitle")}</h2>
      <div class="table-wrap">
        <table class="table table-stack">
          <caption class="sr-only">{t("creditNote.listTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("creditNote.number")}</th>
              <th scope="col">{t("creditNote.issuedOn")}</th>
              <th scope="col">{t("creditNote.reason")}</th>
              <th scope="col" class="num">{t("invoice.amount")}</th>
              <th scope="col">
                <span class="sr-only">{t("invoice.downloadPdf")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={props.invoice.creditNotes}>
              {(note) => (
                <tr data-testid="credit-note-row">
                  <td data-label={t("creditNote.number")}>{note.number}</td>
                  <td data-label={t("creditNote.issuedOn")}>{formatDate(note.issuedAt)}</td>
                  <td data-label={t("creditNote.reason")}>{note.reason}</td>
                  <td data-label={t("invoice.amount")} class="num">
                    −{money(note.total, note.currency)}
                  </td>
                  <td>
                    <a href={api.invoices.creditNotePdfUrl(props.invoice.id, note.id)} download="" aria-label={t("creditNote.downloadLabel", { number: note.number })}>
                      {t("invoice.downloadPdf")}
                    </a>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The credited row of the totals, when notes took something off. */
export function CreditedTotal(props: { invoice: InvoiceDetail }) {
  return (
    <Show when={props.invoice.credited > 0}>
      <div data-testid="invoice-credited">
        <dt>{t("creditNote.credited")}</dt>
        <dd>−{money(props.invoice.credited, props.invoice.currency)}</dd>
      </div>
    </Show>
  );
}
