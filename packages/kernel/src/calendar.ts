import { zonedParts, zonedTimeToUtc } from "./zoned.ts";

// Calendar dates ("YYYY-MM-DD") and months ("YYYY-MM") as people live them. A date has no zone
// of its own; "today" and a period's bounds do, and are worked out in the zone given. The one
// check of a real date is here: 2026-02-31 and 2025-02-29 are no dates, 2024-02-29 is.

/** The years any date or time may fall in. */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 2199;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const dayMs = 86_400_000;

/** The UTC midnight (ms) standing for a real calendar date "YYYY-MM-DD" of any year; undefined if there is no such date. */
export function dateKey(value: string): number | undefined {
  const match = DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const key = Date.UTC(year, month - 1, day);
  const back = new Date(key);
  // Date.UTC rolls 2026-02-30 over to 2 March; a real date survives the round trip.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return key;
}

/** A real calendar date "YYYY-MM-DD" in any year (a birthday, an answer to a question). */
export const isRealDate = (value: string): boolean => dateKey(value) !== undefined;

/** A real calendar date "YYYY-MM-DD" within the years Baton accepts. */
export function isLocalDate(value: string): boolean {
  if (dateKey(value) === undefined) return false;
  const year = Number(value.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** A month "YYYY-MM" within the years Baton accepts. */
export function isCalendarMonth(value: string): boolean {
  const match = MONTH.exec(value);
  if (!match) return false;
  const [year, month] = [Number(match[1]), Number(match[2])];
  return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12;
}

/** The date of UTC midnight `key` (ms), "YYYY-MM-DD". */
export const dateOfKey = (key: number): string => new Date(key).toISOString().slice(0, 10);

/** The date `days` after (or before, if negative) `date`: plain calendar arithmetic, no zone. */
export function addDays(date: string, days: number): string {
  const key = dateKey(date);
  if (key === undefined) throw new RangeError(`Dates are "YYYY-MM-DD"; got "${date}".`);
  return dateOfKey(key + days * dayMs);
}

/** Today's date ("2026-11-23") in `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const { year, month, day } = zonedParts(now, timeZone);
  return `${formatMonth(year, month)}-${String(day).padStart(2, "0")}`;
}

/** The instant a local date begins in `timeZone` (its midnight, or the first moment after a gap), as a Date. */
export function startOfDay(date: string, timeZone: string): Date {
  const key = dateKey(date);
  if (key === undefined) throw new RangeError(`Dates are "YYYY-MM-DD"; got "${date}".`);
  const day = new Date(key);
  return zonedTimeToUtc({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() }, timeZone);
}

/** "2026-11" → { year: 2026, month: 11 }. */
export function parseMonth(value: string): { year: number; month: number } {
  const [year = NaN, month = NaN] = value.split("-").map(Number);
  return { year, month };
}

export function formatMonth(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}
