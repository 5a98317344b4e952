import { dateKey } from "./calendar.ts";
import { instant, wallToUtc, zonedParts, zonedTimeToUtc } from "./zoned.ts";

// Working-time arithmetic in a member's or client's own zone: response targets ("within 8 business
// hours"), rota previews and weekly reports. No dependencies: Intl already knows every zone's rules.
// Business hours are real elapsed time inside the working windows, so a window that a DST change
// cuts short (00:00–24:00 on a spring-forward Sunday) counts 23 hours, not 24.

/** Working days (ISO: 1 = Monday … 7 = Sunday) and daily hours ("HH:MM", local wall clock). */
export type WorkingWeek = {
  days: readonly number[];
  start: string;
  end: string;
  /** Days off ("YYYY-MM-DD", local to the zone): no working time at all. */
  holidays?: readonly string[];
};

export const standardWeek: WorkingWeek = { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" };

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

/** More than a year of round-the-clock work: almost certainly hours where minutes were meant. */
const maxHours = 10_000;

/** A walk that finds no end within a century has been given a week with almost no working time. */
const maxWalkDays = 36_525;

/** The instant when `hours` business hours have elapsed after `from`, counting only working time in `timeZone`. hours may be fractional; 0 → from if inside working time, else the next working start. */
export function addBusinessHours(from: Date, hours: number, timeZone: string, week: WorkingWeek = standardWeek): Date {
  const start = instant(from);
  if (!Number.isFinite(hours) || hours < 0 || hours > maxHours) {
    throw new RangeError(`Business hours must be between 0 and ${maxHours}; got ${hours}.`);
  }
  const rules = parseWeek(week);
  let remaining = Math.round(hours * hourMs);
  const { year, month, day } = zonedParts(from, timeZone);
  for (let offset = 0; offset < maxWalkDays; offset++) {
    const window = workingWindow(year, month, day + offset, rules, timeZone);
    if (!window) continue;
    const begin = Math.max(window.open, start);
    if (window.close <= begin) continue;
    if (remaining <= window.close - begin) return new Date(begin + remaining);
    remaining -= window.close - begin;
  }
  throw new RangeError("The working week has too little working time to fit those hours.");
}

/** Longest promise in working days: six weeks of them. */
const maxDays = 30;

/**
 * The instant `days` business days after `from`: the same point of the working day, `days` working
 * days on ("within 1 business day" of Friday 15:00 is Monday 15:00, or Tuesday when Monday is a
 * holiday). Sent outside working time, the count starts from the previous close, so a Saturday
 * request is due at Monday's close. A later day's shorter window (DST) ends at its close.
 */
export function addBusinessDays(from: Date, days: number, timeZone: string, week: WorkingWeek = standardWeek): Date {
  const start = instant(from);
  if (!Number.isInteger(days) || days < 1 || days > maxDays) throw new RangeError(`Business days must be whole, from 1 to ${maxDays}; got ${days}.`);
  const rules = parseWeek(week);
  const { year, month, day } = zonedParts(from, timeZone);
  // How far into its working day `from` is; null until the walk reaches the day it counts from.
  let into: number | null = null;
  let left = days;
  for (let offset = 0; offset < maxWalkDays; offset++) {
    const window = workingWindow(year, month, day + offset, rules, timeZone);
    if (!window || window.close <= start) continue;
    if (into === null) {
      if (start > window.open) {
        into = start - window.open;
        continue;
      }
      // Before this day's opening: the count runs from the last close, so this day is the first.
      into = window.close - window.open;
    }
    left -= 1;
    if (left === 0) return new Date(Math.min(window.open + into, window.close));
  }
  throw new RangeError("The working week has too little working time to fit those days.");
}

/** A first-response promise in the unit the owner set: business days (the default) or business hours. */
export type ResponsePromise = { amount: number; unit: "days" | "hours" };

/** When a request sent at `from` is promised its first response: the one rule every page and email shows. */
export function responseDue(from: Date, promise: ResponsePromise, timeZone: string, week: WorkingWeek = standardWeek): Date {
  return promise.unit === "days" ? addBusinessDays(from, promise.amount, timeZone, week) : addBusinessHours(from, promise.amount, timeZone, week);
}

/** Working hours in (from, to] in timeZone; 0 if to <= from. */
export function businessHoursBetween(from: Date, to: Date, timeZone: string, week: WorkingWeek = standardWeek): number {
  const start = instant(from);
  const end = instant(to);
  const rules = parseWeek(week);
  if (end <= start) return 0;
  const first = zonedParts(from, timeZone);
  const last = zonedParts(to, timeZone);
  const days = Math.round((Date.UTC(last.year, last.month - 1, last.day) - Date.UTC(first.year, first.month - 1, first.day)) / dayMs);
  if (days > maxWalkDays) throw new RangeError("Business hours are only counted across spans of up to a century.");
  let total = 0;
  for (let offset = 0; offset <= days; offset++) {
    const window = workingWindow(first.year, first.month, first.day + offset, rules, timeZone);
    if (!window) continue;
    total += Math.max(0, Math.min(window.close, end) - Math.max(window.open, start));
  }
  return total / hourMs;
}

/** The UTC instant of local midnight starting the ISO week (Monday) containing `at` in timeZone. */
export function startOfWeek(at: Date, timeZone: string): Date {
  const { year, month, day, weekday } = zonedParts(at, timeZone);
  return zonedTimeToUtc({ year, month, day: day - (weekday - 1) }, timeZone);
}

type WeekRules = { days: ReadonlySet<number>; start: number; end: number; holidays: ReadonlySet<number> };

const clock = /^(\d{2}):(\d{2})$/;
function parseHolidays(holidays: readonly string[] | undefined): ReadonlySet<number> {
  const keys = new Set<number>();
  for (const holiday of holidays ?? []) {
    const key = typeof holiday === "string" ? dateKey(holiday) : undefined;
    if (key === undefined) throw new RangeError(`Holidays are real dates "YYYY-MM-DD"; got "${String(holiday)}".`);
    keys.add(key);
  }
  return keys;
}

function parseWeek(week: WorkingWeek): WeekRules {
  if (week.days.length === 0) throw new RangeError("A working week needs at least one working day.");
  for (const d of week.days) {
    if (!Number.isInteger(d) || d < 1 || d > 7) throw new RangeError(`Working days are 1 (Monday) to 7 (Sunday); got ${d}.`);
  }
  const start = minutesOf(week.start);
  const end = minutesOf(week.end);
  // Overnight shifts would need windows that span two dates; nothing in Baton has them yet.
  if (start >= end) throw new RangeError(`The working day must end after it starts; got ${week.start}–${week.end}.`);
  return { days: new Set(week.days), start, end, holidays: parseHolidays(week.holidays) };
}

export function minutesOf(time: string): number {
  const match = clock.exec(time);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  // "24:00" is allowed so a day can run to midnight.
  if (!match || Number(match[2]) > 59 || minutes > 24 * 60) throw new RangeError(`Times are "HH:MM" from 00:00 to 24:00; got "${time}".`);
  return minutes;
}

/** The working window on a local date (day may overflow the month, as with Date.UTC), or undefined on a day off or holiday. */
function workingWindow(year: number, month: number, date: number, rules: WeekRules, timeZone: string) {
  // Weekday and holiday from the calendar alone: days off cost no Intl calls.
  const midnight = Date.UTC(year, month - 1, date);
  if (!rules.days.has(new Date(midnight).getUTCDay() || 7)) return undefined;
  if (rules.holidays.has(midnight)) return undefined;
  return {
    open: wallToUtc(midnight + rules.start * minuteMs, timeZone),
    close: wallToUtc(midnight + rules.end * minuteMs, timeZone),
  };
}
