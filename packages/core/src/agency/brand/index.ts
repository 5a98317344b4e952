import { z } from "zod";
import { assertOwnerInPerson, useAgencyId } from "../../actor/index.ts";
import type { AgencyItem } from "../entity.ts";
import { AgencyStore } from "../store.ts";
import { Audit } from "../../audit/index.ts";
import { Config } from "../../config/index.ts";
import type { EmailBrand } from "../../email/layout.ts";
import { staleWrite } from "../../db/conflict.ts";
import { db } from "../../db/index.ts";
import { failedConditions } from "../../db/transaction.ts";
import { notFound, VisibleError } from "../../error/index.ts";
import { detailLine, detailLines, idOf, version } from "../../fields/index.ts";
import { readyLogo, logoBytes } from "../../file/logo.ts";
import { fn } from "../../fn/index.ts";
import { isId } from "../../id/index.ts";
import { accessibleColor, isHexColor, type ColorCheck } from "./contrast.ts";

export * as Brand from "./index.ts";
export * from "./output.ts";
export { accessibleColor, contrast, MIN_CONTRAST } from "./contrast.ts";

// The agency's own brand: what its clients see in the portal and in every email instead of the
// product's name. Stored on the agency item (one GetItem serves the public read); the logo is a
// checked raster image in the files bucket (file/logo.ts), served by the public logo route.

/** What the owner sets (Settings → Brand), as the owner reads it back. */
export type BrandSettings = {
  /** The name clients see; null: the agency's own name. */
  name: string | null;
  /** The colour chosen and the one used (darkened for contrast when needed); null: the default. */
  color: ColorCheck | null;
  logo: { fileId: string; url: string } | null;
  senderName: string | null;
  replyTo: string | null;
  emailFooter: string | null;
  portalTitle: string | null;
  portalWelcome: string | null;
  version: number;
};

/** What anyone may read before signing in: nothing but what the portal's sign-in page shows. */
export type PublicBrand = {
  agencyId: string | null;
  name: string | null;
  title: string | null;
  welcome: string | null;
  color: string | null;
  logoUrl: string | null;
};

/** What every email of the agency carries. */
export type { EmailBrand };

const NEUTRAL: PublicBrand = { agencyId: null, name: null, title: null, welcome: null, color: null, logoUrl: null };

/** The logo's address, relative to the site (the apps); `v` changes with the file so caches never show an old one. */
const logoPath = (item: AgencyItem) => (item.logoFileId ? `/api/brand/public/logo?agency=${item.agencyId}&v=${item.logoFileId}` : null);

export function settingsOf(item: AgencyItem): BrandSettings {
  const path = logoPath(item);
  return {
    name: item.brandName ?? null,
    color: item.brandColorChosen ? accessibleColor(item.brandColorChosen) : null,
    logo: item.logoFileId && path ? { fileId: item.logoFileId, url: path } : null,
    senderName: item.senderName ?? null,
    replyTo: item.replyTo ?? null,
    emailFooter: item.emailFooter ?? null,
    portalTitle: item.portalTitle ?? null,
    portalWelcome: item.portalWelcome ?? null,
    version: item.version,
  };
}

export function publicOf(item: AgencyItem): PublicBrand {
  const name = item.brandName ?? item.name;
  return {
    agencyId: item.agencyId,
    name,
    title: item.portalTitle ?? name,
    welcome: item.portalWelcome ?? null,
    color: item.brandColor ?? null,
    logoUrl: logoPath(item),
  };
}

/** The brand every email of this agency carries; the logo by its absolute address on the portal's site. */
export function emailBrandOf(item: AgencyItem): EmailBrand {
  const name = item.brandName ?? item.name;
  const path = logoPath(item);
  return {
    name,
    senderName: item.senderName ?? name,
    replyTo: item.replyTo ?? null,
    color: item.brandColor ?? null,
    logoUrl: path ? `${new URL(Config.portalUrl).origin}${path}` : null,
    footer: item.emailFooter ?? null,
  };
}

/** The email brand of an agency by id (jobs and links that hold only the id); null if it is gone. */
export async function emailBrand(agencyId: string): Promise<EmailBrand | null> {
  const item = (await db.entities.agency.get({ agencyId }).go()).data;
  return item ? emailBrandOf(item) : null;
}

const color = z
  .string({ error: "Enter a colour such as #1f4ed8." })
  .trim()
  .refine((value) => value === "" || isHexColor(value), "Enter a colour as # and six hex digits, such as #1f4ed8.")
  .nullable()
  .optional();

const replyTo = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .refine((value) => value === "" || z.email().safeParse(value).success, "Enter a valid email address.")
  .nullable()
  .optional();

