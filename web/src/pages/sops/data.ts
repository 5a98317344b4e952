import { api } from "@baton/ui/api";
import type { SopSummary } from "@baton/ui/types";
import { createAsync, query } from "@solidjs/router";

// "sop.detail", "sop.history" and "sop.old" are nobody's prefix; "sops." are the lists.
export const getSops = query((q: string, category: string) => api.sops.list({ q: q || undefined, category: category || undefined }), "sops.list");
export const getSop = query((id: string) => api.sops.get(id), "sop.detail");
export const getSopVersions = query((id: string) => api.sops.versions(id), "sop.history");
export const getSopVersion = query((id: string, number: number) => api.sops.version(id, number), "sop.old");

/** The whole library (titles only), for the SOP picker and the category filter. */
export const getAllSops = query(async (): Promise<SopSummary[]> => {
  const all: SopSummary[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const result = await api.sops.list({ limit: 100, cursor });
    all.push(...result.items);
    if (!result.cursor) break;
    cursor = result.cursor;
  }
  return all.sort((a, b) => a.title.localeCompare(b.title));
}, "sops.all");

export const categoriesOf = (sops: SopSummary[]) => [...new Set(sops.map((sop) => sop.category))].sort((a, b) => a.localeCompare(b));

export const sopKeys = ["sops.", "sop."];

/** Categories already in use, as suggestions; read where a Suspense boundary can wait for them. */
export function useCategories() {
  const all = createAsync(() => getAllSops());
  return () => categoriesOf(all() ?? []);
}
