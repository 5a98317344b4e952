import { z } from "zod";
import { incrementOutput } from "../fields/output.ts";
import { fileSettingsOutput } from "../file/output.ts";
import type { Agency } from "./index.ts";

export const workingWeekOutput = z.object({
  days: z.array(z.number().int()),
  start: z.string(),
  end: z.string(),
  holidays: z.array(z.string()).optional(),
});

/** GET /agency, and what PATCH /agency answers. */
export const output = z
  .object({
    id: z.string(),
    name: z.string(),
    timeZone: z.string(),
    currency: z.string(),
    paymentInstructions: z.string().nullable(),
    npsEveryDays: z.number().int(),
    surveyQuietDays: z.number().int(),
    npsAfterOnboardingDays: z.number().int(),
    workingWeek: workingWeekOutput,
    holidays: z.array(z.string()),
    files: fileSettingsOutput,
    subcontractorsWriteToClients: z.boolean(),
    timeNeedsApproval: z.boolean(),
    billingIncrement: incrementOutput,
    invoiceDetails: z.object({ legalName: z.string().nullable(), address: z.string().nullable(), taxId: z.string().nullable(), registration: z.string().nullable() }),
    version: z.number().int(),
  })
  .meta({ id: "Agency" }) satisfies z.ZodType<Agency>;
