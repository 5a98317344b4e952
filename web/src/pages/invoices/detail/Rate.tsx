import { api, ApiError } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { Form, FormActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import { createResource, createSignal, Show } from "solid-js";
import { revalidate } from "@solidjs/router";
import { getInvoice, invoiceListKeys } from "../data";
import type { DialogProps } from "./actions";

// The exchange rate of an invoice in another currency than the agency's: the send step shows the
// rate kept for its currency and takes one the owner enters instead; an invoice sent without one
// can have it set afterwards (the reports then convert it).

/** A decimal rate above 0 as typed ("1.0842", "1,0842"), or null. */
const rateOf = (value: string) => {
  const text = value.trim().replace(",", ".");
  return /^\d+(\.\d+)?$/.test(text) && Number(text) > 0 ? text : null;
};

export function SendDialog(props: DialogProps & { onSend: (rate?: string) => Promise<unknown> }) {
  return (
    <Dialog open={props.open} title={t("invoice.sendTitle")} onClose={props.onClose}>
      <SendForm {...props} />
    </Dialog>
  );
}

function SendForm(props: DialogProps & { onSend: (rate?: string) => Promise<unknown> }) {
  const [rates] = createResource(() => api.agency.rates());
  const foreign = () => rates() && rates()!.currency !== props.invoice.currency;
  const kept = () => rates()?.rates.find((rate) => rate.currency === props.invoice.currency)?.rate ?? "";
  const [rate, setRate] = createSignal<string>();
  const shown = () => rate() ?? kept();
  const submit = () => {
    if (!foreign() || !shown().trim()) return props.onSend();
    const entered = rateOf(shown());
    if (!entered) return props.submission.run(async () => {
      throw new ApiError(400, "validation_failed", "", { rate: t("invoice.rateNeeded") });
    });
    // The kept rate as it is stays "kept"; any other is the owner's for this invoice.
    return props.onSend(entered === kept() ? undefined : entered);
  };
  return (
    <Form submission={props.submission} onSubmit={() => void submit()} aria-label={t("invoice.sendTitle")} data-testid="send-form">
      <p>{t("invoice.sendBody", { name: props.invoice.client.name })}</p>
      <Show when={foreign()}>
        <p class="small muted" data-testid="send-rate-hint">
          {kept()
            ? t("invoice.sendRateKept", { currency: props.invoice.currency, rate: kept(), to: rates()!.currency })
            : t("invoice.sendRateNone", { currency: props.invoice.currency })}
        </p>
        <TextField
          label={t("invoice.sendRate", { currency: props.invoice.currency, to: rates()!.currency })}
          name="rate"
          inputmode="decimal"
          value={shown()}
          onValue={setRate}
          error={props.submission.fieldError("rate")}
          data-testid="send-rate"
        />
      </Show>
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={props.submission.pending()}>
          {t("invoice.send")}
        </Button>
      </FormActions>
    </Form>
  );
}

export function SetRateDialog(props: DialogProps) {
  return (
    <Dialog open={props.open} title={t("invoice.setRateTitle")} description={t("invoice.setRateBody")} onClose={props.onClose}>
      <SetRateForm {...props} />
    </Dialog>
  );
}

function SetRateForm(props: DialogProps) {
  const [rate, setRate] = createSignal("");
  const to = () => props.invoice.exchangeRate?.to ?? "";
  const submit = () =>
    props.change(async (d) => {
      const entered = rateOf(rate());
      if (!entered) throw new ApiError(400, "validation_failed", "", { rate: t("invoice.rateNeeded") });
      const saved = await api.invoices.setRate(d.id, d.version, entered);
      await revalidate([getInvoice.keyFor(saved.id), ...invoiceListKeys]);
      props.onClose();
      toast(t("invoice.rateSet"));
    });
  return (
    <Form submission={props.submission} onSubmit={() => void submit()} aria-label={t("invoice.setRateTitle")} data-testid="set-rate-form">
      <TextField
        label={t("invoice.sendRate", { currency: props.invoice.currency, to: to() })}
        name="rate"
        inputmode="decimal"
        required
        value={rate()}
        onValue={setRate}
        error={props.submission.fieldError("rate")}
      />
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={props.submission.pending()}>
          {t("invoice.setRate")}
        </Button>
      </FormActions>
    </Form>
  );
}
