import { z } from "zod";
import type { ColorCheck } from "./contrast.ts";
import type { BrandSettings, PublicBrand } from "./index.ts";

export const colorCheckOutput = z
  .object({
    chosen: z.string(),
    used: z.string(),
    adjusted: z.boolean(),
    chosenAgainstWhite: z.number(),
    againstWhite: z.number(),
    againstText: z.number(),
  })
  .meta({ id: "BrandColor" }) satisfies z.ZodType<ColorCheck>;

/** GET /brand, and what PATCH /brand answers. */
export const settingsOutput = z
  .object({
    name: z.string().nullable(),
    color: colorCheckOutput.nullable(),
    logo: z.object({ fileId: z.string(), url: z.string() }).nullable(),
    senderName: z.string().nullable(),
    replyTo: z.string().nullable(),
    emailFooter: z.string().nullable(),
    portalTitle: z.string().nullable(),
    portalWelcome: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "BrandSettings" }) satisfies z.ZodType<BrandSettings>;

/** GET /brand/public: what the portal shows before sign-in. */
export const publicOutput = z
  .object({
    agencyId: z.string().nullable(),
    name: z.string().nullable(),
    title: z.string().nullable(),
    welcome: z.string().nullable(),
    color: z.string().nullable(),
    logoUrl: z.string().nullable(),
  })
  .meta({ id: "PublicBrand" }) satisfies z.ZodType<PublicBrand>;
