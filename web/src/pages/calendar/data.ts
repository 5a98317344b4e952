import { api } from "@baton/ui/api";
import type { CalendarMonth, CalendarTask } from "@baton/ui/types";
import { getMe } from "@baton/ui/session";
import { query } from "@solidjs/router";

export type { CalendarMonth, CalendarTask };

/** A month of deadlines ("" = this month in the viewer's zone); "" filters are "all". */
export const getMonth = query(
  (month: string, clientId: string, memberId: string) =>
    api.calendar.month({ month, clientId, memberId }),
  "calendar.month",
);

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/** `?month=2026-12`, or "" (this month) for anything else. */
export const parseMonth = (value: string | string[] | undefined) => {
  const month = one(value);
  return /^(19|20|21)\d\d-(0[1-9]|1[0-2])$/.test(month) ? month : "";
};
export const parseId = (value: string | string[] | undefined) => one(value).slice(0, 40);

export type CalendarSearch = { month?: string; client?: string; member?: string };

/**
 * The query the page reads for these search params. A subcontractor's client filter narrows
 * the month on screen (they can't list the agency's clients), so it is not sent.
 */
export function monthArgs(search: Record<string, string | string[] | undefined>, owner: boolean): [string, string, string] {
  return [parseMonth(search.month), owner ? parseId(search.client) : "", owner ? parseId(search.member) : ""];
}

/** Started from the route (routes.tsx), once the signed-in member (already loading) is known. */
export const preloadCalendar = (search: Record<string, string | string[] | undefined>) =>
  void getMe()
    .then((me) => getMonth(...monthArgs(search, me.role === "owner")))
    .catch(() => undefined);

/** "2026-12" and a number of months → "2027-02". */
export function shiftMonth(month: string, by: number): string {
  const [year = 1970, m = 1] = month.split("-").map(Number);
  const index = year * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The weeks (Monday to Sunday) covering a month, as calendar dates ("2026-12-01"). */
export function weeksOf(month: string): string[][] {
  const [year = 1970, m = 1] = month.split("-").map(Number);
  const first = new Date(Date.UTC(year, m - 1, 1));
  const last = new Date(Date.UTC(year, m, 0));
  const start = new Date(first);
  start.setUTCDate(first.getUTCDate() - ((first.getUTCDay() + 6) % 7));
  const weeks: string[][] = [];
  for (const day = start; day <= last; ) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(day.toISOString().slice(0, 10));
      day.setUTCDate(day.getUTCDate() + 1);
    }
    weeks.push(week);
  }
  return weeks;
}