export const updateSchema = z.strictObject({
  version,
  name: detailLine(80, "Keep the name under 80 characters."),
  color,
  logoFileId: idOf("file", "That file id is not valid.").or(z.literal("")).nullable().optional(),
  senderName: detailLine(80, "Keep the sender's name under 80 characters."),
  replyTo,
  emailFooter: detailLines(500, "Keep the footer under 500 characters."),
  portalTitle: detailLine(80, "Keep the portal's title under 80 characters."),
  portalWelcome: detailLines(1000, "Keep the welcome text under 1,000 characters."),
});

const ATTRIBUTES = {
  name: "brandName",
  senderName: "senderName",
  replyTo: "replyTo",
  emailFooter: "emailFooter",
  portalTitle: "portalTitle",
  portalWelcome: "portalWelcome",
} as const;

/** The owner's brand: a value sets, "" or null clears, absent leaves. Colours are checked for contrast and darkened if they fail. */
export const update = fn(updateSchema, async ({ version: expected, color: chosen, logoFileId, ...texts }): Promise<BrandSettings> => {
  // In person only: the reply-to address decides where clients' answers go.
  const agencyId = assertOwnerInPerson();
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const [field, value] of Object.entries(texts) as [keyof typeof ATTRIBUTES, string | null | undefined][]) {
    if (value === undefined) continue;
    if (value) set[ATTRIBUTES[field]] = value;
    else remove.push(ATTRIBUTES[field]);
  }
  if (chosen !== undefined) {
    if (chosen) {
      const check = accessibleColor(chosen);
      Object.assign(set, { brandColorChosen: check.chosen, brandColor: check.used });
    } else remove.push("brandColorChosen", "brandColor");
  }
  if (logoFileId !== undefined) {
    if (logoFileId) {
      const logo = await readyLogo(agencyId, logoFileId);
      if (!logo) throw new VisibleError("validation", "brand.logo_invalid", "Upload the logo first: that file is not a logo of this agency.", { fields: { logoFileId: "Upload the logo first: that file is not a logo of this agency." } });
      Object.assign(set, { logoFileId, logoKey: logo.key, logoType: logo.contentType });
    } else remove.push("logoFileId", "logoKey", "logoType");
  }
  const result = await db.transaction
    .write(({ agency, ...tx }) => [
      agency
        .patch({ agencyId })
        .set(set)
        .remove(remove as never[])
        .add({ version: 1 })
        .where((attr, op) => op.eq(attr.version, expected))
        .commit(),
      Audit.item(tx, Audit.event("agency.branded", "agency", agencyId, { fields: [...Object.keys(set), ...remove] })),
    ])
    .go();
  const current = (await db.entities.agency.get({ agencyId }).go({ consistent: true })).data;
  if (failedConditions(result).length) throw staleWrite("Agency", current && settingsOf(current));
  return settingsOf(current!);
});

/** The owner's brand settings. */
export async function current(): Promise<BrandSettings> {
  const item = (await db.entities.agency.get({ agencyId: useAgencyId() }).go()).data;
  if (!item) throw notFound("Agency");
  return settingsOf(item);
}

export const publicSchema = z.strictObject({
  agency: idOf("agency", "That agency id is not valid.").optional(),
  /** The agency's version as the signed-in apps know it: a changed brand is a new address, so a cached answer is never stale for them. */
  v: z.string().max(40).optional(),
});

/**
 * The brand the portal shows before anyone signs in: the agency named in its address, else the
 * installation's (BATON_PORTAL_AGENCY, or its only agency), else a neutral page. Public data only.
 */
export const publicBrand = fn(publicSchema, async ({ agency }): Promise<PublicBrand> => {
  const agencyId = agency ?? (await defaultAgencyId());
  if (!agencyId) return NEUTRAL;
  const item = (await db.entities.agency.get({ agencyId }).go()).data;
  if (!item) {
    if (agency) throw notFound("Agency");
    return NEUTRAL;
  }
  return publicOf(item);
});

/** The agency a portal serves when its address names none. */
async function defaultAgencyId(): Promise<string | null> {
  const configured = Config.portalAgency;
  if (configured && isId("agency", configured)) return configured;
  // A handful of keys on the agencies index: the only agency of a one-agency installation.
  const ids = await AgencyStore.firstIds(2);
  return ids.length === 1 ? ids[0]! : null;
}

export const logoSchema = z.strictObject({
  agency: idOf("agency", "That agency id is not valid."),
  /** The logo's file id: changes with the logo, so an answer may be cached for long. */
  v: z.string().max(40).optional(),
});

/** The agency's logo bytes and type (≤ 512 KB, a checked PNG, JPEG or WebP). */
export const logo = fn(logoSchema, async ({ agency }): Promise<{ bytes: Uint8Array; contentType: string }> => {
  const item = (await db.entities.agency.get({ agencyId: agency }).go()).data;
  if (!item?.logoKey || !item.logoType) throw notFound("Logo");
  return { bytes: await logoBytes(item.logoKey), contentType: item.logoType };
});
