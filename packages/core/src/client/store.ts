import { db, getTogether, type TransactionEntities } from "../db/index.ts";
import { isId } from "../id/index.ts";
import type { ClientItem } from "./entity.ts";

// The client area's table, for other areas: they read and write clients only through these.
export * as ClientStore from "./store.ts";

type Read = { consistent?: boolean };

/** One client of an agency, or null (also for a malformed id). */
export async function load(agencyId: string, clientId: string, read: Read = {}): Promise<ClientItem | null> {
  if (!isId("client", clientId)) return null;
  return getTogether<ClientItem>(db.entities.client, db.entities.client.get({ agencyId, clientId }), read);
}

/** A client's table key: whoever keeps a copy of the client or its name (identity) knows it by this. */
export function keyOf(agencyId: string, clientId: string): { pk: string; sk: string } {
  const { Key } = db.entities.client.get({ agencyId, clientId }).params();
  return { pk: String(Key.pk), sk: String(Key.sk) };
}

/** The named clients that exist, in one batch read. */
export async function loadMany(agencyId: string, clientIds: readonly string[]): Promise<ClientItem[]> {
  if (!clientIds.length) return [];
  return (await db.entities.client.get(clientIds.map((clientId) => ({ agencyId, clientId }))).go()).data;
}

/** Every client of an agency (`clientsOfAgency`). */
export async function ofAgency(agencyId: string): Promise<ClientItem[]> {
  return (await db.entities.client.query.clientsOfAgency({ agencyId }).go({ pages: "all" })).data;
}

type ClientChanges = Parameters<ReturnType<typeof db.entities.client.patch>["set"]>[0];

/**
 * A change to the client as an item of the caller's transaction (onboarding fills its fields and
 * moves its status), version bumped; with `whileStatus`, only while the client still has that
 * status (one the owner set by hand meanwhile is theirs to keep).
 */
export function changeItem(tx: Pick<TransactionEntities, "client">, agencyId: string, clientId: string, changes: ClientChanges, whileStatus?: ClientItem["status"]) {
  const patch = tx.client.patch({ agencyId, clientId }).set(changes).add({ version: 1 });
  return (whileStatus ? patch.where((attr, op) => op.eq(attr.status, whileStatus)) : patch).commit();
}

/**
 * The first step of erasing a client (client-data): inactive, so no job (retainer invoice, digest,
 * survey) picks it up meanwhile, and without the fields erasure does not keep.
 */
export async function deactivateForErasure(agencyId: string, clientId: string): Promise<void> {
  await db.entities.client
    .patch({ agencyId, clientId })
    .set({ status: "inactive" })
    .remove(["website", "notes", "hourlyRate", "retainerFee", "retainerMinutes"])
    .add({ version: 1 })
    .go();
}

/** Clients made after an id, oldest first (`clientsOfAgency`, ids sort by creation): what search has yet to index. */
export async function createdAfter(agencyId: string, afterId: string, limit: number): Promise<ClientItem[]> {
  const query = db.entities.client.query.clientsOfAgency({ agencyId });
  return (await (afterId ? query.gt({ clientId: afterId }) : query).go({ limit })).data;
}
