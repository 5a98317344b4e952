import { z } from "zod";
import { assertOwner, assertOwnerInPerson, forbidden, unauthenticated, useActor } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { Config } from "../config/index.ts";
import { db } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { idOf } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { createId, isId } from "../id/index.ts";
import { assertMayWrite } from "../message/policy.ts";
import { useViewer } from "../actor/viewer.ts";
import * as TaskPolicy from "../task/policy.ts";
import { People } from "../people/index.ts";
import { Request } from "../request/index.ts";
import { actorId, load } from "./access.ts";
import { FilePlaces, LOGO_PLACE, TEAM, UNATTACHED, type FileItem, type FilePlace } from "./entity.ts";
import { LOGO_EXTENSIONS, MAX_LOGO_BYTES } from "./logo.ts";
import { FileKinds, kindFor, looksExecutable } from "./kinds.ts";
import { checkName, nameMessages } from "./names.ts";
import { present, type FileView } from "./present.ts";
import { fileSettingsOf } from "./settings.ts";
import * as Storage from "./storage.ts";
import { ClientStore } from "../client/store.ts";
import { AgencyStore } from "../agency/store.ts";
import { SopStore } from "../sop/store.ts";
import { TaskStore } from "../task/store.ts";

// Uploads go straight from the browser to S3. The API checks the name, type, size and quota,
// records a pending file and answers a presigned POST (or, for large files, presigned part PUTs);
// the browser uploads and confirms; the confirm reads the object back (its size, its type, its
// first bytes) before the file is ready. The bucket's own policy checks are a second line: the
// local S3 stand-in checks neither signatures nor sizes, so these checks are what hold there.

const DAY = 86_400_000;
/** Unconfirmed uploads, and confirmed ones never attached, are removed after this long. */
const ABANDONED_AFTER = DAY;

export const startSchema = z.strictObject({
  name: z.string({ error: "Give the file a name." }).max(1000, "Keep file names under 180 characters."),
  size: z.number({ error: "Send the file's size in bytes." }).int("Send the file's size in whole bytes.").min(0, "The size can't be negative.").max(5 * 1024 ** 4, "That file is too large."),
  type: z.string({ error: "Send the file's type, or an empty string." }).max(200, "That type is not valid."),
  place: z.enum(FilePlaces, { error: "Say where the file goes: request, thread, internal, deliverable, client, sop or logo." }),
  /** The client (a new request's brief by the owner, the client folder), request (threads), task (deliverable) or SOP. */
  targetId: z.string({ error: "That id is not valid." }).max(40, "That id is not valid.").optional(),
  /** Uploading a new version of a document in a client folder or an SOP. */
  replaces: idOf("file", "That file id is not valid.").optional(),
});

export type UploadTicket =
  | { method: "POST"; url: string; fields: Record<string, string> }
  | { method: "PUT_PARTS"; partSize: number; parts: { number: number; url: string }[] };

export type StartedUpload = { file: FileView; upload: UploadTicket; expiresAt: string };

const refuse = (kind: "validation" | "too_large" | "unsupported" | "rule", code: string, message: string, field?: string) =>
  new VisibleError(kind, code, message, field ? { fields: { [field]: message } } : {});

