// Wall clocks in IANA zones, from Intl alone: the parts of an instant in a zone, and the instant
// of a zone's wall-clock time. Everything else that knows about zones (today in a zone, working
// hours, report periods, datetime inputs) is built on these two.

export type LocalTime = { year: number; month: number; day: number; hour?: number; minute?: number };

export type ZonedParts = { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number };

const dayMs = 24 * 60 * 60_000;

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

/** The instant's milliseconds; a RangeError for an invalid Date. */
export function instant(at: Date): number {
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

/** `wall` is the local wall-clock time written as if it were UTC; the instant it stands for in `timeZone`. */
export function wallToUtc(wall: number, timeZone: string): number {
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
