// The meeting planner for several people: when everyone works in a week, and, when they never all
// do, the least-bad slot: the fewest people outside their hours, then the least time outside.
// Each person's hours become instants in their own zone first (overlap.ts), so a DST change on
// one side moves only that side. No dependencies: the team app runs this in the browser.

import { assertZone, clip, formatDate, intersect, localMidnight, mondayOf, parseDate, toInterval, windows, type Interval, type Party, type Span } from "./overlap.ts";

export type GroupDay = {
  /** The day's local date in the viewer's zone, "YYYY-MM-DD". */
  date: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** The day's first instant and the next day's first (a DST day is 23 or 25 hours long). */
  start: string;
  end: string;
  /** When each person works during the day, in the order given. */
  people: Interval[][];
  /** When all of them do. */
  shared: Interval[];
  sharedMinutes: number;
};

export type Slot = {
  start: string;
  end: string;
  /** How many people the slot falls outside their hours for, and for how many minutes each. */
  outside: number;
  outsideMinutes: number[];
};

export type GroupWeek = {
  week: string;
  timeZone: string;
  minutes: number;
  days: GroupDay[];
  sharedMinutes: number;
  /** The first slot of `minutes` inside everyone's hours, else the least-bad one; null only without people. */
  best: Slot | null;
};

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;
/** Candidate starts for the least-bad slot: every quarter hour, and every edge of someone's hours. */
const stepMs = 15 * minuteMs;

/**
 * Per day of the week starting on `week`'s Monday (local days in `timeZone`, the viewer's), when
 * each person works and when all do; and the best slot of `minutes` in the week.
 */
export function groupWeek(input: { week: string; timeZone: string; people: Party[]; minutes: number }): GroupWeek {
  const { timeZone, people } = input;
  assertZone(timeZone);
  if (!Number.isInteger(input.minutes) || input.minutes < 5 || input.minutes > 8 * 60) throw new RangeError(`A meeting lasts 5 to 480 minutes; got ${input.minutes}.`);
  const monday = parseDate(mondayOf(input.week));
  const weekStart = localMidnight(new Date(monday), timeZone);
  const weekEnd = localMidnight(new Date(monday + 7 * dayMs), timeZone);
  const each = people.map((party) => clip(windows(party, monday - dayMs, monday + 8 * dayMs), weekStart, weekEnd));
  const all = each.length ? each.reduce((acc, spans) => intersect(acc, spans)) : [];

  const days: GroupDay[] = [];
  for (let i = 0; i < 7; i++) {
    const date = new Date(monday + i * dayMs);
    const start = localMidnight(date, timeZone);
    const end = localMidnight(new Date(monday + (i + 1) * dayMs), timeZone);
    const shared = clip(all, start, end);
    days.push({
      date: formatDate(date),
      weekday: i + 1,
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      people: each.map((spans) => clip(spans, start, end).map(toInterval)),
      shared: shared.map(toInterval),
      sharedMinutes: minutesOf(shared),
    });
  }
  return {
    week: formatDate(new Date(monday)),
    timeZone,
    minutes: input.minutes,
    days,
    sharedMinutes: minutesOf(all),
    best: people.length ? bestSlot(each, all, input.minutes * minuteMs, weekStart, weekEnd) : null,
  };
}

/** How many minutes of `slot` fall outside a person's working spans. */
export function minutesOutside(spans: Span[], slot: Span): number {
  const inside = spans.reduce((sum, s) => sum + Math.max(0, Math.min(s.end, slot.end) - Math.max(s.start, slot.start)), 0);
  return Math.round((slot.end - slot.start - inside) / minuteMs);
}

function bestSlot(each: Span[][], all: Span[], length: number, weekStart: number, weekEnd: number): Slot | null {
  // Everyone free for long enough: the earliest such start.
  const fits = all.find((span) => span.end - span.start >= length);
  if (fits) return slot({ start: fits.start, end: fits.start + length }, each);

  const starts = new Set<number>();
  for (let at = weekStart; at + length <= weekEnd; at += stepMs) starts.add(at);
  for (const spans of each) {
    for (const span of spans) {
      starts.add(span.start);
      starts.add(span.end - length);
    }
  }
  // Ties go to the slot nearest the hours of those it leaves out (an early start beats midnight),
  // then to the earliest.
  let best: { span: Span; outside: number; total: number; distance: number } | null = null;
  for (const start of [...starts].sort((a, b) => a - b)) {
    if (start < weekStart || start + length > weekEnd) continue;
    const span = { start, end: start + length };
    const minutes = each.map((spans) => minutesOutside(spans, span));
    const outside = minutes.filter((m) => m > 0).length;
    const total = minutes.reduce((sum, m) => sum + m, 0);
    if (best && (outside > best.outside || (outside === best.outside && total > best.total))) continue;
    const distance = each.reduce((sum, spans) => sum + distanceTo(spans, span), 0);
    if (!best || outside < best.outside || total < best.total || distance < best.distance) best = { span, outside, total, distance };
  }
  return best ? slot(best.span, each) : null;
}

/** Minutes between the slot and the nearest of the spans (0 when they touch or overlap). */
function distanceTo(spans: Span[], slot: Span): number {
  let nearest = Infinity;
  for (const s of spans) nearest = Math.min(nearest, Math.max(0, s.start - slot.end, slot.start - s.end));
  return Number.isFinite(nearest) ? Math.round(nearest / minuteMs) : 0;
}

function slot(span: Span, each: Span[][]): Slot {
  const outsideMinutes = each.map((spans) => minutesOutside(spans, span));
  return { ...toInterval(span), outside: outsideMinutes.filter((m) => m > 0).length, outsideMinutes };
}

const minutesOf = (spans: Span[]) => Math.round(spans.reduce((sum, s) => sum + (s.end - s.start), 0) / minuteMs);
