import { addDays, startOfDay, todayIn } from "@baton/kernel/dates";
import { addBusinessHours } from "@baton/kernel/time";
import { api } from "@baton/ui/api";
import type { Agency, Invoice, WorkRequest, WorkTask } from "@baton/ui/types";
import { query } from "@solidjs/router";
import { agencyCalendar } from "../../lib/agency-calendar";

// What the owner's home reads besides the lists it shares with other pages (deadlines, QA,
// the triage inbox, the survey summary), and how it picks its few rows out of them.

/** How many rows a home card lists before "see all". */
export const CARD_ROWS = 5;

/** The response window the home warns about: the agency's promise is counted in business hours too. */
export const NEAR_RESPONSE_HOURS = 8;

/**
 * Sent and partly paid invoices that are past due, most overdue first. One page of each status
 * (newest issued first, so an agency with over 100 open invoices may miss its oldest: `more`).
 * The key starts with "invoices.list" so whatever refreshes the invoice lists refreshes this.
 */
export const getOverdueInvoices = query(async (): Promise<{ items: Invoice[]; more: boolean }> => {
  const pages = await Promise.all((["sent", "partially_paid"] as const).map((status) => api.invoices.list({ status, limit: 100 })));
  const items = pages
    .flatMap((page) => page.items)
    .filter((invoice) => invoice.overdue)
    .sort((a, b) => (a.dueAt ?? "").localeCompare(b.dueAt ?? ""));
  return { items, more: pages.some((page) => page.cursor) };
}, "invoices.list.overdue");

/** The instant today ends in `timeZone` (its next midnight). */
export function endOfToday(now: Date, timeZone: string): number {
  return startOfDay(addDays(todayIn(timeZone, now), 1), timeZone).getTime();
}

/** Open tasks due by the end of today in the viewer's zone, overdue ones included (they come first: the list is by due date). */
export const dueToday = (tasks: WorkTask[], now: Date, timeZone: string) => {
  const end = endOfToday(now, timeZone);
  return tasks.filter((task) => Date.parse(task.dueAt) < end);
};

/** The agency's working week with its holidays: what response promises are counted in. */

/** Submitted requests whose response is due within the next 8 business hours of the agency's (its week and holidays), or already late. */
export const nearResponse = (requests: WorkRequest[], now: Date, agency: Agency) => {
  const limit = addBusinessHours(now, NEAR_RESPONSE_HOURS, agency.timeZone, agencyCalendar(agency)).getTime();
  return requests
    .filter((request) => request.status === "submitted" && Date.parse(request.responseDueAt) <= limit)
    .sort((a, b) => a.responseDueAt.localeCompare(b.responseDueAt));
};

/** Whole days since `dueAt` (0 on the day it fell due). */
export const daysLate = (dueAt: string | null, now: Date) => (dueAt ? Math.max(0, Math.floor((now.getTime() - Date.parse(dueAt)) / 86_400_000)) : 0);
