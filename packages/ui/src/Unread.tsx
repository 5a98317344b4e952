import { createRoot, createSignal } from "solid-js";
import { api } from "./api";
import type { Unread } from "./types";

// What the signed-in person has not read, for the navigation's count and the lists' marks: one
// cheap call, repeated every half minute while the page is visible, and at once after a request
// was opened (which marks it read).

const EVERY_MS = 30_000;

const store = createRoot(() => {
  const [items, setItems] = createSignal<Unread[]>([]);
  let timer: ReturnType<typeof setInterval> | undefined;
  let started = false;

  async function refresh() {
    try {
      setItems((await api.inbox.mine()).items);
    } catch {
      // Signed out or offline: keep what was shown; the next tick tries again.
    }
  }

  function start() {
    if (started) return;
    started = true;
    void refresh();
    timer = setInterval(() => document.visibilityState === "visible" && void refresh(), EVERY_MS);
    document.addEventListener("visibilitychange", () => document.visibilityState === "visible" && void refresh());
  }

  return { items, refresh, start, stop: () => timer && clearInterval(timer) };
});

/** The unread requests (started on first use), and whether one request has anything unread. */
export function useUnread() {
  store.start();
  return {
    items: store.items,
    total: () => store.items().length,
    has: (requestId: string) => store.items().some((item) => item.requestId === requestId),
    refresh: store.refresh,
  };
}

/** Marks a request read and updates the counts. */
export async function markRead(requestId: string) {
  try {
    await api.requests.read(requestId);
  } finally {
    await store.refresh();
  }
}

/** A small dot beside a list row that has something unread. */
export function UnreadDot(props: { label: string }) {
  return <span class="unread-dot" role="img" aria-label={props.label} title={props.label} data-testid="unread-dot" />;
}
