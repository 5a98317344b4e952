import { formatMonth, parseMonth } from "./calendar.ts";
import { zonedParts, zonedTimeToUtc } from "./zoned.ts";

// Report periods are calendar months and days as the agency lives them (its time zone); the
// data is stored in UTC, so a period becomes a UTC range and an instant is put back in its month.

/** Every month from `from` to `to` inclusive ("2026-01".."2026-03" → three). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let { year, month } = parseMonth(from);
  while (formatMonth(year, month) <= to && months.length < 1200) {
    months.push(formatMonth(year, month));
    month === 12 ? ((year += 1), (month = 1)) : (month += 1);
  }
  return months;
}

/** The month `count - 1` months before `month` ("2026-11", 12 → "2025-12"). */
export function monthsBack(month: string, count: number): string {
  const { year, month: m } = parseMonth(month);
  const index = year * 12 + (m - 1) - (count - 1);
  return formatMonth(Math.floor(index / 12), (index % 12) + 1);
}

/** The month an instant falls in, in `timeZone`. */
export function monthOf(at: string | Date, timeZone: string): string {
  const { year, month } = zonedParts(new Date(at), timeZone);
  return formatMonth(year, month);
}

/** The UTC instants bounding whole local days `from`..`to` ("2026-11-01".."2026-11-30") in `timeZone`. */
export function daysToUtc(from: string, to: string, timeZone: string): { start: string; end: string } {
  const [fy = NaN, fm = NaN, fd = NaN] = from.split("-").map(Number);
  const [ty = NaN, tm = NaN, td = NaN] = to.split("-").map(Number);
  const start = zonedTimeToUtc({ year: fy, month: fm, day: fd }, timeZone);
  // The day after `to` begins; the range ends a millisecond before it (Date.UTC rolls the day over).
  const end = zonedTimeToUtc({ year: ty, month: tm, day: td + 1 }, timeZone);
  return { start: start.toISOString(), end: new Date(end.getTime() - 1).toISOString() };
}

/** The UTC instants bounding whole local months `from`..`to` in `timeZone`. */
export function monthsToUtc(from: string, to: string, timeZone: string): { start: string; end: string } {
  const last = parseMonth(to);
  const lastDay = new Date(Date.UTC(last.year, last.month, 0)).getUTCDate();
  return daysToUtc(`${from}-01`, `${to}-${String(lastDay).padStart(2, "0")}`, timeZone);
}
