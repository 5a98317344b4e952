import { z } from "zod";
import { named, page } from "../fields/output.ts";
import { ApprovalStates } from "./entity.ts";
import type { TeamWeek, TimeEntry, Timer, TimerState, Timesheet, WaitingWeek } from "./index.ts";

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
    approval: z.enum(ApprovalStates).describe("open, submitted (waiting for review), returned (with a note), approved (locked)"),
    returnNote: z.string().nullable().describe("Why a reviewer returned it"),
    usedPeriod: z.string().nullable().describe("The retainer month (YYYY-MM, the client's zone) its approved hours were taken from: its own, or the next open one when its month had closed; null when none were"),
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
  state: z.enum(["empty", "open", "returned", "submitted", "approved"]),
  can: z.object({ submit: z.boolean() }),
}) satisfies z.ZodType<Timesheet>;

/** GET /time/approvals: what waits for review, per member and week. */
export const waitingOutput = z
  .object({
    weeks: z.array(
      z.object({
        member: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
        weekStart: z.string(),
        totalMinutes: z.number().int(),
        billableMinutes: z.number().int(),
        entries: z.array(entryOutput),
      }) satisfies z.ZodType<WaitingWeek>,
    ),
  })
  .meta({ id: "TimeWaiting" });

/** What approving or returning answers: the entries as they are now. */
export const decisionOutput = z.object({ entries: z.array(entryOutput) }).meta({ id: "TimeDecision" });

export const forTaskOutput = z.object({ estimateMinutes: z.number().int(), loggedMinutes: z.number().int(), entries: z.array(entryOutput) });

export const listOutput = page(entryOutput);

/** GET /time/team: each member's hours in a week against their capacity (owner). */
export const teamWeekOutput = z
  .object({
    date: z.string().describe("The day asked for: each member's week (Monday to Sunday in their zone) holding it"),
    members: z.array(
      z.object({
        member: z.object({ id: z.string(), name: z.string(), timeZone: z.string(), role: z.enum(["owner", "subcontractor"]) }),
        weekOf: z.string().describe("The member's Monday of the week, in their zone"),
        totalMinutes: z.number().int(),
        billableMinutes: z.number().int(),
        capacityMinutes: z.number().int().describe("Their weekly capacity, in minutes"),
        state: z.enum(["empty", "open", "returned", "submitted", "approved"]),
      }),
    ),
    totalMinutes: z.number().int(),
    capacityMinutes: z.number().int(),
  })
  .meta({ id: "TeamWeek" }) satisfies z.ZodType<TeamWeek>;
