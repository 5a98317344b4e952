import { addDays, isLocalDate, todayIn } from "@baton/kernel/dates";
import { createEffect, createMemo, createSignal, For, on, onCleanup, Show, splitProps } from "solid-js";
import { Field } from "./Field";
import { intlLocale, t, viewerTimeZone } from "./i18n";
import "./datepicker.css";

// A date field in the app's language (issue 22 item 9): `<input type=date>` follows the browser's
// locale, not the app's. The text field shows and takes the date in the app language's numeric
// order (22/11/2033 in Greek, 11/22/2033 in American English; ISO 2033-11-22 is always understood);
// the button beside it opens a month grid (WAI-ARIA date picker dialog): arrows move by a day or a
// week, PageUp/PageDown by a month (with Shift a year), Home/End to the week's ends, Enter or Space
// picks, Escape closes. The value is always ISO `YYYY-MM-DD` ("" when empty).

export type DateFieldProps = {
  label: string;
  value: string;
  onValue: (value: string) => void;
  name?: string | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
  min?: string | undefined;
  max?: string | undefined;
  id?: string | undefined;
  class?: string | undefined;
  "data-testid"?: string | undefined;
  /** Enter in the text field (after a whole date was typed, its value has already been given). */
  onEnter?: (() => void) | undefined;
};

const SAMPLE = new Date(Date.UTC(2033, 10, 22, 12));
const utc = (iso: string) => new Date(`${iso}T12:00:00Z`);
const pad = (n: number) => String(n).padStart(2, "0");

/** The order of day, month and year in the app language's numeric dates, and that format. */
function numericFormat() {
  const format = new Intl.DateTimeFormat(intlLocale(), { day: "numeric", month: "numeric", year: "numeric", timeZone: "UTC" });
  const order = format.formatToParts(SAMPLE).filter((part) => part.type === "day" || part.type === "month" || part.type === "year").map((part) => part.type);
  return { format, order };
}

/** `iso` as the app's language writes it in numbers: "22/11/2033". */
export function displayDate(iso: string): string {
  return isLocalDate(iso) ? numericFormat().format.format(utc(iso)) : "";
}

/** What someone typed as ISO, or undefined: ISO itself, or three numbers in the language's order. */
export function parseDisplayed(text: string): string | undefined {
  const value = text.trim();
  if (isLocalDate(value)) return value;
  const numbers = value.match(/\d+/g);
  if (!numbers || numbers.length !== 3 || /[^\d\s./\-,]/.test(value.replace(/[\u200e\u200f]/g, ""))) return undefined;
  const { order } = numericFormat();
  const parts: Record<string, number> = {};
  order.forEach((type, index) => (parts[type] = Number(numbers[index])));
  const iso = `${String(parts.year).padStart(4, "0")}-${pad(parts.month!)}-${pad(parts.day!)}`;
  return isLocalDate(iso) ? iso : undefined;
}

/** Monday of the week holding `iso`. */
const mondayOf = (iso: string) => addDays(iso, -((utc(iso).getUTCDay() + 6) % 7));
const monthStart = (iso: string) => `${iso.slice(0, 7)}-01`;
function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1, 12));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0, 12)).getUTCDate();
  return `${first.getUTCFullYear()}-${pad(first.getUTCMonth() + 1)}-${pad(Math.min(d, last))}`;
}

