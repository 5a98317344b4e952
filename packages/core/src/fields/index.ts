import { z } from "zod";
import type { billingIncrement } from "@baton/kernel/fields";
import { isId, type IdKind } from "../id/index.ts";

// Field rules shared by several domain functions. The browser-safe ones (dates, names, money,
// zones) live in the kernel (@baton/kernel/fields) and are re-exported here under their names;
// what needs the server (cursors read with Buffer, ids) stays here.

export { calendarDate, calendarMonth, checkDateRange, instant, isCalendarDate, isCalendarMonth, MAX_RANGE_DAYS, MAX_YEAR, MIN_YEAR } from "./dates.ts";
export {
  basisPoints,
  billingIncrement,
  currency,
  detailLine,
  detailLines,
  email,
  isCurrency,
  isTimeZone,
  locale,
  minorAmount,
  oneLine,
  paymentAmount,
  personName,
  timeZone,
  version,
} from "@baton/kernel/fields";

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

/** An id of one kind (prefix and length), checked before any database read. */
export function idOf(kind: IdKind, message = "That id is not valid.") {
  return z.string({ error: message }).refine((value) => isId(kind, value), message);
}

/** A billing increment as the stored attributes of an agency or a client. */
export function incrementAttributes(rule: z.output<typeof billingIncrement>) {
  return { incrementStep: rule.step, incrementRounding: rule.rounding, incrementMinimum: rule.minimumMinutes };
}
export const INCREMENT_ATTRIBUTES = ["incrementStep", "incrementRounding", "incrementMinimum"] as const;

export { done, named, page } from "./output.ts";
