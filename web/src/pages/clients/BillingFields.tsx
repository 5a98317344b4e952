import { ApiError } from "@baton/ui/api";
import type { Submission } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { TextField } from "@baton/ui/TextField";
import type { Client, ClientBilling } from "@baton/ui/types";
import { Show } from "solid-js";
import { Money } from "@baton/ui/money";
import { invalidAmount, parsePercent, percentText } from "../invoices/format";
import { IncrementFields, incrementValues, toIncrementInput, type IncrementValues } from "../../components/IncrementFields";

/** A client's billing as typed: amounts in major units of the client's currency, the tax rate in percent. */
export type BillingValues = {
  hourlyRate: string;
  paymentTermsDays: string;
  taxName: string;
  taxRate: string;
  /** The deposit asked up front on package work, in percent ("" or "0": none). */
  depositRate: string;
  retainer: boolean;
  retainerFee: string;
  retainerHours: string;
  /** How this client's time is rounded; step "" follows the agency's rule. */
  increment: IncrementValues;
};

export const billingValues = (client: Client): BillingValues => {
  const b = client.billing;
  return {
    hourlyRate: b.hourlyRate === null ? "" : Money.toMajorString(b.hourlyRate, client.currency),
    paymentTermsDays: String(b.paymentTermsDays),
    taxName: b.taxName,
    taxRate: percentText(b.taxRate),
    depositRate: b.depositRate ? percentText(b.depositRate) : "",
    retainer: !!b.retainer,
    retainerFee: b.retainer ? Money.toMajorString(b.retainer.fee, client.currency) : "",
    retainerHours: b.retainer ? String(b.retainer.includedMinutes / 60) : "",
    increment: incrementValues(b.increment),
  };
};

/** The typed values as the API's `billing`; throws a field error for anything that isn't a number of the right kind. */
export function toBillingInput(values: BillingValues, currency: string): ClientBilling {
  const fields: Record<string, string> = {};
  const rate = values.hourlyRate.trim() === "" ? null : Money.parseMajor(values.hourlyRate, currency);
  if (rate === undefined) fields["billing.hourlyRate"] = invalidAmount(currency);
  const days = Number(values.paymentTermsDays);
  if (values.paymentTermsDays.trim() === "" || !Number.isInteger(days)) fields["billing.paymentTermsDays"] = t("billing.invalidDays");
  const taxRate = values.taxRate.trim() === "" ? 0 : parsePercent(values.taxRate);
  if (taxRate === undefined) fields["billing.taxRate"] = t("invoiceNew.invalidPercent");
  const depositRate = values.depositRate.trim() === "" ? 0 : parsePercent(values.depositRate);
  if (depositRate === undefined) fields["billing.depositRate"] = t("invoiceNew.invalidPercent");
  let retainer: ClientBilling["retainer"] = null;
  if (values.retainer) {
    const fee = Money.parseMajor(values.retainerFee, currency);
    const minutes = Number(values.retainerHours.replace(",", ".")) * 60;
    if (fee === undefined) fields["billing.retainer.fee"] = invalidAmount(currency);
    if (values.retainerHours.trim() === "" || !Number.isInteger(minutes) || minutes < 0) fields["billing.retainer.includedMinutes"] = t("billing.invalidHours");
    retainer = { fee: fee ?? 0, includedMinutes: minutes };
  }
  if (Object.keys(fields).length) throw new ApiError(400, "validation_failed", "", fields);
  return {
    hourlyRate: rate ?? null,
    paymentTermsDays: days,
    taxName: values.taxName.trim(),
    taxRate: taxRate ?? 0,
    depositRate: depositRate ?? 0,
    retainer,
    increment: toIncrementInput(values.increment),
  };
}

export function BillingFields(props: {
  values: BillingValues;
  currency: string;
  set: (patch: Partial<BillingValues>) => void;
  submission: Submission;
  /** The agency's billing increment, offered as the client's default. */
  agencyIncrement: Money.BillingIncrement | undefined;
}) {
  const s = props.submission;
  return (
    <>
      <p class="muted small">{t("billing.intro", { currency: props.currency })}</p>
      <div class="field-row">
        <TextField
          label={t("billing.hourlyRate", { currency: props.currency })}
          name="billing.hourlyRate"
          inputmode="decimal"
          hint={t("billing.hourlyRateHint")}
          value={props.values.hourlyRate}
          onValue={(hourlyRate) => props.set({ hourlyRate })}
          error={s.fieldError("billing.hourlyRate")}
        />
        <TextField
          label={t("billing.terms")}
          name="billing.paymentTermsDays"
          type="number"
          inputmode="numeric"
          min="0"
          max="120"
          step="1"
          required
          hint={t("billing.termsHint")}
          value={props.values.paymentTermsDays}
          onValue={(paymentTermsDays) => props.set({ paymentTermsDays })}
          error={s.fieldError("billing.paymentTermsDays")}
        />
      </div>
      <div class="field-row">
        <TextField label={t("billing.taxName")} name="billing.taxName" required maxlength={40} value={props.values.taxName} onValue={(taxName) => props.set({ taxName })} error={s.fieldError("billing.taxName")} />
        <TextField label={t("billing.taxRate")} name="billing.taxRate" inputmode="decimal" value={props.values.taxRate} onValue={(taxRate) => props.set({ taxRate })} error={s.fieldError("billing.taxRate")} />
      </div>
      <TextField
        label={t("billing.depositRate")}
        name="billing.depositRate"
        inputmode="decimal"
        hint={t("billing.depositRateHint")}
        value={props.values.depositRate}
        onValue={(depositRate) => props.set({ depositRate })}
        error={s.fieldError("billing.depositRate")}
      />
      <fieldset class="check-group">
        <legend>{t("billing.retainer")}</legend>
        <div class="check-row">
          <label class="check">
            <input type="radio" name="billing.retainer" checked={!props.values.retainer} onChange={() => props.set({ retainer: false })} />
            <span>{t("billing.noRetainer")}</span>
          </label>
          <label class="check">
            <input type="radio" name="billing.retainer" checked={props.values.retainer} onChange={() => props.set({ retainer: true })} />
            <span>{t("billing.hasRetainer")}</span>
          </label>
        </div>
      </fieldset>
      <Show when={props.values.retainer}>
        <div class="field-row">
          <TextField
            label={t("billing.retainerFee", { currency: props.currency })}
            name="billing.retainer.fee"
            inputmode="decimal"
            required
            value={props.values.retainerFee}
            onValue={(retainerFee) => props.set({ retainerFee })}
            error={s.fieldError("billing.retainer.fee")}
          />
          <TextField
            label={t("billing.retainerHours")}
            name="billing.retainer.includedMinutes"
            inputmode="decimal"
            required
            value={props.values.retainerHours}
            onValue={(retainerHours) => props.set({ retainerHours })}
            error={s.fieldError("billing.retainer.includedMinutes")}
          />
        </div>
      </Show>
      <fieldset class="check-group">
        <legend>{t("increment.title")}</legend>
        <IncrementFields
          values={props.values.increment}
          set={(patch) => props.set({ increment: { ...props.values.increment, ...patch } })}
          agencyRule={props.agencyIncrement ?? Money.EXACT_MINUTE}
          name="billing.increment"
          error={(field) => s.fieldError(field)}
        />
      </fieldset>
    </>
  );
}
