import { isCalendarMonth as isMonth, isLocalDate as isDay, monthsBack, todayIn } from "@baton/kernel/dates";
import { api } from "@baton/ui/api";
import { query } from "@solidjs/router";

type Query = Record<string, string | string[] | undefined>;

// "" means the API's default: the last 12 months for revenue, this month so far for a period.
export const getRevenue = query((from: string, to: string) => api.reports.revenue({ from: from || undefined, to: to || undefined }), "reports.revenue");
export const getReceivables = query(() => api.reports.receivables(), "reports.receivables");
export const getMargin = query((from: string, to: string) => api.reports.margin({ from: from || undefined, to: to || undefined }), "reports.margin");
export const getPayouts = query((from: string, to: string) => api.reports.payouts({ from: from || undefined, to: to || undefined }), "reports.payouts");
export const getResponses = query((from: string, to: string) => api.reports.responses({ from: from || undefined, to: to || undefined }), "reports.responses");

export const reportKeys = () => [getRevenue.key, getReceivables.key, getMargin.key, getPayouts.key, getResponses.key];

/** `?from=&to=` are revenue months, `?pfrom=&pto=` the margin and payout period, `?rfrom=&rto=` the response-promise months. */
export type Filters = { from: string; to: string; pfrom: string; pto: string; rfrom: string; rto: string };

// Passed on as typed (trimmed, bounded): the API checks them and its field message is shown.
const text = (value: string | string[] | undefined) => ((Array.isArray(value) ? value[0] : value) ?? "").trim().slice(0, 32);

export const parseFilters = (search: Query): Filters => ({ from: text(search.from), to: text(search.to), pfrom: text(search.pfrom), pto: text(search.pto), rfrom: text(search.rfrom), rto: text(search.rto) });

export const preloadReports = (search: Query) => {
  const filters = parseFilters(search);
  void getRevenue(filters.from, filters.to);
  void getReceivables();
  void getMargin(filters.pfrom, filters.pto);
  void getPayouts(filters.pfrom, filters.pto);
  void getResponses(filters.rfrom, filters.rto);
};

/** What the API uses when the URL leaves the months out, to show in the pickers. */
export function defaultMonths(timeZone: string, to: string): { from: string; to: string } {
  const end = isMonth(to) ? to : todayIn(timeZone).slice(0, 7);
  return { from: monthsBack(end, 12), to: todayIn(timeZone).slice(0, 7) };
}

/** What the API uses when the URL leaves the period out: the first of the month to today. */
export function defaultPeriod(timeZone: string, to: string): { from: string; to: string } {
  const today = todayIn(timeZone);
  return { from: `${(isDay(to) ? to : today).slice(0, 8)}01`, to: today };
}