/** Where a file goes, as far as the actor may put one there: its client and target. */
async function resolveTarget(place: FilePlace, targetId: string | undefined): Promise<{ clientId: string; targetId: string; requestId?: string }> {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  const agencyId = actor.agencyId;
  const need = (kind: Parameters<typeof isId>[0], what: string) => {
    if (!targetId || !isId(kind, targetId)) throw refuse("validation", "validation_failed", `Say which ${what} the file is for.`, "targetId");
    return targetId;
  };
  switch (place) {
    case "request": {
      if (actor.type === "contact") {
        if (targetId && targetId !== actor.clientId) throw notFound("Client");
        return { clientId: actor.clientId, targetId: actor.clientId };
      }
      assertOwner();
      const clientId = need("client", "client");
      if (!(await ClientStore.load(agencyId, clientId))) throw notFound("Client");
      return { clientId, targetId: clientId };
    }
    case "thread":
    case "internal": {
      const requestId = need("request", "request");
      const { item } = await Request.loadVisible(requestId);
      await assertMayWrite(item, place === "thread" ? "client" : "internal");
      return { clientId: item.clientId, targetId: requestId, requestId };
    }
    case "deliverable": {
      const taskId = need("task", "task");
      const task = await TaskStore.load(agencyId, taskId);
      // A deliverable's files are part of submitting it: whoever may submit it, while they may (task/policy.ts).
      const why = task ? TaskPolicy.refusal(await useViewer(), task, "submit") : "party";
      if (!task || (why === "party" && actor.type === "contact")) throw notFound("Task");
      if (why === "party") throw forbidden();
      if (why === "state") {
        throw new VisibleError("conflict", "task.invalid_transition", "Files can be added to a deliverable only while the task is being worked on.");
      }
      return { clientId: task.clientId, targetId: taskId, requestId: task.requestId };
    }
    case "client": {
      assertOwner();
      const clientId = need("client", "client");
      if (!(await ClientStore.load(agencyId, clientId))) throw notFound("Client");
      return { clientId, targetId: clientId };
    }
    case "sop": {
      assertOwner();
      const sopId = need("sop", "SOP");
      if (!(await SopStore.exists(agencyId, sopId))) throw notFound("SOP");
      return { clientId: TEAM, targetId: sopId };
    }
    case "logo": {
      // In person only, like the brand it is for.
      const agencyId = assertOwnerInPerson();
      return { clientId: TEAM, targetId: agencyId };
    }
  }
}

/** Checks the file against the agency's limits and answers where and how to upload it. */
export const start = fn(startSchema, async (input): Promise<StartedUpload> => {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  const agencyId = actor.agencyId;
  const checked = checkName(input.name);
  if (!checked.ok) throw refuse("validation", "file.name_invalid", nameMessages[checked.problem], "name");
  const name = checked.name;
  const target = await resolveTarget(input.place, input.targetId);
  const agency = (await AgencyStore.load(agencyId, { consistent: true }));
  const settings = fileSettingsOf(agency);
  if (input.size === 0) throw refuse("validation", "file.empty", "This file is empty.", "size");
  if (input.size > settings.maxFileBytes) {
    throw refuse("too_large", "file.too_large", `Files can be at most ${mb(settings.maxFileBytes)}; this one is ${mb(input.size)}.`, "size");
  }
  const kind = kindFor(name, input.type, input.place === LOGO_PLACE ? ["images"] : settings.groups);
  if (!kind.ok) throw kindRefusal(kind.reason, kind.extension, settings.extensions);
  if (input.place === LOGO_PLACE) checkLogo(input.size, kind.extension);
  const used = agency?.storageBytes ?? 0;
  if (used + input.size > settings.quotaBytes) {
    throw refuse("rule", "file.quota_exceeded", `The agency's storage is full: ${mb(used)} of ${mb(settings.quotaBytes)} used. Delete files or raise the quota in Settings.`);
  }
  const replaced = input.replaces ? await replaceable(agencyId, input.replaces, input.place, target.targetId) : undefined;

  const fileId = createId("file");
  const key = `${agencyId}/${target.clientId}/${fileId}`;
  const contentType = kind.kind.mime;
  const multipart = input.size >= Config.multipartThresholdBytes;
  const uploadId = multipart ? await Storage.startMultipart(key, contentType) : undefined;
  const by = await People.current();
  await db.entities.file
    .create({
      agencyId,
      fileId,
      clientId: target.clientId,
      place: input.place,
      targetId: target.targetId,
      ...(target.requestId ? { requestId: target.requestId } : {}),
      name,
      size: input.size,
      contentType,
      extension: kind.extension,
      key,
      ...(uploadId ? { uploadId } : {}),
      status: "pending",
      uploadedByType: by.type,
      uploadedById: by.id,
      uploadedByName: by.name,
      ...(replaced ? { replaces: replaced.fileId } : {}),
      seriesId: replaced?.seriesId ?? fileId,
      seriesVersion: (replaced?.seriesVersion ?? 0) + 1,
      purge: "yes",
      purgeAt: new Date(Date.now() + ABANDONED_AFTER).toISOString(),
    })
    .go();
  const item = (await load(agencyId, fileId))!;
  const expiresAt = new Date(Date.now() + Config.presignSeconds * 1000).toISOString();
  if (uploadId) {
    const partSize = Config.multipartPartBytes;
    const parts = await Storage.presignParts(key, uploadId, Math.ceil(input.size / partSize));
    return { file: present(item), upload: { method: "PUT_PARTS", partSize, parts }, expiresAt };
  }
  return { file: present(item), upload: { method: "POST", ...(await Storage.presignPost(key, contentType, input.size)) }, expiresAt };
});

