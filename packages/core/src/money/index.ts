export * as Money from "./index.ts";

// Money is an integer count of the currency's minor unit (cents, paise; yen have none) with an
// ISO 4217 code. Every calculation here is integer arithmetic that rounds half up once, at the
// end; nothing is ever held as a floating-point major amount. No dependencies: the apps use it
// too. The API's money fields (minorAmount, basisPoints) are in fields/.

export type Money = { amount: number; currency: string };

/** The largest amount accepted anywhere: 10 billion major units of a 2-decimal currency. */
export const MAX_MINOR = 1_000_000_000_000;

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
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0 || numerator < 0) {
    throw new RangeError(`divideRounded(${numerator}, ${denominator})`);
  }
  return Math.floor((numerator * 2 + denominator) / (denominator * 2));
}

/** What `minutes` cost at `ratePerHour` (minor units per hour), rounded half up to a minor unit. */
export function forMinutes(minutes: number, ratePerHour: number): number {
  return divideRounded(minutes * ratePerHour, 60);
}

/** `basisPoints` hundredths of a percent of `amount` (2,000 = 20%), rounded half up. */
export function percentOf(amount: number, basisPoints: number): number {
  return divideRounded(amount * basisPoints, 10_000);
}

/** A major-unit decimal string ("12.50", "1200") as minor units, or undefined if it has more decimals than the currency. */
export function parseMajor(text: string, currency: string): number | undefined {
  const digits = minorDigits(currency);
  const match = /^\s*(\d{1,12})(?:[.,](\d+))?\s*$/.exec(text);
  if (!match) return undefined;
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return undefined;
  const value = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(value) && value <= MAX_MINOR ? value : undefined;
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
