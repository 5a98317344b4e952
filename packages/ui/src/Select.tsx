import { createMemo, For, splitProps, type JSX } from "solid-js";
import { Field } from "./Field";
import { currencies, currencyLabel, intlLocale, t, timeZoneLabel, timeZones } from "./i18n";

export type Option = { value: string; label: string };

export type SelectProps = {
  label: string;
  options: Option[];
  value: string;
  onValue?: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
} & Omit<JSX.SelectHTMLAttributes<HTMLSelectElement>, "onInput" | "onChange" | "value">;

export function Select(props: SelectProps) {
  const [local, rest] = splitProps(props, ["label", "options", "value", "onValue", "hint", "error", "id", "class", "required"]);
  return (
    <Field label={local.label} hint={local.hint} error={local.error} id={local.id} required={local.required} class={local.class}>
      {(control) => (
        <select
          {...rest}
          id={control.id}
          required={local.required}
          aria-invalid={control.invalid ? "true" : undefined}
          aria-describedby={control.describedBy}
          onChange={(e) => local.onValue?.(e.currentTarget.value)}
        >
          {/* `selected` per option: a select's `value` can't be set before its options exist. */}
          <For each={local.options}>
            {(option) => (
              <option value={option.value} selected={option.value === local.value}>
                {option.label}
              </option>
            )}
          </For>
        </select>
      )}
    </Field>
  );
}

type PickerProps = Omit<SelectProps, "options" | "label"> & { label?: string };

let zoneOptions: Option[] | undefined;
/** Every IANA zone the browser knows, labelled with its current offset. */
export function TimeZoneSelect(props: PickerProps) {
  const options = createMemo(() => {
    zoneOptions ??= timeZones().map((zone) => ({ value: zone, label: timeZoneLabel(zone) }));
    // Keep a saved value selectable even if this browser doesn't list it.
    return props.value && !zoneOptions.some((o) => o.value === props.value)
      ? [{ value: props.value, label: timeZoneLabel(props.value) }, ...zoneOptions]
      : zoneOptions;
  });
  return <Select {...props} label={props.label ?? t("field.timeZone")} options={options()} />;
}

const currencyOptions = new Map<string, Option[]>();
export function CurrencySelect(props: PickerProps) {
  const options = createMemo(() => {
    const tag = intlLocale();
    let list = currencyOptions.get(tag);
    if (!list) currencyOptions.set(tag, (list = currencies().map((code) => ({ value: code, label: currencyLabel(code) }))));
    return props.value && !list.some((o) => o.value === props.value)
      ? [{ value: props.value, label: props.value }, ...list]
      : list;
  });
  return <Select {...props} label={props.label ?? t("field.currency")} options={options()} />;
}
