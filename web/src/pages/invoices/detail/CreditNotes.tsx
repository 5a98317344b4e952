import { api, ApiError } from "@baton/ui/api";
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
// tax included, with a reason; the card lists the notes issued, each a PDF to download.

/** What is left to credit on the invoice: its total less what its notes took off already. */
export const creditLeft = (d: InvoiceDetail) => d.total - d.credited;

export function CreditNoteDialog(props: DialogProps) {
  return (
    <Dialog open={props.open} title={t("creditNote.issueTitle")} description={t("creditNote.issueBody")} onClose={props.onClose}>
      <CreditNoteForm {...props} />
    </Dialog>
  );
}

/** Rendered only while the dialog is open, so the amount starts at what is left each time. */
function CreditNoteForm(props: DialogProps) {
  const currency = props.invoice.currency;
  const [amount, setAmount] = createSignal(Money.toMajorString(creditLeft(props.invoice), currency));
  const [reason, setReason] = createSignal("");
  const submit = () =>
    props.change(async (d) => {
      const minor = Money.parseMajor(amount(), currency);
      const fields: Record<string, string> = {};
      if (!minor) fields.amount = invalidAmount(currency);
      else if (minor > creditLeft(d)) fields.amount = t("creditNote.tooMuch", { amount: money(creditLeft(d), currency) });
      if (!reason().trim()) fields.reason = t("creditNote.reasonNeeded");
      if (Object.keys(fields).length) throw new ApiError(400, "validation_failed", "", fields);
      const saved = await api.invoices.issueCreditNote(d.id, { version: d.version, amount: minor!, reason: reason().trim(), currency });
      props.onClose();
      toast(t("creditNote.issued", { number: saved.creditNotes.at(-1)?.number ?? "" }));
      await revalidate([getInvoice.keyFor(saved.id), ...invoiceListKeys]);
    });
  return (
    <Form submission={props.submission} onSubmit={() => void submit()} aria-label={t("creditNote.issueTitle")} data-testid="credit-note-form">
      <p class="muted">{t("creditNote.left", { amount: money(creditLeft(props.invoice), currency) })}</p>
      <TextField
        label={t("creditNote.amount", { currency })}
        name="amount"
        inputmode="decimal"
        required
        value={amount()}
        onValue={setAmount}
        error={props.submission.fieldError("amount")}
      />
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
