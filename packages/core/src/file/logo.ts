import { db } from "../db/index.ts";
import { LOGO_PLACE } from "./entity.ts";
import * as Storage from "./storage.ts";

// The agency's logo goes up through the same presigned upload and checks as every file (its
// type by name, declared type and first bytes), with tighter limits of its own: raster images only
// (never SVG, which can carry script), at most 512 KB. brand/ reads it from here.

export const MAX_LOGO_BYTES = 512 * 1024;
/** The extensions a logo may have: PNG, JPEG, WebP. */
export const LOGO_EXTENSIONS: readonly string[] = ["png", "jpg", "jpeg", "webp"];

/** A checked logo of this agency, or null: ready, uploaded as a logo. */
export async function readyLogo(agencyId: string, fileId: string): Promise<{ key: string; contentType: string } | null> {
  const item = (await db.entities.file.get({ agencyId, fileId }).go({ consistent: true })).data;
  if (!item || item.place !== LOGO_PLACE || item.status !== "ready") return null;
  return { key: item.key, contentType: item.contentType };
}

/** The logo's bytes, for the public logo route. */
export async function logoBytes(key: string): Promise<Uint8Array> {
  return Storage.readAll(key);
}
