import { z } from "zod";
import type { ExchangeRates } from "./index.ts";

/** GET /agency/rates and what its changes answer. */
export const output = z
  .object({
    currency: z.string().describe("The agency's currency: every rate is to it"),
    rates: z.array(
      z.object({
        currency: z.string(),
        rate: z.string().describe("1 of `currency` in the agency's currency, an exact decimal"),
        date: z.string(),
        updatedAt: z.string(),
      }),
    ),
  })
  .meta({ id: "ExchangeRates" }) satisfies z.ZodType<ExchangeRates>;
