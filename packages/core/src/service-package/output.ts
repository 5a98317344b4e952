import { z } from "zod";
import { page } from "../fields/output.ts";
import { PackageStatuses } from "./entity.ts";
import type { ServicePackage } from "./index.ts";

export const output = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    deliverables: z.array(z.string()),
    prices: z.array(z.object({ currency: z.string(), amount: z.number().int().describe("Minor units of the currency") })),
    status: z.enum(PackageStatuses),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "ServicePackage" }) satisfies z.ZodType<ServicePackage>;

export const listOutput = page(output);
