import { deleteAll } from "../client-data/batch.ts";
import { all, type ClientDataPart, type Scope } from "../client-data/part.ts";
import { db } from "../db/index.ts";

/** Every quote of the client, drafts too (`quotesOfClient`). */
const quotesOf = async ({ agencyId, clientId }: Scope) => (await db.entities.quote.query.quotesOfClient({ agencyId, clientId }).go(all)).data;

/** An accepted quote is kept: the client's signed acceptance is what its deposit invoice and work stand on. */
const kept = (quote: { status: string }) => quote.status === "accepted";

export const quotesPart: ClientDataPart = {
  name: "quotes",
  export: quotesOf,
  erase: async (scope) => {
    const quotes = await quotesOf(scope);
    const gone = quotes.filter((quote) => !kept(quote));
    return { deleted: await deleteAll(db.entities.quote, gone.map(({ agencyId, quoteId }) => ({ agencyId, quoteId }))), kept: quotes.length - gone.length };
  },
};
