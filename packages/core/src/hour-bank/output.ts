import { z } from "zod";
import { EntryKinds } from "./entity.ts";

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
    periods: z.array(
      z.object({
        period: z.string(),
        includedMinutes: z.number().int(),
        usedMinutes: z.number().int(),
        rolledInMinutes: z.number().int(),
        expiredMinutes: z.number().int(),
        overageMinutes: z.number().int(),
        adjustedMinutes: z.number().int(),
        closed: z.boolean(),
      }),
    ),
    rolled: z.array(z.object({ origin: z.string(), minutes: z.number().int(), usableUntil: z.string().nullable() })),
    entries: z.array(z.object({ key: z.string(), period: z.string(), kind: z.enum(EntryKinds), minutes: z.number().int(), origin: z.string(), reason: z.string().nullable(), at: z.string() })),
  })
  .meta({ id: "HourBank" });
