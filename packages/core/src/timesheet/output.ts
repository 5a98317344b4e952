import { z } from "zod";
import { named, page } from "../fields/output.ts";
import type { TimeEntry, Timer, TimerState, Timesheet } from "./index.ts";

export const entryOutput = z
  .object({
    id: z.string(),
    member: named,
    client: named,
    task: z.object({ id: z.string(), reference: z.string(), title: z.string() }).nullable(),
    label: z.string(),
    startedAt: z.string(),
    minutes: z.number().int(),
    billable: z.boolean(),
    note: z.string().nullable(),
    invoiceId: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "TimeEntry" }) satisfies z.ZodType<TimeEntry>;

export const timerOutput = z.object({
  taskId: z.string().nullable(),
  client: named,
  label: z.string(),
  startedAt: z.string(),
  note: z.string().nullable(),
}) satisfies z.ZodType<Timer>;

/** GET /time/timer, and what starting and stopping it answer. */
export const timerStateOutput = z
  .object({
    timer: timerOutput.nullable().describe("The running timer, or null"),
    entry: entryOutput.nullable().describe("The entry a stop just recorded; null otherwise"),
  })
  .meta({ id: "TimerState" }) satisfies z.ZodType<TimerState>;

export const weekOutput = z.object({
  member: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
  weekStart: z.string(),
  days: z.array(z.object({ date: z.string(), minutes: z.number().int(), billableMinutes: z.number().int() })),
  entries: z.array(entryOutput),
  totalMinutes: z.number().int(),
  billableMinutes: z.number().int(),
}) satisfies z.ZodType<Timesheet>;

export const forTaskOutput = z.object({ estimateMinutes: z.number().int(), loggedMinutes: z.number().int(), entries: z.array(entryOutput) });

export const listOutput = page(entryOutput);
