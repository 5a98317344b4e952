import { onCleanup, onMount } from "solid-js";
import { api } from "./api";
import { markRead } from "./Unread";

// An open conversation keeps itself up to date: every few seconds while the page is visible it
// asks "anything new since X?" (one read of the request on the server) and reloads only when the
// answer is yes. What is shown counts as read.

const EVERY_MS = 4_000;

export function useLiveRequest(requestId: () => string, onChange: () => Promise<unknown> | void) {
  let stamp: string | undefined;
  let lastId: string | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let busy = false;

  async function poll() {
    if (busy || document.visibilityState !== "visible") return;
    busy = true;
    try {
      const id = requestId();
      if (id !== lastId) {
        stamp = undefined;
        lastId = id;
      }
      const answer = await api.requests.activity(id, stamp);
      const first = stamp === undefined;
      stamp = answer.stamp;
      if (answer.changed) await onChange();
      if (answer.changed || first) await markRead(id);
    } catch {
      // Offline for a moment, or signed out: the next tick tries again.
    } finally {
      busy = false;
    }
  }

  const onVisible = () => document.visibilityState === "visible" && void poll();
  onMount(() => {
    void poll();
    timer = setInterval(() => void poll(), EVERY_MS);
    document.addEventListener("visibilitychange", onVisible);
  });
  onCleanup(() => {
    if (timer) clearInterval(timer);
    document.removeEventListener("visibilitychange", onVisible);
  });
  /** After the viewer changed something themselves: take the new stamp without reloading twice. */
  return { poll };
}
