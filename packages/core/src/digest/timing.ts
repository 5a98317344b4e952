import { zonedParts, zonedTimeToUtc } from "../business-hours/index.ts";

// When a client's weekly digest goes out: Monday 09:00 on the client's own wall clock. Every
// instant is worked out from the local calendar date (never by adding 7 × 24 hours), so the
// Monday after a DST change is still 09:00 local, an hour away from the week before in UTC.

/** The local hour the digest is sent at, on the Monday of each week. */
export const SEND_HOUR = 9;

/**
 * How long after Monday 09:00 a run may still send the week's digest: a day to catch up after an
 * outage. Later than that the digest is skipped rather than sent mid-week, so a client made
 * active on a Thursday, or the feature's first deploy on a Friday, doesn't mail a stale "week".
 */
export const CATCH_UP_HOURS = 24;

export type DigestWeek = {
  /** The local Monday ("YYYY-MM-DD") starting the week `now` falls in, in the zone. */
  weekStart: string;
  /** Monday 09:00 local of that week, as a UTC instant. */
  sendAt: Date;
  /** The last instant a run may send it: Tuesday 09:00 local (CATCH_UP_HOURS of wall clock). */
  lastSendAt: Date;
  /** The previous week's Monday 09:00 local: the digest reports what happened since then. */
  previousSendAt: Date;
};

/** The digest week that `now` falls in, in `timeZone` (ISO weeks: Monday to Sunday, local). */
export function digestWeekOf(now: Date, timeZone: string): DigestWeek {
  const { year, month, day, weekday } = zonedParts(now, timeZone);
  // Date.UTC rolls days over months and years, and the date alone has no zone to get wrong.
  const monday = day - (weekday - 1);
  const date = new Date(Date.UTC(year, month - 1, monday));
  const at = (days: number, hour: number) => zonedTimeToUtc({ year, month, day: monday + days, hour }, timeZone);
  return {
    weekStart: date.toISOString().slice(0, 10),
    sendAt: at(0, SEND_HOUR),
    lastSendAt: at(Math.floor(CATCH_UP_HOURS / 24), SEND_HOUR + (CATCH_UP_HOURS % 24)),
    previousSendAt: at(-7, SEND_HOUR),
  };
}

/** True while the week's digest should go out: from Monday 09:00 local, for CATCH_UP_HOURS. */
export function isDue(now: Date, timeZone: string): boolean {
  const { sendAt, lastSendAt } = digestWeekOf(now, timeZone);
  return now.getTime() >= sendAt.getTime() && now.getTime() < lastSendAt.getTime();
}
