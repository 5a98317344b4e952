import { t } from "@baton/ui/i18n";
import { Money } from "@baton/ui/money";
import { Select } from "@baton/ui/Select";
import { TextField } from "@baton/ui/TextField";
import { Show } from "solid-js";

// The billing increment as a form: the step (or, for a client, "the agency's rule"), the rounding
// and the minimum per entry. Shared by the agency's settings and a client's billing.

type Rule = Money.BillingIncrement;

/** The rule in a sentence, as the invoice preview and the settings show it. */
export function describeIncrement(rule: Rule): string {
  const steps = rule.step === 1 ? t("increment.exact") : t(rule.rounding === "up" ? "increment.up" : "increment.nearest", { step: rule.step });
  return rule.minimumMinutes > 0 ? `${steps} ${t("increment.minimum", { minutes: rule.minimumMinutes })}` : steps;
}

/** As typed: the step ("" follows the agency's rule), the rounding and the minimum. */
export type IncrementValues = { step: string; rounding: string; minimum: string };

export const incrementValues = (rule: Rule | null): IncrementValues =>
  rule ? { step: String(rule.step), rounding: rule.rounding, minimum: String(rule.minimumMinutes) } : { step: "", rounding: "up", minimum: "0" };

/** The typed values as the API's rule (null: the agency's); numbers are sent as typed for the API to judge. */
export function toIncrementInput(values: IncrementValues): Rule | null {
  if (values.step === "") return null;
  const number = (value: string) => (value.trim() === "" ? 0 : Number.isNaN(Number(value)) ? (value as unknown as number) : Number(value));
  return { step: Number(values.step) as Rule["step"], rounding: values.rounding === "nearest" ? "nearest" : "up", minimumMinutes: number(values.minimum) };
}

export function IncrementFields(props: {
  values: IncrementValues;
  set: (patch: Partial<IncrementValues>) => void;
  /** The agency's rule, offered as the first choice on a client. */
  agencyRule?: Rule;
  /** Field names' prefix for errors, e.g. "billing.increment" or "billingIncrement". */
  name: string;
  error: (field: string) => string | undefined;
}) {
  const steps = () => [
    ...(props.agencyRule ? [{ value: "", label: t("increment.agencyRule") }] : []),
    ...Money.INCREMENT_STEPS.map((step) => ({ value: String(step), label: step === 1 ? t("increment.stepExact") : t("increment.stepMinutes", { n: step }) })),
  ];
  return (
    <div class="field-row" data-testid="increment-fields">
      <Select
        label={t("increment.step")}
        name={`${props.name}.step`}
        options={steps()}
        value={props.values.step}
        onValue={(step) => props.set({ step })}
        hint={props.values.step === "" && props.agencyRule ? describeIncrement(props.agencyRule) : undefined}
        error={props.error(`${props.name}.step`)}
      />
      <Show when={props.values.step !== ""}>
        <>
          <Show when={props.values.step !== "1"}>
            <Select
              label={t("increment.rounding")}
              name={`${props.name}.rounding`}
              options={[
                { value: "up", label: t("increment.roundUp") },
                { value: "nearest", label: t("increment.roundNearest") },
              ]}
              value={props.values.rounding}
              onValue={(rounding) => props.set({ rounding })}
              error={props.error(`${props.name}.rounding`)}
            />
          </Show>
          <TextField
            label={t("increment.minimumLabel")}
            name={`${props.name}.minimumMinutes`}
            type="number"
            inputmode="numeric"
            min="0"
            max={String(Money.MAX_MINIMUM_MINUTES)}
            step="1"
            hint={t("increment.minimumHint")}
            value={props.values.minimum}
            onValue={(minimum) => props.set({ minimum })}
            error={props.error(`${props.name}.minimumMinutes`)}
          />
        </>
      </Show>
    </div>
  );
}
