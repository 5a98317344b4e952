import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey, timestamps, versioned } from "../db/attributes.ts";

/** Where a file was uploaded for: a new request's brief, either thread of a request, a task's deliverable, a client's folder, an SOP, the agency's logo. */
export const FilePlaces = ["request", "thread", "internal", "deliverable", "client", "sop", "logo"] as const;
export type FilePlace = (typeof FilePlaces)[number];
export const FileStatuses = ["pending", "ready", "deleted"] as const;

/** Listed under no parent yet: uploaded for a request, message or deliverable not sent yet. */
export const UNATTACHED = "-";
/** The client id of files that belong to the team, not a client (SOP templates). */
export const TEAM = "team";
/** The agency's logo (brand/): a raster image under the team's files, read by the public logo route. */
export const LOGO_PLACE = "logo";

/**
 * One file in the agency's bucket, under `<agencyId>/<clientId>/<fileId>` (a key the caller never
 * chooses). pending (a presigned upload was issued) → ready (its bytes were checked) → deleted
 * (soft; the retention job removes the object). `purge = yes` puts it in the retention job's
 * sparse index until `purgeAt`: uploads never confirmed or never attached, and deleted files.
 */
export const FileEntity = defineEntity({
  model: { entity: "file", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    fileId: { type: "string", required: true, readOnly: true },
    clientId: { type: "string", required: true, readOnly: true },
    place: { type: FilePlaces, required: true, readOnly: true },
    /** The client, request, task or SOP named when uploading; attaching must match it. */
    targetId: { type: "string", required: true, readOnly: true },
    /** What lists it (gsi1): the request (brief, messages, deliverables), the client (folder) or the SOP; UNATTACHED until then. */
    parentId: { type: "string", required: true, default: UNATTACHED },
    requestId: { type: "string" },
    /** The message or task it is attached to, for files of a thread or a deliverable. */
    attachedTo: { type: "string" },
    /** A deliverable's submission it belongs to (1 for the first, 2 after a return…). */
    round: { type: "number" },
    /** The client may see it: briefs, client-thread messages, the client folder, and a deliverable's files once QA approved it. */
    visibleToClient: { type: "boolean", required: true, default: false },
    name: { type: "string", required: true, readOnly: true },
    size: { type: "number", required: true, readOnly: true },
    contentType: { type: "string", required: true, readOnly: true },
    extension: { type: "string", required: true, readOnly: true },
    /** The S3 ETag once checked (the MD5 of a single-part upload): the stored bytes' checksum. */
    etag: { type: "string" },
    key: { type: "string", required: true, readOnly: true },
    /** A multipart upload's id while its parts go up. */
    uploadId: { type: "string" },
    status: { type: FileStatuses, required: true, default: "pending" },
    uploadedByType: { type: ["member", "contact", "apikey", "system"] as const, required: true, readOnly: true },
    uploadedById: { type: "string", required: true, readOnly: true },
    uploadedByName: { type: "string", required: true, readOnly: true },
    /** Versions of one document (client folder, SOP): the first file's id, and this one's number. */
    seriesId: { type: "string", required: true, readOnly: true },
    seriesVersion: { type: "number", required: true, default: 1, readOnly: true },
    supersededBy: { type: "string" },
    /** The version this one replaces, marked superseded when this one is confirmed. */
    replaces: { type: "string", readOnly: true },
    confirmedAt: { type: "string" },
    deletedAt: { type: "string" },
    deletedByName: { type: "string" },
    purge: { type: ["yes", "no"] as const, required: true, default: "yes" },
    purgeAt: { type: "string", required: true },
    ...timestamps,
    ...versioned,
  },
  indexes: {
    fileById: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["fileId"] },
    },
    filesOfParent: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["agencyId", "parentId"] },
      sk: { field: "gsi1sk", composite: ["fileId"] },
    },
    filesOfClient: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["agencyId", "clientId"] },
      sk: { field: "gsi2sk", composite: ["fileId"] },
    },
    /** Sparse, across agencies: what the retention job removes, soonest first. */
    filesToPurge: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["purge"] },
      sk: { field: "gsi3sk", composite: ["purgeAt", "agencyId", "fileId"] },
      condition: (attr) => attr.purge === "yes",
    },
  },
});

export type FileItem = EntityItem<typeof FileEntity>;
