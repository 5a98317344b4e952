import { zonedParts, zonedTimeToUtc } from "./zoned.ts";

// Time zones as people live them: zone names, wall clocks, today in a zone, working hours and
// when two parties' working hours meet. Instants travel as UTC; these put them on a zone's clock.

export { canonicalTimeZone, timeZoneNames } from "./time-zone.ts";
export { zonedParts, zonedTimeToUtc, type LocalTime, type ZonedParts } from "./zoned.ts";
export { startOfDay, todayIn } from "./calendar.ts";
export { addBusinessDays, addBusinessHours, businessHoursBetween, responseDue, standardWeek, startOfWeek, type ResponsePromise, type WorkingWeek } from "./working-hours.ts";
export { currentWeek, mondayOf, shiftWeek, weekOverlap, type Interval, type OverlapDay, type Party, type WeekOverlap } from "./overlap.ts";
export { groupWeek, type GroupDay, type GroupWeek, type Slot } from "./meeting.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/** The instant's wall clock in `timeZone` as "YYYY-MM-DDTHH:MM" (a datetime-local input's value). */
export function wallClock(at: Date, timeZone: string): string {
  const w = zonedParts(at, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/**
 * The UTC ISO instant of "YYYY-MM-DDTHH:MM" read as wall-clock time in `timeZone`, or null when
 * the value is not a date and time. A time a DST change skips moves forward by the gap.
 */
export function wallClockToUtc(value: string, timeZone: string): string | null {
  const m = WALL.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  if (Number.isNaN(Date.UTC(year, month - 1, day, hour, minute))) return null;
  return zonedTimeToUtc({ year, month, day, hour, minute }, timeZone).toISOString();
}
