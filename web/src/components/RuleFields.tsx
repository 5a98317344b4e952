import { t } from "@baton/ui/i18n";
import { Select } from "@baton/ui/Select";
import { TextField } from "@baton/ui/TextField";
import { Index, Show } from "solid-js";

// An hour-bank rule as a form (the rollover rule, the overage rule): a mode, the numbers the
// chosen mode needs, and for a client a first choice that follows the agency's rule (mode "").
// Hours are typed and the API keeps minutes, so a number is sent as typed when it isn't one.

/** A number as typed (times `scale`), or the text itself for the API to name what is wrong. */
export const typedNumber = (value: string, scale = 1): number => (value.trim() === "" || Number.isNaN(Number(value)) ? (value as unknown as number) : Math.round(Number(value) * scale));

/** Minutes as hours to type, to two decimals. */
export const hoursOfMinutes = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;

/** A number one mode needs: its API field (after the prefix), label and typed value. */
export type RuleNumber = { mode: string; field: string; label: string; value: string; onValue: (value: string) => void; whole?: boolean; min: number; max?: number };

export function RuleFields(props: {
  /** The mode's label, its choices (without the agency's), and the one chosen. */
  label: string;
  modes: { value: string; label: string }[];
  mode: string;
  onMode: (mode: string) => void;
  numbers: RuleNumber[];
  /** The agency's rule in a sentence, when a client may follow it. */
  agencyRule?: string | undefined;
  /** The API's field names' prefix ("" for the agency's route, "policy." for a client's) and the rule's own field. */
  prefix: string;
  ruleField: string;
  error: (field: string) => string | undefined;
  "data-testid": string;
}) {
  const modes = () => [...(props.agencyRule !== undefined ? [{ value: "", label: t("bank.modeAgency") }] : []), ...props.modes];
  return (
    <div class="field-row" data-testid={props["data-testid"]}>
      <Select
        label={props.label}
        name={`${props.prefix}mode`}
        options={modes()}
        value={props.mode}
        onValue={props.onMode}
        hint={props.mode === "" ? props.agencyRule : undefined}
        error={props.error(`${props.prefix}mode`) ?? (props.prefix ? props.error(props.ruleField) : undefined)}
      />
      {/* Index, not For: the numbers are new objects on every keystroke, and the field must keep its focus. */}
      <Index each={props.numbers}>
        {(number) => (
          <Show when={props.mode === number().mode}>
            <TextField
              label={number().label}
              name={`${props.prefix}${number().field}`}
              type="number"
              inputmode={number().whole ? "numeric" : "decimal"}
              min={number().min}
              max={number().max}
              step={number().whole ? undefined : "any"}
              required
              value={number().value}
              onValue={(value) => number().onValue(value)}
              error={props.error(`${props.prefix}${number().field}`)}
            />
          </Show>
        )}
      </Index>
    </div>
  );
}
