import { z } from "zod";
import { assertOwner, useActor } from "../actor/index.ts";
import { calendarDate } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { MemberStore } from "../member/store.ts";
import { entriesOfWeek, localDate, stateOf, weekBounds, type WeekState } from "./week.ts";

// The owner's team week (issue 22 item 7): each member's hours in the week holding a date, Monday
// to Sunday in the member's own zone (as their timesheet counts it), against their capacity.
// One `entriesOfMember` range query per member of the team: no scan, and a team is small.

export const teamWeekSchema = z.strictObject({
  /** Any day of the week wanted; this week when left out. */
  date: calendarDate.optional(),
});

export type TeamWeekRow = {
  member: { id: string; name: string; timeZone: string; role: "owner" | "subcontractor" };
  /** The member's Monday (their zone) of the week. */
  weekOf: string;
  totalMinutes: number;
  billableMinutes: number;
  capacityMinutes: number;
  state: WeekState;
};

export type TeamWeek = {
  /** The day asked for (or today in the owner's zone): the week shown is the one holding it, in each member's zone. */
  date: string;
  members: TeamWeekRow[];
  totalMinutes: number;
  capacityMinutes: number;
};

/** The team's hours for a week against capacity (owner): active and invited members, the owner first. */
export const teamWeek = fn(teamWeekSchema, async (query): Promise<TeamWeek> => {
  const agencyId = assertOwner();
  const actor = useActor();
  const memberId = actor.type === "member" ? actor.memberId : null;
  const everyone = await MemberStore.ofAgency(agencyId);
  // This week is the one holding today on the owner's own calendar, for every member: so the
  // switcher's dates and "this week" name the same weeks (each still Monday to Sunday in its member's zone).
  const date = query.date ?? localDate(new Date(), everyone.find((member) => member.memberId === memberId)?.timeZone ?? "UTC");
  const anchor = new Date(`${date}T12:00:00Z`);
  const team = everyone.filter((member) => member.status !== "removed");
  const members = await Promise.all(
    team.map(async (member): Promise<TeamWeekRow> => {
      const { start, end } = weekBounds(anchor, member.timeZone);
      const items = await entriesOfWeek(agencyId, member.memberId, start, end);
      return {
        member: { id: member.memberId, name: member.name, timeZone: member.timeZone, role: member.role },
        weekOf: localDate(new Date(start.getTime() + 12 * 3_600_000), member.timeZone),
        totalMinutes: items.reduce((sum, item) => sum + item.minutes, 0),
        billableMinutes: items.filter((item) => item.billable).reduce((sum, item) => sum + item.minutes, 0),
        capacityMinutes: Math.round(member.weeklyCapacityHours * 60),
        state: stateOf(items),
      };
    }),
  );
  members.sort((a, b) => (a.member.role === b.member.role ? a.member.name.localeCompare(b.member.name) : a.member.role === "owner" ? -1 : 1));
  return {
    date,
    members,
    totalMinutes: members.reduce((sum, row) => sum + row.totalMinutes, 0),
    capacityMinutes: members.reduce((sum, row) => sum + row.capacityMinutes, 0),
  };
});
