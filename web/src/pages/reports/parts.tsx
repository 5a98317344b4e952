import { DateField } from "@baton/ui/DatePicker";
import { isApiError, type ApiError } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { t } from "@baton/ui/i18n";
import { TextField } from "@baton/ui/TextField";
import { createEffect, createSignal, onCleanup, Show, type Accessor, type JSX } from "solid-js";

// What the four report sections share: a titled section, the range pickers, and the way a bad
// value in the URL is shown (the API's message on the field, not a failed page).

/** A report, or the API's 400 about its filters, which is shown beside them rather than thrown. */
export type Settled<T> = { report: T; invalid?: undefined } | { report?: undefined; invalid: ApiError };

export async function settle<T>(pending: Promise<T>): Promise<Settled<T>> {
  try {
    return { report: await pending };
  } catch (error) {
    if (isApiError(error) && error.code === "validation_failed") return { invalid: error };
    throw error;
  }
}

/**
 * The API's field messages for a report's filters. Read from the same (cached) query as the
 * section, but without suspending: the pickers stay on screen and usable while it loads.
 */
export function useFieldErrors(load: () => Promise<unknown>): Accessor<Record<string, string>> {
  const [fields, setFields] = createSignal<Record<string, string>>({});
  createEffect(() => {
    let current = true;
    onCleanup(() => (current = false));
    load().then(
      () => current && setFields({}),
      (error: unknown) => current && setFields(isApiError(error) ? error.fields : {}),
    );
  });
  return fields;
}

export function ReportSection(props: { id: string; title: string; intro?: JSX.Element; filters?: JSX.Element; children: JSX.Element }) {
  return (
    <section class="report-section" aria-labelledby={`${props.id}-title`} data-testid={`report-${props.id}`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <Show when={props.intro}>
        <p class="page-intro">{props.intro}</p>
      </Show>
      {props.filters}
      {props.children}
    </section>
  );
}

export type RangeProps = {
  type: "month" | "date";
  legend: string;
  /** Show the legend (the period above two sections); otherwise it is for screen readers. */
  showLegend?: boolean;
  /** As in the URL; "" is the API's default, shown as `defaults`. */
  from: string;
  to: string;
  defaults: { from: string; to: string };
  errors: Record<string, string>;
  resetLabel: string;
  onChange: (field: "from" | "to", value: string | undefined) => void;
  onReset: () => void;
  testid: string;
};

/** One end of the range: a date field for days, a native month field for months. */
function RangeEnd(props: RangeProps & { end: "from" | "to"; label: string }) {
  const value = () => props[props.end] || props.defaults[props.end];
  const change = (next: string) => props.onChange(props.end, next || undefined);
  return (
    <Show
      when={props.type === "date"}
      fallback={<TextField type={props.type} name={props.end} label={props.label} value={value()} error={props.errors[props.end]} onChange={(event) => change(event.currentTarget.value)} />}
    >
      <DateField name={props.end} label={props.label} value={value()} error={props.errors[props.end]} onValue={change} />
    </Show>
  );
}

/** Two pickers (months or days); a change goes to the URL, so reload and back keep it. */
export function RangeFilter(props: RangeProps) {
  return (
    <fieldset class="plain-fieldset report-filter" data-testid={props.testid}>
      <legend class={props.showLegend ? "report-filter-legend" : "sr-only"}>{props.legend}</legend>
      <div class="report-filter-fields">
        <RangeEnd {...props} end="from" label={t("reports.from")} />
        <RangeEnd {...props} end="to" label={t("reports.to")} />
        <Show when={props.from || props.to}>
          <Button size="sm" variant="ghost" onClick={() => props.onReset()}>
            {props.resetLabel}
          </Button>
        </Show>
      </div>
    </fieldset>
  );
}

/** In place of a report whose filters the API refused; the pickers above show the same messages. */
export function InvalidFilters(props: { error: ApiError }) {
  const label = (name: string) => (name === "from" ? t("reports.from") : name === "to" ? t("reports.to") : name);
  const fields = (): [string, string][] => Object.entries(props.error.fields).map(([name, message]) => [label(name), message]);
  return <ErrorMessage error={props.error} fields={fields()} />;
}
