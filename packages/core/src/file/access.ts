import { unauthenticated, useActor } from "../actor/index.ts";
import { db } from "../db/index.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { isId } from "../id/index.ts";
import { Request } from "../request/index.ts";
import { isInlineImage } from "./kinds.ts";
import { contentDisposition } from "./names.ts";
import { present, type FileView } from "./present.ts";
import * as Storage from "./storage.ts";
import type { FileItem } from "./entity.ts";

// Who may see a file: the one policy every file route and list goes through. Anything the actor
// may not see is "not found", never "forbidden", so an id of another client or agency says nothing.

export const isOwnerActor = () => {
  const actor = useActor();
  return actor.type === "apikey" || actor.type === "system" || (actor.type === "member" && actor.role === "owner");
};

export function actorId(): string {
  const actor = useActor();
  if (actor.type === "member") return actor.memberId;
  if (actor.type === "contact") return actor.contactId;
  if (actor.type === "apikey") return actor.apiKeyId;
  return "system";
}

export async function load(agencyId: string, fileId: string): Promise<FileItem | null> {
  if (!isId("file", fileId)) return null;
  return (await db.entities.file.get({ agencyId, fileId }).go({ consistent: true })).data;
}

/** True when the actor may see this file (deleted files: the owner only, to know what was there). */
export async function canSee(item: FileItem): Promise<boolean> {
  const actor = useActor();
  if (actor.type === "public") return false;
  if (item.agencyId !== actor.agencyId) return false;
  if (isOwnerActor()) return true;
  if (item.status === "deleted") return false;
  // The uploader always sees their own upload (to confirm it, or attach it).
  if (item.uploadedById === actorId()) return true;
  if (item.status !== "ready") return false;
  if (actor.type === "contact") return item.clientId === actor.clientId && item.visibleToClient;
  if (actor.type !== "member") return false;
  // The team's own templates.
  if (item.place === "sop") return true;
  // A subcontractor sees the files of the requests they may see (their tasks', or any as QA reviewer).
  if (!item.requestId) return false;
  try {
    await Request.loadVisible(item.requestId);
    return true;
  } catch (error) {
    // Not theirs to see (answered as not found); a failure to read is thrown, not taken for that.
    if (error instanceof VisibleError) return false;
    throw error;
  }
}

/** A file the actor may see, or 404. */
export async function visible(fileId: string): Promise<FileItem> {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  const item = await load(actor.agencyId, fileId);
  if (!item || !(await canSee(item))) throw notFound("File");
  return item;
}

export async function get(fileId: string): Promise<FileView> {
  return present(await visible(fileId), useActor().type === "contact");
}

/**
 * A presigned GET of a few minutes: always a download, except that safe images (png, jpeg, webp,
 * gif; never SVG) may be shown inline for previews.
 */
export async function downloadUrl(fileId: string, inline = false): Promise<string> {
  const item = await visible(fileId);
  if (item.status === "deleted") throw new VisibleError("gone", "file.deleted", "This file was deleted.");
  if (item.status !== "ready") throw new VisibleError("conflict", "file.not_ready", "This file hasn't finished uploading yet.");
  const showInline = inline && isInlineImage(item.contentType);
  return Storage.presignGet(item.key, contentDisposition(item.name, showInline), item.contentType);
}
