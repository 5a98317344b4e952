import { Money } from "@baton/kernel";
import { intlLocale } from "./i18n";

// Money on screen: the kernel's rules (integer minor units, ISO 4217 decimals, exact decimals),
// formatted in the UI's language unless a locale is given.
export { Money };

/** Minor units for people: "$1,234.50", "¥1,235". */
export const formatMoney = (amount: number, currency: string, locale = intlLocale()) => Money.format(amount, currency, locale);
