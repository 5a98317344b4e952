import { monthOf } from "@baton/kernel/dates";
import { billingOf } from "../client/index.ts";
import { ClientStore } from "../client/store.ts";
import type { TransactionEntities } from "../db/index.ts";
import { VisibleError } from "../error/index.ts";
import { afterUse } from "./alerts.ts";
import { balanceOf, type Entry, keys, nextPeriod } from "./ledger.ts";
import { HourBankStore } from "./store.ts";

// Approved time against a retainer: the only way "used" enters the ledger. The time area hands
// its own items (the entry's move to approved or back), so the entry and its use commit together
// or not at all; the use of an entry is keyed by its id, so it is written at most once.
//
// This is the hook for what reacts to use: right after the write, recordApprovedUse runs the
// threshold alerts (alerts.ts: once per threshold per period, whatever runs them again) and
// answers the period's totals.

export type ApprovedUse = { agencyId: string; clientId: string; entryId: string; startedAt: string; minutes: number };

/** A period of a client's bank right after a use was written (or taken back). */
export type UseTotals = {
  clientId: string;
  period: string;
  /** Every hour the period had: included, rolled in, added by the owner. */
  availableMinutes: number;
  usedMinutes: number;
  /** The period's sum (negative: used beyond its hours). */
  remainingMinutes: number;
  /** The whole bank: the sum of every entry. */
  balanceMinutes: number;
};

type Items = Parameters<typeof HourBankStore.writeUse>[3];

/** A period never closes twice a month, so this many steps always reach an open one. */
const MAX_STEPS = 48;

async function totals(agencyId: string, clientId: string, period: string): Promise<UseTotals> {
  const entries = await HourBankStore.entriesOf(agencyId, clientId);
  const own = entries.filter((entry) => entry.period === period);
  return {
    clientId,
    period,
    availableMinutes: own.filter((entry) => entry.minutes > 0).reduce((sum, entry) => sum + entry.minutes, 0),
    usedMinutes: -own.filter((entry) => entry.kind === "used").reduce((sum, entry) => sum + entry.minutes, 0),
    remainingMinutes: balanceOf(own),
    balanceMinutes: balanceOf(entries),
  };
}

/**
 * Approves time: writes `use` against the client's retainer in the period it was worked in (the
 * client's month), or the first open one after it when that one has closed (never before the
 * bank opened), in one transaction with `alongside` (the time area's items, given the period).
 * With no retainer, or no billable minutes, only `alongside` is written. Answers whether it
 * committed (false: a condition of the caller's failed, e.g. approved at the same moment) and,
 * when use was written, the period's new totals.
 */
export async function recordApprovedUse(use: ApprovedUse, alongside: (tx: TransactionEntities, period: string | null) => ReturnType<Items>): Promise<{ committed: boolean; totals: UseTotals | null }> {
  const client = await ClientStore.load(use.agencyId, use.clientId);
  const retainer = client ? billingOf(client).retainer : null;
  if (!client || !retainer || use.minutes <= 0) {
    const outcome = await HourBankStore.writeUse(use.agencyId, use.clientId, null, (tx) => alongside(tx, null));
    return { committed: outcome === "done", totals: null };
  }
  let entries = await HourBankStore.entriesOf(use.agencyId, use.clientId);
  // The bank opens on its first read or use (this month's included hours, as settle opens it):
  // use is never written into periods before it.
  if (!entries.length) {
    const current = monthOf(new Date(), client.timeZone);
    await HourBankStore.createOnce(use.agencyId, use.clientId, { key: keys.included(current), period: current, kind: "included", minutes: retainer.includedMinutes, origin: current });
    entries = await HourBankStore.entriesOf(use.agencyId, use.clientId);
  }
  const first = entries.map((entry) => entry.period).reduce((a, b) => (a < b ? a : b), monthOf(new Date(), client.timeZone));
  let period = monthOf(new Date(use.startedAt), client.timeZone);
  if (period < first) period = first;
  for (let step = 0; step < MAX_STEPS; step++, period = nextPeriod(period)) {
    const entry: Entry = { key: keys.usedBy(period, use.entryId), period, kind: "used", minutes: -use.minutes, origin: period };
    const outcome = await HourBankStore.writeUse(use.agencyId, use.clientId, { use: entry, remove: false, closedKey: keys.closed(period) }, (tx) => alongside(tx, period));
    if (outcome === "closed") continue;
    if (outcome === "conflict") return { committed: false, totals: null };
    await afterUse(client, period, new Date());
    return { committed: true, totals: await totals(use.agencyId, use.clientId, period) };
  }
  throw new VisibleError("conflict", "hour_bank.period_closed", "The retainer month of this time is closed, so it can't change now.");
}

/**
 * Takes approved use back (the time was returned to its member), with `alongside`, while its
 * period is open; once the period has closed its rollover is settled, so the answer is 409.
 */
export async function returnApprovedUse(use: ApprovedUse, period: string | null, alongside: (tx: TransactionEntities) => ReturnType<Items>): Promise<{ committed: boolean; totals: UseTotals | null }> {
  if (!period) return { committed: (await HourBankStore.writeUse(use.agencyId, use.clientId, null, alongside)) === "done", totals: null };
  const entry: Entry = { key: keys.usedBy(period, use.entryId), period, kind: "used", minutes: -use.minutes, origin: period };
  const outcome = await HourBankStore.writeUse(use.agencyId, use.clientId, { use: entry, remove: true, closedKey: keys.closed(period) }, alongside);
  if (outcome === "closed") {
    throw new VisibleError("conflict", "hour_bank.period_closed", "The retainer month of this time is closed, so it can't change now.");
  }
  if (outcome === "conflict") return { committed: false, totals: null };
  return { committed: true, totals: await totals(use.agencyId, use.clientId, period) };
}
