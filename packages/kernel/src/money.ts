// Money is an integer count of the currency's minor unit (cents, paise; yen have none) with an
// ISO 4217 code. Every calculation here is integer arithmetic that rounds half up once, at the
// end; nothing is ever held as a floating-point major amount. No dependencies: the apps use it
// too. The API's money fields (minorAmount, basisPoints) are in fields.ts.

export type Money = { amount: number; currency: string };

export {
  billedMinutes,
  EXACT_MINUTE,
  INCREMENT_ROUNDINGS,
  INCREMENT_STEPS,
  incrementOf,
  MAX_MINIMUM_MINUTES,
  type BillingIncrement,
  type IncrementRounding,
  type IncrementStep,
} from "./increments.ts";

/**
 * The largest amount Baton holds anywhere, an invoice's total included: 10 billion major units
 * of a 2-decimal currency. A total over it is refused (422), never computed past safe integers.
 */
export const MAX_MINOR = 1_000_000_000_000;

/**
 * The largest amount a person may enter (a price, a rate, a fee): 100 million major units of a
 * 2-decimal currency. A hundredth of MAX_MINOR, so that what is derived from inputs (a line's
 * quantity × price, time at a rate, a fee with 100% tax) stays far inside safe integers: the
 * largest sum an invoice can reach before its total is checked (20 lines × 10,000 units plus 95
 * days of time, with tax) is below 10^16 ÷ 2.
 */
export const MAX_INPUT_MINOR = 10_000_000_000;

const digitsCache = new Map<string, number>();

/** Decimal places of the currency's minor unit as ISO 4217 (and so Intl) defines it: USD 2, JPY 0, KWD 3. */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** `numerator / denominator` rounded half up, for non-negative integers (exact: no floats). */
export function divideRounded(numerator: number, denominator: number): number {
  return mulDivRounded(numerator, 1, denominator);
}

/**
 * `a × b / denominator` rounded half up, exact for any safe non-negative integers: the product is
 * taken in BigInt, so a large amount times a rate never passes 2^53 on the way. Throws only if
 * the result itself is not a safe integer.
 */
export function mulDivRounded(a: number, b: number, denominator: number): number {
  if (![a, b, denominator].every(Number.isSafeInteger) || denominator <= 0 || a < 0 || b < 0) {
    throw new RangeError(`mulDivRounded(${a}, ${b}, ${denominator})`);
  }
  const d = BigInt(denominator);
  const result = (BigInt(a) * BigInt(b) * 2n + d) / (d * 2n);
  if (result > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`mulDivRounded(${a}, ${b}, ${denominator}) is past safe integers`);
  return Number(result);
}

/** What `minutes` cost at `ratePerHour` (minor units per hour), rounded half up to a minor unit. */
export function forMinutes(minutes: number, ratePerHour: number): number {
  return mulDivRounded(minutes, ratePerHour, 60);
}

/** `basisPoints` hundredths of a percent of `amount` (2,000 = 20%), rounded half up. */
export function percentOf(amount: number, basisPoints: number): number {
  return mulDivRounded(amount, basisPoints, 10_000);
}

/** A major-unit decimal string ("12.50", "1200") as minor units, or undefined if it has more decimals than the currency. */
export function parseMajor(text: string, currency: string): number | undefined {
  const digits = minorDigits(currency);
  const match = /^\s*(\d{1,12})(?:[.,](\d+))?\s*$/.exec(text);
  if (!match) return undefined;
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return undefined;
  const value = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(value) && value <= MAX_INPUT_MINOR ? value : undefined;
}

/** Minor units as a plain major-unit decimal ("12.50", "1200"): for CSV files and inputs. */
export function toMajorString(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  if (digits === 0) return `${sign}${abs}`;
  const unit = 10 ** digits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, "0")}`;
}

/** Minor units formatted for people in `locale`: "$1,234.50", "¥1,235", "₹1,23,456.00". */
export function format(amount: number, currency: string, locale = "en"): string {
  const digits = minorDigits(currency);
  // The major amount as a decimal string: Intl formats strings exactly, with no float on the way.
  return new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    toMajorString(amount, currency) as unknown as number,
  );
}
