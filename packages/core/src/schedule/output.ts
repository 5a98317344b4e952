import { z } from "zod";
import { RuleKinds, ScheduleStatuses } from "./entity.ts";
import type { Schedule } from "./index.ts";

export const output = z
  .object({
    id: z.string(),
    clientId: z.string(),
    clientName: z.string(),
    title: z.string(),
    description: z.string(),
    serviceId: z.string().nullable().describe("The catalog service whose SOPs the tasks follow; null for a request template"),
    sopIds: z.array(z.string()).describe("A template's SOPs, one task each"),
    rule: z.enum(RuleKinds).describe("weekdays (Mon–Fri), weekly on `days`, or monthly on `dayOfMonth` (the month's last day when it has fewer)"),
    days: z.array(z.number().int()).describe("ISO weekdays, 1 = Monday"),
    dayOfMonth: z.number().int().nullable(),
    time: z.string().describe("HH:MM in timeZone; a time in a DST gap falls at the first valid time after it"),
    timeZone: z.string().describe("The client's zone"),
    startDate: z.string(),
    endDate: z.string().nullable(),
    estimateHours: z.number(),
    assigneeId: z.string().nullable(),
    assigneeName: z.string().nullable(),
    status: z.enum(ScheduleStatuses),
    nextAt: z.string().nullable().describe("The next occurrence (UTC); null when paused or ended"),
    nextDate: z.string().nullable().describe("Its date in the client's zone"),
    lastDate: z.string().nullable(),
    lastRequestId: z.string().nullable(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "Schedule" }) satisfies z.ZodType<Schedule>;

export const listOutput = z.object({ items: z.array(output), cursor: z.null() }).meta({ id: "ScheduleList" });
