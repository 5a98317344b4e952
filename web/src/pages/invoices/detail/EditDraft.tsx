import { DateField } from "@baton/ui/DatePicker";
import { api, ApiError } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { Form, FormActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { Money } from "@baton/ui/money";
import { TextArea, TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import { revalidate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { getInvoice, invoiceListKeys } from "../data";
import { invalidAmount } from "../format";
import type { DialogProps } from "./actions";

// Editing a draft: each line's description, quantity and price (a time line's minutes; its price
// is the client's rate), removing a line (its time is unbilled again), the PO, notes and terms.
// The server works the totals out again; a 409 (changed or sent meanwhile) reloads the invoice.

export function EditDraftDialog(props: DialogProps) {
  return (
    <Dialog open={props.open} title={t("invoice.editTitle")} onClose={props.onClose}>
      <EditDraftForm {...props} />
    </Dialog>
  );
}

type Row = { index: number; kind: string; description: string; quantity: string; price: string; removed: boolean };

function EditDraftForm(props: DialogProps) {
  const currency = props.invoice.currency;
  const [rows, setRows] = createStore<Row[]>(
    props.invoice.lines.map((line, index) => ({ index, kind: line.kind, description: line.description, quantity: String(line.quantity), price: Money.toMajorString(line.unitAmount, currency), removed: false })),
  );
  const [purchaseOrder, setPurchaseOrder] = createSignal(props.invoice.purchaseOrder ?? "");
  const [notes, setNotes] = createSignal(props.invoice.notes ?? "");
  const [terms, setTerms] = createSignal(String(props.invoice.paymentTermsDays));
  const [issueDate, setIssueDate] = createSignal(props.invoice.issueDate ?? "");
  const [dueDate, setDueDate] = createSignal(props.invoice.dueDate ?? "");
  const submit = () =>
    props.change(async (d) => {
      const kept = rows.filter((row) => !row.removed);
      const lines = kept.map((row, at) => {
        const quantity = Number(row.quantity);
        if (row.index < 0) {
          // A new custom line: the server checks its wording; the numbers are checked here first.
          const price = Money.parseMajor(row.price, currency);
          if (!Number.isInteger(quantity) || quantity < 1) throw new ApiError(400, "validation_failed", "", { [`lines.${at}.quantity`]: t("invoice.editQuantity") });
          if (price === null || price === undefined || price < 0) throw new ApiError(400, "validation_failed", "", { [`lines.${at}.unitAmount`]: invalidAmount(currency) });
          return { kind: "custom" as const, description: row.description.trim(), quantity, unitAmount: price };
        }
        const old = d.lines[row.index]!;
        const line: { index: number; description?: string; quantity?: number; unitAmount?: number } = { index: row.index };
        if (row.description.trim() !== old.description) line.description = row.description.trim();
        if (row.kind === "deposit") return line;
        if (!Number.isInteger(quantity) || quantity < 1) throw new ApiError(400, "validation_failed", "", { [`lines.${at}.quantity`]: t("invoice.editQuantity") });
        if (quantity !== old.quantity) line.quantity = quantity;
        if (row.kind !== "time") {
          const price = Money.parseMajor(row.price, currency);
          if (price === null || price === undefined || price < 0) throw new ApiError(400, "validation_failed", "", { [`lines.${at}.unitAmount`]: invalidAmount(currency) });
          if (price !== old.unitAmount) line.unitAmount = price;
        }
        return line;
      });
      const saved = await api.invoices.editDraft(d.id, {
        version: d.version,
        ...(rows.some((row) => row.removed || row.index < 0) || lines.some((line) => Object.keys(line).length > 1) ? { lines } : {}),
        purchaseOrder: purchaseOrder().trim(),
        notes: notes().trim(),
        paymentTermsDays: Number(terms()),
        // Blank: issued the day it is sent, due after its terms.
        issueDate: issueDate() || null,
        dueDate: dueDate() || null,
      });
      await revalidate([getInvoice.keyFor(saved.id), ...invoiceListKeys]);
      props.onClose();
      toast(t("invoice.edited"));
    });
  /** Field errors come back by the line's place among the kept lines. */
  const errorOf = (row: Row, name: string) => {
    const at = rows.filter((r) => !r.removed).indexOf(row);
    return at < 0 ? undefined : props.submission.fieldError(`lines.${at}.${name}`);
  };
  return (
    <Form submission={props.submission} onSubmit={() => void submit()} aria-label={t("invoice.editTitle")} data-testid="edit-draft-form">
      <For each={rows}>
        {(row, i) => (
          <fieldset class="stack" data-testid={`edit-line-${i()}`} disabled={row.removed}>
            <legend>{t("invoice.editLine", { number: String(i() + 1) })}</legend>
            <Show when={!row.removed} fallback={<p>{t("invoice.editRemoved", { description: row.description })}</p>}>
              <TextField label={t("invoice.editDescription")} name={`description-${i()}`} required value={row.description} onValue={(value) => setRows(i(), "description", value)} error={errorOf(row, "description")} />
              <Show when={row.kind !== "deposit"}>
                <div class="field-row">
                  <TextField
                    label={row.kind === "time" ? t("invoice.editMinutes") : t("invoice.editQuantityLabel")}
                    name={`quantity-${i()}`}
                    inputmode="numeric"
                    required
                    value={row.quantity}
                    onValue={(value) => setRows(i(), "quantity", value)}
                    error={errorOf(row, "quantity")}
                  />
                  <Show when={row.kind !== "time"}>
                    <TextField label={t("invoice.editPrice", { currency })} name={`price-${i()}`} inputmode="decimal" required value={row.price} onValue={(value) => setRows(i(), "price", value)} error={errorOf(row, "unitAmount")} />
                  </Show>
                </div>
              </Show>
            </Show>
            <Show when={row.kind !== "deposit"}>
              <Button class="btn-danger-text" onClick={() => setRows(i(), "removed", !row.removed)} data-testid={`edit-remove-${i()}`}>
                {row.removed ? t("invoice.editKeep") : t("invoice.editRemove")}
              </Button>
            </Show>
          </fieldset>
        )}
      </For>
      <Button onClick={() => setRows(rows.length, { index: -1, kind: "custom", description: "", quantity: "1", price: "", removed: false })} data-testid="edit-add-line">
        {t("invoice.editAddLine")}
      </Button>
      <div class="field-row">
        <TextField label={t("invoice.editPo")} name="purchaseOrder" value={purchaseOrder()} onValue={setPurchaseOrder} error={props.submission.fieldError("purchaseOrder")} data-testid="edit-po" />
        <TextField label={t("invoice.editTerms")} name="paymentTermsDays" inputmode="numeric" value={terms()} onValue={setTerms} error={props.submission.fieldError("paymentTermsDays")} />
      </div>
      <div class="field-row">
        <DateField label={t("invoice.editIssueDate")} name="issueDate" value={issueDate()} onValue={setIssueDate} error={props.submission.fieldError("issueDate")} data-testid="edit-issue-date" />
        <DateField label={t("invoice.editDueDate")} name="dueDate" min={issueDate() || undefined} value={dueDate()} onValue={setDueDate} error={props.submission.fieldError("dueDate")} data-testid="edit-due-date" />
      </div>
      <p class="small muted">{t("invoice.editDatesHint")}</p>
      <TextArea label={t("invoice.notesTitle")} name="notes" rows={3} value={notes()} onValue={setNotes} error={props.submission.fieldError("notes")} />
      <Show when={props.submission.fieldError("lines")}>{(message) => <p class="field-error" role="alert">{message()}</p>}</Show>
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={props.submission.pending()} data-testid="edit-save">
          {t("invoice.editSave")}
        </Button>
      </FormActions>
    </Form>
  );
}
