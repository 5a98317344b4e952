import { api } from "@baton/ui/api";
import type { Me } from "@baton/ui/types";
import { rank } from "./match";

// Where the command palette finds clients, requests and tasks. This is its only data source:
// when the search API arrives, `findRecords` asks it instead and nothing else changes.

export type RecordKind = "client" | "request" | "task";
export type PaletteRecord = { kind: RecordKind; id: string; title: string; reference?: string; detail?: string; href: string };

const PER_KIND = 6;
/** Lists are read once per this long, not on every key typed. */
const FRESH_MS = 30_000;

let cached: { at: number; viewer: string; records: Promise<PaletteRecord[]> } | undefined;

/** The records answering `query`, at most a few of each kind, best first. */
export async function findRecords(query: string, me: Pick<Me, "id" | "role" | "reviewer">): Promise<PaletteRecord[]> {
  const all = await loadRecords(me);
  const kinds: RecordKind[] = ["client", "request", "task"];
  return kinds.flatMap((kind) => rank(query, all.filter((record) => record.kind === kind), PER_KIND));
}

/** Forget what was read, e.g. after signing out or when the palette closes with stale lists. */
export function forgetRecords() {
  cached = undefined;
}

function loadRecords(me: Pick<Me, "id" | "role" | "reviewer">): Promise<PaletteRecord[]> {
  const viewer = `${me.id}:${me.role}`;
  if (cached && cached.viewer === viewer && Date.now() - cached.at < FRESH_MS) return cached.records;
  const records = readLists(me);
  cached = { at: Date.now(), viewer, records };
  // A failed read isn't kept: the next key typed tries again.
  records.catch(() => {
    if (cached?.records === records) cached = undefined;
  });
  return records;
}

/** The lists this person may read today: the owner's clients, requests and board; a member's own work. */
async function readLists(me: Pick<Me, "role" | "reviewer">): Promise<PaletteRecord[]> {
  const reads: Promise<PaletteRecord[]>[] = [];
  if (me.role === "owner") {
    const clients = api.clients.list({ limit: 100 });
    reads.push(clients.then((page) => page.items.map((c) => ({ kind: "client" as const, id: c.id, title: c.name, reference: c.code, href: `/clients/${encodeURIComponent(c.id)}` }))));
    reads.push(
      Promise.all([api.requests.list({ status: "all", limit: 100 }), clients.catch(() => ({ items: [] }))]).then(([page, names]) => {
        const nameOf = new Map(names.items.map((c) => [c.id, c.name]));
        return page.items.map((r) => ({
          kind: "request" as const,
          id: r.id,
          title: r.title,
          reference: r.reference,
          detail: nameOf.get(r.clientId),
          href: `/requests/${encodeURIComponent(r.id)}`,
        }));
      }),
    );
    reads.push(api.tasks.board().then((board) => tasks(Object.values(board.columns).flat())));
  } else {
    reads.push(api.tasks.mine().then((page) => tasks(page.items)));
    if (me.reviewer) reads.push(api.tasks.qa().then((page) => tasks(page.items)));
  }
  const settled = await Promise.allSettled(reads);
  const found = settled.flatMap((result) => (result.status === "fulfilled" ? result.value : []));
  // Some lists failing leaves the rest useful; all of them failing is an error the palette shows.
  if (found.length === 0) {
    const failed = settled.find((result): result is PromiseRejectedResult => result.status === "rejected");
    if (failed) throw failed.reason;
  }
  return dedupe(found);
}

type TaskLike = { id: string; title: string; reference: string; client: { name: string } };
const tasks = (items: TaskLike[]): PaletteRecord[] =>
  items.map((task) => ({ kind: "task", id: task.id, title: task.title, reference: task.reference, detail: task.client.name, href: `/tasks/${encodeURIComponent(task.id)}` }));

/** A task can be both mine and in the QA queue. */
function dedupe(records: PaletteRecord[]): PaletteRecord[] {
  const seen = new Set<string>();
  return records.filter((record) => {
    const key = `${record.kind}:${record.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
