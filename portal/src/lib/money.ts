import { intlLocale } from "@baton/ui/i18n";

// Money on screen. Amounts are integer minor units with an ISO 4217 currency, as the API sends
// them. This mirrors `Money.format` in @baton/core/money without importing that module, which
// would pull zod into the portal's bundle for one function.

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, locale: string) {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale, { style: "currency", currency })));
  return f;
}

/** Decimal places of the currency's minor unit (USD 2, JPY 0, KWD 3), as Intl knows them. */
export function minorDigits(currency: string): number {
  return formatter(currency, "en").resolvedOptions().maximumFractionDigits ?? 2;
}

/** The major amount as an exact decimal string ("1234.50"): no float on the way. */
function toMajorString(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  if (digits === 0) return `${sign}${abs}`;
  const unit = 10 ** digits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, "0")}`;
}

/** Minor units for people: "$1,234.50", "¥1,235", in the UI's locale unless given. */
export function formatMoney(amount: number, currency: string, locale = intlLocale()): string {
  // Intl formats numeric strings exactly (ES2023), so cents never pass through a float.
  return formatter(currency, locale).format(toMajorString(amount, currency) as unknown as number);
}
