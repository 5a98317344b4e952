import { db, getTogether } from "../db/index.ts";
import { conditionalWrite, failedConditions } from "../db/transaction.ts";
import type { HourBankConsentItem, HourBankOverageItem } from "./alerts-entity.ts";
import type { Entry } from "./ledger.ts";
import { HourBankStore } from "./store.ts";

export * as AlertsStore from "./alerts-store.ts";

// The hour bank's alerts, overage policies and consents (alerts-entity.ts); only hour-bank/ reads them.

export type Overage = { mode: "bill" } | { mode: "ask"; askMinutes: number } | { mode: "pause" };

/** Marks a threshold alerted for a period, once: false when it already was (`alertsOfHourBank`, `attribute_not_exists`). */
export async function markAlert(agencyId: string, clientId: string, period: string, threshold: number, emailed: boolean, usedMinutes: number, availableMinutes: number): Promise<boolean> {
  return conditionalWrite(db.entities.hourBankAlert.create({ agencyId, clientId, period, threshold, emailed, usedMinutes, availableMinutes }).go());
}

/** The thresholds already alerted in a period (`alertsOfHourBank`). */
export async function alertsOf(agencyId: string, clientId: string, period: string): Promise<number[]> {
  const found = await db.entities.hourBankAlert.query.alertsOfHourBank({ agencyId, clientId, period }).go({ pages: "all" });
  return found.data.map((item) => item.threshold);
}

export async function overageOf(agencyId: string, scope: string): Promise<Overage | null> {
  // The client's rule and the agency's are asked for together (overageFor): one BatchGetItem.
  const found = await getTogether<HourBankOverageItem>(db.entities.hourBankOverage, db.entities.hourBankOverage.get({ agencyId, scope }));
  return found ? toOverage(found) : null;
}

export async function setOverage(agencyId: string, scope: string, overage: Overage | null): Promise<void> {
  if (!overage) {
    await db.entities.hourBankOverage.delete({ agencyId, scope }).go();
    return;
  }
  await db.entities.hourBankOverage.put({ agencyId, scope, mode: overage.mode, ...(overage.mode === "ask" ? { askMinutes: overage.askMinutes } : {}) }).go();
}

function toOverage(item: HourBankOverageItem): Overage {
  if (item.mode === "ask") return { mode: "ask", askMinutes: item.askMinutes ?? 60 };
  return { mode: item.mode };
}

/** A client's consents, every period (`consentsOfHourBank`). */
export async function consentsOf(agencyId: string, clientId: string): Promise<HourBankConsentItem[]> {
  return (await db.entities.hourBankConsent.query.consentsOfHourBank({ agencyId, clientId }).go({ pages: "all", consistent: true })).data;
}

export type ConsentRecord = Pick<HourBankConsentItem, "consentId" | "period" | "minutes" | "via" | "fullName" | "text" | "sha256" | "locale"> & { ip?: string; contactId?: string };

/**
 * Keeps a consent and its ledger entry in one transaction, on condition that the period is still
 * open (its close marker absent) and the consent id is new: "closed" or "taken" says which failed.
 */
export async function recordConsent(agencyId: string, clientId: string, consent: ConsentRecord, entry: Entry, closedKey: string): Promise<"recorded" | "closed" | "taken"> {
  const result = await db.transaction
    .write((tx) => [
      tx.hourBankEntry.check({ agencyId, clientId, key: closedKey }).where((attr, op) => op.notExists(attr.key)).commit(),
      tx.hourBankConsent.create({ agencyId, clientId, ...consent }).commit(),
      // The consent's hours enter an open period: a close worked out before them must not commit.
      HourBankStore.bump(tx, agencyId, clientId, entry.period),
      tx.hourBankEntry
        .create({ agencyId, clientId, key: entry.key, period: entry.period, kind: entry.kind, minutes: entry.minutes, origin: entry.origin, ...(entry.reason ? { reason: entry.reason } : {}) })
        .commit(),
    ])
    .go();
  if (!result.canceled) return "recorded";
  const failed = failedConditions(result);
  return failed.length === 1 && failed[0] === 0 ? "closed" : "taken";
}
