import { db } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import type { PayoutItem, PayoutMethod } from "./entity.ts";

export * as PayoutStore from "./store.ts";

type NewPayout = Omit<PayoutItem, "status" | "createdAt" | "updatedAt" | "version" | "paidAt" | "paidBy" | "method" | "reference">;

/** Every statement of the agency, by id (`payoutsOfAgency`). */
export async function ofAgency(agencyId: string): Promise<PayoutItem[]> {
  return (await db.entities.payout.query.payoutsOfAgency({ agencyId }).go({ pages: "all", consistent: true })).data;
}

/** One member's statements, by month (`payoutsOfMember`). */
export async function ofMember(agencyId: string, memberId: string): Promise<PayoutItem[]> {
  return (await db.entities.payout.query.payoutsOfMember({ agencyId, memberId }).go({ pages: "all" })).data;
}

export async function load(agencyId: string, payoutId: string): Promise<PayoutItem | null> {
  return (await db.entities.payout.get({ agencyId, payoutId }).go({ consistent: true })).data;
}

/**
 * Issues a statement with its month's claim, both created only if absent: false when the member's
 * month already has its statement (another issue won).
 */
export async function create(item: NewPayout): Promise<boolean> {
  const result = await db.transaction
    .write(({ payout, payoutClaim }) => [
      payoutClaim.create({ agencyId: item.agencyId, memberId: item.memberId, period: item.period, payoutId: item.payoutId }).commit(),
      payout.create({ ...item, status: "issued" }).commit(),
    ])
    .go();
  return failedConditions(result).length === 0;
}

/** Marks a statement paid, on condition it is still issued at the version read: false when it is not. */
export async function markPaid(agencyId: string, payoutId: string, version: number, paid: { method: PayoutMethod; reference: string; paidBy: string; paidAt: string }): Promise<boolean> {
  const result = await db.transaction
    .write(({ payout }) => [
      payout
        .patch({ agencyId, payoutId })
        .set({ status: "paid", ...paid })
        .add({ version: 1 })
        .where((attr, op) => `${op.eq(attr.status, "issued")} AND ${op.eq(attr.version, version)}`)
        .commit(),
    ])
    .go();
  return failedConditions(result).length === 0;
}

/** The time entries of these members already on a statement (what is paid out can't be returned). */
export async function paidOutEntryIds(agencyId: string, memberIds: readonly string[]): Promise<Set<string>> {
  const statements = await Promise.all([...new Set(memberIds)].map((memberId) => ofMember(agencyId, memberId)));
  return new Set(statements.flat().flatMap((statement) => statement.entryIds));
}
