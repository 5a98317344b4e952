// A small RFC 5545 (iCalendar) writer: just what a read-only deadline feed needs. Pure: no I/O.
// Lines end in CRLF and are folded at 75 octets (never inside a UTF-8 sequence); TEXT values
// escape backslashes, semicolons, commas and newlines (RFC 5545 §3.1, §3.3.11).

import { isRealDate } from "@baton/kernel/dates";

/** A timed event's instant (UTC ISO), or an all-day event's calendar date ("2026-12-31"). */
export type IcsTime = { at: string } | { date: string };

export type IcsEvent = {
  uid: string;
  /** When the event's information last changed (UTC ISO); becomes DTSTAMP and LAST-MODIFIED. */
  stamp: string;
  start: IcsTime;
  end: IcsTime;
  summary: string;
  description?: string;
  url?: string;
  /** 1 (highest) to 9; left out when unset. */
  priority?: number;
  categories?: string[];
};

export type IcsCalendar = {
  /** The product identifier, e.g. "-//Baton//Deadlines//EN". */
  prodId: string;
  name: string;
  description?: string;
  /** How often subscribers should fetch it again, as an ISO 8601 duration (e.g. "PT1H"). */
  refresh?: string;
  events: IcsEvent[];
};

const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** Escapes a TEXT value. Control characters other than newlines and tabs are dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
}

/** Splits a content line into lines of at most 75 octets; continuation lines start with a space. */
export function fold(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n");
}

/** "2026-12-01T10:00:00.000Z" → "20261201T100000Z" (UTC, basic format, whole seconds). */
export function utcStamp(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`Not an instant: ${iso}`);
  return at.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

/** "2026-12-31" → "20261231". */
export function dateValue(date: string): string {
  if (!isRealDate(date)) throw new Error(`Not a date: ${date}`);
  return date.replace(/-/g, "");
}

function time(name: "DTSTART" | "DTEND", value: IcsTime): string {
  return "at" in value ? `${name}:${utcStamp(value.at)}` : `${name};VALUE=DATE:${dateValue(value.date)}`;
}

function event(item: IcsEvent): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${escapeText(item.uid)}`,
    `DTSTAMP:${utcStamp(item.stamp)}`,
    `LAST-MODIFIED:${utcStamp(item.stamp)}`,
    time("DTSTART", item.start),
    time("DTEND", item.end),
    `SUMMARY:${escapeText(item.summary)}`,
    ...(item.description ? [`DESCRIPTION:${escapeText(item.description)}`] : []),
    // A URI, not TEXT: commas in it are not escaped (RFC 5545 §3.8.4.6).
    ...(item.url ? [`URL;VALUE=URI:${item.url.replace(/[\r\n]/g, "")}`] : []),
    ...(item.priority ? [`PRIORITY:${item.priority}`] : []),
    ...(item.categories?.length ? [`CATEGORIES:${item.categories.map(escapeText).join(",")}`] : []),
    "TRANSP:TRANSPARENT",
    "END:VEVENT",
  ];
}

/** The whole `text/calendar` document. */
export function calendar(cal: IcsCalendar): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${cal.prodId}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `NAME:${escapeText(cal.name)}`,
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    ...(cal.description ? [`DESCRIPTION:${escapeText(cal.description)}`, `X-WR-CALDESC:${escapeText(cal.description)}`] : []),
    ...(cal.refresh ? [`REFRESH-INTERVAL;VALUE=DURATION:${cal.refresh}`, `X-PUBLISHED-TTL:${cal.refresh}`] : []),
    ...cal.events.flatMap(event),
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}
