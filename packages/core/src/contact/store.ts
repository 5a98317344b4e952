import { db, type TransactionEntities } from "../db/index.ts";
import { isId } from "../id/index.ts";
import type { UndeliverableReason } from "../email/undeliverable-entity.ts";
import type { ClientItem } from "../client/entity.ts";
import type { ContactItem } from "./entity.ts";

// The contact area's table, for other areas: they read and write contacts only through these.
export * as ContactStore from "./store.ts";

type Read = { consistent?: boolean };

/** One client contact, or null (also for a malformed id). */
export async function load(agencyId: string, contactId: string, read: Read = {}): Promise<ContactItem | null> {
  if (!isId("contact", contactId)) return null;
  return (await db.entities.contact.get({ agencyId, contactId }).go(read)).data;
}

/** A contact's table key: whoever keeps a copy of the contact (identity) knows it by this. */
export function keyOf(agencyId: string, contactId: string): { pk: string; sk: string } {
  const { Key } = db.entities.contact.get({ agencyId, contactId }).params();
  return { pk: String(Key.pk), sk: String(Key.sk) };
}

/** Every contact of a client (`contactsOfClient`). */
export async function ofClient(agencyId: string, clientId: string): Promise<ContactItem[]> {
  return (await db.entities.contact.query.contactsOfClient({ agencyId, clientId }).go({ pages: "all" })).data;
}

/**
 * A client and its contacts in one query of the `clientProfile` collection (what a hand-off to
 * the client needs: its name and zone, and whom to tell); a client not found is null.
 */
export async function withClient(agencyId: string, clientId: string): Promise<{ client: ClientItem | null; contacts: ContactItem[] }> {
  const result = await db.collections.clientProfile({ agencyId, clientId }).go({ pages: "all" });
  return { client: (result.data.client[0] as ClientItem | undefined) ?? null, contacts: result.data.contact as ContactItem[] };
}

/** A contact's own changes to themselves (sign-in activation, profile): version bumped. */
export async function patchSelf(agencyId: string, contactId: string, changes: Partial<Pick<ContactItem, "status" | "locale" | "name" | "timeZone" | "emailNotifications" | "workingDays" | "workingStart" | "workingEnd" | "messageEmails" | "digestEmails" | "surveyEmails" | "invoiceEmails">>, remove: ("workingDays" | "workingStart" | "workingEnd")[] = []): Promise<void> {
  const patch = db.entities.contact.patch({ agencyId, contactId }).set(changes);
  // Attributes to drop (a working week given back to the agency's): absent, not empty.
  await (remove.length ? patch.remove(remove) : patch).add({ version: 1 }).go();
}

/** Every session of the contact ends: their session version moves on. */
export async function endSessions(agencyId: string, contactId: string): Promise<void> {
  await db.entities.contact.patch({ agencyId, contactId }).add({ sessionVersion: 1 }).go();
}

/** SES's note that the contact's address can't be mailed (null: it can again), as an item of the caller's transaction. */
export function undeliverableItem(tx: Pick<TransactionEntities, "contact">, agencyId: string, contactId: string, note: { reason: UndeliverableReason; at: string } | null) {
  const patch = tx.contact.patch({ agencyId, contactId });
  return (note ? patch.set({ undeliverable: note }) : patch.remove(["undeliverable"])).commit();
}

/**
 * A contact surveyed at `sentAt`, as an item of the survey's transaction: only while still active
 * and not surveyed since `quietSince` (a survey sent meanwhile cancels this one).
 */
export function surveyedItem(tx: Pick<TransactionEntities, "contact">, agencyId: string, contactId: string, sentAt: string, quietSince: string) {
  return tx.contact
    .patch({ agencyId, contactId })
    .set({ lastSurveyAt: sentAt })
    .where((attr, op) => `(${op.notExists(attr.lastSurveyAt)} OR ${op.lte(attr.lastSurveyAt, quietSince)}) AND ${op.eq(attr.status, "active")}`)
    .commit();
}
