import { ApiError } from "@baton/ui/api";
import { addDays } from "@baton/kernel/dates";
import { t } from "@baton/ui/i18n";

// Durations are written by the one formatter (packages/kernel/src/duration.ts, via @baton/ui/time).
export { formatElapsed, formatMinutes } from "@baton/ui/time";

const pad = (n: number) => String(n).padStart(2, "0");

/** "90" or "1:30" (also "1h30") as minutes; undefined otherwise. */
export function parseMinutes(text: string): number | undefined {
  const value = text.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const m = /^(\d+)\s*(?::|h)\s*(\d{1,2})?\s*(?:m|min)?$/i.exec(value);
  if (!m) return undefined;
  const minutes = Number(m[2] ?? 0);
  return minutes < 60 ? Number(m[1]) * 60 + minutes : undefined;
}

/** The value shown for `minutes` in the duration field: "1:30", "45". */
export const minutesInput = (minutes: number) => (minutes >= 60 ? `${Math.floor(minutes / 60)}:${pad(minutes % 60)}` : String(minutes));

/** A check done here, shown on its field like the API's own. */
export const fieldError = (name: string, message: string) => new ApiError(400, "validation_failed", message, { [name]: message });

/** YYYY-MM-DD `days` after `date`. */
export const shiftDate = addDays;
