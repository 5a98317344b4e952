import { z } from "zod";
import { unauthenticated, useActor } from "../actor/index.ts";
import { ClientStore } from "../client/store.ts";
import { VisibleError } from "../error/index.ts";
import { pageQuery, type Page } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { Invoices } from "../invoice/index.ts";
import { loadVisible as loadVisibleQuote } from "../quote/read.ts";
import { Request } from "../request/index.ts";
import { Sop } from "../sop/index.ts";
import { Task } from "../task/index.ts";
import { clientDoc, invoiceDoc, quoteDoc, requestDoc, sopDoc, taskDoc } from "./docs.ts";
import type { SearchKind, SearchWordItem } from "./entity.ts";
import { keyWord, matches, queryWords } from "./normalise.ts";
import { wordsBeginning, type Doc } from "./store.ts";
import { catchUp } from "./sync.ts";

export * as Search from "./index.ts";
export * from "./output.ts";
export { SearchKinds, type SearchKind } from "./entity.ts";
export { fold, queryWords, wordsOf } from "./normalise.ts";

// One search over clients, requests, tasks, invoices, SOPs and quotes, by reference, title and name.
// The index (search/store.ts) only proposes: each hit is opened through its own area's rule for
// this viewer (the page they would land on) and checked against its current words, so a result
// is never something the viewer can't open, nor a stale name.
//
//   search/normalise.ts  words: case and accents folded, Devanagari as written
//   search/docs.ts       what each kind is found by
//   search/store.ts      the access patterns (ACCESS_PATTERNS.md, "Search")
//   search/sync.ts       new things indexed before each search (and the backfill)
//   search/write.ts      renames and numbers, called by the areas that make them
//   search/client-data.ts the words of a client's things, exported and erased with it

export type SearchResult = {
  kind: SearchKind;
  id: string;
  title: string;
  reference: string | null;
  client: { id: string; name: string } | null;
};

export const findSchema = pageQuery.extend({
  q: z.string({ error: "Type what to search for." }).trim().min(1, "Type what to search for.").max(100, "Search for at most 100 characters."),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** The kinds each viewer can open: a subcontractor works in requests, tasks and SOPs; a client sees their requests, invoices and quotes. */
function kindsFor(actor: ReturnType<typeof useActor>): ReadonlySet<SearchKind> {
  if (actor.type === "contact") return new Set(["request", "invoice", "quote"]);
  if (actor.type === "member" && actor.role !== "owner") return new Set(["request", "task", "sop"]);
  return new Set(["client", "request", "task", "invoice", "sop", "quote"]);
}

const hidden = (error: unknown) => error instanceof VisibleError && (error.kind === "not_found" || error.kind === "forbidden");

/** The thing as it is now, if this viewer may open it. */
async function open(agencyId: string, hit: SearchWordItem): Promise<Doc | null> {
  try {
    switch (hit.kind) {
      case "client": {
        const item = await ClientStore.load(agencyId, hit.subjectId);
        return item && !item.erasedAt ? clientDoc(item) : null;
      }
      case "request":
        return requestDoc((await Request.loadVisible(hit.subjectId)).item);
      case "task":
        return taskDoc(await Task.openable(hit.subjectId));
      case "invoice":
        return invoiceDoc(await Invoices.loadVisible(hit.subjectId));
      case "quote":
        // A contact: their company's sent quotes only (a draft is not found); quote/read.ts.
        return quoteDoc(await loadVisibleQuote(hit.subjectId));
      case "sop": {
        const [item] = await Sop.heads(agencyId, [hit.subjectId]);
        return item ? sopDoc(item) : null;
      }
    }
  } catch (error) {
    if (hidden(error)) return null;
    throw error;
  }
}

/**
 * One page of what the viewer may open whose words begin with each word typed. The index is
 * read by the longest word; a page can hold fewer results than asked for (hits the viewer can't
 * open are left out), and the cursor goes on while there may be more.
 */
export const find = fn(findSchema, async ({ q, cursor, limit }): Promise<Page<SearchResult>> => {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  const { agencyId } = actor;
  const typed = queryWords(q);
  if (!typed.length) return { items: [], cursor: null };
  await catchUp(agencyId);
  const key = keyWord(typed);
  const page = await wordsBeginning(agencyId, key, { limit, cursor });
  const kinds = kindsFor(actor);
  // A thing with several words beginning with the key is found once: by the first of them.
  const hits = page.items.filter((hit) => kinds.has(hit.kind) && matches(typed, hit.words) && !hit.words.some((word) => word.startsWith(key) && word < hit.word));
  const opened = (await Promise.all(hits.map((hit) => open(agencyId, hit)))).filter((doc): doc is Doc => doc !== null && matches(typed, doc.words));
  const clientIds = [...new Set(opened.map((doc) => doc.clientId).filter((id): id is string => Boolean(id) && id !== "none"))];
  const names = new Map((await ClientStore.loadMany(agencyId, clientIds)).map((client) => [client.clientId, client.name]));
  return {
    items: opened.map((doc) => ({
      kind: doc.kind,
      id: doc.subjectId,
      title: doc.title,
      reference: doc.reference ?? null,
      client: doc.kind !== "client" && doc.clientId && names.has(doc.clientId) ? { id: doc.clientId, name: names.get(doc.clientId)! } : null,
    })),
    cursor: page.cursor,
  };
});
