import { t } from "@baton/ui/i18n";
import type { HourBankPolicy } from "@baton/ui/types";
import { hoursOfMinutes, RuleFields, typedNumber } from "./RuleFields";

// The hour bank's rollover rule as a form: what happens to a retainer's hours left at a month's
// end (lapse, roll over up to a cap, roll over for some months), or for a client, the agency's
// rule. Shared by Settings and a client's page.

/** As typed: mode "" follows the agency's rule (a client only). */
export type RolloverValues = { mode: "" | HourBankPolicy["mode"]; hours: string; months: string };

export const rolloverValues = (policy: HourBankPolicy | null): RolloverValues => ({
  mode: policy?.mode ?? "",
  hours: policy?.mode === "cap" ? String(hoursOfMinutes(policy.maxMinutes)) : "10",
  months: policy?.mode === "expire" ? String(policy.afterPeriods) : "1",
});

/** The typed values as the API's policy; null follows the agency's rule. */
export function toPolicyInput(values: RolloverValues): HourBankPolicy | null {
  if (values.mode === "") return null;
  if (values.mode === "cap") return { mode: "cap", maxMinutes: typedNumber(values.hours, 60) };
  if (values.mode === "expire") return { mode: "expire", afterPeriods: typedNumber(values.months) };
  return { mode: "none" };
}

/** The rule in a sentence. */
export function describePolicy(policy: HourBankPolicy): string {
  if (policy.mode === "cap") return t("bank.describeCap", { hours: hoursOfMinutes(policy.maxMinutes) });
  if (policy.mode === "expire") return t("bank.describeExpire", { months: policy.afterPeriods });
  return t("bank.describeNone");
}

export function RolloverFields(props: {
  values: RolloverValues;
  set: (patch: Partial<RolloverValues>) => void;
  /** The agency's rule, offered first on a client. */
  agencyPolicy?: HourBankPolicy | undefined;
  /** The API's field names' prefix: "" for the agency's route, "policy." for a client's. */
  prefix: string;
  error: (field: string) => string | undefined;
}) {
  return (
    <RuleFields
      data-testid="rollover-fields"
      label={t("bank.mode")}
      modes={[
        { value: "none", label: t("bank.modeNone") },
        { value: "cap", label: t("bank.modeCap") },
        { value: "expire", label: t("bank.modeExpire") },
      ]}
      mode={props.values.mode}
      onMode={(mode) => props.set({ mode: mode as RolloverValues["mode"] })}
      numbers={[
        { mode: "cap", field: "maxMinutes", label: t("bank.capHours"), value: props.values.hours, onValue: (hours) => props.set({ hours }), min: 0 },
        { mode: "expire", field: "afterPeriods", label: t("bank.expireMonths"), value: props.values.months, onValue: (months) => props.set({ months }), whole: true, min: 1, max: 24 },
      ]}
      agencyRule={props.agencyPolicy ? describePolicy(props.agencyPolicy) : undefined}
      prefix={props.prefix}
      ruleField="policy"
      error={props.error}
    />
  );
}
