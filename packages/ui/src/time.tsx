import { createSignal, onCleanup, type Accessor } from "solid-js";

/** The current time, refreshed every `everyMs` (default 30 s) while the caller is mounted. */
export function useNow(everyMs = 30_000): Accessor<Date> {
  const [now, setNow] = createSignal(new Date());
  const timer = setInterval(() => setNow(new Date()), everyMs);
  onCleanup(() => clearInterval(timer));
  return now;
}
