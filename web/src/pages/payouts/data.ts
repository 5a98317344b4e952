import { api } from "@baton/ui/api";
import { query, revalidate } from "@solidjs/router";

// Keys all start with "payouts.", so `refreshPayouts()` reads everything about payouts again.
/** "" period: last month (the API's default). */
export const getOverview = query((period: string) => api.payouts.overview(period || undefined), "payouts.overview");
export const getMine = query(() => api.payouts.mine(), "payouts.mine");
export const getStatement = query((id: string) => api.payouts.get(id), "payouts.statement");

export const refreshPayouts = () => revalidate([getOverview.key, getMine.key, getStatement.key]);

/** A "YYYY-MM" month of the member's as words: "November 2026" (mid-month in UTC: a calendar month, not an instant). */
export function monthLabel(period: string, locale: string): string {
  const [year = 1970, month = 1] = period.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, 15)));
}
