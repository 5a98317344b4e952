import { DateField } from "@baton/ui/DatePicker";
import { todayIn } from "@baton/kernel/dates";
import { api, ApiError } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { Form, FormActions } from "@baton/ui/Form";
import { t, viewerTimeZone } from "@baton/ui/i18n";
import { Money } from "@baton/ui/money";
import { Select } from "@baton/ui/Select";
import { TextArea, TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { PaymentMethod } from "@baton/ui/types";
import { revalidate } from "@solidjs/router";
import { createSignal } from "solid-js";
import { dateAtTime } from "../../../lib/time";
import { getInvoice, invoiceListKeys } from "../data";
import { invalidAmount, money } from "../format";
import { linkedKeys, type DialogProps } from "./actions";

// The invoice's dialogs that ask for more than a yes: voiding (with a reason) and recording a payment.

const paymentMethods: PaymentMethod[] = ["bank_transfer", "wise", "paypal", "card", "cash", "other"];

/** Today's date (YYYY-MM-DD) in the viewer's zone, for a date input. */
const today = () => todayIn(viewerTimeZone());

export function VoidDialog(props: DialogProps) {
  const [reason, setReason] = createSignal("");
  const submit = () =>
    props.change(async (d) => {
      const voided = await api.invoices.void(d.id, d.version, reason().trim() || undefined);
      await revalidate([getInvoice.keyFor(d.id), ...invoiceListKeys, ...linkedKeys(d)]);
      props.onClose();
      toast(t("invoice.voided", { number: voided.number ?? "" }));
    });
  return (
    <Dialog open={props.open} title={t("invoice.voidTitle")} description={t("invoice.voidBody")} onClose={props.onClose}>
      <Form submission={props.submission} onSubmit={() => void submit()} aria-label={t("invoice.voidTitle")}>
        <TextArea label={t("invoice.voidReason")} name="reason" rows={2} value={reason()} onValue={setReason} error={props.submission.fieldError("reason")} />
        <FormActions>
          <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
          <Button type="submit" variant="danger" pending={props.submission.pending()}>
            {t("invoice.void")}
          </Button>
        </FormActions>
      </Form>
    </Dialog>
  );
}

export function PaymentDialog(props: DialogProps) {
  return (
    <Dialog open={props.open} title={t("invoice.recordPayment")} onClose={props.onClose}>
      <PaymentForm {...props} />
    </Dialog>
  );
}

/** Rendered only while the dialog is open, so the amount starts at the current balance each time. */
function PaymentForm(props: DialogProps) {
  const currency = props.invoice.currency;
  const [amount, setAmount] = createSignal(Money.toMajorString(props.invoice.balance, currency));
  const [method, setMethod] = createSignal<PaymentMethod>("bank_transfer");
  const [reference, setReference] = createSignal("");
  const [date, setDate] = createSignal(today());
  const submit = () =>
    props.change(async (d) => {
      const minor = Money.parseMajor(amount(), currency);
      if (!minor) throw new ApiError(400, "validation_failed", "", { amount: invalidAmount(currency) });
      // Today means now; an earlier day is recorded at noon of that day in the viewer's zone.
      const receivedAt = date() && date() !== today() ? dateAtTime(date(), "12:00", viewerTimeZone()) : null;
      const saved = await api.invoices.recordPayment(d.id, {
        amount: minor,
        method: method(),
        ...(reference().trim() ? { reference: reference().trim() } : {}),
        ...(receivedAt ? { receivedAt } : {}),
      });
      await revalidate([getInvoice.keyFor(saved.id), ...invoiceListKeys]);
      props.onClose();
      toast(t("invoice.paymentRecorded", { amount: money(minor, currency) }));
    });
  return (
    <Form submission={props.submission} onSubmit={() => void submit()} aria-label={t("invoice.recordPayment")} data-testid="payment-form">
      <div class="field-row">
        <TextField
          label={t("invoice.paymentAmount", { currency })}
          name="amount"
          inputmode="decimal"
          required
          value={amount()}
          onValue={setAmount}
          error={props.submission.fieldError("amount")}
        />
        <Select
          label={t("invoice.method")}
          name="method"
          options={paymentMethods.map((value) => ({ value, label: t(`paymentMethod.${value}`) }))}
          value={method()}
          onValue={(value) => setMethod(value as PaymentMethod)}
          error={props.submission.fieldError("method")}
        />
      </div>
      <div class="field-row">
        <TextField label={t("invoice.reference")} name="reference" value={reference()} onValue={setReference} error={props.submission.fieldError("reference")} />
        <DateField label={t("invoice.paymentDate")} name="receivedAt" max={today()} value={date()} onValue={setDate} error={props.submission.fieldError("receivedAt")} />
      </div>
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={props.submission.pending()}>
          {t("invoice.recordPayment")}
        </Button>
      </FormActions>
    </Form>
  );
}
