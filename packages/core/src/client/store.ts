import { db, getTogether } from "../db/index.ts";
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
