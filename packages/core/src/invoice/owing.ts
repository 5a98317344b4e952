import { db } from "../db/index.ts";
import { acrossShards, shardOf } from "../db/shard.ts";
import type { InvoiceItem } from "./entity.ts";

// Whether an invoice owes money is its place in openInvoices (gsi2), the reminder job's index
// across agencies. Its key is spread over 8 shards by the invoice id (db/shard.ts) instead of one
// `owing = yes` partition for every tenant. `owing` moves (yes when sent, no when paid or void), and
// ElectroDB writes the index key in an update only from the attributes the update carries, so
// every update that moves it writes these three together: the shard, from the id, with them.

/** The attributes that put an invoice in openInvoices (owing since `since`, its due date) or take it out (null). */
export function owingState(invoiceId: string, since: string | null) {
  const shard = shardOf(invoiceId);
  return since === null ? { owing: "no" as const, owingSince: "-", shard } : { owing: "yes" as const, owingSince: since, shard };
}

/** Every agency's invoices owing money since before `cutoff`, as the one-partition query listed them: by due date, agency, id (every shard at once). */
export async function owingBefore(cutoff: string): Promise<InvoiceItem[]> {
  return acrossShards(async (shard) => (await db.entities.invoice.query.openInvoices({ owing: "yes", shard }).lt({ owingSince: cutoff }).go({ pages: "all" })).data, inIndexOrder);
}

const inIndexOrder = (a: InvoiceItem, b: InvoiceItem) => compare(a.owingSince, b.owingSince) || compare(a.agencyId, b.agencyId) || compare(a.invoiceId, b.invoiceId);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
