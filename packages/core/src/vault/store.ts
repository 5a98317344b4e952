import { db, type TransactionEntities } from "../db/index.ts";
import { isId } from "../id/index.ts";
import type { VaultAccessItem, VaultAccessRequestItem, VaultEntryItem, VaultKeyItem, VaultTaskEntryItem } from "./entity.ts";
import { conditionalWrite } from "../db/transaction.ts";

// The vault's table: every access pattern of the area, named here and nowhere else
// (packages/core/ACCESS_PATTERNS.md, "The client vault").
export * as VaultStore from "./store.ts";

const all = { pages: "all" } as const;
type Read = { consistent?: boolean };

export async function loadKey(agencyId: string, read: Read = {}): Promise<VaultKeyItem | null> {
  return (await db.entities.vaultKey.get({ agencyId }).go(read)).data;
}

/** Stores the agency's wrapped data key once; false if another request stored one first. */
export async function createKey(agencyId: string, provider: string, wrapped: string): Promise<boolean> {
  return conditionalWrite(db.entities.vaultKey.create({ agencyId, provider, wrapped }).go());
}

/** One entry of the agency, or null (also for a malformed id). */
export async function loadEntry(agencyId: string, vaultEntryId: string, read: Read = {}): Promise<VaultEntryItem | null> {
  if (!isId("vaultEntry", vaultEntryId)) return null;
  return (await db.entities.vaultEntry.get({ agencyId, vaultEntryId }).go(read)).data;
}

/** A client's entries, oldest first (`entriesOfClient`). */
export async function entriesOfClient(agencyId: string, clientId: string): Promise<VaultEntryItem[]> {
  return (await db.entities.vaultEntry.query.entriesOfClient({ agencyId, clientId }).go(all)).data;
}

export async function loadEntries(agencyId: string, ids: readonly string[]): Promise<VaultEntryItem[]> {
  if (!ids.length) return [];
  return (await db.entities.vaultEntry.get(ids.map((vaultEntryId) => ({ agencyId, vaultEntryId }))).go()).data;
}

export async function putEntry(item: Parameters<typeof db.entities.vaultEntry.create>[0]): Promise<void> {
  await db.entities.vaultEntry.create(item).go();
}

/** An entry made in the same transaction that closes the access request it answers. */
export function createEntryItem(tx: Pick<TransactionEntities, "vaultEntry">, item: Parameters<typeof db.entities.vaultEntry.create>[0]) {
  return tx.vaultEntry.create(item).commit();
}

/** Changes an entry from the version read; false if it moved on (or is gone). */
export async function patchEntry(agencyId: string, vaultEntryId: string, version: number, changes: Partial<Pick<VaultEntryItem, "tool" | "url" | "username" | "notes" | "kind" | "sealed" | "secretChangedAt">>, removed: ReadonlyArray<"url" | "username" | "notes"> = []): Promise<boolean> {
  let patch = db.entities.vaultEntry.patch({ agencyId, vaultEntryId }).set(changes).add({ version: 1 });
  if (removed.length) patch = patch.remove([...removed]);
  return conditionalWrite(patch.where((attr, op) => op.eq(attr.version, version)).go());
}

/** Deletes an entry and the tasks' mentions of it. */
export async function deleteEntry(agencyId: string, clientId: string, vaultEntryId: string): Promise<void> {
  const mentions = (await db.entities.vaultTaskEntry.query.taskEntriesOfClient({ agencyId, clientId }).where((attr, op) => op.eq(attr.vaultEntryId, vaultEntryId)).go(all)).data;
  if (mentions.length) await db.entities.vaultTaskEntry.delete(mentions.map(({ taskId }) => ({ agencyId, taskId, vaultEntryId }))).go();
  await db.entities.vaultEntry.delete({ agencyId, vaultEntryId }).go();
}

/** The entries named on a task (`entriesOfTask`). */
export async function entriesOfTask(agencyId: string, taskId: string): Promise<VaultTaskEntryItem[]> {
  return (await db.entities.vaultTaskEntry.query.entriesOfTask({ agencyId, taskId }).go(all)).data;
}

/** Whether a task names an entry (a consistent read: a mention just removed counts as removed). */
export async function taskNames(agencyId: string, taskId: string, vaultEntryId: string): Promise<boolean> {
  return Boolean((await db.entities.vaultTaskEntry.get({ agencyId, taskId, vaultEntryId }).go({ consistent: true })).data);
}

/** Sets the entries a task names: adds the new mentions, deletes the dropped ones. */
export async function setTaskEntries(agencyId: string, clientId: string, taskId: string, vaultEntryIds: readonly string[]): Promise<void> {
  const current = await entriesOfTask(agencyId, taskId);
  const keep = new Set(vaultEntryIds);
  const dropped = current.filter((item) => !keep.has(item.vaultEntryId));
  const have = new Set(current.map((item) => item.vaultEntryId));
  const added = vaultEntryIds.filter((id) => !have.has(id));
  if (dropped.length) await db.entities.vaultTaskEntry.delete(dropped.map(({ vaultEntryId }) => ({ agencyId, taskId, vaultEntryId }))).go();
  if (added.length) await db.entities.vaultTaskEntry.put(added.map((vaultEntryId) => ({ agencyId, clientId, taskId, vaultEntryId }))).go();
}

