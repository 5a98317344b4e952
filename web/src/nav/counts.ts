import { formatNumber, t, type MessageKey } from "@baton/ui/i18n";
import { useSession } from "@baton/ui/session";
import type { Page } from "@baton/ui/types";
import { createAsync, revalidate } from "@solidjs/router";
import { onCleanup, onMount } from "solid-js";
import { getRequests } from "../pages/requests/data";
import { getQaQueue } from "../pages/tasks/data";

// The numbers beside menu entries. Each is a first page of a list the app already loads (the
// requests inbox, the QA queue), so the menu, the home page and the list share one answer and
// refresh together. A new count is one line in `useNavCounts`: `id: count("kind", accessor)`.

export type NavCount = {
  value: number;
  /** What the badge shows: "3", or "25+" when the list has more than its first page. */
  shown: string;
  /** What a screen reader hears after the entry's name, e.g. "3 requests to triage". */
  spoken: string;
};

type Kind = "triage" | "review" | "unread";
const spokenKey: Record<Kind, MessageKey> = { triage: "nav.count.triage", review: "nav.count.review", unread: "nav.count.unread" };

/** A count for a badge; nothing while unknown or zero, so an empty queue shows no badge. */
export function count(kind: Kind, value: number | undefined, more = false): NavCount | undefined {
  if (!value) return undefined;
  const shown = formatNumber(value) + (more ? "+" : "");
  return { value, shown, spoken: t(spokenKey[kind], { count: value, n: shown }) };
}

/** A list's first page as a count; a list that failed to load just shows no badge. */
const sizeOf = (page: Promise<Page<unknown> | { items: unknown[]; cursor?: string | null }>) =>
  page.then((p) => ({ value: p.items.length, more: "cursor" in p && !!p.cursor })).catch(() => undefined);

const REFRESH_MS = 2 * 60_000;

/** Counts by destination id (see destinations.ts); only the lists this person may read are fetched. */
export function useNavCounts(): () => Partial<Record<string, NavCount>> {
  const { me } = useSession();
  const isOwner = () => me().role === "owner";
  const triage = createAsync(async () => (isOwner() ? sizeOf(getRequests("submitted", "")) : undefined));
  const review = createAsync(async () => (isOwner() || me().reviewer ? sizeOf(getQaQueue()) : undefined));
  refreshWhileOpen(() => [getRequests.keyFor("submitted", ""), getQaQueue.key]);
  return () => ({
    inbox: count("triage", triage()?.value, triage()?.more),
    qa: count("review", review()?.value, review()?.more),
    // unread: count("unread", …) on the entry the unread messages belong to.
  });
}

/** Work arrives while the app sits open: refresh when the tab comes back and every few minutes. */
function refreshWhileOpen(keys: () => string[]) {
  onMount(() => {
    const refresh = () => {
      if (document.visibilityState === "visible") void revalidate(keys());
    };
    const timer = setInterval(refresh, REFRESH_MS);
    document.addEventListener("visibilitychange", refresh);
    onCleanup(() => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
    });
  });
}
