import { z } from "zod";
import { page } from "../fields/output.ts";
import { questionOutput } from "../onboarding/output.ts";
import { PackageStatuses, PriceModels, Visibilities } from "./entity.ts";
import type { Brief, CatalogService, ServicePackage } from "./index.ts";

const price = z.object({ currency: z.string(), amount: z.number().int().describe("Minor units of the currency") });
/** A question of a service's intake form: the onboarding questionnaire's kinds. */
export const formQuestionOutput = questionOutput.omit({ field: true }).meta({ id: "FormQuestion" });

export const output = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    deliverables: z.array(z.string()),
    prices: z.array(price),
    status: z.enum(PackageStatuses),
    category: z.string().nullable(),
    priceModel: z.enum(PriceModels).describe("fixed, hourly (the price is per hour), retainer (per month) or quote on request (no price)"),
    turnaroundDays: z.number().int().nullable().describe("Business days from acceptance to delivery"),
    sopIds: z.array(z.string()).describe("The SOPs that deliver it: accepting a request for it proposes one task per SOP"),
    form: z.array(formQuestionOutput),
    formVersion: z.number().int().describe("Goes up when the form changes; a request sends the one it filled"),
    visibility: z.enum(Visibilities),
    clientIds: z.array(z.string()).describe("The clients who see it when visibility is chosen"),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "ServicePackage" }) satisfies z.ZodType<ServicePackage>;

export const listOutput = page(output);

/** A service as a client sees it in the portal's catalog. */
export const catalogOutput = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    category: z.string().nullable(),
    priceModel: z.enum(PriceModels),
    prices: z.array(price).describe("In the client's currency when priced in it; empty when quoted on request"),
    turnaroundDays: z.number().int().nullable(),
    form: z.array(formQuestionOutput),
    formVersion: z.number().int(),
  })
  .meta({ id: "CatalogService" }) satisfies z.ZodType<CatalogService>;

export const catalogListOutput = page(catalogOutput);

/** A service request's brief: the form as it was filled and the answers by question id. */
export const briefOutput = z
  .object({
    serviceId: z.string(),
    name: z.string(),
    formVersion: z.number().int(),
    questions: z.array(formQuestionOutput),
    answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  })
  .meta({ id: "ServiceBrief" }) satisfies z.ZodType<Brief>;
