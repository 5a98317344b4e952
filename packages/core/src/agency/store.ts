import { db, getTogether, type TransactionEntities } from "../db/index.ts";
import { acrossShards } from "../db/shard.ts";
import type { AgencyItem } from "./entity.ts";

// The agency area's table, for other areas: they read and write the agency item only through these.
export * as AgencyStore from "./store.ts";

type Read = { consistent?: boolean };

export async function load(agencyId: string, read: Read = {}): Promise<AgencyItem | null> {
  return (await db.entities.agency.get({ agencyId }).go(read)).data;
}

/** The agency item's table key: whoever keeps a copy of it for a request knows it by this. */
export function keyOf(agencyId: string): { pk: string; sk: string } {
  const { Key } = db.entities.agency.get({ agencyId }).params();
  return { pk: String(Key.pk), sk: String(Key.sk) };
}

/** The agency, read in one BatchGetItem with the request's other single-item reads of the moment (db/batch.ts). */
export function loadTogether(agencyId: string, read: Read = {}): Promise<AgencyItem | null> {
  return getTogether<AgencyItem>(db.entities.agency, db.entities.agency.get({ agencyId }), read);
}

/** Every agency, by id (the jobs' one cross-tenant read: gsi2, `agencies`, every shard at once). */
export async function all(): Promise<AgencyItem[]> {
  return acrossShards(async (shard) => (await db.entities.agency.query.agencies({ shard }).go({ pages: "all" })).data, byId);
}

/** The first `limit` agencies' ids, by id (a few keys of each shard). */
export async function firstIds(limit: number): Promise<string[]> {
  const some = await acrossShards(async (shard) => (await db.entities.agency.query.agencies({ shard }).go({ limit, attributes: ["agencyId"] })).data, byId);
  return some.slice(0, limit).map((agency) => agency.agencyId);
}

const byId = (a: { agencyId: string }, b: { agencyId: string }) => (a.agencyId < b.agencyId ? -1 : a.agencyId > b.agencyId ? 1 : 0);

/** Files stored move the agency's storage total (negative when a file is deleted). */
export async function addStorageBytes(agencyId: string, bytes: number): Promise<void> {
  await db.entities.agency.patch({ agencyId }).add({ storageBytes: bytes }).go();
}

/**
 * The storage total moved by `bytes`, as an item of the caller's transaction (a file confirmed or
 * deleted with it); with `upTo`, only while the total stays within it (the agency's quota).
 */
export function storageItem(tx: Pick<TransactionEntities, "agency">, agencyId: string, bytes: number, upTo?: number) {
  const patch = tx.agency.patch({ agencyId }).add({ storageBytes: bytes });
  const limit = upTo === undefined ? undefined : upTo - bytes;
  return (limit === undefined ? patch : patch.where((attr, op) => `${op.notExists(attr.storageBytes)} OR ${op.lte(attr.storageBytes, limit)}`)).commit();
}

/**
 * The invoice counter moved from `seq` to `seq + 1`, as an item of the sending invoice's
 * transaction: only while it still reads `seq`, so two sends never take the same number.
 */
export function invoiceNumberItem(tx: Pick<TransactionEntities, "agency">, agencyId: string, seq: number) {
  return tx.agency
    .patch({ agencyId })
    .set({ invoiceSeq: seq + 1 })
    .where((attr, op) => (seq ? op.eq(attr.invoiceSeq, seq) : `(${op.notExists(attr.invoiceSeq)} OR ${op.eq(attr.invoiceSeq, 0)})`))
    .commit();
}

/** A new agency, as an item of the caller's transaction (self-serve sign-up makes it with the link's use). */
export function createItem(tx: Pick<TransactionEntities, "agency">, attributes: Parameters<typeof db.entities.agency.create>[0]) {
  return tx.agency.create(attributes).commit();
}
