import { formatNumber, intlLocale, t } from "@baton/ui/i18n";
import { formatMoney, Money } from "@baton/ui/money";

/** Minor units of `currency` in the viewer's locale: "£1,234.50". */
export const money = (amount: number, currency: string) => formatMoney(amount, currency);

/** A short amount for a chart's axis: "£1.2K". Approximate on purpose; the tables are exact. */
export const axisMoney = (amount: number, currency: string) =>
  formatNumber(amount / 10 ** Money.minorDigits(currency), { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 });

/** Minutes in the one duration format: "1 h 30 min", "12 h". */
export { formatMinutes as hours } from "@baton/ui/time";

/** Basis points as a percentage: 2500 → "25%", -1250 → "-12.5%". */
export const percent = (basisPoints: number) => formatNumber(basisPoints / 10_000, { style: "percent", maximumFractionDigits: 1 });

const formatters = new Map<string, Intl.DateTimeFormat>();
function monthFormatter(options: Intl.DateTimeFormatOptions) {
  const key = `${intlLocale()}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(intlLocale(), { ...options, timeZone: "UTC" })));
  return f;
}

// A "YYYY-MM" month is a calendar month of the agency's, not an instant: format mid-month in UTC.
const midMonth = (month: string) => {
  const [year = 1970, m = 1] = month.split("-").map(Number);
  return new Date(Date.UTC(year, m - 1, 15));
};

/** "November 2026". */
export const monthLong = (month: string) => monthFormatter({ month: "long", year: "numeric" }).format(midMonth(month));
/** "Nov". */
export const monthShort = (month: string) => monthFormatter({ month: "short" }).format(midMonth(month));
/** "2026". */
export const monthYear = (month: string) => monthFormatter({ year: "numeric" }).format(midMonth(month));

/** "Ada, Sam and Maria" in the viewer's language. */
export function list(items: string[]): string {
  try {
    return new Intl.ListFormat(intlLocale(), { type: "conjunction" }).format(items);
  } catch {
    return items.join(", ");
  }
}
