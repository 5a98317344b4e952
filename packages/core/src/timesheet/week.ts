import { z } from "zod";
import { assertMember, forbidden } from "../actor/index.ts";
import { startOfWeek, zonedParts } from "../business-hours/index.ts";
import { db } from "../db/index.ts";
import { notFound } from "../error/index.ts";
import { calendarDate } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { isId } from "../id/index.ts";
import { MemberStore } from "../member/store.ts";
import { approvalOf, type TimeEntryItem } from "./entity.ts";
import { presentAll, type TimeEntry } from "./present.ts";

// A member's week, Monday to Sunday in their own zone: the timesheet page, and the unit a
// subcontractor submits for approval.

export const weekSchema = z.strictObject({
  memberId: z.string().max(40).optional(),
  /** Any day of the week wanted, in the member's time zone; this week when left out. */
  date: calendarDate.optional(),
});

/** Where a week stands: nothing logged, some time not submitted, returned (some), waiting, or all approved. */
export type WeekState = "empty" | "open" | "returned" | "submitted" | "approved";

export type Timesheet = {
  member: { id: string; name: string; timeZone: string };
  /** Monday 00:00 in the member's zone, as a UTC instant, and the 7 local dates of the week. */
  weekStart: string;
  days: { date: string; minutes: number; billableMinutes: number }[];
  entries: TimeEntry[];
  totalMinutes: number;
  billableMinutes: number;
  state: WeekState;
  /** What the viewer may do with the week: submit it (their own, with time not yet submitted). */
  can: { submit: boolean };
};

/** The week holding `anchor`, in `timeZone`: its first instant and the first of the next. */
export function weekBounds(anchor: Date, timeZone: string): { start: Date; end: Date } {
  const start = startOfWeek(anchor, timeZone);
  return { start, end: startOfWeek(new Date(start.getTime() + 8 * 86_400_000), timeZone) };
}

/** A member's entries started within the week [start, end). */
export async function entriesOfWeek(agencyId: string, memberId: string, start: Date, end: Date): Promise<TimeEntryItem[]> {
  const result = await db.entities.timeEntry.query
    .entriesOfMember({ agencyId, memberId })
    .between({ startedAt: start.toISOString() }, { startedAt: end.toISOString() })
    .go({ pages: "all" });
  return result.data.filter((item) => item.startedAt < end.toISOString());
}

export function stateOf(items: readonly TimeEntryItem[]): WeekState {
  const states = new Set(items.map(approvalOf));
  if (!states.size) return "empty";
  if (states.has("returned")) return "returned";
  if (states.has("open")) return "open";
  if (states.has("submitted")) return "submitted";
  return "approved";
}

/** A member's week, Monday to Sunday in their own time zone: the owner any member's, others their own. */
export const week = fn(weekSchema, async (query): Promise<Timesheet> => {
  const actor = assertMember();
  const memberId = query.memberId ?? actor.memberId;
  if (memberId !== actor.memberId && actor.role !== "owner") throw forbidden();
  const member = isId("member", memberId) ? await MemberStore.load(actor.agencyId, memberId) : null;
  if (!member) throw notFound("Team member");
  const anchor = query.date ? new Date(`${query.date}T12:00:00Z`) : new Date();
  const { start, end } = weekBounds(anchor, member.timeZone);
  const items = await entriesOfWeek(actor.agencyId, memberId, start, end);
  const dates = Array.from({ length: 7 }, (_, i) => localDate(new Date(start.getTime() + i * 86_400_000 + 12 * 3_600_000), member.timeZone));
  const days = dates.map((date) => {
    const ofDay = items.filter((item) => localDate(new Date(item.startedAt), member.timeZone) === date);
    return {
      date,
      minutes: ofDay.reduce((sum, item) => sum + item.minutes, 0),
      billableMinutes: ofDay.filter((item) => item.billable).reduce((sum, item) => sum + item.minutes, 0),
    };
  });
  const state = stateOf(items);
  return {
    member: { id: member.memberId, name: member.name, timeZone: member.timeZone },
    weekStart: start.toISOString(),
    days,
    entries: await presentAll(actor.agencyId, items),
    totalMinutes: days.reduce((sum, day) => sum + day.minutes, 0),
    billableMinutes: days.reduce((sum, day) => sum + day.billableMinutes, 0),
    state,
    can: { submit: memberId === actor.memberId && (state === "open" || state === "returned") },
  };
});

export function localDate(at: Date, timeZone: string): string {
  const { year, month, day } = zonedParts(at, timeZone);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
