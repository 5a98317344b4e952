import { z } from "zod";
import { named, page } from "../fields/output.ts";
import { output as fileOutput } from "../file/output.ts";
import { MemberRoles } from "../member/entity.ts";
import { versionOutput as sopVersionOutput } from "../sop/output.ts";
import { TaskStatuses } from "../workflow/index.ts";
import type { Candidate, ClientTask, Task, TaskDetail, Workload } from "./index.ts";
import { TaskActions } from "./policy.ts";

const status = z.enum(TaskStatuses);

/** What the viewer may do to the task now (task/policy.ts); the apps show buttons from it. */
export const canOutput = z.array(z.enum(TaskActions)).describe("The actions the viewer may take on the task now").meta({ id: "TaskActions" });

/** A task as the team reads it. */
export const output = z
  .object({
    id: z.string(),
    reference: z.string(),
    requestId: z.string(),
    client: named,
    title: z.string(),
    description: z.string(),
    estimateMinutes: z.number().int(),
    dueAt: z.string(),
    urgent: z.boolean(),
    important: z.boolean(),
    quadrant: z.enum(["do", "schedule", "delegate", "eliminate"]),
    skills: z.array(z.string()),
    sop: z.object({ id: z.string(), version: z.number().int(), title: z.string() }).nullable(),
    checklist: z.array(z.object({ id: z.string(), text: z.string(), done: z.boolean(), doneAt: z.string().nullable(), doneBy: named.nullable() })),
    status,
    assignee: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }).nullable(),
    assignedAt: z.string().nullable(),
    assignmentHistory: z.array(z.object({ memberId: z.string(), name: z.string(), at: z.string(), by: named })),
    revisionCount: z.number().int(),
    qaReturns: z.number().int(),
    deliverable: z
      .object({ text: z.string(), links: z.array(z.string()), submittedAt: z.string(), submittedBy: named, round: z.number().int(), clientNote: z.string().nullable() })
      .nullable(),
    deliverableHistory: z.array(
      z.object({ round: z.number().int(), text: z.string(), links: z.array(z.string()), submittedAt: z.string(), submittedBy: named, clientNote: z.string().nullable() }),
    ),
    review: z
      .object({ decision: z.enum(["approve", "return"]), rubric: z.number().int(), notes: z.string().nullable(), at: z.string(), by: named })
      .nullable(),
    clientDecision: z
      .object({ decision: z.enum(["approve", "revision"]), comment: z.string().nullable(), at: z.string(), by: named })
      .nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
    can: canOutput,
  })
  .meta({ id: "Task" }) satisfies z.ZodType<Task>;

/** A task as its client reads it: the deliverable once QA passed it, nothing about who did it. */
export const clientOutput = z
  .object({
    id: z.string(),
    reference: z.string(),
    title: z.string(),
    status,
    dueAt: z.string(),
    deliverable: z.object({ text: z.string(), links: z.array(z.string()), submittedAt: z.string(), round: z.number().int() }).nullable(),
    clientDecision: output.shape.clientDecision,
    version: z.number().int(),
    can: canOutput,
  })
  .meta({ id: "ClientTask" }) satisfies z.ZodType<ClientTask>;

/** GET /tasks/:id, and what every team action on a task answers. */
export const detailOutput = z
  .object({
    task: output,
    request: z.object({ id: z.string(), reference: z.string(), title: z.string(), description: z.string(), links: z.array(z.string()) }),
    client: z.object({
      id: z.string(),
      name: z.string(),
      timeZone: z.string(),
      hours: z.enum(["ok", "askFirst", "paused"]).describe("The client's retainer hours are used up under the ask-first (askFirst) or pause-new-work (paused) rule; ok otherwise"),
    }),
    sop: sopVersionOutput.nullable(),
    files: z.array(fileOutput),
  })
  .meta({ id: "TaskDetail" }) satisfies z.ZodType<TaskDetail>;

export const listOutput = page(output);

export const boardOutput = z.object({
  columns: z.object(Object.fromEntries(TaskStatuses.map((s) => [s, z.array(output)])) as Record<(typeof TaskStatuses)[number], z.ZodArray<typeof output>>),
  more: z.object(Object.fromEntries(TaskStatuses.map((s) => [s, z.boolean().optional()])) as Record<(typeof TaskStatuses)[number], z.ZodOptional<z.ZodBoolean>>),
  hours: z.record(z.string(), z.enum(["askFirst", "paused"])).describe("By client id: the clients of open cards whose retainer hours are used up under ask first or pause"),
});

export const deadlinesOutput = page(output).extend({ cursor: z.null(), more: z.boolean().describe("More open tasks than the list shows") });

export const workloadOutput = z.object({
  weeks: z.array(z.string()),
  members: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      role: z.enum(MemberRoles),
      weeklyCapacityHours: z.number(),
      overdueHours: z.number(),
      hours: z.array(z.number()),
      openTasks: z.number().int(),
    }),
  ),
}) satisfies z.ZodType<Workload>;

export const candidateOutput = z.object({
  member: z.object({ id: z.string(), name: z.string(), role: z.enum(MemberRoles), timeZone: z.string(), skills: z.array(z.string()) }),
  score: z.number(),
  skillMatch: z.number(),
  matchedSkills: z.array(z.string()),
  weeklyCapacityHours: z.number(),
  committedHours: z.number(),
  remainingHours: z.number(),
  workingHoursBeforeDue: z.number(),
  firstPassRate: z.number().nullable(),
  fits: z.boolean(),
}) satisfies z.ZodType<Candidate>;

export const candidatesOutput = page(candidateOutput);
