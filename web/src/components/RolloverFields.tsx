import { t } from "@baton/ui/i18n";
import { Select } from "@baton/ui/Select";
import { TextField } from "@baton/ui/TextField";
import type { HourBankPolicy } from "@baton/ui/types";
import { Show } from "solid-js";

// The hour bank's rollover rule as a form: what happens to a retainer's hours left at a month's
// end (lapse, roll over up to a cap, roll over for some months), or for a client, the agency's
// rule. Shared by Settings and a client's page. Hours are typed, the API keeps minutes.

/** As typed: mode "" follows the agency's rule (a client only). */
export type RolloverValues = { mode: "" | HourBankPolicy["mode"]; hours: string; months: string };

export const rolloverValues = (policy: HourBankPolicy | null): RolloverValues => ({
  mode: policy?.mode ?? "",
  hours: policy?.mode === "cap" ? String(Math.round((policy.maxMinutes / 60) * 100) / 100) : "10",
  months: policy?.mode === "expire" ? String(policy.afterPeriods) : "1",
});

/** A number as typed, or the text itself for the API to name what is wrong. */
const typed = (value: string, scale = 1): number => (value.trim() === "" || Number.isNaN(Number(value)) ? (value as unknown as number) : Math.round(Number(value) * scale));

/** The typed values as the API's policy; null follows the agency's rule. */
export function toPolicyInput(values: RolloverValues): HourBankPolicy | null {
  if (values.mode === "") return null;
  if (values.mode === "cap") return { mode: "cap", maxMinutes: typed(values.hours, 60) };
  if (values.mode === "expire") return { mode: "expire", afterPeriods: typed(values.months) };
  return { mode: "none" };
}

/** The rule in a sentence. */
export function describePolicy(policy: HourBankPolicy): string {
  if (policy.mode === "cap") return t("bank.describeCap", { hours: Math.round((policy.maxMinutes / 60) * 100) / 100 });
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
  const modes = () => [
    ...(props.agencyPolicy ? [{ value: "", label: t("bank.modeAgency") }] : []),
    { value: "none", label: t("bank.modeNone") },
    { value: "cap", label: t("bank.modeCap") },
    { value: "expire", label: t("bank.modeExpire") },
  ];
  return (
    <div class="field-row" data-testid="rollover-fields">
      <Select
        label={t("bank.mode")}
        name={`${props.prefix}mode`}
        options={modes()}
        value={props.values.mode}
        onValue={(mode) => props.set({ mode: mode as RolloverValues["mode"] })}
        hint={props.values.mode === "" && props.agencyPolicy ? describePolicy(props.agencyPolicy) : undefined}
        error={props.error(`${props.prefix}mode`) ?? (props.prefix ? props.error("policy") : undefined)}
      />
      <Show when={props.values.mode === "cap"}>
        <TextField
          label={t("bank.capHours")}
          name={`${props.prefix}maxMinutes`}
          type="number"
          inputmode="decimal"
          min={0}
          step="any"
          required
          value={props.values.hours}
          onValue={(hours) => props.set({ hours })}
          error={props.error(`${props.prefix}maxMinutes`)}
        />
      </Show>
      <Show when={props.values.mode === "expire"}>
        <TextField
          label={t("bank.expireMonths")}
          name={`${props.prefix}afterPeriods`}
          type="number"
          inputmode="numeric"
          min={1}
          max={24}
          required
          value={props.values.months}
          onValue={(months) => props.set({ months })}
          error={props.error(`${props.prefix}afterPeriods`)}
        />
      </Show>
    </div>
  );
}
