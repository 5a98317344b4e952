import { db, getTogether, type TransactionEntities } from "../db/index.ts";
import { isId } from "../id/index.ts";
import type { UndeliverableReason } from "../email/undeliverable-entity.ts";
import type { MemberItem } from "./entity.ts";

// The member area's table, for other areas: they read and write members only through these.
export * as MemberStore from "./store.ts";

type Read = { consistent?: boolean };

/** One member of an agency, or null (also for a malformed id). */
export async function load(agencyId: string, memberId: string, read: Read = {}): Promise<MemberItem | null> {
  if (!isId("member", memberId)) return null;
  return (await db.entities.member.get({ agencyId, memberId }).go(read)).data;
}

/** A member's table key: whoever keeps a copy of the member (identity) knows it by this, and drops it when it is written. */
export function keyOf(agencyId: string, memberId: string): { pk: string; sk: string } {
  const { Key } = db.entities.member.get({ agencyId, memberId }).params();
  return { pk: String(Key.pk), sk: String(Key.sk) };
}

/** One member, read in one BatchGetItem with the request's other single-item reads of the moment (db/batch.ts). */
export function loadTogether(agencyId: string, memberId: string, read: Read = {}): Promise<MemberItem | null> {
  return getTogether<MemberItem>(db.entities.member, db.entities.member.get({ agencyId, memberId }), read);
}

/** The partition and sort-key prefix of an agency's members (`membersOfAgency`): a write under it changes the team. */
export function teamKey(agencyId: string): { pk: string; skPrefix: string } {
  const params = db.entities.member.query.membersOfAgency({ agencyId }).params() as { ExpressionAttributeValues: Record<string, unknown> };
  return { pk: String(params.ExpressionAttributeValues[":pk"]), skPrefix: "$member_" };
}

/** Every member of an agency, removed ones too (`membersOfAgency`). */
export async function ofAgency(agencyId: string): Promise<MemberItem[]> {
  return (await db.entities.member.query.membersOfAgency({ agencyId }).go({ pages: "all" })).data;
}

/** A member's own changes to themselves (sign-in activation, profile): version bumped. */
export async function patchSelf(agencyId: string, memberId: string, changes: Partial<Pick<MemberItem, "status" | "locale" | "name" | "timeZone" | "emailNotifications" | "workingDays" | "workingStart" | "workingEnd">>, remove: ("workingDays" | "workingStart" | "workingEnd")[] = []): Promise<void> {
  const patch = db.entities.member.patch({ agencyId, memberId }).set(changes);
  // Attributes to drop (a working week given back to the agency's): absent, not empty.
  await (remove.length ? patch.remove(remove) : patch).add({ version: 1 }).go();
}

/** Every session of the member ends: their session version moves on. */
export async function endSessions(agencyId: string, memberId: string): Promise<void> {
  await db.entities.member.patch({ agencyId, memberId }).add({ sessionVersion: 1 }).go();
}

/** QA outcome counters added to a member's metrics, as an item of the caller's transaction (a task's review). */
export function addStatsItem(tx: Pick<TransactionEntities, "member">, agencyId: string, memberId: string, stats: Partial<Record<"qaApproved" | "qaFirstPass" | "qaReturns", number>>) {
  return tx.member.patch({ agencyId, memberId }).add(stats).commit();
}

/** A new member, as an item of the caller's transaction (sign-up's first owner). */
export function createItem(tx: Pick<TransactionEntities, "member">, attributes: Parameters<typeof db.entities.member.create>[0]) {
  return tx.member.create(attributes).commit();
}

/** SES's note that the member's address can't be mailed (null: it can again), as an item of the caller's transaction. */
export function undeliverableItem(tx: Pick<TransactionEntities, "member">, agencyId: string, memberId: string, note: { reason: UndeliverableReason; at: string } | null) {
  const patch = tx.member.patch({ agencyId, memberId });
  return (note ? patch.set({ undeliverable: note }) : patch.remove(["undeliverable"])).commit();
}
