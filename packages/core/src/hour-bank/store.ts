import { db, type TransactionEntities } from "../db/index.ts";
import type { TransactionResult } from "../db/transaction.ts";
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
  try {
    await db.entities.hourBankEntry.create(item(agencyId, clientId, entry)).go();
    return true;
  } catch (error) {
    if ((error as { cause?: { name?: string } }).cause?.name === "ConditionalCheckFailedException") return false;
    throw error;
  }
}

type Items = ReturnType<Parameters<typeof db.transaction.write>[0]>;

/**
 * Writes approved use (or takes it back) in one transaction with the caller's own items, on
 * condition the period is still open (its close marker absent). Answers "closed" when the period
 * closed first, "conflict" when another condition failed (the caller re-reads), else "done".
 */
export async function writeUse(
  agencyId: string,
  clientId: string,
  change: { use: Entry; remove: boolean; closedKey: string } | null,
  alongside: (tx: TransactionEntities) => Items,
): Promise<"done" | "closed" | "conflict"> {
  const result = await db.transaction
    .write((tx) => [
      ...(change
        ? [
            tx.hourBankEntry.check({ agencyId, clientId, key: change.closedKey }).where((attr, op) => op.notExists(attr.key)).commit(),
            change.remove
              ? tx.hourBankEntry.delete({ agencyId, clientId, key: change.use.key }).where((attr, op) => op.exists(attr.key)).commit()
              : tx.hourBankEntry.create(item(agencyId, clientId, change.use)).commit(),
          ]
        : []),
      ...alongside(tx),
    ])
    .go();
  if (!result.canceled) return "done";
  // The close marker's check is the first operation when there is a change.
  const first = (result.data as unknown as TransactionResult["data"])[0];
  return change && first?.code === "ConditionalCheckFailed" ? "closed" : "conflict";
}

/**
 * Closes a period in one transaction: the closing entries and the close marker, each created only
 * if absent, so a second close changes nothing.
 */
export async function close(agencyId: string, clientId: string, entries: readonly Entry[]): Promise<boolean> {
  const result = await db.transaction
    .write(({ hourBankEntry }) => [
      ...entries.map((entry) => hourBankEntry.create(item(agencyId, clientId, entry)).commit()),
    ])
    .go();
  return !result.canceled;
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
