import { z } from "zod";
import { assertMember, forbidden } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { Client } from "../client/index.ts";
import { ClientStore } from "../client/store.ts";
import { db } from "../db/index.ts";
import { VisibleError, notFound } from "../error/index.ts";
import { fn } from "../fn/index.ts";
import { Log } from "../log/index.ts";
import { parts, type Scope } from "./parts.ts";
import { AgencyStore } from "../agency/store.ts";

export * as ClientData from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";
export { parts, type ClientDataPart } from "./parts.ts";

// A client's data handed back (export) or erased on request (the right to erasure), by the owner
// in person: an API key can do neither, because either moves a client's whole history at once.
// Both are audited. Erase keeps what the law requires of the agency's books — issued invoices,
// their payments and the time billed on them, and the client's name and currency they are
// addressed to — and deletes the rest; see parts.ts for each part and what it keeps.

export const FORMAT = "baton.client-export";
export const FORMAT_VERSION = 1;

/** The agency's owner, signed in as themselves. */
function assertOwnerInPerson(): { agencyId: string; memberId: string } {
  const actor = assertMember();
  if (actor.role !== "owner") throw forbidden();
  return actor;
}

async function scopeOf(agencyId: string, clientId: string): Promise<Scope> {
  const client = await Client.load(agencyId, clientId);
  if (!client) throw notFound("Client");
  return { agencyId, clientId, client };
}

export type ClientExport = {
  format: typeof FORMAT;
  version: number;
  exportedAt: string;
  agency: { id: string; name: string };
  client: Client.Client;
} & Record<string, unknown>;

/** Everything Baton holds about the client, as one JSON document. */
export async function exportClient(clientId: string): Promise<ClientExport> {
  const { agencyId } = assertOwnerInPerson();
  const scope = await scopeOf(agencyId, clientId);
  const agency = (await AgencyStore.load(agencyId));
  const sections = await Promise.all(parts.map(async (part) => [part.name, await part.export(scope)] as const));
  await Audit.record(Audit.event("client.exported", "client", clientId, { parts: parts.map((part) => part.name) }));
  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    agency: { id: agencyId, name: agency?.name ?? "" },
    client: Client.present(scope.client),
    ...Object.fromEntries(sections),
  };
}

export const eraseSchema = z.strictObject({
  /** The client's code, typed by the owner to confirm. */
  code: z.string({ error: "Type the client's code to confirm." }).trim().toUpperCase().min(1, "Type the client's code to confirm.").max(20, "Type the client's code to confirm."),
});

export type EraseResult = { client: Client.Client; deleted: Record<string, number>; kept: Record<string, number> };

/**
 * Erases the client's data but what must be kept, then keeps the client as a bare record (name,
 * code, currency, zone) its issued invoices point to. Idempotent: a run cut short (a timeout) is
 * finished by running it again.
 */
export const erase = fn(eraseSchema, async (input, clientId: string): Promise<EraseResult> => {
  const { agencyId } = assertOwnerInPerson();
  const scope = await scopeOf(agencyId, clientId);
  if (input.code !== scope.client.code) {
    throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { code: `Type ${scope.client.code} to confirm.` } });
  }
  // Stop the jobs first (no retainer invoice, digest or survey for a client being erased).
  await ClientStore.deactivateForErasure(agencyId, clientId);
  const deleted: Record<string, number> = {};
  const kept: Record<string, number> = {};
  for (const part of parts) {
    const counts = await part.erase(scope);
    deleted[part.name] = counts.deleted;
    if (counts.kept !== undefined) kept[part.name] = counts.kept;
  }
  const erasedAt = scope.client.erasedAt ?? new Date().toISOString();
  await db.transaction
    .write((tx) => [
      ClientStore.changeItem(tx, agencyId, clientId, { erasedAt }),
      Audit.item(tx, Audit.event("client.erased", "client", clientId, { deleted, kept })),
    ])
    .go();
  Log.info("client erased", { clientId, deleted, kept });
  return { client: Client.present((await Client.load(agencyId, clientId))!), deleted, kept };
});