export function DateField(props: DateFieldProps) {
  const [local] = splitProps(props, ["label", "hint", "error", "id", "class", "required"]);
  const [text, setText] = createSignal<string | null>(null);
  const [open, setOpen] = createSignal(false);
  const [focus, setFocus] = createSignal("");
  const [typedError, setTypedError] = createSignal<string>();
  let toggle: HTMLButtonElement | undefined;
  let grid: HTMLTableElement | undefined;
  let root: HTMLDivElement | undefined;

  const example = () => displayDate("2033-11-22");
  const shown = () => text() ?? displayDate(props.value);
  const outside = (iso: string) => (props.min && iso < props.min) || (props.max && iso > props.max);

  const typed = (value: string) => {
    setText(value);
    const iso = value.trim() === "" ? "" : parseDisplayed(value);
    if (iso !== undefined) {
      setTypedError(undefined);
      if (iso !== props.value) props.onValue(iso);
    }
  };
  const blurred = () => {
    const current = text();
    if (current === null) return;
    const iso = current.trim() === "" ? "" : parseDisplayed(current);
    if (iso === undefined) setTypedError(t("datePicker.invalid", { example: example() }));
    else setText(null);
  };

  const openGrid = () => {
    const start = isLocalDate(props.value) ? props.value : todayIn(viewerTimeZone());
    setFocus(start);
    setOpen(true);
    queueMicrotask(() => focusDay());
  };
  const close = (returnFocus = true) => {
    setOpen(false);
    if (returnFocus) toggle?.focus();
  };
  const pick = (iso: string) => {
    if (outside(iso)) return;
    setText(null);
    setTypedError(undefined);
    props.onValue(iso);
    close();
  };
  const focusDay = () => grid?.querySelector<HTMLButtonElement>(`button[data-date="${focus()}"]`)?.focus();
  const move = (iso: string) => {
    setFocus(iso);
    queueMicrotask(() => focusDay());
  };

  const onGridKey = (event: KeyboardEvent) => {
    const day = focus();
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(day, -1),
      ArrowRight: () => addDays(day, 1),
      ArrowUp: () => addDays(day, -7),
      ArrowDown: () => addDays(day, 7),
      PageUp: () => addMonths(day, event.shiftKey ? -12 : -1),
      PageDown: () => addMonths(day, event.shiftKey ? 12 : 1),
      Home: () => mondayOf(day),
      End: () => addDays(mondayOf(day), 6),
    };
    const next = moves[event.key];
    if (next) {
      event.preventDefault();
      move(next());
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      pick(day);
    }
  };

  // A click outside the open grid closes it (focus stays where the click put it).
  const outsideClick = (event: MouseEvent) => {
    if (open() && root && !root.contains(event.target as Node)) close(false);
  };
  document.addEventListener("mousedown", outsideClick);
  onCleanup(() => document.removeEventListener("mousedown", outsideClick));
  // A value set from outside (a form cleared after saving, a reset) replaces what was typed.
  createEffect(
    on(
      () => props.value,
      (value) => {
        const typedText = text();
        if (typedText === null) return;
        const typedValue = typedText.trim() === "" ? "" : parseDisplayed(typedText);
        if (typedValue !== undefined && typedValue !== value) {
          setText(null);
          setTypedError(undefined);
        }
      },
      { defer: true },
    ),
  );

  const month = createMemo(() => monthStart(focus() || todayIn(viewerTimeZone())));
  const weeks = createMemo(() => {
    const first = mondayOf(month());
    const rows: string[][] = [];
    for (let week = 0; week < 6; week++) {
      const row = Array.from({ length: 7 }, (_, i) => addDays(first, week * 7 + i));
      if (week > 3 && row[0]!.slice(0, 7) !== month().slice(0, 7)) break;
      rows.push(row);
    }
    return rows;
  });
  const monthTitle = () => new Intl.DateTimeFormat(intlLocale(), { month: "long", year: "numeric", timeZone: "UTC" }).format(utc(month()));
  const weekdays = () => {
    const long = new Intl.DateTimeFormat(intlLocale(), { weekday: "long", timeZone: "UTC" });
    const short = new Intl.DateTimeFormat(intlLocale(), { weekday: "short", timeZone: "UTC" });
    return Array.from({ length: 7 }, (_, i) => utc(addDays("2033-11-21", i))).map((d) => ({ long: long.format(d), short: short.format(d) }));
  };
  const dayLabel = (iso: string) => new Intl.DateTimeFormat(intlLocale(), { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(utc(iso));
  const error = () => local.error ?? typedError();

  return (
    <Field label={local.label} hint={local.hint ?? t("datePicker.hint", { example: example() })} error={error()} id={local.id} required={local.required} class={local.class}>
      {(control) => (
        <div class="datepicker" ref={root}>
          <div class="datepicker-row">
            <input
              type="text"
              inputmode="numeric"
              autocomplete="off"
              id={control.id}
              aria-required={local.required ? "true" : undefined}
              aria-invalid={control.invalid ? "true" : undefined}
              aria-describedby={control.describedBy}
              placeholder={example()}
              value={shown()}
              data-testid={props["data-testid"]}
              data-value={props.value}
              onInput={(e) => typed(e.currentTarget.value)}
              onBlur={blurred}
              onKeyDown={(e) => {
                if (e.key === "ArrowDown" && e.altKey) {
                  e.preventDefault();
                  openGrid();
                } else if (e.key === "Enter" && props.onEnter) {
                  e.preventDefault();
                  props.onEnter();
                }
              }}
            />
            <Show when={props.name}>
              <input type="hidden" name={props.name} value={props.value} />
            </Show>
            <button
              type="button"
              class="datepicker-toggle"
              ref={toggle}
              aria-label={t("datePicker.open")}
              aria-haspopup="dialog"
              aria-expanded={open()}
              onClick={() => (open() ? close() : openGrid())}
            >
              <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2">
                <rect x="3" y="5" width="18" height="16" rx="2" />
                <path d="M3 10h18M8 3v4M16 3v4" />
              </svg>
            </button>
          </div>
          <Show when={open()}>
            <div
              class="datepicker-popover"
              role="dialog"
              aria-modal="false"
              aria-label={t("datePicker.dialog")}
              onKeyDown={(e) => {
                if (e.key === "Escape") {
                  e.preventDefault();
                  e.stopPropagation();
                  close();
                }
              }}
            >
              <div class="datepicker-head">
                <button type="button" class="datepicker-nav" aria-label={t("datePicker.previousMonth")} onClick={() => move(addMonths(focus(), -1))}>
                  ‹
                </button>
                <h2 id={`${control.id}-month`} aria-live="polite">
                  {monthTitle()}
                </h2>
                <button type="button" class="datepicker-nav" aria-label={t("datePicker.nextMonth")} onClick={() => move(addMonths(focus(), 1))}>
                  ›
                </button>
              </div>
              <table role="grid" class="datepicker-grid" aria-labelledby={`${control.id}-month`} ref={grid} onKeyDown={onGridKey}>
                <thead>
                  <tr>
                    <For each={weekdays()}>
                      {(day) => (
                        <th scope="col" abbr={day.long}>
                          {day.short}
                        </th>
                      )}
                    </For>
                  </tr>
                </thead>
                <tbody>
                  <For each={weeks()}>
                    {(row) => (
                      <tr>
                        <For each={row}>
                          {(iso) => (
                            <td role="gridcell" aria-selected={iso === props.value ? "true" : undefined}>
                              <button
                                type="button"
                                data-date={iso}
                                tabindex={iso === focus() ? 0 : -1}
                                aria-label={dayLabel(iso)}
                                aria-current={iso === todayIn(viewerTimeZone()) ? "date" : undefined}
                                aria-disabled={outside(iso) ? "true" : undefined}
                                classList={{ "datepicker-other": iso.slice(0, 7) !== month().slice(0, 7), "datepicker-selected": iso === props.value }}
                                onClick={() => pick(iso)}
                              >
                                {Number(iso.slice(8))}
                              </button>
                            </td>
                          )}
                        </For>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        </div>
      )}
    </Field>
  );
}
