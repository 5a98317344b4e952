// Calendar dates ("YYYY-MM-DD") and months ("YYYY-MM"): the one check of a real date, today in a
// zone, and report periods as UTC ranges. No zod here: the date schema (localDate) is in fields.ts.

export {
  addDays,
  dateKey,
  formatMonth,
  isCalendarMonth,
  isLocalDate,
  isRealDate,
  MAX_YEAR,
  MIN_YEAR,
  parseMonth,
  startOfDay,
  todayIn,
} from "./calendar.ts";
export { daysToUtc, monthOf, monthsBack, monthsBetween, monthsToUtc } from "./periods.ts";
