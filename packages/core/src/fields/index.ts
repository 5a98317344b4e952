import { z } from "zod";
import { canonicalTimeZone } from "../time-zone/index.ts";
import { Locales } from "../member/entity.ts";
import { INCREMENT_ROUNDINGS, INCREMENT_STEPS, MAX_INPUT_MINOR, MAX_MINIMUM_MINUTES, MAX_MINOR, type IncrementStep } from "../money/index.ts";
import { isId, type IdKind } from "../id/index.ts";

export { calendarDate, calendarMonth, checkDateRange, instant, isCalendarDate, isCalendarMonth, MAX_RANGE_DAYS, MAX_YEAR, MIN_YEAR } from "./dates.ts";

// Field rules shared by several domain functions.
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

export const timeZone = z
  .string({ error: "Choose a time zone." })
  .refine(isTimeZone, "Choose a valid time zone, such as Europe/London.")
  // Stored under its current name and spelling: "asia/calcutta" becomes "Asia/Kolkata".
  .transform((value) => canonicalTimeZone(value)!);

export const currency = z
  .string({ error: "Choose a currency." })
  .trim()
  .toUpperCase()
  .refine(isCurrency, "Choose a valid ISO 4217 currency, such as USD.");

export const locale = z.enum(Locales, { error: "Choose English, Greek or Hindi." });

export const version = z
  .number({ error: "Send the version you last read." })
  .int()
  .min(1);

const KEY_ATTRIBUTES = new Set(["pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk", "gsi3pk", "gsi3sk"]);

/** An ElectroDB cursor: base64url JSON of the last key read, string key attributes only. */
function isCursor(value: string): boolean {
  try {
    const key: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (!key || typeof key !== "object" || Array.isArray(key)) return false;
    const entries = Object.entries(key);
    return entries.length >= 2 && entries.every(([name, part]) => KEY_ATTRIBUTES.has(name) && typeof part === "string");
  } catch {
    return false;
  }
}

export const pageQuery = z.strictObject({
  cursor: z.string().max(2048).refine(isCursor, "That page link is not valid. Start again from the first page.").optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type PageQuery = z.output<typeof pageQuery>;

export type Page<T> = { items: T[]; cursor: string | null };

/** A list read whole, in the one list shape: there is no next page. */
export const whole = <T>(items: T[]): Page<T> => ({ items, cursor: null });

export function isTimeZone(value: string): boolean {
  return canonicalTimeZone(value) !== undefined;
}

const currencies = new Set(Intl.supportedValuesOf("currency"));
export function isCurrency(value: string): boolean {
  return currencies.has(value);
}

/** A non-negative amount in minor units, as the API accepts it: at most MAX_INPUT_MINOR (see money/). */
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

/** An id of one kind (prefix and length), checked before any database read. */
export function idOf(kind: IdKind, message = "That id is not valid.") {
  return z.string({ error: message }).refine((value) => isId(kind, value), message);
}

/** A billing increment (money/increments.ts): the step, up or nearest, the minimum minutes per entry. */
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

/** A billing increment as the stored attributes of an agency or a client. */
export function incrementAttributes(rule: z.output<typeof billingIncrement>) {
  return { incrementStep: rule.step, incrementRounding: rule.rounding, incrementMinimum: rule.minimumMinutes };
}
export const INCREMENT_ATTRIBUTES = ["incrementStep", "incrementRounding", "incrementMinimum"] as const;

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
export { done, named, page } from "./output.ts";
