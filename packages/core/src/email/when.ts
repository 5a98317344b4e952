import type { Locale } from "./index.ts";

/** A UTC instant as an email's reader reads it: their language, their time zone, the zone named. */
export function readableWhen(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(new Date(iso));
}
