import { zonedParts, zonedTimeToUtc } from "@baton/kernel/time";
import type { ScheduleItem } from "./entity.ts";

// When a schedule's occurrences fall: pure functions of the rule, the client's zone and a time,
// so they are tested without a database (tests/core/schedule-rule.test.ts, with fast-check).
//
// The stated rules:
// - A date is a calendar date in the client's zone; an occurrence is that date at the schedule's
//   time of day in that zone.
// - Monthly on a day the month doesn't have (29–31 in a short month): the month's last day.
// - A time that doesn't exist that day (02:30 on a spring-forward night): the first valid time
//   after it (the instant the clocks jump, 03:00 local).
// - A time that happens twice (a fall-back night): once, at the first of the two.

/** Every weekday (Mon–Fri), weekly on chosen ISO weekdays (1 = Monday … 7 = Sunday), or monthly on a day (1–31). */
export type Rule = { kind: "weekdays" } | { kind: "weekly"; days: number[] } | { kind: "monthly"; day: number };

export type Timing = {
  rule: Rule;
  /** "HH:MM", 24-hour, in `timeZone`. */
  time: string;
  timeZone: string;
  /** First and last dates (YYYY-MM-DD) in `timeZone`; the last is optional and included. */
  startDate: string;
  endDate?: string | null | undefined;
};

export type Occurrence = { date: string; at: Date };

type Day = { year: number; month: number; day: number };

const DAY = 24 * 3600_000;

export const dateOf = (d: Day) => `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
const parseDate = (date: string): Day => {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return { year, month, day };
};
const nextDay = (d: Day): Day => {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
};
export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const weekdayOf = (d: Day) => new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() || 7;

/** Whether the rule has an occurrence on this calendar date. */
export function occursOn(rule: Rule, date: string): boolean {
  const d = parseDate(date);
  if (rule.kind === "weekdays") return weekdayOf(d) <= 5;
  if (rule.kind === "weekly") return rule.days.includes(weekdayOf(d));
  return d.day === Math.min(rule.day, daysInMonth(d.year, d.month));
}

/** The instant of `time` on `date` in the zone; in a DST gap, the first valid instant after it. */
export function instantOn(date: string, time: string, timeZone: string): Date {
  const d = parseDate(date);
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const wanted = Date.UTC(d.year, d.month - 1, d.day, hour, minute);
  const at = zonedTimeToUtc({ ...d, hour, minute }, timeZone);
  const wall = wallOf(at, timeZone);
  if (wall === wanted) return at;
  // In a gap the kernel moves the time on by the gap's length; the clocks' jump is the first
  // instant whose wall clock is at or past the time asked for: found by halving (gaps are ≤ 3 h).
  let low = at.getTime() - 3 * 3600_000;
  let high = at.getTime();
  while (high - low > 60_000) {
    const mid = low + Math.floor((high - low) / 2 / 60_000) * 60_000;
    if (wallOf(new Date(mid), timeZone) >= wanted) high = mid;
    else low = mid;
  }
  return new Date(high);
}

function wallOf(at: Date, timeZone: string): number {
  const p = zonedParts(at, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
}

/** The calendar date of an instant in a zone. */
export function dateIn(at: Date, timeZone: string): string {
  return dateOf(zonedParts(at, timeZone));
}

/**
 * The occurrences with `from < at ≤ to`, oldest first, within the schedule's dates. Walks the
 * calendar dates from the day before `from` (a zone ahead of UTC) to the day after `to`.
 */
export function occurrencesBetween(timing: Timing, from: Date, to: Date): Occurrence[] {
  const out: Occurrence[] = [];
  let day = parseDate(dateIn(new Date(from.getTime() - DAY), timing.timeZone));
  const last = dateIn(new Date(to.getTime() + DAY), timing.timeZone);
  for (let date = dateOf(day); date <= last; day = nextDay(day), date = dateOf(day)) {
    if (date < timing.startDate) continue;
    if (timing.endDate && date > timing.endDate) break;
    if (!occursOn(timing.rule, date)) continue;
    const at = instantOn(date, timing.time, timing.timeZone);
    if (at.getTime() > from.getTime() && at.getTime() <= to.getTime()) out.push({ date, at });
  }
  return out;
}

/** The first occurrence strictly after `after`, or null when the schedule has ended (looks ahead at most 400 days). */
export function nextOccurrence(timing: Timing, after: Date): Occurrence | null {
  let from = after;
  for (let i = 0; i < 14; i++) {
    const to = new Date(from.getTime() + 31 * DAY);
    const found = occurrencesBetween(timing, from, to)[0];
    if (found) return found;
    if (timing.endDate && dateIn(to, timing.timeZone) > timing.endDate) return null;
    from = to;
  }
  return null;
}

/** How far back a job that was down still creates missed occurrences (each once); older ones are skipped. */
export const CATCH_UP_DAYS = 3;

/**
 * What a run at `now` creates: the occurrences from the schedule's next one (`nextAt`, the
 * earliest not yet created) up to now, but none older than CATCH_UP_DAYS; and the next one after
 * now, for the due index.
 */
export function due(timing: Timing, nextAt: Date, now: Date): { create: Occurrence[]; next: Occurrence | null } {
  const floor = Math.max(nextAt.getTime() - 1, now.getTime() - CATCH_UP_DAYS * DAY);
  return { create: occurrencesBetween(timing, new Date(floor), now), next: nextOccurrence(timing, now) };
}

/** A stored schedule's timing. */
export function timingOf(item: Pick<ScheduleItem, "ruleKind" | "days" | "dayOfMonth" | "time" | "timeZone" | "startDate" | "endDate">): Timing {
  const rule: Rule = item.ruleKind === "weekly" ? { kind: "weekly", days: item.days ?? [] } : item.ruleKind === "monthly" ? { kind: "monthly", day: item.dayOfMonth ?? 1 } : { kind: "weekdays" };
  return { rule, time: item.time, timeZone: item.timeZone, startDate: item.startDate, endDate: item.endDate ?? null };
}
