import { assertContact, assertOwner, forbidden, unauthenticated, useActor } from "../actor/index.ts";
import { ClientStore } from "../client/store.ts";
import { db } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { staleWrite } from "../db/conflict.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { fn } from "../fn/index.ts";
import { createId } from "../id/index.ts";
import { Log } from "../log/index.ts";
import { dataKey, seal } from "./cipher.ts";
import type { VaultEntryItem } from "./entity.ts";
import { createSchema, editSchema, listSchema, rotateSchema } from "./fields.ts";
import { presentAccessRequest, presentEntry, type AccessRequest, type VaultEntry } from "./present.ts";
import { VaultStore } from "./store.ts";
import { seenByLeavers } from "./offboarding.ts";

// A client's entries: the client's contacts add, edit, rotate and remove them in the portal (a
// secret is typed there, never sent by email); the owner reads the list. No list has a secret.

/** `toChange`: entries someone who has left the team was shown, unchanged since (offboarding.ts). */
export type VaultList = { clientId: string; items: VaultEntry[]; cursor: null; accessRequests: AccessRequest[]; toChange: string[] };

/** Whose vault the actor reads: a contact their company's, the owner the client named. */
async function clientOfList(clientId: string | undefined): Promise<{ agencyId: string; clientId: string }> {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  if (actor.type === "contact") {
    if (clientId && clientId !== actor.clientId) throw notFound("Client");
    return { agencyId: actor.agencyId, clientId: actor.clientId };
  }
  const agencyId = assertOwner();
  if (!clientId) throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { clientId: "Choose the client." } });
  if (!(await ClientStore.load(agencyId, clientId))) throw notFound("Client");
  return { agencyId, clientId };
}

export const list = fn(listSchema, async (query): Promise<VaultList> => {
  const { agencyId, clientId } = await clientOfList(query.clientId);
  const [entries, requests] = await Promise.all([VaultStore.entriesOfClient(agencyId, clientId), VaultStore.accessRequestsOfClient(agencyId, clientId)]);
  const toChange = await seenByLeavers(agencyId, clientId, entries);
  return { clientId, items: entries.map(presentEntry), cursor: null, accessRequests: requests.filter((request) => request.status === "open").map(presentAccessRequest), toChange };
});

/** The acting contact, who may change their company's vault (not while the client is inactive). */
function writingContact() {
  const actor = assertContact();
  if (!actor.clientActive) throw forbidden();
  return actor;
}

/** One of the contact's company's entries; another client's (or agency's) is not found. */
async function ownEntry(vaultEntryId: string): Promise<VaultEntryItem> {
  const actor = writingContact();
  const entry = await VaultStore.loadEntry(actor.agencyId, vaultEntryId);
  if (!entry || entry.clientId !== actor.clientId) throw notFound("Vault entry");
  return entry;
}

export const create = fn(createSchema, async (input): Promise<VaultEntry> => {
  const { agencyId, clientId } = writingContact();
  const vaultEntryId = createId("vaultEntry");
  const now = new Date().toISOString();
  const key = await dataKey(agencyId);
  const item = {
    agencyId,
    clientId,
    vaultEntryId,
    tool: input.tool,
    ...(input.url ? { url: input.url } : {}),
    ...(input.username ? { username: input.username } : {}),
    ...(input.notes ? { notes: input.notes } : {}),
    kind: input.kind,
    sealed: seal(key, { agencyId, clientId, vaultEntryId }, input.secret),
    secretChangedAt: now,
    ...(input.accessRequestId ? { accessRequestId: input.accessRequestId } : {}),
  };
  if (!input.accessRequestId) {
    await VaultStore.putEntry(item);
  } else {
    const request = await VaultStore.loadAccessRequest(agencyId, input.accessRequestId);
    if (!request || request.clientId !== clientId) throw notFound("Access request");
    const result = await db.transaction
      .write((tx) => [VaultStore.createEntryItem(tx, item), VaultStore.answerAccessRequestItem(tx, agencyId, input.accessRequestId!, vaultEntryId)])
      .go();
    if (failedConditions(result).length) throw new VisibleError("conflict", "vault.request_answered", "This access request was answered already.");
  }
  Log.info("vault: entry added", { vaultEntryId, clientId });
  const stored = await VaultStore.loadEntry(agencyId, vaultEntryId, { consistent: true });
  return presentEntry(stored!);
});

export const edit = fn(editSchema, async ({ version, ...changes }, vaultEntryId: string): Promise<VaultEntry> => {
  const entry = await ownEntry(vaultEntryId);
  const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined && value !== ""));
  const removed = (["url", "username", "notes"] as const).filter((name) => changes[name] === "");
  if (!(await VaultStore.patchEntry(entry.agencyId, vaultEntryId, version, set, removed))) {
    const current = await VaultStore.loadEntry(entry.agencyId, vaultEntryId, { consistent: true });
    throw staleWrite("Vault entry", current && presentEntry(current));
  }
  return presentEntry((await VaultStore.loadEntry(entry.agencyId, vaultEntryId, { consistent: true }))!);
});

/** A new secret for the entry (after a password change at the tool): reveals before it are of the old one. */
export const rotate = fn(rotateSchema, async ({ version, kind, secret }, vaultEntryId: string): Promise<VaultEntry> => {
  const entry = await ownEntry(vaultEntryId);
  const key = await dataKey(entry.agencyId);
  const sealed = seal(key, { agencyId: entry.agencyId, clientId: entry.clientId, vaultEntryId }, secret);
  if (!(await VaultStore.patchEntry(entry.agencyId, vaultEntryId, version, { kind, sealed, secretChangedAt: new Date().toISOString() }))) {
    const current = await VaultStore.loadEntry(entry.agencyId, vaultEntryId, { consistent: true });
    throw staleWrite("Vault entry", current && presentEntry(current));
  }
  Log.info("vault: secret rotated", { vaultEntryId, clientId: entry.clientId });
  return presentEntry((await VaultStore.loadEntry(entry.agencyId, vaultEntryId, { consistent: true }))!);
});

/** Removes an entry (and its mentions on tasks); its access log stays, for the client's record. */
export async function remove(vaultEntryId: string): Promise<void> {
  const entry = await ownEntry(vaultEntryId);
  await VaultStore.deleteEntry(entry.agencyId, entry.clientId, vaultEntryId);
  Log.info("vault: entry removed", { vaultEntryId, clientId: entry.clientId });
}
