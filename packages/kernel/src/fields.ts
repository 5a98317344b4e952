import { z } from "zod";
import { isCalendarMonth, isLocalDate, MAX_YEAR, MIN_YEAR } from "./calendar.ts";
import { INCREMENT_ROUNDINGS, INCREMENT_STEPS, MAX_MINIMUM_MINUTES, type IncrementStep } from "./increments.ts";
import { MAX_INPUT_MINOR, MAX_MINOR } from "./money.ts";
import { canonicalTimeZone } from "./time-zone.ts";

// Field rules shared by the API's inputs and the apps' forms. Dates and times in one place: a
// calendar date is a real one (no 2026-13-45, no 30 February) in the years Baton deals in (no
// year 0000), a month likewise, an instant a real ISO time with its offset, and a range starts on
// or before its end and spans a bounded number of days, so nothing downstream walks without end.

/** A real calendar date "YYYY-MM-DD" within the years Baton accepts: the one date schema. */
export const localDate = z
  .string({ error: "Use a date like 2026-11-23." })
  .max(10, "Use a date like 2026-11-23.")
  .refine(isLocalDate, `Use a real date like 2026-11-23, between ${MIN_YEAR} and ${MAX_YEAR}.`);

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
    if (!value.from || !value.to || !isLocalDate(value.from) || !isLocalDate(value.to)) return;
    if (value.from > value.to) ctx.addIssue({ code: "custom", path: ["to"], message: "End on or after the start date." });
    else if (dayNumber(value.to) - dayNumber(value.from) + 1 > maxDays) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `Choose at most ${maxDays} days.` });
    }
  };
}

/** The longest range of dates an export or an invoice's time may span. */
export const MAX_RANGE_DAYS = 3 * 366;

/** The languages Baton speaks. */
export const Locales = ["en", "el", "hi"] as const;

export const email = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address." }));

/**
 * Text that is one line wherever it goes (titles, names): control characters and line breaks
 * become single spaces, so nothing typed can start a new line in an email header or a CSV row.
 */
export const oneLine = (value: string) => value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").replace(/ {2,}/g, " ").trim();

export const personName = z
  .string({ error: "Enter a name." })
  .overwrite(oneLine)
  .min(1, "Enter a name.")
  .max(120, "Keep the name under 120 characters.");

export function isTimeZone(value: string): boolean {
  return canonicalTimeZone(value) !== undefined;
}

export const timeZone = z
  .string({ error: "Choose a time zone." })
  .refine(isTimeZone, "Choose a valid time zone, such as Europe/London.")
  // Stored under its current name and spelling: "asia/calcutta" becomes "Asia/Kolkata".
  .transform((value) => canonicalTimeZone(value)!);

const currencies = new Set(Intl.supportedValuesOf("currency"));
export function isCurrency(value: string): boolean {
  return currencies.has(value);
}

export const currency = z
  .string({ error: "Choose a currency." })
  .trim()
  .toUpperCase()
  .refine(isCurrency, "Choose a valid ISO 4217 currency, such as USD.");

export const locale = z.enum(Locales, { error: "Choose English, Greek or Hindi." });

// A write stores the version after the one read (version + 1), which must still be a number
// DynamoDB's client can send exactly: no version read can be larger.
export const version = z
  .number({ error: "Send the version you last read." })
  .int()
  .min(1)
  .max(Number.MAX_SAFE_INTEGER - 1, "Send the version you last read.");

/** A non-negative amount in minor units, as the API accepts it: at most MAX_INPUT_MINOR (see money.ts). */
export const minorAmount = z
  .number({ error: "Enter an amount in the currency's smallest unit (cents)." })
  .int("Amounts are whole numbers of the currency's smallest unit (cents, not dollars).")
  .min(0, "The amount cannot be negative.")
  .max(MAX_INPUT_MINOR, "That amount is too large: at most 100 million (in a currency with cents).");

/** A payment received: up to the largest invoice total there can be. */
export const paymentAmount = z
  .number({ error: "Enter an amount in the currency's smallest unit (cents)." })
  .int("Amounts are whole numbers of the currency's smallest unit (cents, not dollars).")
  .min(0, "The amount cannot be negative.")
  .max(MAX_MINOR, "That amount is too large.");

/** A tax or deposit rate in basis points: 2,000 = 20%. */
export const basisPoints = z
  .number({ error: "Enter a rate in basis points (2000 = 20%)." })
  .int("Use whole basis points (2000 = 20%).")
  .min(0, "The rate cannot be negative.")
  .max(10_000, "The rate cannot be over 100%.");

/** A billing increment (increments.ts): the step, up or nearest, the minimum minutes per entry. */
export const billingIncrement = z.strictObject({
  step: z
    .number({ error: "Choose the exact minute, 6, 15 or 30 minutes." })
    .refine((step): step is IncrementStep => (INCREMENT_STEPS as readonly number[]).includes(step), "Choose the exact minute, 6, 15 or 30 minutes.")
    .transform((step) => step as IncrementStep),
  rounding: z.enum(INCREMENT_ROUNDINGS, { error: "Choose to round up or to the nearest step." }).default("up"),
  minimumMinutes: z
    .number({ error: "Enter the minimum in minutes." })
    .int("Use whole minutes.")
    .min(0, "The minimum can't be negative.")
    .max(MAX_MINIMUM_MINUTES, "Bill at most 60 minutes as the minimum.")
    .default(0),
});

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** One line of plain text for legal details (a tax id, a legal name): no control characters; "" or null clears it. */
export const detailLine = (max: number, tooLong: string) =>
  z
    .string({ error: "Enter text." })
    .trim()
    .max(max, tooLong)
    .refine((value) => !CONTROL_OR_BREAK.test(value), "Use plain text on one line.")
    .nullable()
    .optional();

/** A few lines of plain text (an address): line breaks kept, other control characters refused. */
export const detailLines = (max: number, tooLong: string) =>
  z
    .string({ error: "Enter text." })
    .trim()
    .max(max, tooLong)
    .refine((value) => !CONTROL.test(value.replace(/\r\n/g, "\n")), "Use plain text: letters, digits and line breaks.")
    .transform((value) => value.replace(/\r\n/g, "\n"))
    .nullable()
    .optional();
