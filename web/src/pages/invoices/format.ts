import { t } from "@baton/ui/i18n";
import { formatMoney, Money } from "@baton/ui/money";

/** Minor units of `currency` for reading in the UI's locale: "$1,234.50", "¥1,235". */
export const money = (amount: number, currency: string) => formatMoney(amount, currency);

/** What `minutes` cost at `ratePerHour` (minor units), rounded half up, as the API bills a time line. */
export const forMinutes = Money.forMinutes;

/** Minutes as "h:mm" (time lines bill by the minute). */
/** A time line's minutes in the one duration format ("1 h 30 min"). */
export { formatMinutes as hoursMinutes } from "@baton/ui/time";

/** Basis points as a percentage for reading: 2000 → "20%", 1250 → "12.5%". */
export const percent = (basisPoints: number) => `${basisPoints / 100}%`;

/** A typed percentage ("20", "12.5") in basis points, or undefined. */
export function parsePercent(text: string): number | undefined {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return undefined;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0") || "0");
  return bp <= 10_000 ? bp : undefined;
}

/** Basis points as typed text: 2000 → "20", 1250 → "12.5". */
export const percentText = (basisPoints: number) => String(basisPoints / 100);

/** The message for an amount that didn't parse, with an example in the currency's decimals. */
export const invalidAmount = (currency: string) => t("invoiceNew.invalidAmount", { currency, example: Money.toMajorString(10 ** Money.minorDigits(currency) * 12 + (Money.minorDigits(currency) ? 50 * 10 ** (Money.minorDigits(currency) - 2) : 0), currency) });
