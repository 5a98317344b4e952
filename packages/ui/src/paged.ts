import { createSignal, type Accessor } from "solid-js";
import type { Page } from "./types";

/** Messages per page of a request's thread. Here, not in Thread.tsx, so a route's data loader can
 * use it without pulling the thread (and its Markdown renderer) into the app's first load. */
export const THREAD_PAGE = 100;

type Extra<T> = { base: Page<T>; items: T[]; cursor: string | null; patches: Record<string, T>; added: T[] };

/**
 * A cursor-paged list: the first page comes from a (preloaded, cached) query, "Load more"
 * appends pages. Everything appended or patched belongs to the first page it grew from, so
 * when the first page is refetched (revalidated) the list starts over cleanly.
 */
export function createPaged<T extends { id: string }>(
  first: Accessor<Page<T> | undefined>,
  fetchMore: (cursor: string) => Promise<Page<T>>,
) {
  const [extra, setExtra] = createSignal<Extra<T>>();
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [moreError, setMoreError] = createSignal<unknown>();

  const current = (): Extra<T> | undefined => {
    const base = first();
    if (!base) return undefined;
    const e = extra();
    return e && e.base === base ? e : { base, items: [], cursor: base.cursor, patches: {}, added: [] };
  };

  const items = (): T[] => {
    const c = current();
    if (!c) return [];
    const added = new Set(c.added.map((item) => item.id));
    const loaded = [...c.base.items, ...c.items].filter((item) => !added.has(item.id));
    return [...c.added, ...loaded].map((item) => c.patches[item.id] ?? item);
  };

  const hasMore = () => !!current()?.cursor;

  async function loadMore() {
    const c = current();
    if (!c?.cursor || loadingMore()) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await fetchMore(c.cursor);
      const now = current();
      if (now?.base !== c.base) return; // the list was reloaded meanwhile
      setExtra({ ...now, items: [...now.items, ...page.items], cursor: page.cursor });
    } catch (e) {
      setMoreError(e);
    } finally {
      setLoadingMore(false);
    }
  }

  /** Shows `item` in place of the one with its id (after an edit), without refetching. */
  function replace(item: T) {
    const c = current();
    if (c) setExtra({ ...c, patches: { ...c.patches, [item.id]: item } });
  }

  /** Shows a just-created item at the top, wherever the server will sort it later. */
  function add(item: T) {
    const c = current();
    if (c) setExtra({ ...c, added: [item, ...c.added.filter((a) => a.id !== item.id)] });
  }

  return { items, hasMore, loadMore, loadingMore, moreError, replace, add };
}
