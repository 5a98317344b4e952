import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { Ics } from "@baton/core/calendar";

// The iCalendar writer on its own: TEXT escaping, 75-octet folding that never splits a UTF-8
// character, CRLF line endings, UTC and all-day times, and a real parser reading it all back.

const octets = (line: string) => Buffer.byteLength(line, "utf8");
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, "");

describe("escaping", () => {
  it("escapes backslashes, semicolons, commas and newlines in TEXT", () => {
    expect(Ics.escapeText("a\\b;c,d\ne")).toBe("a\\\\b\\;c\\,d\\ne");
    expect(Ics.escapeText("one\r\ntwo\rthree")).toBe("one\\ntwo\\nthree");
  });

  it("drops control characters that iCalendar does not allow", () => {
    expect(Ics.escapeText("bell\u0007 and\u0000 nul\ttab")).toBe("bell and nul\ttab");
  });
});

describe("folding", () => {
  it("leaves a short line alone", () => {
    expect(Ics.fold("SUMMARY:short")).toBe("SUMMARY:short");
  });

  it("folds at 75 octets with a leading space on each continuation", () => {
    const line = `DESCRIPTION:${"x".repeat(200)}`;
    const folded = Ics.fold(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.every((part) => octets(part) <= 75)).toBe(true);
    expect(octets(parts[0]!)).toBe(75);
    expect(parts.slice(1).every((part) => part.startsWith(" "))).toBe(true);
    expect(unfold(folded)).toBe(line);
  });

  it("never splits a multi-byte character", () => {
    const line = `SUMMARY:${"·é€😀".repeat(40)}`;
    const folded = Ics.fold(line);
    const parts = folded.split("\r\n");
    expect(parts.every((part) => octets(part) <= 75)).toBe(true);
    // Each piece is valid UTF-8 on its own: re-encoding it changes nothing and finds no U+FFFD.
    for (const part of parts) expect(part).not.toContain("\uFFFD");
    expect(parts.every((part) => !/[\uD800-\uDBFF]$/.test(part))).toBe(true);
    expect(unfold(folded)).toBe(line);
  });
});

describe("times", () => {
  it("writes instants in UTC basic format and dates as DATE values", () => {
    expect(Ics.utcStamp("2026-12-01T10:05:09.123Z")).toBe("20261201T100509Z");
    expect(Ics.utcStamp("2026-12-01T12:00:00+02:00")).toBe("20261201T100000Z");
    expect(Ics.dateValue("2026-12-31")).toBe("20261231");
  });
});

describe("a whole calendar", () => {
  const text = Ics.calendar({
    prodId: "-//Baton//Test//EN",
    name: "Acme, Inc; deadlines",
    refresh: "PT1H",
    events: [
      {
        uid: "tsk_1@baton",
        stamp: "2026-11-20T08:00:00.000Z",
        start: { at: "2026-12-01T00:30:00.000Z" },
        end: { at: "2026-12-01T01:00:00.000Z" },
        summary: "ACME-7 · Write the newsletter, part 1; draft",
        description: `Client: Acme, Inc\nStatus: In progress\n${"Long text ".repeat(20)}`,
        url: "https://baton.example/tasks/tsk_1?a=1,2",
        priority: 1,
      },
      {
        uid: "req_1-wanted@baton",
        stamp: "2026-11-20T08:00:00.000Z",
        start: { date: "2026-12-24" },
        end: { date: "2026-12-25" },
        summary: "ACME-8 · Wanted by: Cards",
      },
    ],
  });

  it("uses CRLF everywhere and keeps every line within 75 octets", () => {
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(text.split("\r\n").every((line) => octets(line) <= 75)).toBe(true);
  });

  it("reads back through ical.js with the same text and times", () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    // NAME (RFC 7986) and X-WR-CALNAME are TEXT to calendar apps; ical.js leaves them raw.
    expect(unfold(text)).toContain("\r\nNAME:Acme\\, Inc\\; deadlines\r\n");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Acme\\, Inc\\; deadlines");
    const [task, wanted] = calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
    expect(task!.uid).toBe("tsk_1@baton");
    expect(task!.summary).toBe("ACME-7 · Write the newsletter, part 1; draft");
    expect(task!.description).toBe(`Client: Acme, Inc\nStatus: In progress\n${"Long text ".repeat(20)}`);
    expect(task!.startDate.zone?.tzid).toBe("UTC");
    expect(task!.startDate.toJSDate().toISOString()).toBe("2026-12-01T00:30:00.000Z");
    expect(task!.endDate.toJSDate().toISOString()).toBe("2026-12-01T01:00:00.000Z");
    expect(task!.component.getFirstPropertyValue("url")).toBe("https://baton.example/tasks/tsk_1?a=1,2");
    expect(task!.component.getFirstPropertyValue("priority")).toBe(1);
    expect(wanted!.startDate.isDate).toBe(true);
    expect(wanted!.startDate.toString()).toBe("2026-12-24");
    expect(wanted!.endDate.toString()).toBe("2026-12-25");
  });
});
