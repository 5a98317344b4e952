import { z } from "zod";

// Dates and times as the API takes them, in one place: a calendar date is a real one (no
// 2026-13-45, no 30 February) in the years Baton deals in (no year 0000), a month likewise, an
// instant a real ISO time with its offset, and a range starts on or before its end and spans a
// bounded number of days, so nothing downstream walks or allocates without end.

/** The years any date or time may fall in. */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 2199;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** A real calendar date "YYYY-MM-DD" within the years Baton accepts. */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR || year > MAX_YEAR) return false;
  const back = new Date(Date.UTC(year, month - 1, day));
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day;
}

export function isCalendarMonth(value: string): boolean {
  const match = MONTH.exec(value);
  if (!match) return false;
  const [year, month] = [Number(match[1]), Number(match[2])];
  return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12;
}

export const calendarDate = z
  .string({ error: "Use a date like 2026-11-23." })
  .max(10, "Use a date like 2026-11-23.")
  .refine(isCalendarDate, `Use a real date like 2026-11-23, between ${MIN_YEAR} and ${MAX_YEAR}.`);

export const calendarMonth = z
  .string({ error: "Use a month like 2026-11." })
  .max(7, "Use a month like 2026-11.")
  .refine(isCalendarMonth, `Use a month like 2026-11, between ${MIN_YEAR} and ${MAX_YEAR}.`);

/** An ISO 8601 date-time with an offset, normalised to UTC ("…Z"), within the years Baton accepts. */
export const instant = (message: string) =>
  z.iso
    .datetime({ offset: true, error: message })
    .transform((value) => new Date(value).toISOString())
    .refine((value) => {
      const year = Number(value.slice(0, 4));
      return !Number.isNaN(Date.parse(value)) && year >= MIN_YEAR && year <= MAX_YEAR;
    }, `${message} (between ${MIN_YEAR} and ${MAX_YEAR})`);

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * Checks an optional `from`–`to` pair of dates on an object schema: start on or before the end,
 * at most `maxDays` days from the first to the last. Errors are on the fields, as 400s.
 */
export function checkDateRange<T extends { from?: string | undefined; to?: string | undefined }>(maxDays: number) {
  return (value: T, ctx: z.RefinementCtx) => {
    if (!value.from || !value.to || !isCalendarDate(value.from) || !isCalendarDate(value.to)) return;
    if (value.from > value.to) ctx.addIssue({ code: "custom", path: ["to"], message: "End on or after the start date." });
    else if (dayNumber(value.to) - dayNumber(value.from) + 1 > maxDays) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `Choose at most ${maxDays} days.` });
    }
  };
}

/** The longest range of dates an export or an invoice's time may span. */
export const MAX_RANGE_DAYS = 3 * 366;
