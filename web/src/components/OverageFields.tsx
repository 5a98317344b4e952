import { t } from "@baton/ui/i18n";
import type { HourBankOverage } from "@baton/ui/types";
import { hoursOfMinutes, RuleFields, typedNumber } from "./RuleFields";

// The hour bank's overage rule as a form: what happens once a month's retainer hours are used up
// (bill the overage, ask the client first for up to N more hours, pause new requests), or for a
// client, the agency's rule. Shared by Settings and a client's page.

/** As typed: mode "" follows the agency's rule (a client only). */
export type OverageValues = { mode: "" | HourBankOverage["mode"]; hours: string };

export const overageValues = (overage: HourBankOverage | null): OverageValues => ({
  mode: overage?.mode ?? "",
  hours: overage?.mode === "ask" ? String(hoursOfMinutes(overage.askMinutes)) : "5",
});

/** The typed values as the API's rule; null follows the agency's rule. */
export function toOverageInput(values: OverageValues): HourBankOverage | null {
  if (values.mode === "") return null;
  if (values.mode === "ask") return { mode: "ask", askMinutes: typedNumber(values.hours, 60) };
  return { mode: values.mode };
}

export function describeOverage(overage: HourBankOverage): string {
  if (overage.mode === "ask") return t("bank.describeAsk", { hours: hoursOfMinutes(overage.askMinutes) });
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
  return (
    <RuleFields
      data-testid="overage-fields"
      label={t("bank.overageMode")}
      modes={[
        { value: "bill", label: t("bank.overageBill") },
        { value: "ask", label: t("bank.overageAsk") },
        { value: "pause", label: t("bank.overagePause") },
      ]}
      mode={props.values.mode}
      onMode={(mode) => props.set({ mode: mode as OverageValues["mode"] })}
      numbers={[{ mode: "ask", field: "askMinutes", label: t("bank.askHours"), value: props.values.hours, onValue: (hours) => props.set({ hours }), min: 0 }]}
      agencyRule={props.agencyOverage ? describeOverage(props.agencyOverage) : undefined}
      prefix={props.prefix}
      ruleField="overage"
      error={props.error}
    />
  );
}
