import { z } from "zod";
import { output as agencyOutput, workingWeekOutput } from "../agency/output.ts";
import { Locales } from "../member/entity.ts";
import type { Me } from "./index.ts";

/** The signed-in person (GET /me, PATCH /me, and POST /auth/verify). */
export const output = z
  .object({
    kind: z.enum(["member", "contact"]),
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(["owner", "subcontractor", "client"]),
    timeZone: z.string(),
    locale: z.enum(Locales),
    emailNotifications: z.boolean(),
    messageEmails: z.boolean(),
    digestEmails: z.boolean(),
    surveyEmails: z.boolean(),
    invoiceEmails: z.boolean(),
    reviewer: z.boolean(),
    workingWeek: workingWeekOutput.nullable(),
    agency: agencyOutput,
    clientId: z.string().optional(),
    weeklyCapacityHours: z.number().optional().describe("A member's hours a week, as the owner set them (their home weighs the week's time against it)"),
  })
  .meta({ id: "Me" }) satisfies z.ZodType<Me>;