/** A client's task mentions (`taskEntriesOfClient`), for the export and the erase. */
export async function taskEntriesOfClient(agencyId: string, clientId: string): Promise<VaultTaskEntryItem[]> {
  return (await db.entities.vaultTaskEntry.query.taskEntriesOfClient({ agencyId, clientId }).go(all)).data;
}

/** A reveal's record, as an item of the transaction that checks the reveal is still allowed. */
export function accessItem(tx: Pick<TransactionEntities, "vaultAccess">, item: Parameters<typeof db.entities.vaultAccess.create>[0]) {
  return tx.vaultAccess.create(item).commit();
}

export async function putAccess(item: Parameters<typeof db.entities.vaultAccess.create>[0]): Promise<void> {
  await db.entities.vaultAccess.create(item).go();
}

/** A client's access log, newest first, one page (`accessOfClient`). */
export async function accessOfClient(agencyId: string, clientId: string, page: { limit: number; cursor?: string | null }): Promise<{ items: VaultAccessItem[]; cursor: string | null }> {
  const result = await db.entities.vaultAccess.query.accessOfClient({ agencyId, clientId }).go({ order: "desc", limit: page.limit, cursor: page.cursor ?? null });
  return { items: result.data, cursor: result.cursor };
}

/** Everything one person revealed, oldest first (`accessByPerson`): the offboarding checklist. */
export async function accessByPerson(agencyId: string, byId: string): Promise<VaultAccessItem[]> {
  return (await db.entities.vaultAccess.query.accessByPerson({ agencyId, byId }).go(all)).data;
}

/** Every reveal of a client's entries, for the export (the log has no secret in it). */
export async function allAccessOfClient(agencyId: string, clientId: string): Promise<VaultAccessItem[]> {
  return (await db.entities.vaultAccess.query.accessOfClient({ agencyId, clientId }).go(all)).data;
}

export async function putAccessRequest(item: Parameters<typeof db.entities.vaultAccessRequest.create>[0]): Promise<void> {
  await db.entities.vaultAccessRequest.create(item).go();
}

export async function loadAccessRequest(agencyId: string, accessRequestId: string): Promise<VaultAccessRequestItem | null> {
  if (!isId("vaultAccessRequest", accessRequestId)) return null;
  return (await db.entities.vaultAccessRequest.get({ agencyId, accessRequestId }).go()).data;
}

/** A client's access requests, oldest first (`accessRequestsOfClient`). */
export async function accessRequestsOfClient(agencyId: string, clientId: string): Promise<VaultAccessRequestItem[]> {
  return (await db.entities.vaultAccessRequest.query.accessRequestsOfClient({ agencyId, clientId }).go(all)).data;
}

/** Marks an open access request done, as an item of the transaction that creates its entry. */
export function answerAccessRequestItem(tx: Pick<TransactionEntities, "vaultAccessRequest">, agencyId: string, accessRequestId: string, vaultEntryId: string) {
  return tx.vaultAccessRequest
    .patch({ agencyId, accessRequestId })
    .set({ status: "done", vaultEntryId })
    .add({ version: 1 })
    .where((attr, op) => op.eq(attr.status, "open"))
    .commit();
}

/** For the erase: deletes every item of the client's in the vault; answers how many. */
export async function eraseClient(agencyId: string, clientId: string): Promise<number> {
  const [entries, mentions, log, requests] = await Promise.all([entriesOfClient(agencyId, clientId), taskEntriesOfClient(agencyId, clientId), allAccessOfClient(agencyId, clientId), accessRequestsOfClient(agencyId, clientId)]);
  if (mentions.length) await db.entities.vaultTaskEntry.delete(mentions.map(({ taskId, vaultEntryId }) => ({ agencyId, taskId, vaultEntryId }))).go();
  if (log.length) await db.entities.vaultAccess.delete(log.map(({ accessId }) => ({ agencyId, accessId }))).go();
  if (requests.length) await db.entities.vaultAccessRequest.delete(requests.map(({ accessRequestId }) => ({ agencyId, accessRequestId }))).go();
  if (entries.length) await db.entities.vaultEntry.delete(entries.map(({ vaultEntryId }) => ({ agencyId, vaultEntryId }))).go();
  return entries.length + mentions.length + log.length + requests.length;
}

/** Adds mentions of entries on a task (`entriesOfTask`), keeping those it has. */
export async function addTaskEntries(agencyId: string, clientId: string, taskId: string, vaultEntryIds: readonly string[]): Promise<void> {
  if (vaultEntryIds.length) await db.entities.vaultTaskEntry.put(vaultEntryIds.map((vaultEntryId) => ({ agencyId, clientId, taskId, vaultEntryId }))).go();
}
