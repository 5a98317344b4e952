import { z } from "zod";
import { assertOwner } from "../actor/index.ts";
import { startOfWeek } from "../business-hours/index.ts";
import { fn } from "../fn/index.ts";
import { teamFacts } from "./ranking.ts";
import { AgencyStore } from "../agency/store.ts";

// Each member's load per week: open estimates by the week they fall due, against capacity.

export type Workload = {
  /** Week starts (UTC instants of Monday 00:00 in the agency's time zone). */
  weeks: string[];
  members: {
    id: string;
    name: string;
    role: "owner" | "subcontractor";
    weeklyCapacityHours: number;
    /** Hours due before the first week (overdue). */
    overdueHours: number;
    /** Hours due in each week. */
    hours: number[];
    openTasks: number;
  }[];
};

const WEEK = 7 * 24 * 3600_000;

export const workloadSchema = z.strictObject({
  weeks: z.coerce.number().int().min(1, "Show at least one week.").max(12, "Show at most 12 weeks.").default(4),
});

export const workload = fn(workloadSchema, async (query): Promise<Workload> => {
  const agencyId = assertOwner();
  const agency = (await AgencyStore.load(agencyId));
  const first = startOfWeek(new Date(), agency?.timeZone ?? "UTC").getTime();
  const starts = Array.from({ length: query.weeks }, (_, i) => first + i * WEEK);
  const facts = await teamFacts(agencyId);
  return {
    weeks: starts.map((start) => new Date(start).toISOString()),
    members: facts.map(({ member, openTasks }) => {
      const hours = starts.map(() => 0);
      let overdueHours = 0;
      for (const task of openTasks) {
        const due = Date.parse(task.dueAt);
        const estimate = task.estimateMinutes / 60;
        if (due < first) {
          overdueHours += estimate;
          continue;
        }
        const index = Math.floor((due - first) / WEEK);
        if (index < hours.length) hours[index]! += estimate;
      }
      return {
        id: member.memberId,
        name: member.name,
        role: member.role,
        weeklyCapacityHours: member.weeklyCapacityHours,
        overdueHours: Math.round(overdueHours * 100) / 100,
        hours: hours.map((h) => Math.round(h * 100) / 100),
        openTasks: openTasks.length,
      };
    }),
  };
});
