import { t } from "@baton/ui/i18n";
import { Select } from "@baton/ui/Select";
import { TextField } from "@baton/ui/TextField";
import type { HourBankOverage } from "@baton/ui/types";
import { Show } from "solid-js";

// The hour bank's overage rule as a form: what happens once a month's retainer hours are used up
// (bill the overage, ask the client first for up to N more hours, pause new requests), or for a
// client, the agency's rule. Shared by Settings and a client's page. Hours typed, minutes kept.

/** As typed: mode "" follows the agency's rule (a client only). */
export type OverageValues = { mode: "" | HourBankOverage["mode"]; hours: string };

export const overageValues = (overage: HourBankOverage | null): OverageValues => ({
  mode: overage?.mode ?? "",
  hours: overage?.mode === "ask" ? String(Math.round((overage.askMinutes / 60) * 100) / 100) : "5",
});

const typed = (value: string, scale = 1): number => (value.trim() === "" || Number.isNaN(Number(value)) ? (value as unknown as number) : Math.round(Number(value) * scale));

/** The typed values as the API's rule; null follows the agency's rule. */
export function toOverageInput(values: OverageValues): HourBankOverage | null {
  if (values.mode === "") return null;
  if (values.mode === "ask") return { mode: "ask", askMinutes: typed(values.hours, 60) };
  return { mode: values.mode };
}

export function describeOverage(overage: HourBankOverage): string {
  if (overage.mode === "ask") return t("bank.describeAsk", { hours: Math.round((overage.askMinutes / 60) * 100) / 100 });
  if (overage.mode === "pause") return t("bank.describePause");
  return t("bank.describeBill");
}

export function OverageFields(props: {
  values: OverageValues;
  set: (patch: Partial<OverageValues>) => void;
  /** The agency's rule, offered first on a client. */
  agencyOverage?: HourBankOverage | undefined;
  /** The API's field names' prefix: "" for the agency's route, "overage." for a client's. */
  prefix: string;
  error: (field: string) => string | undefined;
}) {
  const modes = () => [
    ...(props.agencyOverage ? [{ value: "", label: t("bank.modeAgency") }] : []),
    { value: "bill", label: t("bank.overageBill") },
    { value: "ask", label: t("bank.overageAsk") },
    { value: "pause", label: t("bank.overagePause") },
  ];
  return (
    <div class="field-row" data-testid="overage-fields">
      <Select
        label={t("bank.overageMode")}
        name={`${props.prefix}mode`}
        options={modes()}
        value={props.values.mode}
        onValue={(mode) => props.set({ mode: mode as OverageValues["mode"] })}
        hint={props.values.mode === "" && props.agencyOverage ? describeOverage(props.agencyOverage) : undefined}
        error={props.error(`${props.prefix}mode`) ?? (props.prefix ? props.error("overage") : undefined)}
      />
      <Show when={props.values.mode === "ask"}>
        <TextField
          label={t("bank.askHours")}
          name={`${props.prefix}askMinutes`}
          type="number"
          inputmode="decimal"
          min={0}
          step="any"
          required
          value={props.values.hours}
          onValue={(hours) => props.set({ hours })}
          error={props.error(`${props.prefix}askMinutes`)}
        />
      </Show>
    </div>
  );
}
