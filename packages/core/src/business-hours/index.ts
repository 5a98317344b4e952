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

type LocalTime = { year: number; month: number; day: number; hour?: number; minute?: number };

type ZonedParts = { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number };

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

/**
 * UTC instant of a local wall-clock time in a zone (handles DST gaps: a non-existent time moves forward; ambiguous picks the earlier).
 * A time in a gap moves forward by the gap's length (02:30 on a spring-forward night becomes 03:30),
 * as Temporal's "compatible" disambiguation does. Fields out of range roll over as with Date.UTC.
 */
export function zonedTimeToUtc(local: LocalTime, timeZone: string): Date {
  const fields = [local.year, local.month, local.day, local.hour ?? 0, local.minute ?? 0];
  if (!fields.every(Number.isFinite)) throw new RangeError("Local date and time fields must be finite numbers.");
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0);
  return new Date(wallToUtc(wall, timeZone));
}

/** Wall-clock parts of an instant in a zone, with ISO weekday 1–7. */
export function zonedParts(at: Date, timeZone: string): ZonedParts {
  const format = formatter(timeZone);
  const time = instant(at);
  // format() and a regex cost a quarter of formatToParts(), and this runs several times per
  // working day walked; formatToParts() remains the fallback should ICU ever change the layout.
  const fast = usLayout.exec(format.format(time));
  const [month = NaN, day = NaN, year = NaN, hour = NaN, minute = NaN, second = NaN] = fast ? fast.slice(1).map(Number) : slowParts(format, time);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
  // Some ICU versions still write midnight as 24 even with hourCycle h23.
  return { year, month, day, hour: hour % 24, minute, second, weekday };
}

// en-US with hourCycle h23: "3/27/2026, 10:00:00".
const usLayout = /^(\d{1,2})\/(\d{1,2})\/(\d{1,6}),? (\d{1,2}):(\d{2}):(\d{2})$/;

function slowParts(format: Intl.DateTimeFormat, time: number): number[] {
  const parts = format.formatToParts(time);
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return [value("month"), value("day"), value("year"), value("hour"), value("minute"), value("second")];
}

function instant(at: Date): number {
  const time = at.getTime();
  if (Number.isNaN(time)) throw new RangeError("Invalid date.");
  return time;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

// Building a DateTimeFormat costs far more than using one, and the same few zones come back on every request.
function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The zone's offset from UTC at an instant, in ms (wall clock minus UTC). */
function offsetAt(time: number, timeZone: string): number {
  const p = zonedParts(new Date(time), timeZone);
  const wholeSecond = time - (((time % 1000) + 1000) % 1000);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - wholeSecond;
}

/** `wall` is the local wall-clock time written as if it were UTC. */
function wallToUtc(wall: number, timeZone: string): number {
  // Zones change offset at most once in any two days, so the offsets a day either side are
  // the only candidates: equal almost always, different only across a transition.
  const before = offsetAt(wall - dayMs, timeZone);
  const after = offsetAt(wall + dayMs, timeZone);
  if (before === after) return wall - before;
  const earlier = wall - before;
  const later = wall - after;
  const exists = (time: number) => offsetAt(time, timeZone) === wall - time;
  const candidates = [earlier, later].filter(exists);
  // Neither exists in a gap: keeping the old offset lands as far past the gap as the time was into it.
  if (candidates.length === 0) return earlier;
  return Math.min(...candidates);
}

type WeekRules = { days: ReadonlySet<number>; start: number; end: number; holidays: ReadonlySet<number> };

const clock = /^(\d{2}):(\d{2})$/;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a real calendar date "YYYY-MM-DD" (no 30 February). */
export function isLocalDate(value: string): boolean {
  return localDateKey(value) !== undefined;
}

/** The local date as a Date.UTC midnight, the same key workingWindow computes for the day it looks at. */
function localDateKey(value: string): number | undefined {
  const match = isoDate.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const key = Date.UTC(year, month - 1, day);
  const back = new Date(key);
  // Date.UTC rolls 2026-02-30 over to 2 March; a real date survives the round trip.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return key;
}

function parseHolidays(holidays: readonly string[] | undefined): ReadonlySet<number> {
  const keys = new Set<number>();
  for (const holiday of holidays ?? []) {
    const key = typeof holiday === "string" ? localDateKey(holiday) : undefined;
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

function minutesOf(time: string): number {
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
