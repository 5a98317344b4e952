import { createSignal, onCleanup, type Accessor } from "solid-js";

/** The current time, refreshed every `everyMs` (default 30 s) while the caller is mounted. */
export function useNow(everyMs = 30_000): Accessor<Date> {
  const [now, setNow] = createSignal(new Date());
  const timer = setInterval(() => setNow(new Date()), everyMs);
  onCleanup(() => clearInterval(timer));
  return now;
}

import { formatDuration } from "@baton/kernel/duration";
import { locale } from "./i18n";
export { formatElapsed } from "@baton/kernel/duration";

/** An amount of time in the app's language: "1 h 30 min" (the kernel's one duration format). */
export const formatMinutes = (minutes: number): string => formatDuration(minutes, locale());
/** Hours (capacity, estimates) in the same format: 2.5 → "2 h 30 min". */
export const formatHoursAsDuration = (hours: number): string => formatDuration(hours * 60, locale());
