import { isInlineImage } from "./kinds.ts";
import type { FileItem, FilePlace } from "./entity.ts";

// What people read of a file. The download and preview addresses are the API's own: each visit
// mints a presigned GET of a few minutes for whoever may see the file, so a link never goes stale.

export type FileView = {
  id: string;
  name: string;
  size: number;
  contentType: string;
  extension: string;
  status: FileItem["status"];
  place: FilePlace;
  clientId: string;
  requestId: string | null;
  /** The message or task it belongs to (threads and deliverables). */
  attachedTo: string | null;
  /** A deliverable's submission (1, 2, …). */
  round: number | null;
  /** A safe image (png, jpeg, webp, gif): the apps show it inline. */
  preview: boolean;
  uploadedBy: { type: string; id: string; name: string };
  /** Versions of one document: the series' first file and this one's number, and the newer one if any. */
  seriesId: string;
  seriesVersion: number;
  supersededBy: string | null;
  createdAt: string;
  /** Team only: whether the client can see it (a deliverable's files, only after QA approved it). */
  visibleToClient?: boolean;
  /** The checksum S3 stored (its ETag), team only. */
  checksum?: string | null;
  deletedAt?: string | null;
};

export function present(item: FileItem, forClient = false): FileView {
  return {
    id: item.fileId,
    name: item.name,
    size: item.size,
    contentType: item.contentType,
    extension: item.extension,
    status: item.status,
    place: item.place,
    clientId: item.clientId,
    requestId: item.requestId ?? null,
    attachedTo: item.attachedTo ?? null,
    round: item.round ?? null,
    preview: isInlineImage(item.contentType),
    uploadedBy: { type: item.uploadedByType, id: item.uploadedById, name: item.uploadedByName },
    seriesId: item.seriesId,
    seriesVersion: item.seriesVersion,
    supersededBy: item.supersededBy ?? null,
    createdAt: item.createdAt,
    ...(forClient ? {} : { visibleToClient: item.visibleToClient, checksum: item.etag ?? null, deletedAt: item.deletedAt ?? null }),
  };
}
