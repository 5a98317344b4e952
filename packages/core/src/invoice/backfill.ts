import { db } from "../db/index.ts";
import { owingState } from "./owing.ts";
import { conditionalWrite } from "../db/transaction.ts";

// The reminder job reads invoices that owe money from openInvoices (gsi2) one shard at a time
// (owing.ts). An invoice that owed before the shards has no `shard` and sits under the old
// unsharded key, where no shard's query finds it, so it would never be reminded. This reads the
// agency's open invoices (sent and partly paid: only those can owe) with its own status query
// (invoicesByStatus, a Query of its partition, never a Scan) and writes each one owing without a
// shard its owing state again, which gives it the shard and the sharded key; conditional on its
// version being the one read (an invoice paid or voided meanwhile keeps what that change wrote).
// Run it again: nothing changes.

export async function backfillInvoiceShards(agencyId: string): Promise<{ invoices: number }> {
  let count = 0;
  for (const status of ["sent", "partially_paid"] as const) {
    const open = await db.entities.invoice.query.invoicesByStatus({ agencyId, status }).go({ pages: "all" });
    for (const invoice of open.data) {
      if (invoice.shard || invoice.owing !== "yes") continue;
      const written = await conditionalWrite(
        db.entities.invoice
          .patch({ agencyId, invoiceId: invoice.invoiceId })
          .set(owingState(invoice.invoiceId, invoice.owingSince))
          .where((attr, op) => `${op.eq(attr.version, invoice.version)} AND ${op.notExists(attr.shard)}`)
          .go(),
      );
      if (written) count++;
    }
  }
  return { invoices: count };
}
