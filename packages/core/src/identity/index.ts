import type { AgencyItem } from "../agency/entity.ts";
import type { ClientItem } from "../client/entity.ts";
import type { ContactItem } from "../contact/entity.ts";
import { sameItem, shared } from "../db/scope.ts";
import { onWrite, touches, type WrittenKey } from "../db/writes.ts";
import type { MemberItem } from "../member/entity.ts";
import { AgencyStore } from "../agency/store.ts";
import { ClientStore } from "../client/store.ts";
import { ContactStore } from "../contact/store.ts";
import { MemberStore } from "../member/store.ts";

export * as Identity from "./index.ts";

// Who is asking, read once. Every call used to rebuild the actor (member or contact, its client,
// the agency, the team) from DynamoDB, some of it twice. Now:
// - within a request, each of these items is read once and handed to whoever asks (db/scope.ts);
// - across requests, a warm instance keeps the people who sign in (member, contact, the contact's
//   client) for at most IDENTITY_MAX_AGE_MS, so a removed member, a deactivated or removed
//   contact, an inactive client, a changed role or a sign-out (session version) elsewhere takes
//   effect within that bound. On the instance where the change is written it takes effect at
//   once: every write of one of these items drops its copy (db/writes.ts).
// The cache only answers "who is this and may they still act"; business data (the client's code
// and counters, the agency's numbering) is always read afresh.

/** The longest a warm instance acts on a person's identity without reading it again. */
export const IDENTITY_MAX_AGE_MS = 30_000;
/** Enough for every person active on a warm instance; the oldest goes first past it. */
const MAX_ENTRIES = 5_000;

let clock = () => Date.now();

/** Tests move the cache's clock instead of sleeping through the bound; `null` restores the real one. */
export function setClock(next: (() => number) | null): void {
  clock = next ?? (() => Date.now());
}

/** What a cached item is kept for: a write that names none of these attributes leaves it. */
type Cached = { at: number; value: Promise<unknown>; watched?: readonly string[] };
const cache = new Map<string, Cached>();
/** An item is kept whole ("item": the people) or as its display name ("name": clients in lists). */
type Kind = "item" | "name";
const KINDS: readonly Kind[] = ["item", "name"];
const keyString = (key: WrittenKey, kind: Kind) => `${key.pk}\u0000${key.sk}\u0000${kind}`;

onWrite((key) => {
  for (const kind of KINDS) {
    const id = keyString(key, kind);
    const found = cache.get(id);
    if (found && (!found.watched || touches(key, found.watched))) cache.delete(id);
  }
});

/** Forgets every identity this instance keeps (tests). */
export function forgetAll(): void {
  cache.clear();
}

/** An item from the instance's cache if younger than the bound, else read (strongly consistent: never older than a write this instance saw). */
function kept<T>(key: WrittenKey, load: () => Promise<T>, watched?: readonly string[], kind: Kind = "item"): Promise<T> {
  const id = keyString(key, kind);
  const hit = cache.get(id);
  if (hit && clock() - hit.at < IDENTITY_MAX_AGE_MS) return hit.value as Promise<T>;
  const entry: Cached = { at: clock(), value: load(), ...(watched ? { watched } : {}) };
  cache.delete(id);
  cache.set(id, entry);
  entry.value.catch(() => cache.get(id) === entry && cache.delete(id));
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return entry.value as Promise<T>;
}

/** A person's item as identity: once per request, and kept by the instance within the bound. */
function person<T>(name: string, key: WrittenKey, load: () => Promise<T>, watched?: readonly string[]): Promise<T> {
  return shared(`identity:${name}:${key.pk}:${key.sk}`, sameItem(key), () => kept(key, load, watched));
}

export function member(agencyId: string, memberId: string): Promise<MemberItem | null> {
  // Batched with the request's other single reads (a review's names, the agency): one round trip.
  return person("member", MemberStore.keyOf(agencyId, memberId), () => MemberStore.loadTogether(agencyId, memberId, { consistent: true }));
}

export function contact(agencyId: string, contactId: string): Promise<ContactItem | null> {
  return person("contact", ContactStore.keyOf(agencyId, contactId), () => ContactStore.load(agencyId, contactId, { consistent: true }));
}

/**
 * The contact's client as far as access goes (active or not): kept like the people, and only
 * its status counts (each submission moves the client's request counter on: that keeps it).
 */
export function clientOfContact(agencyId: string, clientId: string): Promise<ClientItem | null> {
  return person("client", ClientStore.keyOf(agencyId, clientId), () => ClientStore.load(agencyId, clientId, { consistent: true }), ["status"]);
}

/** The agency, read once per request (never kept across requests: its settings and numbering change). */
export function agency(agencyId: string): Promise<AgencyItem | null> {
  const key = AgencyStore.keyOf(agencyId);
  return shared(`agency:${key.pk}`, sameItem(key), () => AgencyStore.loadTogether(agencyId));
}

/** The whole team, read once per request (teams are small: one query, every page). */
export function team(agencyId: string): Promise<MemberItem[]> {
  const { pk, skPrefix } = MemberStore.teamKey(agencyId);
  return shared(`team:${pk}`, (written) => written.pk === pk && written.sk.startsWith(skPrefix), () => MemberStore.ofAgency(agencyId));
}

/**
 * Clients' names by id, for lists that show them (board, my work, invoices): kept by a warm
 * instance like the people (a rename elsewhere shows within IDENTITY_MAX_AGE_MS, here at once);
 * only the names not kept are read, in one batch.
 */
export async function clientNames(agencyId: string, clientIds: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(clientIds)].map((clientId) => ({ clientId, key: ClientStore.keyOf(agencyId, clientId) }));
  const missing = wanted.filter(({ key }) => {
    const hit = cache.get(keyString(key, "name"));
    return !hit || clock() - hit.at >= IDENTITY_MAX_AGE_MS;
  });
  if (missing.length) {
    const read = ClientStore.loadMany(
      agencyId,
      missing.map(({ clientId }) => clientId),
    ).then((clients) => new Map(clients.map((client) => [client.clientId, client.name])));
    // Each name is kept on its own; one that the batch didn't find is not kept.
    for (const { clientId, key } of missing) {
      kept(key, async () => {
        const name = (await read).get(clientId);
        if (name === undefined) throw new Error("not found");
        return { name };
      }, ["name"], "name").catch(() => {});
    }
  }
  const names = new Map<string, string>();
  for (const { clientId, key } of wanted) {
    const found = await (cache.get(keyString(key, "name"))?.value.catch(() => undefined) as Promise<{ name?: string } | undefined> | undefined);
    if (found?.name !== undefined) names.set(clientId, found.name);
  }
  return names;
}
