import type { TransactionEntities } from "../db/index.ts";
import { UNBILLED, type TimeEntryItem } from "./entity.ts";

// Time on an invoice: the invoice's transaction locks the entries it bills (each only if still
// unbilled and unchanged since read, so no entry is billed twice) and releases them when the
// invoice is deleted or voided. The invoice area takes these items from here.

export function lockItems(tx: Pick<TransactionEntities, "timeEntry">, entries: TimeEntryItem[], invoiceId: string) {
  return entries.map((entry) =>
    tx.timeEntry
      .patch({ agencyId: entry.agencyId, entryId: entry.entryId })
      .set({ invoiceId, startedAt: entry.startedAt })
      .add({ version: 1 })
      .where((attr, op) => `${op.eq(attr.invoiceId, UNBILLED)} AND ${op.eq(attr.version, entry.version)}`)
      .commit(),
  );
}

export function releaseItems(tx: Pick<TransactionEntities, "timeEntry">, entries: TimeEntryItem[]) {
  return entries.map((entry) =>
    tx.timeEntry
      .patch({ agencyId: entry.agencyId, entryId: entry.entryId })
      .set({ invoiceId: UNBILLED, startedAt: entry.startedAt })
      .add({ version: 1 })
      .where((attr, op) => op.eq(attr.invoiceId, entry.invoiceId))
      .commit(),
  );
}
