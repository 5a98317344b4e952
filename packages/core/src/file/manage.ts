import { forbidden, withActor } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { db } from "../db/index.ts";
import { conditionalWrite } from "../db/transaction.ts";
import { People } from "../people/index.ts";
import { actorId, isOwnerActor, load, visible } from "./access.ts";
import { UNATTACHED, type FileItem } from "./entity.ts";
import { present, type FileView } from "./present.ts";
import { fileSettingsOf } from "./settings.ts";
import * as Storage from "./storage.ts";
import { cancel } from "./upload.ts";
import { AgencyStore } from "../agency/store.ts";

// Deleting: the owner deletes any file softly (it disappears everywhere, the audit log keeps who
// and when, and the retention job removes the object after the agency's retention days); an
// uploader may drop their own upload that was never attached (a cancelled upload).

const DAY = 86_400_000;

export async function remove(fileId: string): Promise<FileView | null> {
  const item = await visible(fileId);
  if (item.uploadedById === actorId() && (item.status === "pending" || item.parentId === UNATTACHED) && item.status !== "deleted") {
    await cancel(item);
    return null;
  }
  if (!isOwnerActor()) throw forbidden();
  if (item.status === "deleted") return present(item);
  if (item.status === "pending") {
    await cancel(item);
    return null;
  }
  const agency = await AgencyStore.load(item.agencyId);
  const by = await People.current();
  const now = new Date();
  const purgeAt = new Date(now.getTime() + fileSettingsOf(agency).retentionDays * DAY).toISOString();
  await db.transaction
    .write(({ file, ...tx }) => [
      file
        .patch({ agencyId: item.agencyId, fileId })
        .set({ status: "deleted", deletedAt: now.toISOString(), deletedByName: by.name, visibleToClient: false, purge: "yes", purgeAt })
        .add({ version: 1 })
        .where((attr, op) => `${op.eq(attr.status, "ready")} AND ${op.eq(attr.version, item.version)}`)
        .commit(),
      AgencyStore.storageItem(tx, item.agencyId, -item.size),
      Audit.item(tx, Audit.event("file.deleted", "file", fileId, { name: item.name, size: item.size, by: by.name, requestId: item.requestId ?? null })),
    ])
    .go();
  // Deleted here or meanwhile (its condition failed): either way, the file as it is now.
  return present((await load(item.agencyId, fileId))!);
}

/**
 * The retention job: removes deleted files whose retention has run out, and uploads that were
 * never confirmed or never attached. Each is claimed by a conditional delete of its record first,
 * so two runs never both act on one; then its object goes.
 */
export async function purgeDue(now = new Date(), limit = 500): Promise<{ purged: number; failed: number }> {
  const due = await db.entities.file.query.filesToPurge({ purge: "yes" }).lte({ purgeAt: now.toISOString() }).go({ limit });
  const outcome = { purged: 0, failed: 0 };
  for (const item of due.data) {
    try {
      if (!(await claim(item))) continue;
      if (item.uploadId) await Storage.abortMultipart(item.key, item.uploadId);
      await Storage.remove(item.key);
      // A confirmed upload nobody attached still counted against the quota.
      if (item.status === "ready") await AgencyStore.addStorageBytes(item.agencyId, -item.size);
      await withActor({ type: "system", agencyId: item.agencyId }, () =>
        Audit.record(Audit.event("file.purged", "file", item.fileId, { name: item.name, status: item.status })),
      );
      outcome.purged++;
    } catch (error) {
      console.error(`files: could not purge ${item.key}`, error);
      outcome.failed++;
    }
  }
  return outcome;
}

/** False when another run (or a restore) got to it first; any other failure is thrown. */
function claim(item: FileItem): Promise<boolean> {
  return conditionalWrite(
    db.entities.file
      .delete({ agencyId: item.agencyId, fileId: item.fileId })
      .where((attr, op) => `${op.eq(attr.purge, "yes")} AND ${op.eq(attr.purgeAt, item.purgeAt)} AND ${op.eq(attr.version, item.version)}`)
      .go(),
  );
}

