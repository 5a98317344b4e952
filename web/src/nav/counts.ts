import { api } from "@baton/ui/api";
import { formatNumber, t, type MessageKey } from "@baton/ui/i18n";
import { useSession } from "@baton/ui/session";
import { useUnread } from "@baton/ui/Unread";
import type { Page } from "@baton/ui/types";
import { createAsync, query, revalidate, useLocation } from "@solidjs/router";
import { createEffect, on, onCleanup, onMount } from "solid-js";

// The numbers beside menu entries: the first page of the requests inbox and of the QA queue, and
// the requests with something unread.
// They are queries of their own, not the pages' (a query the menu keeps open would never be
// re-read when its page opens), named under the pages' keys so that whatever refreshes a list
// ("requests.list", "tasks.qa": lib/work.ts) refreshes its count too. A new count is one line in
// `useNavCounts`: `id: count("kind", accessor)`.

const getTriageCount = query(() => api.requests.list({ status: "submitted" }), "requests.list.count");
const getReviewCount = query(() => api.tasks.qa(), "tasks.qa.count");
// Weeks of time waiting for approval, under the approvals page's key (time.waiting) so approving refreshes it.
const getApprovalCount = query(() => api.time.waiting().then((waiting) => waiting.weeks.length), "time.waiting.count");

export type NavCount = {
  value: number;
  /** What the badge shows: "3", or "25+" when the list has more than its first page. */
  shown: string;
  /** What a screen reader hears after the entry's name, e.g. "3 requests to triage". */
  spoken: string;
};

type Kind = "triage" | "review" | "unread" | "approval";
const spokenKey: Record<Kind, MessageKey> = { triage: "nav.count.triage", review: "nav.count.review", unread: "nav.count.unread", approval: "nav.count.approval" };

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
/** Moving to another page re-reads counts older than this. */
const STALE_MS = 30_000;

/** Counts by destination id (see destinations.ts); only the lists this person may read are fetched. */
export function useNavCounts(): () => Partial<Record<string, NavCount>> {
  const { me } = useSession();
  const isOwner = () => me().role === "owner";
  const triage = createAsync(async () => (isOwner() ? sizeOf(getTriageCount()) : undefined));
  const review = createAsync(async () => (isOwner() || me().reviewer ? sizeOf(getReviewCount()) : undefined));
  const approval = createAsync(async () => (isOwner() || me().reviewer ? getApprovalCount().catch(() => undefined) : undefined));
  // Requests with unread messages or changes (its own poll, @baton/ui/Unread): on all requests
  // for the owner, on their own work for a subcontractor.
  const unread = useUnread();
  refreshWhileOpen([getTriageCount.key, getReviewCount.key, getApprovalCount.key]);
  return () => ({
    inbox: count("triage", triage()?.value, triage()?.more),
    qa: count("review", review()?.value, review()?.more),
    approvals: count("approval", approval()),
    [isOwner() ? "requests" : "work"]: count("unread", unread.total()),
  });
}

/** Work arrives while the app sits open: refresh on the way to another page, when the tab comes back, and every few minutes. */
function refreshWhileOpen(keys: string[]) {
  let readAt = Date.now();
  const refresh = () => {
    readAt = Date.now();
    void revalidate(keys);
  };
  const location = useLocation();
  createEffect(on(() => location.pathname, () => Date.now() - readAt > STALE_MS && refresh(), { defer: true }));
  onMount(() => {
    const onVisible = () => document.visibilityState === "visible" && refresh();
    const timer = setInterval(onVisible, REFRESH_MS);
    document.addEventListener("visibilitychange", onVisible);
    onCleanup(() => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    });
  });
}
