import { db, type TransactionEntities } from "../db/index.ts";
import { isId } from "../id/index.ts";
import type { MemberItem } from "./entity.ts";

// The member area's table, for other areas: they read and write members only through these.
export * as MemberStore from "./store.ts";

type Read = { consistent?: boolean };

/** One member of an agency, or null (also for a malformed id). */
export async function load(agencyId: string, memberId: string, read: Read = {}): Promise<MemberItem | null> {
  if (!isId("member", memberId)) return null;
  return (await db.entities.member.get({ agencyId, memberId }).go(read)).data;
}

/** Every member of an agency, removed ones too (`membersOfAgency`). */
export async function ofAgency(agencyId: string): Promise<MemberItem[]> {
  return (await db.entities.member.query.membersOfAgency({ agencyId }).go({ pages: "all" })).data;
}

/** A member's own changes to themselves (sign-in activation, profile): version bumped. */
export async function patchSelf(agencyId: string, memberId: string, changes: Partial<Pick<MemberItem, "status" | "locale" | "name" | "timeZone" | "emailNotifications">>): Promise<void> {
  await db.entities.member.patch({ agencyId, memberId }).set(changes).add({ version: 1 }).go();
}

/** Every session of the member ends: their session version moves on. */
export async function endSessions(agencyId: string, memberId: string): Promise<void> {
  await db.entities.member.patch({ agencyId, memberId }).add({ sessionVersion: 1 }).go();
}

/** A new member, as an item of the caller's transaction (sign-up's first owner). */
export function createItem(tx: Pick<TransactionEntities, "member">, attributes: Parameters<typeof db.entities.member.create>[0]) {
  return tx.member.create(attributes).commit();
}