/** A logo is a small raster image: PNG, JPEG or WebP of at most 512 KB (its bytes are checked on confirm like any file's). */
function checkLogo(size: number, extension: string) {
  if (!LOGO_EXTENSIONS.includes(extension)) throw refuse("unsupported", "file.logo_type", "A logo must be a PNG, JPEG or WebP image.", "name");
  if (size > MAX_LOGO_BYTES) throw refuse("too_large", "file.too_large", `A logo can be at most ${mb(MAX_LOGO_BYTES)}; this one is ${mb(size)}.`, "size");
}

function kindRefusal(reason: "executable" | "active" | "unknown" | "not_allowed" | "mismatch", extension: string, allowed: string[]) {
  const ext = extension ? `.${extension}` : "without an extension";
  switch (reason) {
    case "executable":
      return refuse("unsupported", "file.executable", `Programs and scripts (${ext}) can't be uploaded.`, "name");
    case "active":
      return refuse("unsupported", "file.type_forbidden", `Web pages and SVG images (${ext}) can carry scripts, so they can't be uploaded. Send a PDF or PNG instead.`, "name");
    case "mismatch":
      return refuse("validation", "file.type_mismatch", `The file's type doesn't match its name (${ext}).`, "type");
    default:
      return refuse("unsupported", "file.type_not_allowed", `Files ${ext === "without an extension" ? ext : `of type ${ext}`} aren't accepted here. Allowed: ${allowed.join(", ")}.`, "name");
  }
}

const mb = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

async function replaceable(agencyId: string, fileId: string, place: FilePlace, targetId: string): Promise<FileItem> {
  const old = await load(agencyId, fileId);
  if (!old || old.status !== "ready") throw refuse("validation", "validation_failed", "That file can't get a new version.", "replaces");
  if (old.place !== place || old.targetId !== targetId || (place !== "client" && place !== "sop")) {
    throw refuse("validation", "validation_failed", "New versions are for documents in a client's folder or an SOP.", "replaces");
  }
  if (old.supersededBy) throw refuse("validation", "file.not_latest", "A newer version of this file exists; add the version to that one.", "replaces");
  return old;
}

export const confirmSchema = z.strictObject({
  /** A multipart upload's parts, each with the ETag S3 answered for it. */
  parts: z
    .array(
      z.strictObject({
        number: z.number({ error: "Number each part." }).int().min(1).max(10_000),
        etag: z.string({ error: "Send each part's ETag." }).min(1).max(200),
      }),
      { error: "Send the uploaded parts." },
    )
    .max(10_000)
    .optional(),
});

/** The caller's own upload; anyone else's, or none, is not found. */
async function ownUpload(fileId: string) {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  const item = await load(actor.agencyId, fileId);
  if (!item || item.uploadedById !== actorId() || item.status === "deleted") throw notFound("File");
  return item;
}

/** Only the uploader may finish an upload: checked before the body is read. */
export async function assertUploader(fileId: string): Promise<void> {
  await ownUpload(fileId);
}

