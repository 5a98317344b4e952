import { z } from "zod";
import { ClientStatuses } from "../client/entity.ts";
import { Locales } from "../member/entity.ts";
import { QuestionKinds } from "./entity.ts";
import { AnswerFields } from "../client/from-answers.ts";
import type { ClientOnboarding, Kit, MyOnboarding } from "./index.ts";

export const questionOutput = z.object({
  id: z.string(),
  kind: z.enum(QuestionKinds),
  label: z.string(),
  help: z.string().nullable(),
  required: z.boolean(),
  options: z.array(z.string()),
  field: z.enum(AnswerFields).nullable().describe("The client field the answer fills when the questionnaire is submitted; null: none"),
});

/** The onboarding kit (GET and PUT /onboarding/kit). */
export const kitOutput = z
  .object({
    questions: z.array(questionOutput),
    agreement: z.object({ scope: z.string(), deliverables: z.string(), paymentTerms: z.string(), confidentiality: z.string() }),
    welcomePacket: z.string(),
    updatedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "OnboardingKit" }) satisfies z.ZodType<Kit>;

const step = z.object({ done: z.boolean(), at: z.string().nullable(), by: z.string().nullable() });

/** A client's onboarding, and what every step of it answers. */
export const output = z
  .object({
    clientId: z.string(),
    clientName: z.string(),
    clientStatus: z.enum(ClientStatuses),
    startedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    questions: z.array(questionOutput),
    answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
    steps: z.object({
      questionnaire: step,
      agreement: step.extend({ fullName: z.string().nullable(), ip: z.string().nullable(), sha256: z.string().nullable() }),
      packet: step,
    }),
    agreementText: z.string(),
    agreementSha256: z.string(),
    agreementLocale: z.enum(Locales).nullable(),
    welcomePacket: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "ClientOnboarding" }) satisfies z.ZodType<ClientOnboarding>;

/** GET /onboarding/mine: the checklist, with its two documents also rendered to safe HTML for the portal. */
export const mineOutput = output
  .extend({
    agreementHtml: z.string().describe("agreementText rendered to HTML that is safe to insert (raw HTML escaped, links allow-listed)"),
    welcomePacketHtml: z.string().describe("welcomePacket rendered to HTML that is safe to insert"),
  })
  .meta({ id: "MyOnboarding" }) satisfies z.ZodType<MyOnboarding>;
