import type { SearchResult } from "@baton/ui/types";

/** Where a search result opens in the team app (the search page and the command palette). */
export function teamHref(result: Pick<SearchResult, "kind" | "id">): string {
  const base = { client: "/clients", request: "/requests", task: "/tasks", invoice: "/invoices", sop: "/sops", quote: "/quotes" }[result.kind];
  return `${base}/${encodeURIComponent(result.id)}`;
}
