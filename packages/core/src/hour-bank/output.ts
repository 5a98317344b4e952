import { z } from "zod";
import { EntryKinds, Transparencies } from "./entity.ts";

const policy = z.union([
  z.object({ mode: z.literal("none") }),
  z.object({ mode: z.literal("cap"), maxMinutes: z.number().int() }),
  z.object({ mode: z.literal("expire"), afterPeriods: z.number().int() }),
]);

const overage = z.union([z.object({ mode: z.literal("bill") }), z.object({ mode: z.literal("ask"), askMinutes: z.number().int() }), z.object({ mode: z.literal("pause") })]);
const overageSource = z.enum(["client", "agency", "default"]);

export const overageOutput = z.object({ overage }).meta({ id: "HourBankOverage" });
export const clientOverageOutput = z.object({ overage, overageSource }).meta({ id: "HourBankClientOverage" });

export const consentPageOutput = z
  .object({
    agency: z.string(),
    client: z.string(),
    period: z.string(),
    availableMinutes: z.number().int(),
    usedMinutes: z.number().int(),
    maxMinutes: z.number().int().describe("The most hours (in minutes) one approval may add"),
    text: z.string().describe("The statement the name is typed under, for the most hours"),
  })
  .meta({ id: "HourBankConsentPage" });

export const consentOutput = z
  .object({
    consentId: z.string(),
    period: z.string(),
    minutes: z.number().int(),
    fullName: z.string(),
    at: z.string(),
    sha256: z.string(),
    availableMinutes: z.number().int(),
    usedMinutes: z.number().int(),
  })
  .meta({ id: "HourBankConsent" });

export const policyOutput = z.object({ policy }).meta({ id: "HourBankPolicy" });
export const clientPolicyOutput = z.object({ policy, policySource: z.enum(["client", "agency", "default"]) }).meta({ id: "HourBankClientPolicy" });

export const output = z
  .object({
    clientId: z.string(),
    retainer: z.boolean(),
    period: z.string().nullable().describe("The open calendar month in the client's zone"),
    balanceMinutes: z.number().int().describe("The sum of every entry"),
    policy,
    policySource: z.enum(["client", "agency", "default"]),
    transparency: z.enum(Transparencies).describe("What the client's contacts see: full detail, totals only (no entries or requests), or hidden (404)"),
    overage,
    overageSource,
    agencyOverage: overage.describe("The agency's own rule: what the client follows without one of its own"),
    usage: z.object({ availableMinutes: z.number().int(), usedMinutes: z.number().int(), headroomMinutes: z.number().int() }).describe("The open period's hours against its use"),
    overageState: z.enum(["ok", "askFirst", "paused"]).describe("askFirst: policy ask and no hours left, the client must approve more before work goes on; paused: policy pause and no hours left"),
    periods: z.array(
      z.object({
        period: z.string(),
        includedMinutes: z.number().int(),
        usedMinutes: z.number().int(),
        rolledInMinutes: z.number().int(),
        rolledOutMinutes: z.number().int().describe("Carried into the next period at the close"),
        expiredMinutes: z.number().int(),
        overageMinutes: z.number().int(),
        adjustedMinutes: z.number().int(),
        closed: z.boolean(),
      }),
    ),
    rolled: z.array(z.object({ origin: z.string(), minutes: z.number().int(), usableUntil: z.string().nullable() })),
    entries: z.array(z.object({ key: z.string(), period: z.string(), kind: z.enum(EntryKinds), minutes: z.number().int(), origin: z.string(), reason: z.string().nullable(), at: z.string() })),
    requests: z
      .array(
        z.object({
          reference: z.string().nullable().describe("The request's reference; null for time logged for the client without a task"),
          minutes: z.number().int(),
          tasks: z.array(z.object({ reference: z.string().nullable(), title: z.string(), minutes: z.number().int() })),
        }),
      )
      .describe("The open period's billable time per request"),
  })
  .meta({ id: "HourBank" });

export const transparencyOutput = z.object({ transparency: z.enum(Transparencies) }).meta({ id: "HourBankTransparency" });
