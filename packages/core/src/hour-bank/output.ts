import { z } from "zod";
import { EntryKinds, Transparencies } from "./entity.ts";

const policy = z.union([
  z.object({ mode: z.literal("none") }),
  z.object({ mode: z.literal("cap"), maxMinutes: z.number().int() }),
  z.object({ mode: z.literal("expire"), afterPeriods: z.number().int() }),
]);

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
