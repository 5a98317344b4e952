import { Audit } from "../audit/index.ts";
import { staleWrite } from "../db/conflict.ts";
import { db, type TransactionEntities } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { VisibleError, notFound } from "../error/index.ts";
import { recordApprovedUse, returnApprovedUse, type UseTotals } from "../hour-bank/use.ts";
import { Identity } from "../identity/index.ts";
import { approvalOf, UNBILLED, type TimeEntryItem } from "./entity.ts";
import { loadEntry, presentAll } from "./present.ts";

// One entry's move to approved, or back to its member: the entry and its hour-bank use change in
// one transaction (HourBank.recordApprovedUse), each conditional on the entry as read, so two
// approvals at once write one use and the second answers as the first did.

/** A write that lost a race is retried from a fresh read this many times. */
const ATTEMPTS = 3;

/** Approved or invoiced time can't change: 409 with the entry as it is. */
export async function lockedError(entry: TimeEntryItem): Promise<VisibleError> {
  const [current] = await presentAll(entry.agencyId, [entry]);
  if (entry.invoiceId !== UNBILLED) return new VisibleError("conflict", "time.locked", "This time is on an invoice now, so it can't change.", { current });
  return new VisibleError("conflict", "time.approved", "This time is approved, so it can't change. Ask a reviewer to return it first.", { current });
}

const useOf = (entry: TimeEntryItem) => ({
  agencyId: entry.agencyId,
  clientId: entry.clientId,
  entryId: entry.entryId,
  startedAt: entry.startedAt,
  // Only billable time is taken from a retainer's hours.
  minutes: entry.billable ? entry.minutes : 0,
});

/**
 * Approves an entry (submitted, or just logged by someone whose time needs no approval). Already
 * approved: nothing changes (idempotent). Answers the hour bank's period totals when use was written.
 */
export async function approveItem(entry: TimeEntryItem, by: string | null): Promise<UseTotals | null> {
  let current: TimeEntryItem | null = entry;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (!current) throw notFound("Time entry");
    if (approvalOf(current) === "approved") return null;
    const read: TimeEntryItem = current;
    const { committed, totals } = await recordApprovedUse(useOf(read), (tx, period) => [
      tx.timeEntry
        .patch({ agencyId: read.agencyId, entryId: read.entryId })
        .set({ approval: "approved", ...(by ? { approvedBy: by } : {}), ...(period ? { usedPeriod: period } : {}) })
        .remove(["returnNote"])
        .add({ version: 1 })
        .where((attr, op) => `${op.eq(attr.approval, read.approval!)} AND ${op.eq(attr.version, read.version)} AND ${op.eq(attr.invoiceId, UNBILLED)}`)
        .commit(),
      Audit.item(tx, Audit.event("time.approved", "time", read.entryId, { minutes: read.minutes, label: read.label, ...(period ? { period } : {}) })),
    ]);
    if (committed) return totals;
    current = await loadEntry(read.agencyId, read.entryId);
  }
  throw staleWrite("Time entry", current && (await presentAll(current.agencyId, [current]))[0]);
}

/**
 * Returns an entry to its member with a note: a submitted one, or an approved one not yet
 * invoiced (its use leaves the hour bank in the same transaction). Invoiced: 409.
 */
export async function returnItem(entry: TimeEntryItem, note: string): Promise<void> {
  let current: TimeEntryItem | null = entry;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (!current) throw notFound("Time entry");
    if (current.invoiceId !== UNBILLED) throw await lockedError(current);
    // Logged before approval existed: it counts as approved, and its use is in the month's total the
    // bank kept then (keys.used), which can't give one entry back: returned and approved again, it
    // would be counted twice. Settled as it was; the owner adjusts the hours instead.
    if (!current.approval && current.billable) {
      const [shown] = await presentAll(current.agencyId, [current]);
      throw new VisibleError("conflict", "time.pre_approval", "This time was logged before time approval and counts as approved, so it can't be returned. Adjust the client's hours instead.", { current: shown });
    }
    const read: TimeEntryItem = current;
    const approved = approvalOf(read) === "approved";
    const { committed } = await returnApprovedUse(useOf(read), approved && read.billable ? (read.usedPeriod ?? null) : null, (tx) => [
      tx.timeEntry
        .patch({ agencyId: read.agencyId, entryId: read.entryId })
        .set({ approval: "returned", returnNote: note })
        .remove(["usedPeriod", "approvedBy"])
        .add({ version: 1 })
        .where((attr, op) => `${op.eq(attr.version, read.version)} AND ${op.eq(attr.invoiceId, UNBILLED)}`)
        .commit(),
      Audit.item(tx, Audit.event("time.returned", "time", read.entryId, { minutes: read.minutes, label: read.label, note })),
    ]);
    if (committed) return;
    current = await loadEntry(read.agencyId, read.entryId);
  }
  throw staleWrite("Time entry", current && (await presentAll(current.agencyId, [current]))[0]);
}

/** Does this member's time need approval? Not the owner's, and nobody's when the agency turned approval off. */
export async function needsApproval(agencyId: string, role: "owner" | "subcontractor"): Promise<boolean> {
  if (role === "owner") return false;
  return (await Identity.agency(agencyId))?.timeNeedsApproval ?? true;
}

type NewEntry = Omit<Parameters<TransactionEntities["timeEntry"]["create"]>[0], "approval" | "approvedBy" | "usedPeriod"> & { agencyId: string; entryId: string; memberId: string; clientId: string; startedAt: string; minutes: number; billable: boolean; label: string };
type Items = ReturnType<Parameters<typeof recordApprovedUse>[1]>;

/**
 * Writes a new entry with `alongside` (its audit event, the timer it ends) in one transaction. When
 * its member's time needs no approval (the owner's; everyone's with approval off) it is written
 * approved, with its hour-bank use, in that same transaction: never logged open and approved after
 * by a second write. Answers false when a condition of `alongside` failed (nothing was written).
 */
export async function writeNewEntry(entry: NewEntry, alongside: (tx: TransactionEntities) => Items): Promise<boolean> {
  const member = await Identity.member(entry.agencyId, entry.memberId);
  const trusted = !(await needsApproval(entry.agencyId, member?.role === "owner" ? "owner" : "subcontractor"));
  if (!trusted) {
    const result = await db.transaction.write((tx) => [tx.timeEntry.create({ ...entry, approval: "open" }).commit(), ...alongside(tx)]).go();
    return !failedConditions(result).length;
  }
  const use = { agencyId: entry.agencyId, clientId: entry.clientId, entryId: entry.entryId, startedAt: entry.startedAt, minutes: entry.billable ? entry.minutes : 0 };
  const { committed } = await recordApprovedUse(use, (tx, period) => [
    tx.timeEntry.create({ ...entry, approval: "approved", approvedBy: entry.memberId, ...(period ? { usedPeriod: period } : {}) }).commit(),
    ...alongside(tx),
    Audit.item(tx, Audit.event("time.approved", "time", entry.entryId, { minutes: entry.minutes, label: entry.label, ...(period ? { period } : {}) })),
  ]);
  return committed;
}
