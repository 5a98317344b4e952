import { minorDigits } from "@baton/kernel/money";

// Exchange rates as the owner keeps them: "1 EUR = 1.0842 USD" is the exact decimal string
// "1.0842", never a float. Converting is integer arithmetic on that decimal (BigInt on the way,
// so no amount times a rate passes 2^53) and rounds once, half up (half away from zero for a
// negative amount), like every other amount Baton computes (kernel/money.ts).

/** The smallest and largest rates accepted: anything outside is a typo, not a currency. */
export const MIN_RATE = "0.000001";
export const MAX_RATE = "1000000";
/** Decimal places a rate may have. */
export const RATE_DECIMALS = 10;

const RATE_PATTERN = new RegExp(`^(\\d{1,7})(?:\\.(\\d{1,${RATE_DECIMALS}}))?$`);

/** A rate as an integer over a power of ten: "1.0842" → 10842 / 10^4. */
function parts(rate: string): { units: bigint; scale: bigint } | undefined {
  const match = RATE_PATTERN.exec(rate);
  if (!match) return undefined;
  const fraction = match[2] ?? "";
  return { units: BigInt(match[1]! + fraction), scale: 10n ** BigInt(fraction.length) };
}

/** "01.084200" → "1.0842": one spelling per rate, so equal rates are equal strings. */
export function normalizeRate(rate: string): string | undefined {
  const trimmed = rate.trim().replace(",", ".");
  if (!parts(trimmed)) return undefined;
  const [whole, fraction = ""] = trimmed.split(".");
  const cleanWhole = whole!.replace(/^0+(?=\d)/, "");
  const cleanFraction = fraction.replace(/0+$/, "");
  return cleanFraction ? `${cleanWhole}.${cleanFraction}` : cleanWhole;
}

/** Compares two well-formed rates exactly: negative, 0 or positive. */
export function compareRates(a: string, b: string): number {
  const x = parts(a)!;
  const y = parts(b)!;
  const left = x.units * y.scale;
  const right = y.units * x.scale;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Why a rate can't be kept, or undefined when it can: a positive decimal within MIN_RATE..MAX_RATE. */
export function rateProblem(rate: string): "format" | "zero" | "small" | "large" | undefined {
  const normal = normalizeRate(rate);
  if (normal === undefined) return "format";
  if (compareRates(normal, "0") === 0) return "zero";
  if (compareRates(normal, MIN_RATE) < 0) return "small";
  if (compareRates(normal, MAX_RATE) > 0) return "large";
  return undefined;
}

/**
 * `amount` minor units of `from` as minor units of `to`, at `rate` (1 `from` = rate `to`),
 * rounded half up once. Minor units differ by currency (JPY 0 decimals, KWD 3), so the scale of
 * both is part of the one division.
 */
export function convert(amount: number, from: string, to: string, rate: string): number {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`convert(${amount})`);
  const r = parts(rate);
  if (!r) throw new RangeError(`convert: rate ${rate}`);
  if (from === to) return amount;
  const shift = minorDigits(to) - minorDigits(from);
  let numerator = BigInt(Math.abs(amount)) * r.units;
  let denominator = r.scale;
  if (shift >= 0) numerator *= 10n ** BigInt(shift);
  else denominator *= 10n ** BigInt(-shift);
  const rounded = (numerator * 2n + denominator) / (denominator * 2n);
  if (rounded > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`convert(${amount}) is past safe integers`);
  return amount < 0 ? -Number(rounded) : Number(rounded);
}
