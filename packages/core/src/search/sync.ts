import { ClientStore } from "../client/store.ts";
import { createdAfter as invoicesAfter } from "../invoice/read.ts";
import { createdAfter as quotesAfter } from "../quote/read.ts";
import { RequestStore } from "../request/store.ts";
import { SopStore } from "../sop/store.ts";
import { TaskStore } from "../task/store.ts";
import { clientDoc, invoiceDoc, quoteDoc, requestDoc, sopDoc, taskDoc } from "./docs.ts";
import type { SearchKind } from "./entity.ts";
import { advance, marks, write, type Doc, type Mark } from "./store.ts";

// New things reach the index here, before each search: every kind's ids sort by creation, so
// what is new is a key range after the kind's mark (a Query, never a Scan). The same read is the
// backfill: an agency indexed never before starts at its first id, a page per search.
//
// Ids are made before their transaction commits, so one made a moment earlier can commit after
// a later one was read: the last OVERLAP_MS of ids are read again until they are that old.

const OVERLAP_MS = 2 * 60_000;
const PAGE = 200;

const readers: Record<SearchKind, (agencyId: string, afterId: string, limit: number) => Promise<Array<{ id: string; doc: Doc }>>> = {
  client: async (a, after, n) => (await ClientStore.createdAfter(a, after, n)).map((item) => ({ id: item.clientId, doc: clientDoc(item) })),
  request: async (a, after, n) => (await RequestStore.createdAfter(a, after, n)).map((item) => ({ id: item.requestId, doc: requestDoc(item) })),
  task: async (a, after, n) => (await TaskStore.createdAfter(a, after, n)).map((item) => ({ id: item.taskId, doc: taskDoc(item) })),
  invoice: async (a, after, n) => (await invoicesAfter(a, after, n)).map((item) => ({ id: item.invoiceId, doc: invoiceDoc(item) })),
  sop: async (a, after, n) => (await SopStore.createdAfter(a, after, n)).map((item) => ({ id: item.sopId, doc: sopDoc(item) })),
  quote: async (a, after, n) => (await quotesAfter(a, after, n)).map((item) => ({ id: item.quoteId, doc: quoteDoc(item) })),
};

const CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";

/** The smallest id of a kind made at `ms` (ULID: ten characters of time, then randomness). */
export function firstIdAt(prefix: string, ms: number): string {
  let time = "";
  let rest = Math.max(0, Math.floor(ms));
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[rest % 32] + time;
    rest = Math.floor(rest / 32);
  }
  return `${prefix}_${time}${"0".repeat(16)}`;
}

/** Where to read from: after the mark, or earlier while the mark is within the overlap. */
export function readFrom(mark: string | undefined, now: number): string {
  if (!mark) return "";
  const floor = firstIdAt(mark.slice(0, 3), now - OVERLAP_MS);
  return mark < floor ? mark : floor;
}

/** Indexes what was made since the last search, every kind at once; what the overlap reads again is written once. */
export async function catchUp(agencyId: string): Promise<void> {
  const known = await marks(agencyId);
  const now = Date.now();
  await Promise.all((Object.keys(readers) as SearchKind[]).map((kind) => catchUpKind(agencyId, kind, known.get(kind), now)));
}

async function catchUpKind(agencyId: string, kind: SearchKind, mark: Mark | undefined, now: number) {
  const found = await readers[kind](agencyId, readFrom(mark?.lastId, now), PAGE);
  const fresh = found.filter(({ id }) => !(mark && id <= mark.lastId && mark.recent.has(id)));
  for (const { doc } of fresh) await write(agencyId, doc);
  if (!fresh.length) return;
  const last = found.at(-1)!.id;
  const floor = firstIdAt(last.slice(0, 3), now - OVERLAP_MS);
  const recent = found.map(({ id }) => id).filter((id) => id >= floor);
  await advance(agencyId, kind, mark && mark.lastId > last ? mark.lastId : last, recent);
}
