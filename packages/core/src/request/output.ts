import { z } from "zod";
import { page } from "../fields/output.ts";
import { output as fileOutput } from "../file/output.ts";
import { personOutput } from "../people/output.ts";
import { clientOutput as clientTaskOutput, output as taskOutput } from "../task/output.ts";
import { RequestStatuses } from "../workflow/index.ts";
import { Priorities } from "./entity.ts";
import type { Request, RequestDetail, TimelineEntry } from "./index.ts";
import { RequestActions } from "./policy.ts";
import { briefOutput } from "../service-package/output.ts";

export const output = z
  .object({
    id: z.string(),
    reference: z.string(),
    number: z.number().int(),
    clientId: z.string(),
    title: z.string(),
    description: z.string(),
    service: z.string(),
    desiredDueDate: z.string().nullable(),
    priority: z.enum(Priorities),
    links: z.array(z.string()),
    status: z.enum(RequestStatuses),
    submittedBy: personOutput,
    responseDueAt: z.string(),
    respondedAt: z.string().nullable(),
    declineReason: z.string().nullable(),
    completedAt: z.string().nullable(),
    serviceId: z.string().nullable().describe("The catalog service asked for; null for the generic form"),
    brief: briefOutput.nullable(),
    waitingForHours: z.boolean().describe("In triage while the client's retainer hours are used up under the \"pause new work\" rule"),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "Request" }) satisfies z.ZodType<Request>;

/** GET /requests/:id, and what accepting or declining answers. */
export const detailOutput = z
  .object({
    request: output,
    client: z.object({ id: z.string(), name: z.string(), code: z.string(), timeZone: z.string() }),
    tasks: z.union([z.array(taskOutput), z.array(clientTaskOutput)]).describe("The team sees tasks; a client sees ClientTasks"),
    files: z.array(fileOutput),
    can: z.array(z.enum(RequestActions)).describe("The actions the viewer may take on the request now (each task carries its own)"),
    proposal: z
      .array(z.object({ sopId: z.string(), title: z.string(), skills: z.array(z.string()), checklistLength: z.number().int() }))
      .describe("For the team, while submitted: one task per SOP of the service asked for (empty for a client or without a service)"),
  })
  .meta({ id: "RequestDetail" }) satisfies z.ZodType<RequestDetail>;

export const listOutput = page(output);

export const timelineEntryOutput = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  by: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
}) satisfies z.ZodType<TimelineEntry>;

export const historyOutput = page(timelineEntryOutput);