/** After the browser uploaded: the object is checked against what was declared, then the file is ready. */
export const confirm = fn(confirmSchema, async (input, fileId: string): Promise<FileView> => {
  const actor = useActor();
  let item: Awaited<ReturnType<typeof load>> = await ownUpload(fileId);
  const agencyId = item.agencyId;
  if (item.status === "ready") return present(item, actor.type === "contact");

  if (item.uploadId) {
    if (!input.parts?.length) throw refuse("validation", "file.upload_incomplete", "Send the uploaded parts to finish this upload.", "parts");
    try {
      await Storage.completeMultipart(item.key, item.uploadId, [...input.parts].sort((a, b) => a.number - b.number));
    } catch {
      throw refuse("rule", "file.upload_incomplete", "The upload's parts don't make up the file. Upload it again.");
    }
  }
  const stored = await Storage.head(item.key);
  if (!stored) throw refuse("rule", "file.not_uploaded", "The file never arrived. Upload it again.");
  if (stored.size !== item.size) {
    await discard(item);
    throw refuse("rule", "file.size_mismatch", `The upload is ${stored.size} bytes, not the ${item.size} declared. Nothing was kept; upload it again.`);
  }
  const agency = (await AgencyStore.load(agencyId, { consistent: true }));
  const settings = fileSettingsOf(agency);
  if (stored.size > (item.place === LOGO_PLACE ? Math.min(MAX_LOGO_BYTES, settings.maxFileBytes) : settings.maxFileBytes)) {
    await discard(item);
    throw refuse("too_large", "file.too_large", `Files can be at most ${mb(settings.maxFileBytes)}.`);
  }
  if (stored.contentType.split(";")[0]!.trim() !== item.contentType) {
    await discard(item);
    throw refuse("rule", "file.type_mismatch", "The upload's type isn't the one declared. Nothing was kept; upload it again.");
  }
  const bytes = await Storage.firstBytes(item.key);
  if (looksExecutable(bytes)) {
    await discard(item);
    throw refuse("unsupported", "file.executable", "This file is a program, whatever its name says. It was not kept.");
  }
  if (!FileKinds[item.extension]?.magic(bytes)) {
    await discard(item);
    throw refuse("rule", "file.content_mismatch", `This file's contents are not a .${item.extension} file. Nothing was kept.`);
  }

  // Folder and SOP files are in place as soon as they're checked; the rest wait to be attached.
  const placed = item.place === "client" || item.place === "sop" || item.place === LOGO_PLACE;
  const now = new Date().toISOString();
  const limit = settings.quotaBytes - item.size;
  const replaced = item.replaces;
  const current = item;
  const result = await db.transaction
    .write(({ file, ...tx }) => [
      file
        .patch({ agencyId, fileId })
        .set({
          status: "ready",
          etag: stored.etag,
          confirmedAt: now,
          ...(placed
            ? { parentId: current.targetId, attachedTo: current.targetId, visibleToClient: current.place === "client", purge: "no" as const, purgeAt: "-" }
            : { purge: "yes" as const, purgeAt: new Date(Date.now() + ABANDONED_AFTER).toISOString() }),
        })
        .remove(["uploadId"])
        .add({ version: 1 })
        .where((attr, op) => `${op.eq(attr.status, "pending")} AND ${op.eq(attr.version, current.version)}`)
        .commit(),
      AgencyStore.storageItem(tx, agencyId, current.size, settings.quotaBytes),
      ...(replaced
        ? [file.patch({ agencyId, fileId: replaced }).set({ supersededBy: fileId }).add({ version: 1 }).where((attr, op) => op.notExists(attr.supersededBy)).commit()]
        : []),
      Audit.item(tx, Audit.event("file.uploaded", "file", fileId, { name: current.name, size: current.size, place: current.place, targetId: current.targetId })),
    ])
    .go();
  const failed = failedConditions(result);
  if (failed.length) {
    item = await load(agencyId, fileId);
    if (item?.status === "ready") return present(item, actor.type === "contact");
    const used = (await AgencyStore.load(agencyId, { consistent: true }))?.storageBytes ?? 0;
    if (failed.includes(1) && used > limit) {
      if (item) await discard(item);
      throw refuse("rule", "file.quota_exceeded", `The agency's storage is full (${mb(settings.quotaBytes)}). Nothing was kept; delete files or raise the quota in Settings.`);
    }
    if (failed.includes(2)) throw new VisibleError("conflict", "file.not_latest", "Someone added a newer version of this document first.");
    throw new VisibleError("conflict", "conflict", "This upload changed while it was being confirmed. Try again.");
  }
  return present((await load(agencyId, fileId))!, actor.type === "contact");
});

/** Removes a refused upload entirely: the object and the record. Nothing half-stored remains. */
async function discard(item: FileItem) {
  if (item.uploadId) await Storage.abortMultipart(item.key, item.uploadId);
  await Storage.remove(item.key).catch((error) => console.error("files: could not remove a refused upload", error));
  await db.entities.file.delete({ agencyId: item.agencyId, fileId: item.fileId }).go();
}

/** The uploader gives up an upload (cancelled in the browser) or an unattached file. */
export async function cancel(item: FileItem): Promise<void> {
  if (item.parentId !== UNATTACHED || item.status === "deleted") throw forbidden();
  const wasReady = item.status === "ready";
  await discard(item);
  if (wasReady) await AgencyStore.addStorageBytes(item.agencyId, -item.size);
}
