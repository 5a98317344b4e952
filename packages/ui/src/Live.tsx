import { onCleanup, onMount } from "solid-js";
import { api } from "./api";
import { markRead } from "./Unread";

// An open conversation keeps itself up to date: every few seconds while the page is visible it
// asks "anything new since X?" (one read of the request on the server) and reloads only when the
// answer is yes. What is shown counts as read.

const EVERY_MS = 4_000;

/**
 * `seed`: the stamp the page's data was read with (a thread's first page carries it), so anything
 * that happened between that read and the first poll is not missed.
 */
export function useLiveRequest(requestId: () => string, onChange: () => Promise<unknown> | void, seed?: () => string | undefined) {
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
      const first = stamp === undefined;
      if (first && seed) {
        stamp = seed();
        // The page's data isn't here yet: ask once it is.
        if (stamp === undefined) return;
      }
      const answer = await api.requests.activity(id, stamp);
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
