import { db } from "../db/index.ts";
import { SearchKinds, type SearchKind, type SearchWordItem } from "./entity.ts";
import { conditionalWrite } from "../db/transaction.ts";

// The search area's table (ACCESS_PATTERNS.md, "Search"): the words of each thing, the agency's
// words in order, and how far each kind is indexed.

export * as SearchStore from "./store.ts";

export type Doc = { kind: SearchKind; subjectId: string; title: string; reference?: string | null | undefined; clientId?: string | null | undefined; words: string[] };

/** The agency's words that begin with `prefix` (`searchByWord`), one page. */
export async function wordsBeginning(agencyId: string, prefix: string, page: { limit: number; cursor?: string | undefined }) {
  const result = await db.entities.searchWord.query
    .searchByWord({ agencyId })
    .begins({ word: prefix })
    .go({ limit: page.limit, cursor: page.cursor ?? null });
  return { items: result.data, cursor: result.cursor ?? null };
}

/** The words written for one thing (`wordsOfSubject`). */
async function wordsOfSubject(agencyId: string, subjectId: string): Promise<SearchWordItem[]> {
  return (await db.entities.searchWord.query.wordsOfSubject({ agencyId, subjectId }).go({ pages: "all" })).data;
}

/** Writes a thing's words (one item per word, each carrying what a result shows) and deletes the words it no longer has. */
export async function write(agencyId: string, doc: Doc): Promise<void> {
  const now = new Date().toISOString();
  const before = await wordsOfSubject(agencyId, doc.subjectId);
  const stale = before.filter((item) => !doc.words.includes(item.word));
  const items = doc.words.map((word) => ({
    agencyId,
    subjectId: doc.subjectId,
    word,
    kind: doc.kind,
    title: doc.title,
    ...(doc.reference ? { reference: doc.reference } : {}),
    clientId: doc.clientId ?? "none",
    words: doc.words,
    indexedAt: now,
  }));
  if (items.length) await db.entities.searchWord.put(items).go();
  if (stale.length) await db.entities.searchWord.delete(stale.map(({ subjectId, word }) => ({ agencyId, subjectId, word }))).go();
}

/** Every word of a client's things (`wordsOfClient`): the client-data export and erase. */
export async function wordsOfClient(agencyId: string, clientId: string): Promise<SearchWordItem[]> {
  return (await db.entities.searchWord.query.wordsOfClient({ agencyId, clientId }).go({ pages: "all" })).data;
}

/** Deletes words by their keys. */
export async function remove(items: ReadonlyArray<Pick<SearchWordItem, "agencyId" | "subjectId" | "word">>): Promise<number> {
  if (!items.length) return 0;
  await db.entities.searchWord.delete(items.map(({ agencyId, subjectId, word }) => ({ agencyId, subjectId, word }))).go();
  return items.length;
}

export type Mark = { lastId: string; recent: ReadonlySet<string> };

/** How far each kind is indexed (`marksOfAgency`): the last id read, and the recent ids indexed, by kind. */
export async function marks(agencyId: string): Promise<Map<SearchKind, Mark>> {
  const { data } = await db.entities.searchMark.query.marksOfAgency({ agencyId }).go({ pages: "all" });
  return new Map(data.filter((mark) => SearchKinds.includes(mark.kind)).map((mark) => [mark.kind, { lastId: mark.lastId, recent: new Set(mark.recent ?? []) }]));
}

/** Moves a kind's mark forward (never back: a slower reader writing an older id loses). */
export async function advance(agencyId: string, kind: SearchKind, lastId: string, recent: readonly string[]): Promise<void> {
  await conditionalWrite(
    db.entities.searchMark
      .upsert({ agencyId, kind, lastId, recent: [...recent], updatedAt: new Date().toISOString() })
      .where((attr, op) => `${op.notExists(attr.lastId)} OR ${op.lte(attr.lastId, lastId)}`)
      .go(),
  );
}
