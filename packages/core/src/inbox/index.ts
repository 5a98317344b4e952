import { unauthenticated, useActor } from "../actor/index.ts";
import { Config } from "../config/index.ts";
import { db, type TransactionEntities } from "../db/index.ts";
import { conditionalWrite } from "../db/transaction.ts";
import type { UnreadItem } from "./entity.ts";

export * as Inbox from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";
export { sendDue } from "./send.ts";

// Unread per person and request: new messages (either thread) and status changes. The apps'
// navigation counts the requests with something unread; lists mark them; opening a request
// clears it. New messages also owe the person one email a few minutes later (send.ts), unless
// they have read them by then.

export type Recipient = { type: "member" | "contact"; id: string };
export type About = { agencyId: string; requestId: string; clientId: string; reference: string; title: string };
export type Happened =
  | { kind: "message"; thread: "client" | "internal"; authorName: string; fromClient: boolean; excerpt: string; at: string }
  | { kind: "update"; at: string };

export type Unread = {
  requestId: string;
  reference: string;
  title: string;
  clientId: string;
  /** New messages in the client thread and (team only) in the internal notes; of them, from the client. */
  clientMessages: number;
  internalMessages: number;
  fromClient: number;
  updates: number;
  lastAt: string;
  last: { at: string; authorName: string; excerpt: string; thread: "client" | "internal" } | null;
};

export function present(item: UnreadItem, forContact: boolean): Unread {
  return {
    requestId: item.requestId,
    reference: item.reference,
    title: item.title,
    clientId: item.clientId,
    clientMessages: item.clientCount ?? 0,
    internalMessages: forContact ? 0 : (item.internalCount ?? 0),
    fromClient: forContact ? 0 : (item.fromClientCount ?? 0),
    updates: item.updateCount ?? 0,
    lastAt: item.lastAt,
    last:
      item.lastMessageAt && item.lastThread && !(forContact && item.lastThread === "internal")
        ? { at: item.lastMessageAt, authorName: item.lastAuthorName ?? "", excerpt: item.lastExcerpt ?? "", thread: item.lastThread }
        : null,
  };
}

export const excerpt = (text: string) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 140 ? `${flat.slice(0, 139)}…` : flat;
};

/** Records what happened on a request for each recipient (the author is never one). Never throws. */
export async function record(about: About, recipients: readonly Recipient[], what: Happened): Promise<void> {
  // Each person's count is an item of its own: written side by side, not one after another.
  const unique = [...new Map(recipients.map((person) => [person.id, person])).values()];
  await Promise.all(
    unique.map((person) =>
      recordOne(about, person, what).catch((error) => {
        console.error("inbox: unread not recorded", error);
      }),
    ),
  );
}

/**
 * As `record` for a status change, with the unread counts written in the caller's transaction
 * (items for it, no write of their own).
 */
export function updateItems(tx: Pick<TransactionEntities, "unread">, about: About, recipients: readonly Recipient[], at: string) {
  const unique = [...new Map(recipients.map((person) => [person.id, person])).values()];
  return unique.map((person) =>
    tx.unread
      .upsert({ agencyId: about.agencyId, personId: person.id, requestId: about.requestId, personType: person.type, clientId: about.clientId, reference: about.reference, title: about.title, lastAt: at })
      .add({ updateCount: 1 })
      .commit(),
  );
}

async function recordOne(about: About, person: Recipient, what: Happened) {
  const key = { agencyId: about.agencyId, personId: person.id, requestId: about.requestId };
  const base = { ...key, personType: person.type, clientId: about.clientId, reference: about.reference, title: about.title, lastAt: what.at };
  if (what.kind === "update") {
    await db.entities.unread.upsert(base).add({ updateCount: 1 }).go();
    return;
  }
  await db.entities.unread
    .upsert({
      ...base,
      lastMessageAt: what.at,
      lastAuthorName: what.authorName,
      lastExcerpt: what.excerpt,
      lastThread: what.thread,
    })
    .add(what.thread === "client" ? { clientCount: 1, ...(what.fromClient ? { fromClientCount: 1 } : {}) } : { internalCount: 1 })
    .go();
  // One email owed, due a few minutes from the first unread message: more messages join it.
  const dueAt = new Date(Date.parse(what.at) + Config.notifyDelaySeconds * 1000).toISOString();
  await conditionalWrite(
    db.entities.notifyBatch.create({ agencyId: about.agencyId, personId: person.id, personType: person.type, dueAt }).go(),
  );
}

function me(): Recipient {
  const actor = useActor();
  if (actor.type === "member") return { type: "member", id: actor.memberId };
  if (actor.type === "contact") return { type: "contact", id: actor.contactId };
  throw unauthenticated();
}

/** The actor's unread requests, newest activity first. */
export async function mine(): Promise<{ items: Unread[]; cursor: null; total: number }> {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  if (actor.type !== "member" && actor.type !== "contact") return { items: [], cursor: null, total: 0 };
  const person = me();
  const result = await db.entities.unread.query.unreadOfPerson({ agencyId: actor.agencyId, personId: person.id }).go({ pages: "all" });
  const forContact = person.type === "contact";
  const items = result.data
    .map((item) => present(item, forContact))
    // A contact's entry may hold only internal notes' counts (never written for them, but be sure).
    .filter((item) => item.clientMessages + item.internalMessages + item.updates > 0)
    .sort((a, b) => b.lastAt.localeCompare(a.lastAt));
  return { items, cursor: null, total: items.length };
}

/** The actor has seen the request: nothing on it is unread any more. */
export async function markRead(agencyId: string, requestId: string): Promise<void> {
  const person = me();
  await db.entities.unread.delete({ agencyId, personId: person.id, requestId }).go();
}
