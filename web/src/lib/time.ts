import { wallClock, wallClockToUtc } from "@baton/kernel/time";
import { formatDate, formatNumber, t, viewerTimeZone } from "@baton/ui/i18n";
import { formatHoursAsDuration } from "@baton/ui/time";
import { createRoot, createSignal } from "solid-js";

// Time helpers of the work screens. Instants travel as UTC ISO strings; people read and type
// them as wall-clock times in their own zone (me().timeZone, applied as the viewer's zone); the
// conversions are the kernel's, the same the API uses.

/** The value for an `<input type="datetime-local">`: the instant's wall clock in `timeZone`. */
export function toLocalInput(value: string | number | Date, timeZone: string = viewerTimeZone()): string {
  const at = value instanceof Date ? value : new Date(value);
  return Number.isNaN(at.getTime()) ? "" : wallClock(at, timeZone);
}

/**
 * The UTC ISO instant of a datetime-local value read as wall-clock time in `timeZone`, or null
 * when the value is not a date and time. A time a DST change skips moves forward by the gap.
 */
export function fromLocalInput(value: string, timeZone: string = viewerTimeZone()): string | null {
  return wallClockToUtc(value, timeZone);
}

/** A wall-clock time (e.g. 17:00) on a calendar date (YYYY-MM-DD) in `timeZone`, as UTC ISO. */
export function dateAtTime(date: string, time: string, timeZone: string): string | null {
  return fromLocalInput(`${date}T${time}`, timeZone);
}

/** A calendar date with no time zone of its own (YYYY-MM-DD), formatted for reading. */
export function formatCalendarDate(date: string): string {
  return formatDate(`${date}T12:00:00Z`, "UTC");
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** A length of time in words ("3 hours", "2 days"), rounded to the unit that reads best. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  const [unit, size] = abs < hour ? (["minute", minute] as const) : abs < 2 * day ? (["hour", hour] as const) : (["day", day] as const);
  const amount = Math.max(1, Math.round(abs / size));
  return formatNumber(amount, { style: "unit", unit, unitDisplay: "long" });
}

export type Due = { overdue: boolean; soon: boolean; text: string };

/** How long until `iso` ("5 hours left") or how long past it ("2 days overdue"). */
export function dueState(iso: string, now: Date): Due {
  const left = Date.parse(iso) - now.getTime();
  if (left < 0) return { overdue: true, soon: false, text: t("work.overdueBy", { time: formatDuration(left) }) };
  return { overdue: false, soon: left < day, text: t("work.timeLeft", { time: formatDuration(left) }) };
}

/** Hours in the one duration format: "3 h", "2 h 30 min". */
export const formatHours = (hours: number, _digits?: number) => formatHoursAsDuration(hours);

/** "87%"; an em dash for "no data yet". */
export const formatPercent = (ratio: number | null | undefined) =>
  ratio === null || ratio === undefined ? "—" : formatNumber(ratio, { style: "percent", maximumFractionDigits: 0 });

// One shared clock for every "time left" on screen, instead of a timer per row.
const clock = createRoot(() => {
  const [now, setNow] = createSignal(new Date());
  if (typeof window !== "undefined") setInterval(() => setNow(new Date()), 30_000);
  return now;
});

/** The current time, refreshed every 30 seconds. */
export const now = clock;
