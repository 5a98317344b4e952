import { useActor } from "../actor/index.ts";
import { db, getTogether, type TransactionEntities } from "../db/index.ts";
import { VisibleError } from "../error/index.ts";
import { isId } from "../id/index.ts";
import { UNATTACHED, type FileItem, type FilePlace } from "./entity.ts";

// Files are uploaded before what they belong to is sent (a new request, a message, a
// deliverable); sending names them by id and attaches them in its own transaction. Only the
// uploader's own ready, unattached files of the right place and target can be attached.

export const MAX_ATTACHMENTS = 20;

type Want = { place: FilePlace | readonly FilePlace[]; targetId: string; field?: string };

/** The files named by `fileIds`, checked; a field error names the first that can't be attached. */
export async function forAttach(agencyId: string, fileIds: readonly string[], want: Want): Promise<FileItem[]> {
  if (!fileIds.length) return [];
  const field = want.field ?? "fileIds";
  const places = ([] as FilePlace[]).concat(want.place);
  const unique = [...new Set(fileIds)];
  if (unique.length !== fileIds.length) throw refused(field, fileIds.findIndex((id, i) => fileIds.indexOf(id) !== i), "That file is listed twice.");
  const found = await db.entities.file.get(unique.filter((id) => isId("file", id)).map((fileId) => ({ agencyId, fileId }))).go({ consistent: true });
  const byId = new Map(found.data.map((item) => [item.fileId, item]));
  const me = uploaderId();
  return fileIds.map((id, index) => {
    const item = byId.get(id);
    if (!item || item.uploadedById !== me || item.status === "deleted") throw refused(field, index, "That file was not found. Upload it again.");
    if (item.status !== "ready") throw refused(field, index, "That file hasn't finished uploading yet.");
    if (item.parentId !== UNATTACHED) throw refused(field, index, "That file is already attached to something else.");
    if (!places.includes(item.place) || item.targetId !== want.targetId) throw refused(field, index, "That file was uploaded for something else.");
    return item;
  });
}

const refused = (field: string, index: number, message: string) =>
  new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { [`${field}.${index}`]: message } });

function uploaderId(): string {
  const actor = useActor();
  if (actor.type === "member") return actor.memberId;
  if (actor.type === "contact") return actor.contactId;
  if (actor.type === "apikey") return actor.apiKeyId;
  return "system";
}

export type Attachment = { parentId: string; requestId?: string; attachedTo: string; round?: number; visibleToClient: boolean };

/** The file entity as a write transaction hands it to its callback. */
export type FileEntityApi = Parameters<Parameters<typeof db.transaction.write>[0]>[0]["file"];

/** The transaction operation that attaches one checked file (conditional: still ready and unattached). */
export function attachCommit(entity: FileEntityApi, item: FileItem, to: Attachment) {
  return entity
    .patch({ agencyId: item.agencyId, fileId: item.fileId })
    .set({
      parentId: to.parentId,
      attachedTo: to.attachedTo,
      visibleToClient: to.visibleToClient,
      ...(to.requestId ? { requestId: to.requestId } : {}),
      ...(to.round !== undefined ? { round: to.round } : {}),
      purge: "no",
      purgeAt: "-",
    })
    .add({ version: 1 })
    .where((attr, op) => `${op.eq(attr.status, "ready")} AND ${op.eq(attr.parentId, UNATTACHED)}`)
    .commit();
}

/** `attachCommit` for a caller that hands over its transaction's entities, not the file table. */
export function attachItem(tx: Pick<TransactionEntities, "file">, item: FileItem, to: Attachment) {
  return attachCommit(tx.file, item, to);
}

/** Every file listed under a request (brief, both threads, deliverables), any status. */
export async function ofRequest(agencyId: string, requestId: string): Promise<FileItem[]> {
  const result = await db.entities.file.query.filesOfParent({ agencyId, parentId: requestId }).go({ pages: "all" });
  return result.data;
}

/** The files of these ids that exist, read by key with the request's other single reads (one BatchGetItem). */
export async function byIds(agencyId: string, fileIds: readonly string[]): Promise<FileItem[]> {
  const found = await Promise.all(fileIds.filter((id) => isId("file", id)).map((fileId) => getTogether<FileItem>(db.entities.file, db.entities.file.get({ agencyId, fileId }))));
  return found.filter((file): file is FileItem => file !== null);
}

/** The transaction operation that shows a deliverable's files to the client (QA approved them). */
export function publishItem(tx: Pick<TransactionEntities, "file">, item: FileItem) {
  return tx.file
    .patch({ agencyId: item.agencyId, fileId: item.fileId })
    .set({ visibleToClient: true })
    .add({ version: 1 })
    .where((attr, op) => op.eq(attr.version, item.version))
    .commit();
}
