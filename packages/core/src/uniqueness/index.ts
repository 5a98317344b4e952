import { db, type TransactionEntities } from "../db/index.ts";
import type { UniqueScopes } from "./entity.ts";

// Claims on a value within an agency (a client code, a sign-in email, a period already invoiced).
// A claim is made or released in the same transaction as the change that needs it; other areas
// take the claim's items from here rather than building them.
export * as Uniqueness from "./index.ts";

type Claim = { agencyId: string; scope: (typeof UniqueScopes)[number]; value: string };

/** The claim as an item of the caller's transaction; it fails if the value is already claimed. */
export function claimItem(tx: Pick<TransactionEntities, "uniqueness">, claim: Claim & { ownerId: string }) {
  return tx.uniqueness.create(claim).commit();
}

/** Releasing the claim, as an item of the caller's transaction. */
export function releaseItem(tx: Pick<TransactionEntities, "uniqueness">, claim: Claim) {
  return tx.uniqueness.delete(claim).commit();
}

/** Whether the value is claimed already (a cheap check before a transaction that would claim it). */
export async function isClaimed(claim: Claim, read: { consistent?: boolean } = {}): Promise<boolean> {
  return Boolean((await db.entities.uniqueness.get(claim).go(read)).data);
}
