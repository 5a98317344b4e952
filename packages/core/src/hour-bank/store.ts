import { db, type TransactionEntities } from "../db/index.ts";
import { conditionalWrite, type TransactionResult } from "../db/transaction.ts";
import type { HourBankEntryItem, HourBankPolicyItem, HourBankVisibilityItem } from "./entity.ts";
import type { Entry, Policy } from "./ledger.ts";

export * as HourBankStore from "./store.ts";

/** Every entry of a client's hour bank, by period (`entriesOfHourBank`). */
export async function entriesOf(agencyId: string, clientId: string): Promise<HourBankEntryItem[]> {
  return (await db.entities.hourBankEntry.query.entriesOfHourBank({ agencyId, clientId }).go({ pages: "all", consistent: true })).data;
}

const item = (agencyId: string, clientId: string, entry: Entry) => ({
  agencyId,
  clientId,
  key: entry.key,
  period: entry.period,
  kind: entry.kind,
  minutes: entry.minutes,
  origin: entry.origin,
  ...(entry.reason ? { reason: entry.reason } : {}),
  ...(entry.by ? { by: entry.by } : {}),
});

/** Writes an entry once: false when its key is already taken (a rerun). */
export async function createOnce(agencyId: string, clientId: string, entry: Entry): Promise<boolean> {
  return conditionalWrite(db.entities.hourBankEntry.create(item(agencyId, clientId, entry)).go());
}

type Items = ReturnType<Parameters<typeof db.transaction.write>[0]>;

/** The period's revision, +1 (`revisionOfPeriod`): in every transaction that writes an entry into an open period. */
export function bump(tx: TransactionEntities, agencyId: string, clientId: string, period: string) {
  return tx.hourBankPeriod.upsert({ agencyId, clientId, period }).add({ revision: 1 }).commit();
}

/** The period's revision as of now (0: nothing was written into it yet). Read before the entries a close sums. */
export async function revisionOf(agencyId: string, clientId: string, period: string): Promise<number> {
  return (await db.entities.hourBankPeriod.get({ agencyId, clientId, period }).go({ consistent: true })).data?.revision ?? 0;
}

/** How often a transaction cancelled only by another one in flight on the same item is tried again. */
const TRIES = 4;
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));

/** Cancelled by a concurrent transaction (DynamoDB's TransactionConflict), not by a condition: worth one more try. */
const transient = (data: TransactionResult["data"]) => data.every((op) => op.code !== "ConditionalCheckFailed") && data.some((op) => op.code === "TransactionConflict");

/**
 * Writes approved use (or takes it back, or an owner's adjustment) in one transaction with the
 * caller's own items, on condition the period is still open (its close marker absent), moving the
 * period's revision so a close worked out before it can't commit. Answers "closed" when the period
 * closed first, "conflict" when another condition failed (the caller re-reads), else "done".
 */
export async function writeUse(
  agencyId: string,
  clientId: string,
  change: { use: Entry; remove: boolean; closedKey: string } | null,
  alongside: (tx: TransactionEntities) => Items,
): Promise<"done" | "closed" | "conflict"> {
  for (let attempt = 1; ; attempt++) {
    const result = await db.transaction
      .write((tx) => [
        ...(change
          ? [
              tx.hourBankEntry.check({ agencyId, clientId, key: change.closedKey }).where((attr, op) => op.notExists(attr.key)).commit(),
              change.remove
                ? tx.hourBankEntry.delete({ agencyId, clientId, key: change.use.key }).where((attr, op) => op.exists(attr.key)).commit()
                : tx.hourBankEntry.create(item(agencyId, clientId, change.use)).commit(),
              bump(tx, agencyId, clientId, change.use.period),
            ]
          : []),
        ...alongside(tx),
      ])
      .go();
    if (!result.canceled) return "done";
    const data = result.data as unknown as TransactionResult["data"];
    if (transient(data) && attempt < TRIES) {
      await pause(attempt);
      continue;
    }
    // The close marker's check is the first operation when there is a change.
    return change && data[0]?.code === "ConditionalCheckFailed" ? "closed" : "conflict";
  }
}

/**
 * Closes a period in one transaction: the closing entries and the close marker, each created only
 * if absent (so a second close changes nothing: "closed"), on condition the period's revision is
 * still `revision`, read before the entries the close was worked out from ("stale": an entry came
 * in since; work it out again). The hours it rolls into the next period move that one's revision.
 */
export async function close(agencyId: string, clientId: string, period: string, revision: number, next: string, entries: readonly Entry[]): Promise<"done" | "closed" | "stale"> {
  const result = await db.transaction
    .write((tx) => [
      tx.hourBankPeriod
        .check({ agencyId, clientId, period })
        .where((attr, op) => (revision === 0 ? op.notExists(attr.revision) : op.eq(attr.revision, revision)))
        .commit(),
      ...(entries.some((entry) => entry.period === next) ? [bump(tx, agencyId, clientId, next)] : []),
      ...entries.map((entry) => tx.hourBankEntry.create(item(agencyId, clientId, entry)).commit()),
    ])
    .go();
  if (!result.canceled) return "done";
  const data = result.data as unknown as TransactionResult["data"];
  const offset = data.length - entries.length;
  // An entry already there: another run closed the period first.
  if (data.slice(offset).some((op) => op.code === "ConditionalCheckFailed")) return "closed";
  return "stale";
}

export async function policyOf(agencyId: string, scope: string): Promise<Policy | null> {
  const found = (await db.entities.hourBankPolicy.get({ agencyId, scope }).go()).data;
  return found ? toPolicy(found) : null;
}

export async function setPolicy(agencyId: string, scope: string, policy: Policy | null): Promise<void> {
  if (!policy) {
    await db.entities.hourBankPolicy.delete({ agencyId, scope }).go();
    return;
  }
  await db.entities.hourBankPolicy
    .put({ agencyId, scope, mode: policy.mode, ...(policy.mode === "cap" ? { maxMinutes: policy.maxMinutes } : {}), ...(policy.mode === "expire" ? { afterPeriods: policy.afterPeriods } : {}) })
    .go();
}

function toPolicy(item: HourBankPolicyItem): Policy {
  if (item.mode === "cap") return { mode: "cap", maxMinutes: item.maxMinutes ?? 0 };
  if (item.mode === "expire") return { mode: "expire", afterPeriods: item.afterPeriods ?? 1 };
  return { mode: "none" };
}

export type Transparency = HourBankVisibilityItem["transparency"];

/** What a client's contacts see of its hour bank (`visibilityOfClient`); full detail unless the owner chose otherwise. */
export async function transparencyOf(agencyId: string, clientId: string): Promise<Transparency> {
  return (await db.entities.hourBankVisibility.get({ agencyId, clientId }).go()).data?.transparency ?? "full";
}

export async function setTransparency(agencyId: string, clientId: string, transparency: Transparency): Promise<void> {
  await db.entities.hourBankVisibility.put({ agencyId, clientId, transparency }).go();
}
