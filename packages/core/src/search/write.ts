import type { ClientItem } from "../client/entity.ts";
import type { InvoiceItem } from "../invoice/entity.ts";
import type { QuoteItem } from "../quote/entity.ts";
import type { SopItem } from "../sop/entity.ts";
import { clientDoc, invoiceDoc, quoteDoc, sopDoc } from "./docs.ts";
import { Log } from "../log/index.ts";
import { write } from "./store.ts";

// What the areas call when a thing is renamed or numbered (new things are picked up by
// search/sync.ts on the next search). A failure here must not undo the change the caller has
// committed: it is logged, and the thing is found under its old words until it is written again.

export * as SearchIndex from "./write.ts";

async function quietly(what: string, job: () => Promise<void>) {
  try {
    await job();
  } catch (error) {
    Log.error("search: index not updated", error, { subjectId: what });
  }
}

export const client = (item: ClientItem) => quietly(item.clientId, () => write(item.agencyId, clientDoc(item)));
export const sop = (item: SopItem) => quietly(item.sopId, () => write(item.agencyId, sopDoc(item)));
export const invoice = (item: InvoiceItem) => quietly(item.invoiceId, () => write(item.agencyId, invoiceDoc(item)));
export const quote = (item: QuoteItem) => quietly(item.quoteId, () => write(item.agencyId, quoteDoc(item)));
