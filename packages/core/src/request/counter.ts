import { db } from "../db/index.ts";
import { conditionalWrite } from "../db/transaction.ts";

// The request numbers' counters (requestCounter, one per client code) are the request area's;
// the client area asks here when a client's code changes.

/**
 * When a client leaves a code for another: the last number handed out under it (the client
 * carries on after it under its new code), kept on the code's counter, at least `last` (a count
 * from before the counters that only the client knew), for whoever is given the code later.
 */
export async function settleCodeCount(agencyId: string, code: string, last: number): Promise<number> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const seq = (await db.entities.requestCounter.get({ agencyId, code }).go({ consistent: true })).data?.seq ?? 0;
    if (seq >= last) return seq;
    const settled = await conditionalWrite(
      db.entities.requestCounter
        .update({ agencyId, code })
        .set({ seq: last })
        .where((attr, op) => `${op.notExists(attr.seq)} OR ${op.lt(attr.seq, last)}`)
        .go(),
    );
    if (settled) return last;
    // A submission under the code moved it past `last` meanwhile: read it again.
  }
  throw new Error(`request counter ${code} kept moving`);
}
