import { z } from "zod";
import { VisibleError } from "../error/index.ts";
import { calendarMonth } from "../fields/dates.ts";
import { monthOf, monthsBack, monthsBetween, monthsToUtc } from "./periods.ts";

// A range of the agency's months as reports take it (`?from=&to=`), checked once for every
// report that reads by month: revenue, satisfaction.

/** The longest range of months a report reads. */
export const MAX_MONTHS = 36;

export const month = calendarMonth;
export const monthRangeSchema = z.strictObject({ from: month.optional(), to: month.optional() });

export const rangeError = (field: string, message: string) =>
  new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { [field]: message } });

/** The months asked for (the last 12 to this month by default) and their UTC bounds in `timeZone`. */
export function monthRange(query: z.output<typeof monthRangeSchema>, timeZone: string, now = new Date()) {
  const to = query.to ?? monthOf(now, timeZone);
  const from = query.from ?? monthsBack(to, 12);
  if (from > to) throw rangeError("from", "Start on or before the end month.");
  const months = monthsBetween(from, to);
  if (months.length > MAX_MONTHS) throw rangeError("from", `Choose at most ${MAX_MONTHS} months.`);
  return { from, to, months, range: monthsToUtc(from, to, timeZone) };
}
