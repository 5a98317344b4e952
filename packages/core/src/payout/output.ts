import { z } from "zod";
import { PayoutMethods, PayoutStatuses } from "./entity.ts";
import type { Overview, Payout } from "./index.ts";

export const payoutOutput = z
  .object({
    id: z.string(),
    member: z.object({ id: z.string(), name: z.string() }),
    period: z.string(),
    currency: z.string(),
    costRate: z.number().int(),
    minutes: z.number().int(),
    amount: z.number().int(),
    lines: z.array(z.object({ label: z.string(), minutes: z.number().int() })),
    exchange: z.object({ rate: z.string(), to: z.string(), date: z.string(), amount: z.number().int() }).nullable(),
    status: z.enum(PayoutStatuses),
    issuedAt: z.string(),
    paid: z.object({ at: z.string(), method: z.enum(PayoutMethods), reference: z.string() }).nullable(),
    version: z.number().int(),
  })
  .meta({ id: "PayoutStatement" }) satisfies z.ZodType<Payout>;

export const overviewOutput = z
  .object({
    period: z.string(),
    currency: z.string(),
    owed: z.array(
      z.object({
        member: z.object({ id: z.string(), name: z.string() }),
        costRate: z.number().int().nullable(),
        currency: z.string(),
        minutes: z.number().int(),
        amount: z.number().int(),
        statementId: z.string().nullable(),
      }),
    ),
    statements: z.array(payoutOutput),
  })
  .meta({ id: "PayoutOverview" }) satisfies z.ZodType<Overview>;

export const mineOutput = z.object({ statements: z.array(payoutOutput) }).meta({ id: "MyPayoutStatements" });
