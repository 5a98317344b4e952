import { db } from "../db/index.ts";
import { conditionalWrite } from "../db/transaction.ts";

// The expiry job reads sent quotes from the sparse quotesAwaiting index (gsi2), which holds a
// quote only while `awaiting` is "yes". Quotes sent before that attribute existed carry neither
// it nor gsi2's keys, so they would never expire. This gives each of an agency's sent quotes
// without it `awaiting: "yes"` and its index keys, once: read with the agency's quote query
// (quoteById, a Query on the agency's partition, never a Scan), written conditional on the quote
// still being sent (one answered or expired meanwhile is left alone). Run it again: nothing changes.

export async function backfillQuotesAwaiting(agencyId: string): Promise<{ quotes: number }> {
  const quotes = await db.entities.quote.query.quoteById({ agencyId }).go({ pages: "all" });
  let count = 0;
  for (const item of quotes.data) {
    if (item.status !== "sent" || item.awaiting === "yes") continue;
    const written = await conditionalWrite(
      db.entities.quote
        .patch({ agencyId, quoteId: item.quoteId })
        // validUntil goes with it: the index's sort key is made from both.
        .set({ awaiting: "yes", validUntil: item.validUntil })
        .where((attr, op) => op.eq(attr.status, "sent"))
        .go(),
    );
    if (written) count++;
  }
  return { quotes: count };
}
