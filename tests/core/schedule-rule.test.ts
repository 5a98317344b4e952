import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { zonedParts } from "@baton/kernel/time";
import { CATCH_UP_DAYS, dateIn, due, instantOn, nextOccurrence, occurrencesBetween, occursOn, type Rule, type Timing } from "../../packages/core/src/schedule/rule.ts";
import { runs } from "../support/property.ts";

// The occurrence rule of recurring work (packages/core/src/schedule/rule.ts), for a client in
// Sydney and one in New York, across their DST changes.

const DAY = 24 * 3600_000;
const zones = ["Australia/Sydney", "America/New_York"] as const;
const timing = (rule: Rule, extra: Partial<Timing> = {}): Timing => ({ rule, time: "09:00", timeZone: "America/New_York", startDate: "2026-01-01", ...extra });
const local = (at: Date, zone: string) => {
  const p = zonedParts(at, zone);
  return `${dateIn(at, zone)} ${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
};

describe("monthly on a day the month doesn't have", () => {
  it("falls on the month's last day: the 31st is 28 February, 30 April; the 29th is 29 February in a leap year", () => {
    const on31 = occurrencesBetween(timing({ kind: "monthly", day: 31 }), new Date("2027-01-15T00:00:00Z"), new Date("2027-05-15T00:00:00Z"));
    expect(on31.map((o) => o.date)).toEqual(["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"]);
    const on29 = occurrencesBetween(timing({ kind: "monthly", day: 29 }), new Date("2028-02-01T00:00:00Z"), new Date("2028-03-01T00:00:00Z"));
    expect(on29.map((o) => o.date)).toEqual(["2028-02-29"]);
  });

  it("occurs exactly once in every month, on min(day, the month's length)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 2026, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(...zones), (day, year, month, zone) => {
        const first = Date.UTC(year, month - 1, 1);
        const list = occurrencesBetween({ rule: { kind: "monthly", day }, time: "10:00", timeZone: zone, startDate: "2026-01-01" }, new Date(first - 2 * DAY), new Date(first + 33 * DAY));
        const inMonth = list.filter((o) => o.date.startsWith(`${year}-${String(month).padStart(2, "0")}`));
        const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
        expect(inMonth.map((o) => Number(o.date.slice(8)))).toEqual([Math.min(day, length)]);
      }),
      { numRuns: runs(150) },
    );
  });
});

describe("the time of day in the client's zone", () => {
  it("is 09:00 local in Sydney and New York on either side of their DST changes", () => {
    for (const zone of zones) {
      const list = occurrencesBetween(timing({ kind: "weekdays" }, { timeZone: zone }), new Date("2026-03-01T00:00:00Z"), new Date("2026-11-30T00:00:00Z"));
      expect(list.length).toBeGreaterThan(180);
      for (const o of list) expect(local(o.at, zone)).toBe(`${o.date} 09:00`);
    }
    // Sydney: AEDT (+11) until 5 April 2026, AEST (+10) after; New York: EST (−5) until 8 March, EDT (−4) after.
    expect(instantOn("2026-04-03", "09:00", "Australia/Sydney").toISOString()).toBe("2026-04-02T22:00:00.000Z");
    expect(instantOn("2026-04-06", "09:00", "Australia/Sydney").toISOString()).toBe("2026-04-05T23:00:00.000Z");
    expect(instantOn("2026-03-06", "09:00", "America/New_York").toISOString()).toBe("2026-03-06T14:00:00.000Z");
    expect(instantOn("2026-03-09", "09:00", "America/New_York").toISOString()).toBe("2026-03-09T13:00:00.000Z");
  });

  it("in a spring-forward gap (02:30) is the first valid time after it: 03:00 local", () => {
    // New York springs forward at 02:00 on 8 March 2026; Sydney at 02:00 on 4 October 2026.
    expect(local(instantOn("2026-03-08", "02:30", "America/New_York"), "America/New_York")).toBe("2026-03-08 03:00");
    expect(instantOn("2026-03-08", "02:30", "America/New_York").toISOString()).toBe("2026-03-08T07:00:00.000Z");
    expect(local(instantOn("2026-10-04", "02:30", "Australia/Sydney"), "Australia/Sydney")).toBe("2026-10-04 03:00");
    const sundays = occurrencesBetween(timing({ kind: "weekly", days: [7] }, { time: "02:30" }), new Date("2026-03-01T00:00:00Z"), new Date("2026-03-16T00:00:00Z"));
    expect(sundays.map((o) => local(o.at, "America/New_York"))).toEqual(["2026-03-01 02:30", "2026-03-08 03:00", "2026-03-15 02:30"]);
  });

  it("on a fall-back night (01:30 happens twice) occurs once, at the first", () => {
    // New York falls back at 02:00 EDT on 1 November 2026: 01:30 EDT (05:30Z), then 01:30 EST (06:30Z).
    const list = occurrencesBetween(timing({ kind: "weekly", days: [7] }, { time: "01:30" }), new Date("2026-10-31T00:00:00Z"), new Date("2026-11-02T00:00:00Z"));
    expect(list.map((o) => o.at.toISOString())).toEqual(["2026-11-01T05:30:00.000Z"]);
    const sydney = occurrencesBetween(timing({ kind: "weekly", days: [7] }, { time: "02:30", timeZone: "Australia/Sydney" }), new Date("2026-04-04T00:00:00Z"), new Date("2026-04-06T00:00:00Z"));
    expect(sydney).toHaveLength(1);
  });

  it("never lands before the wall time asked for, and at most the gap's length after it", () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 729 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (zone, offset, hour, minute) => {
        const date = new Date(Date.UTC(2026, 0, 1) + offset * DAY).toISOString().slice(0, 10);
        const time = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
        const at = instantOn(date, time, zone);
        expect(dateIn(at, zone)).toBe(date);
        const p = zonedParts(at, zone);
        const got = p.hour * 60 + p.minute;
        expect(got).toBeGreaterThanOrEqual(hour * 60 + minute);
        expect(got - (hour * 60 + minute)).toBeLessThanOrEqual(60);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe("weekly and every-weekday rules", () => {
  it("weekly falls only on the chosen days, once each, in the client's calendar", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 700 }),
        (days, zone, offset) => {
          const from = new Date(Date.UTC(2026, 0, 1) + offset * DAY);
          const list = occurrencesBetween({ rule: { kind: "weekly", days }, time: "08:15", timeZone: zone, startDate: "2026-01-01" }, from, new Date(from.getTime() + 28 * DAY));
          expect(list).toHaveLength(days.length * 4);
          for (const o of list) expect(days).toContain(zonedParts(o.at, zone).weekday);
          expect(new Set(list.map((o) => o.date)).size).toBe(list.length);
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it("every weekday skips Saturday and Sunday", () => {
    expect(["2026-12-04", "2026-12-05", "2026-12-06", "2026-12-07"].map((d) => occursOn({ kind: "weekdays" }, d))).toEqual([true, false, false, true]);
  });

  it("keeps to the start and end dates (the end is included)", () => {
    const list = occurrencesBetween(timing({ kind: "weekdays" }, { startDate: "2026-12-02", endDate: "2026-12-04" }), new Date("2026-11-25T00:00:00Z"), new Date("2026-12-20T00:00:00Z"));
    expect(list.map((o) => o.date)).toEqual(["2026-12-02", "2026-12-03", "2026-12-04"]);
    expect(nextOccurrence(timing({ kind: "weekdays" }, { endDate: "2026-12-04" }), new Date("2026-12-05T00:00:00Z"))).toBeNull();
  });

  it("the next occurrence is strictly after the time given, and none lies between", () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 700 * 24 }), fc.integer({ min: 1, max: 31 }), (zone, hours, day) => {
        const after = new Date(Date.UTC(2026, 0, 1) + hours * 3600_000);
        const t: Timing = { rule: { kind: "monthly", day }, time: "02:30", timeZone: zone, startDate: "2026-01-01" };
        const next = nextOccurrence(t, after)!;
        expect(next.at.getTime()).toBeGreaterThan(after.getTime());
        expect(occurrencesBetween(t, after, new Date(next.at.getTime() - 1))).toEqual([]);
      }),
      { numRuns: runs(100) },
    );
  });
});

describe("catch-up", () => {
  const weekdays = timing({ kind: "weekdays" }, { timeZone: "Australia/Sydney" });

  it(`creates the occurrences missed in the last ${CATCH_UP_DAYS} days once each and skips older ones`, () => {
    // Down since Monday 30 November (Sydney); back on Monday 7 December 10:00 Sydney (23:00Z on the 6th).
    const nextAt = instantOn("2026-11-30", "09:00", "Australia/Sydney");
    const now = new Date("2026-12-06T23:00:00Z");
    const { create, next } = due(weekdays, nextAt, now);
    // Within 3 days: Friday 4 December 09:00 Sydney (22:00Z on the 3rd) is 3 days and 1 hour back: skipped. Monday the 7th is made.
    expect(create.map((o) => o.date)).toEqual(["2026-12-07"]);
    expect(next?.date).toBe("2026-12-08");
  });

  it("a run that is on time creates just the occurrence due, and a rerun at the same time (from the next one) nothing", () => {
    const nextAt = instantOn("2026-12-07", "09:00", "Australia/Sydney");
    const now = new Date(nextAt.getTime() + 5 * 60_000);
    const first = due(weekdays, nextAt, now);
    expect(first.create.map((o) => o.date)).toEqual(["2026-12-07"]);
    expect(due(weekdays, first.next!.at, now).create).toEqual([]);
  });

  it("never creates an occurrence older than the catch-up window or later than now", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 * 24 }), fc.integer({ min: 0, max: 300 * 24 }), (downHours, startHours) => {
        const nextAt = new Date(Date.UTC(2026, 0, 5) + startHours * 3600_000);
        const now = new Date(nextAt.getTime() + downHours * 3600_000);
        const { create } = due(weekdays, nextAt, now);
        for (const o of create) {
          expect(o.at.getTime()).toBeLessThanOrEqual(now.getTime());
          expect(o.at.getTime()).toBeGreaterThanOrEqual(Math.max(nextAt.getTime(), now.getTime() - CATCH_UP_DAYS * DAY));
        }
        expect(new Set(create.map((o) => o.date)).size).toBe(create.length);
      }),
      { numRuns: runs(150) },
    );
  });
});
