import { api, ApiError } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { Form, FormActions } from "@baton/ui/Form";
import { formatDate, t } from "@baton/ui/i18n";
import { Money } from "@baton/ui/money";
import { Select } from "@baton/ui/Select";
import { TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { InvoiceDetail } from "@baton/ui/types";
import { revalidate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { getInvoice, invoiceListKeys } from "../data";
import { invalidAmount, money } from "../format";
import type { DialogProps } from "./actions";

// Money owed back: a paid invoice credited afterwards owes the client what was paid beyond what
// it came to. The totals say how much is to refund; the owner records each refund (to the card it
// was paid by, through Stripe, or by bank transfer or otherwise with a reference), listed here.

type RefundMethod = InvoiceDetail["refunds"][number]["method"];

export function RefundDialog(props: DialogProps) {
  return (
    <Dialog open={props.open} title={t("refund.title")} description={t("refund.body")} onClose={props.onClose}>
      <RefundForm {...props} />
    </Dialog>
  );
}

/** Rendered only while the dialog is open: the amount starts at what is owed back each time. */
function RefundForm(props: DialogProps) {
  const currency = props.invoice.currency;
  // To the card only when a card paid it; the API says when Stripe is not set up.
  const byCard = props.invoice.payments.some((payment) => payment.method === "card" && !payment.credit);
  const methods: RefundMethod[] = byCard ? ["card", "bank_transfer", "other"] : ["bank_transfer", "other"];
  const [amount, setAmount] = createSignal(Money.toMajorString(props.invoice.toRefund, currency));
  const [method, setMethod] = createSignal<RefundMethod>(methods[0]!);
  const [reference, setReference] = createSignal("");
  const submit = () =>
    props.change(async (d) => {
      const minor = Money.parseMajor(amount(), currency);
      if (!minor) throw new ApiError(400, "validation_failed", "", { amount: invalidAmount(currency) });
      if (minor > d.toRefund) throw new ApiError(400, "validation_failed", "", { amount: t("refund.tooMuch", { amount: money(d.toRefund, currency) }) });
      const saved = await api.invoices.refund(d.id, { version: d.version, amount: minor, method: method(), ...(reference().trim() ? { reference: reference().trim() } : {}) });
      await revalidate([getInvoice.keyFor(saved.id), ...invoiceListKeys]);
      props.onClose();
      toast(t("refund.recorded", { amount: money(minor, currency) }));
    });
  return (
    <Form submission={props.submission} onSubmit={() => void submit()} aria-label={t("refund.title")} data-testid="refund-form">
      <p class="muted">{t("refund.due", { amount: money(props.invoice.toRefund, currency) })}</p>
      <div class="field-row">
        <TextField label={t("refund.amount", { currency })} name="amount" inputmode="decimal" required value={amount()} onValue={setAmount} error={props.submission.fieldError("amount")} />
        <Select
          label={t("refund.method")}
          name="method"
          options={methods.map((value) => ({ value, label: t(`refund.method.${value}`) }))}
          value={method()}
          onValue={(value) => setMethod(value as RefundMethod)}
          error={props.submission.fieldError("method")}
        />
      </div>
      <Show when={method() !== "card"}>
        <TextField label={t("invoice.reference")} name="reference" hint={t("refund.referenceHint")} value={reference()} onValue={setReference} error={props.submission.fieldError("reference")} />
      </Show>
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={props.submission.pending()}>
          {t("refund.record")}
        </Button>
      </FormActions>
    </Form>
  );
}

/** The totals' rows for money owed back and paid back, when there is any. */
export function RefundTotals(props: { invoice: InvoiceDetail }) {
  return (
    <>
      <Show when={props.invoice.refunded > 0}>
        <div data-testid="invoice-refunded">
          <dt>{t("refund.refunded")}</dt>
          <dd>−{money(props.invoice.refunded, props.invoice.currency)}</dd>
        </div>
      </Show>
      <Show when={props.invoice.toRefund > 0}>
        <div class="invoice-total" data-testid="invoice-to-refund">
          <dt>{t("refund.toRefund")}</dt>
          <dd>{money(props.invoice.toRefund, props.invoice.currency)}</dd>
        </div>
      </Show>
    </>
  );
}

export function RefundsCard(props: { invoice: InvoiceDetail }) {
  return (
    <section class="card" aria-labelledby="invoice-refunds-title" data-testid="refunds">
      <h2 id="invoice-refunds-title">{t("refund.listTitle")}</h2>
      <div class="table-wrap">
        <table class="table table-stack">
          <caption class="sr-only">{t("refund.listTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("refund.on")}</th>
              <th scope="col">{t("refund.method")}</th>
              <th scope="col">{t("invoice.reference")}</th>
              <th scope="col" class="num">{t("invoice.amount")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.invoice.refunds}>
              {(refund) => (
                <tr data-testid="refund-row">
                  <td data-label={t("refund.on")}>{formatDate(refund.refundedAt)}</td>
                  <td data-label={t("refund.method")}>
                    {t(`refund.method.${refund.method}`)}
                    <Show when={refund.status === "pending"}> · {t("refund.pending")}</Show>
                  </td>
                  <td data-label={t("invoice.reference")}>{refund.reference ?? "—"}</td>
                  <td data-label={t("invoice.amount")} class="num">
                    {money(refund.amount, props.invoice.currency)}
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
