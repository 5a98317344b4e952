import { z } from "zod";
import { page, undeliverable } from "../fields/output.ts";
import { Locales, MemberRoles, MemberStatuses } from "./entity.ts";
import type { Member } from "./index.ts";

export const output = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(MemberRoles),
    skills: z.array(z.string()),
    timeZone: z.string(),
    weeklyCapacityHours: z.number(),
    status: z.enum(MemberStatuses),
    locale: z.enum(Locales),
    reviewer: z.boolean(),
    costRate: z.number().int().nullable(),
    costCurrency: z.string().nullable(),
    qa: z.object({ approved: z.number().int(), firstPassRate: z.number().nullable(), averageReturns: z.number().nullable() }),
    undeliverable,
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "Member" }) satisfies z.ZodType<Member>;

export const listOutput = page(output);
