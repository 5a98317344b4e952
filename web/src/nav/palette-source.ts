import { api } from "@baton/ui/api";
import type { Me, SearchResult } from "@baton/ui/types";
import { teamHref } from "../pages/search/href";

// Where the command palette finds clients, requests, tasks, invoices and SOPs: the search API
// (issue 22), which answers only what this viewer may open. Its first page is enough for a
// palette; "All results" opens the search page for the rest.

export type RecordKind = SearchResult["kind"];
export type PaletteRecord = { kind: RecordKind; id: string; title: string; reference?: string; detail?: string; href: string };

const PER_KIND = 6;
const PAGE = 30;

/** The records answering `query`, at most a few of each kind, in the order the API found them. */
export async function findRecords(query: string, _me?: Pick<Me, "id" | "role" | "reviewer">): Promise<PaletteRecord[]> {
  const page = await api.search({ q: query.trim().slice(0, 100), limit: PAGE });
  const perKind = new Map<RecordKind, number>();
  return page.items.flatMap((result) => {
    const count = perKind.get(result.kind) ?? 0;
    if (count >= PER_KIND) return [];
    perKind.set(result.kind, count + 1);
    return [recordOf(result)];
  });
}

function recordOf(result: SearchResult): PaletteRecord {
  const invoice = result.kind === "invoice";
  return {
    kind: result.kind,
    id: result.id,
    // An invoice is known by its number; its first line says what it was for.
    title: invoice ? (result.reference ?? result.title) : result.title,
    ...(result.reference && !invoice ? { reference: result.reference } : {}),
    ...(result.client ? { detail: result.client.name } : invoice && result.title ? { detail: result.title } : {}),
    href: teamHref(result),
  };
}
