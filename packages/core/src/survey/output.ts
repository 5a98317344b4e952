import { z } from "zod";
import { named } from "../fields/output.ts";
import { SurveyKinds } from "./entity.ts";
import type { SatisfactionSummary, SurveyPage, SurveyResponse } from "./index.ts";

/** A survey link's page, and what answering or commenting answers. */
export const pageOutput = z
  .object({
    agency: z.string(),
    kind: z.enum(SurveyKinds),
    question: z.string(),
    scale: z.object({ min: z.number().int(), max: z.number().int() }),
    request: z.object({ reference: z.string(), title: z.string() }).nullable(),
    status: z.enum(["open", "answered", "expired"]),
    score: z.number().int().nullable(),
    comment: z.string().nullable(),
    commentOpen: z.boolean(),
  })
  .meta({ id: "SurveyPage" }) satisfies z.ZodType<SurveyPage>;

export const responseOutput = z
  .object({
    id: z.string(),
    kind: z.enum(SurveyKinds),
    score: z.number().int(),
    comment: z.string().nullable(),
    respondedAt: z.string(),
    low: z.boolean(),
    client: named,
    contact: named,
    request: z.object({ id: z.string(), reference: z.string(), title: z.string() }).nullable(),
    subcontractors: z.array(named),
    followUp: z.object({ status: z.enum(["none", "open", "done"]), at: z.string().nullable(), by: z.string().nullable(), note: z.string().nullable() }),
    version: z.number().int(),
  })
  .meta({ id: "SurveyResponse" }) satisfies z.ZodType<SurveyResponse>;

const nps = z.object({ score: z.number().nullable(), responses: z.number().int(), promoters: z.number().int(), passives: z.number().int(), detractors: z.number().int() });
const csat = z.object({ average: z.number().nullable(), responses: z.number().int() });

export const summaryOutput = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  nps,
  csat,
  months: z.array(z.object({ month: z.string(), nps, csat })),
  clients: z.array(named.extend({ nps, csat })),
  subcontractors: z.array(named.extend({ csat })),
  recent: z.array(responseOutput),
  followUps: z.array(responseOutput),
}) satisfies z.ZodType<SatisfactionSummary>;
