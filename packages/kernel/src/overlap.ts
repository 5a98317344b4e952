// The meeting planner's arithmetic: when two parties in different zones both work, in one week.
// Every window is turned into real instants in its own party's zone first (so each side's DST
// change moves only that side's hours), and only then cut into the viewer's days and intersected.
// No dependencies: the team app runs this in the browser.

import { dateKey, dateOfKey } from "./calendar.ts";
import { minutesOf, type WorkingWeek } from "./working-hours.ts";
import { zonedParts, zonedTimeToUtc } from "./zoned.ts";

/** Someone's working hours: a zone and the week (and days off) they keep in it. */
export type Party = { timeZone: string; workingWeek: WorkingWeek };

/** A span of time as UTC ISO instants, start inclusive, end exclusive. */
export type Interval = { start: string; end: string };

export type OverlapDay = {
  /** The day's local date in the week's zone, "YYYY-MM-DD". */
  date: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** The day's first instant and the next day's first (a DST day is 23 or 25 hours long). */
  start: string;
  end: string;
  /** When each party works during this day, and when both do. */
  a: Interval[];
  b: Interval[];
  both: Interval[];
  overlapMinutes: number;
};

export type WeekOverlap = {
  /** The Monday the week starts on, "YYYY-MM-DD" in `timeZone`. */
  week: string;
  timeZone: string;
  days: OverlapDay[];
  overlapMinutes: number;
};

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;

/**
 * Per day of the week starting on `week`'s Monday (local days in `timeZone`, the viewer's), the
 * instants when party a works, when party b works, and when both do, with the total overlap.
 */
export function weekOverlap(input: { week: string; timeZone: string; a: Party; b: Party }): WeekOverlap {
  const { timeZone } = input;
  assertZone(timeZone);
  const monday = parseDate(mondayOf(input.week));
  const first = monday - dayMs;
  const last = monday + 8 * dayMs;
  const aWindows = windows(input.a, first, last);
  const bWindows = windows(input.b, first, last);

  const days: OverlapDay[] = [];
  for (let i = 0; i < 7; i++) {
    const date = new Date(monday + i * dayMs);
    const start = localMidnight(date, timeZone);
    const end = localMidnight(new Date(monday + (i + 1) * dayMs), timeZone);
    const a = clip(aWindows, start, end);
    const b = clip(bWindows, start, end);
    const both = intersect(a, b);
    days.push({
      date: formatDate(date),
      weekday: i + 1,
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      a: a.map(toInterval),
      b: b.map(toInterval),
      both: both.map(toInterval),
      overlapMinutes: minutes(both),
    });
  }
  return { week: formatDate(new Date(monday)), timeZone, days, overlapMinutes: days.reduce((sum, day) => sum + day.overlapMinutes, 0) };
}

/** The Monday of the ISO week a "YYYY-MM-DD" date falls in (dates have no zone: plain calendar arithmetic). */
export function mondayOf(date: string): string {
  const time = parseDate(date);
  const weekday = new Date(time).getUTCDay() || 7;
  return formatDate(new Date(time - (weekday - 1) * dayMs));
}

/** The Monday `weeks` weeks after (or before, if negative) the week of `date`. */
export function shiftWeek(date: string, weeks: number): string {
  return formatDate(new Date(parseDate(mondayOf(date)) + weeks * 7 * dayMs));
}

/** The Monday of the week that `at` falls in, on the wall calendar of `timeZone`. */
export function currentWeek(at: Date, timeZone: string): string {
  const { year, month, day } = zonedParts(at, timeZone);
  return mondayOf(formatDate(new Date(Date.UTC(year, month - 1, day))));
}

export type Span = { start: number; end: number };

/** The party's working windows, as instants, on every local date from `first` to `last` (UTC midnights standing for dates). */
export function windows(party: Party, first: number, last: number): Span[] {
  assertZone(party.timeZone);
  const { days, start, end, holidays } = party.workingWeek;
  const open = minutesOf(start);
  const close = minutesOf(end);
  if (open >= close) throw new RangeError(`The working day must end after it starts; got ${start}–${end}.`);
  const working = new Set(days);
  const off = new Set(holidays ?? []);
  const spans: Span[] = [];
  for (let date = first; date <= last; date += dayMs) {
    const day = new Date(date);
    if (!working.has(day.getUTCDay() || 7) || off.has(formatDate(day))) continue;
    const at = (minutes: number) =>
      zonedTimeToUtc({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), minute: minutes }, party.timeZone).getTime();
    const span = { start: at(open), end: at(close) };
    // A window wholly inside a DST gap has no length; skip it rather than keep an empty span.
    if (span.end > span.start) spans.push(span);
  }
  return merge(spans);
}

/** The parts of sorted, disjoint spans that fall in [start, end). */
export function clip(spans: Span[], start: number, end: number): Span[] {
  return spans.map((s) => ({ start: Math.max(s.start, start), end: Math.min(s.end, end) })).filter((s) => s.end > s.start);
}

/** Where two sorted lists of disjoint spans overlap. */
export function intersect(a: Span[], b: Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!.start, b[j]!.start);
    const end = Math.min(a[i]!.end, b[j]!.end);
    if (end > start) out.push({ start, end });
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return out;
}

/** Sorted, with touching windows (a day that ends at 24:00 and the next at 00:00) joined. */
function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((x, y) => x.start - y.start);
  const out: Span[] = [];
  for (const span of sorted) {
    const previous = out[out.length - 1];
    if (previous && span.start <= previous.end) previous.end = Math.max(previous.end, span.end);
    else out.push({ ...span });
  }
  return out;
}

const minutes = (spans: Span[]) => Math.round(spans.reduce((sum, s) => sum + (s.end - s.start), 0) / minuteMs);

export const toInterval = (span: Span): Interval => ({ start: new Date(span.start).toISOString(), end: new Date(span.end).toISOString() });

export function localMidnight(date: Date, timeZone: string): number {
  return zonedTimeToUtc({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }, timeZone).getTime();
}

export function parseDate(value: string): number {
  const key = dateKey(value);
  if (key === undefined) throw new RangeError(`Dates are "YYYY-MM-DD"; got "${value}".`);
  return key;
}

export const formatDate = (date: Date) => dateOfKey(date.getTime());

export function assertZone(timeZone: string) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    throw new RangeError(`Unknown time zone "${timeZone}".`);
  }
}
