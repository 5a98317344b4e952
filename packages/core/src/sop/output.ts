import { z } from "zod";
import { named, page } from "../fields/output.ts";
import type { SopDetail, SopSummary, SopVersion } from "./index.ts";

export const summaryOutput = z
  .object({
    id: z.string(),
    title: z.string(),
    category: z.string(),
    latestVersion: z.number().int(),
    checklistLength: z.number().int(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "SopSummary" }) satisfies z.ZodType<SopSummary>;

export const versionOutput = z
  .object({
    sopId: z.string(),
    number: z.number().int(),
    title: z.string(),
    category: z.string(),
    body: z.string(),
    bodyHtml: z.string().describe("The body rendered to safe HTML"),
    checklist: z.array(z.string()),
    note: z.string().nullable(),
    createdBy: named,
    createdAt: z.string(),
  })
  .meta({ id: "SopVersion" }) satisfies z.ZodType<SopVersion>;

/** GET /sops/:id, and what creating or editing an SOP answers. */
export const output = summaryOutput
  .extend({ current: versionOutput, tools: z.array(z.string()).describe("The tools its work needs: a task made from it names the client's vault entries of these tools") })
  .meta({ id: "Sop" }) satisfies z.ZodType<SopDetail>;

export const listOutput = page(summaryOutput);
export const versionsOutput = page(versionOutput);
