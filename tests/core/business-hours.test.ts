import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  addBusinessHours,
  businessHoursBetween,
  isLocalDate,
  responseDue,
  standardWeek,
  startOfWeek,
  zonedParts,
  zonedTimeToUtc,
  type WorkingWeek,
} from "@baton/core/business-hours";

// Expected instants are worked out by hand from the 2026 transitions:
// London    GMT+0 → BST+1 at 2026-03-29 01:00Z; back at 2026-10-25 01:00Z.
// New York  EST-5 → EDT-4 at 2026-03-08 07:00Z (02:00 → 03:00); back at 2026-11-01 06:00Z (02:00 → 01:00).
// Sydney    AEDT+11 → AEST+10 at 2026-04-04 16:00Z (03:00 → 02:00); forward at 2026-10-03 16:00Z (02:00 → 03:00).
// Kolkata   IST+5:30 all year.
const London = "Europe/London";
const NewYork = "America/New_York";
const Sydney = "Australia/Sydney";
const Kolkata = "Asia/Kolkata";

const at = (iso: string) => new Date(iso);
const add = (from: string, hours: number, zone: string, week?: WorkingWeek) => addBusinessHours(at(from), hours, zone, week).toISOString();
const between = (from: string, to: string, zone: string, week?: WorkingWeek) => businessHoursBetween(at(from), at(to), zone, week);
const allDay: WorkingWeek = { days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "24:00" };

describe("zonedParts", () => {
  it("reads the wall clock and ISO weekday on either side of a transition", () => {
    expect(zonedParts(at("2026-03-29T00:59:59Z"), London)).toEqual({ year: 2026, month: 3, day: 29, hour: 0, minute: 59, second: 59, weekday: 7 });
    expect(zonedParts(at("2026-03-29T01:00:00Z"), London)).toEqual({ year: 2026, month: 3, day: 29, hour: 2, minute: 0, second: 0, weekday: 7 });
    // Both 01:30s of the New York fall-back night.
    expect(zonedParts(at("2026-11-01T05:30:00Z"), NewYork)).toMatchObject({ day: 1, hour: 1, minute: 30 });
    expect(zonedParts(at("2026-11-01T06:30:00Z"), NewYork)).toMatchObject({ day: 1, hour: 1, minute: 30 });
    expect(zonedParts(at("2026-03-29T18:29:00Z"), Kolkata)).toEqual({ year: 2026, month: 3, day: 29, hour: 23, minute: 59, second: 0, weekday: 7 });
    expect(zonedParts(at("2026-03-29T18:30:00Z"), Kolkata)).toEqual({ year: 2026, month: 3, day: 30, hour: 0, minute: 0, second: 0, weekday: 1 });
  });

  it("rejects invalid dates and unknown zones", () => {
    expect(() => zonedParts(new Date(Number.NaN), London)).toThrow(RangeError);
    expect(() => zonedParts(at("2026-01-01T00:00:00Z"), "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("zonedTimeToUtc", () => {
  it("converts ordinary wall-clock times", () => {
    expect(zonedTimeToUtc({ year: 2026, month: 1, day: 15, hour: 9 }, London).toISOString()).toBe("2026-01-15T09:00:00.000Z");
    expect(zonedTimeToUtc({ year: 2026, month: 7, day: 15, hour: 9 }, London).toISOString()).toBe("2026-07-15T08:00:00.000Z");
    expect(zonedTimeToUtc({ year: 2026, month: 7, day: 15, hour: 9, minute: 15 }, Kolkata).toISOString()).toBe("2026-07-15T03:45:00.000Z");
    expect(zonedTimeToUtc({ year: 2026, month: 1, day: 1 }, Sydney).toISOString()).toBe("2025-12-31T13:00:00.000Z");
  });

  it("moves a time in the spring-forward gap forward by the gap", () => {
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 8, hour: 1, minute: 59 }, NewYork).toISOString()).toBe("2026-03-08T06:59:00.000Z");
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 8, hour: 2, minute: 0 }, NewYork).toISOString()).toBe("2026-03-08T07:00:00.000Z");
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, NewYork).toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 8, hour: 3, minute: 0 }, NewYork).toISOString()).toBe("2026-03-08T07:00:00.000Z");
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 }, London).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(zonedTimeToUtc({ year: 2026, month: 10, day: 4, hour: 2, minute: 30 }, Sydney).toISOString()).toBe("2026-10-03T16:30:00.000Z");
  });

  it("picks the earlier instant in the fall-back overlap", () => {
    expect(zonedTimeToUtc({ year: 2026, month: 11, day: 1, hour: 0, minute: 59 }, NewYork).toISOString()).toBe("2026-11-01T04:59:00.000Z");
    expect(zonedTimeToUtc({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, NewYork).toISOString()).toBe("2026-11-01T05:30:00.000Z");
    expect(zonedTimeToUtc({ year: 2026, month: 11, day: 1, hour: 2, minute: 0 }, NewYork).toISOString()).toBe("2026-11-01T07:00:00.000Z");
    expect(zonedTimeToUtc({ year: 2026, month: 10, day: 25, hour: 1, minute: 30 }, London).toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(zonedTimeToUtc({ year: 2026, month: 4, day: 5, hour: 2, minute: 30 }, Sydney).toISOString()).toBe("2026-04-04T15:30:00.000Z");
  });

  it("rolls fields over like Date.UTC and rejects non-finite ones", () => {
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 32, hour: 9 }, London).toISOString()).toBe("2026-04-01T08:00:00.000Z");
    expect(() => zonedTimeToUtc({ year: 2026, month: 3, day: Number.NaN }, London)).toThrow(RangeError);
  });

  it("round-trips every hour of 2026 through zonedParts", () => {
    for (const zone of [London, NewYork, Sydney, Kolkata]) {
      for (let time = Date.parse("2026-01-01T00:00:00Z"); time < Date.parse("2027-01-01T00:00:00Z"); time += 3_600_000) {
        const parts = zonedParts(new Date(time), zone);
        const back = zonedTimeToUtc(parts, zone).getTime();
        // In a fall-back hour the wall clock names two instants; the earlier comes back.
        expect(back === time || back === time - 3_600_000, `${zone} ${new Date(time).toISOString()}`).toBe(true);
      }
    }
  });
});

describe("startOfWeek", () => {
  it("finds Monday midnight in the zone", () => {
    expect(startOfWeek(at("2026-01-15T12:00:00Z"), London).toISOString()).toBe("2026-01-12T00:00:00.000Z");
    expect(startOfWeek(at("2026-01-12T00:00:00Z"), London).toISOString()).toBe("2026-01-12T00:00:00.000Z");
    // Sunday 23:00 in New York is Monday 04:00Z: still last week there.
    expect(startOfWeek(at("2026-01-19T04:00:00Z"), NewYork).toISOString()).toBe("2026-01-12T05:00:00.000Z");
    // Monday 01:00 in Kolkata is Sunday 19:30Z: already next week there.
    expect(startOfWeek(at("2026-01-18T19:30:00Z"), Kolkata).toISOString()).toBe("2026-01-18T18:30:00.000Z");
  });

  it("uses the offset in force at that Monday's midnight, not at the given instant", () => {
    // London: Sunday 29 March is BST by midday; its week began on GMT.
    expect(startOfWeek(at("2026-03-29T12:00:00Z"), London).toISOString()).toBe("2026-03-23T00:00:00.000Z");
    expect(startOfWeek(at("2026-03-29T22:59:00Z"), London).toISOString()).toBe("2026-03-23T00:00:00.000Z");
    expect(startOfWeek(at("2026-03-29T23:00:00Z"), London).toISOString()).toBe("2026-03-29T23:00:00.000Z");
    // London: Sunday 25 October is GMT; its week began on BST.
    expect(startOfWeek(at("2026-10-25T12:00:00Z"), London).toISOString()).toBe("2026-10-18T23:00:00.000Z");
    expect(startOfWeek(at("2026-10-26T00:00:00Z"), London).toISOString()).toBe("2026-10-26T00:00:00.000Z");
    // New York: the week of 8 March began on EST.
    expect(startOfWeek(at("2026-03-10T12:00:00Z"), NewYork).toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(startOfWeek(at("2026-03-08T12:00:00Z"), NewYork).toISOString()).toBe("2026-03-02T05:00:00.000Z");
    // Sydney: Sunday 5 April ends on AEST; the week began on AEDT.
    expect(startOfWeek(at("2026-04-05T12:00:00Z"), Sydney).toISOString()).toBe("2026-03-29T13:00:00.000Z");
    expect(startOfWeek(at("2026-04-06T00:00:00Z"), Sydney).toISOString()).toBe("2026-04-05T14:00:00.000Z");
  });
});

describe("addBusinessHours", () => {
  it("carries over the weekend", () => {
    // Friday 16:00 + 2 = Monday 10:00.
    expect(add("2026-01-16T16:00:00Z", 2, London)).toBe("2026-01-19T10:00:00.000Z");
  });

  it("counts across London's spring-forward weekend", () => {
    // Friday 27 March 10:00 GMT: 7 h Friday, 8 Monday, 8 Tuesday, 1 on Wednesday 1 April → 10:00 BST.
    expect(add("2026-03-27T10:00:00Z", 24, London)).toBe("2026-04-01T09:00:00.000Z");
    expect(add("2026-03-27T16:00:00Z", 2, London)).toBe("2026-03-30T09:00:00.000Z");
  });

  it("counts across London's fall-back weekend", () => {
    // Friday 23 October 16:00 BST + 2 = Monday 26 October 10:00 GMT.
    expect(add("2026-10-23T15:00:00Z", 2, London)).toBe("2026-10-26T10:00:00.000Z");
  });

  it("counts across New York's transitions", () => {
    // Friday 6 March 15:00 EST: 2 h Friday, 2 on Monday 9 March → 11:00 EDT.
    expect(add("2026-03-06T20:00:00Z", 4, NewYork)).toBe("2026-03-09T15:00:00.000Z");
    // Friday 30 October 16:00 EDT + 2 = Monday 2 November 10:00 EST.
    expect(add("2026-10-30T20:00:00Z", 2, NewYork)).toBe("2026-11-02T15:00:00.000Z");
  });

  it("counts across Sydney's transitions", () => {
    // Friday 3 April 16:00 AEDT + 2 = Monday 6 April 10:00 AEST.
    expect(add("2026-04-03T05:00:00Z", 2, Sydney)).toBe("2026-04-06T00:00:00.000Z");
    // Friday 2 October 16:00 AEST + 2 = Monday 5 October 10:00 AEDT.
    expect(add("2026-10-02T06:00:00Z", 2, Sydney)).toBe("2026-10-04T23:00:00.000Z");
  });

  it("counts in a zone without DST, with a half-hour offset", () => {
    // Friday 27 March 16:00 IST + 2 = Monday 30 March 10:00 IST.
    expect(add("2026-03-27T10:30:00Z", 2, Kolkata)).toBe("2026-03-30T04:30:00.000Z");
    // 40 hours is exactly one week.
    expect(add("2026-03-23T03:30:00Z", 40, Kolkata)).toBe("2026-03-27T11:30:00.000Z");
  });

  it("starts at the next opening when called outside working time", () => {
    // Saturday → Monday 09:00 + 1.5.
    expect(add("2026-01-17T12:00:00Z", 1.5, London)).toBe("2026-01-19T10:30:00.000Z");
    // Early on a weekday → that day's opening.
    expect(add("2026-01-14T06:00:00Z", 1, London)).toBe("2026-01-14T10:00:00.000Z");
    // After closing → next day.
    expect(add("2026-01-14T18:00:00Z", 1, London)).toBe("2026-01-15T10:00:00.000Z");
  });

  it("ends at closing time when the hours run out exactly then", () => {
    expect(add("2026-01-16T16:00:00Z", 1, London)).toBe("2026-01-16T17:00:00.000Z");
  });

  it("returns from, or the next opening, for zero hours", () => {
    expect(add("2026-01-14T11:17:00Z", 0, London)).toBe("2026-01-14T11:17:00.000Z");
    expect(add("2026-01-14T09:00:00Z", 0, London)).toBe("2026-01-14T09:00:00.000Z");
    expect(add("2026-01-14T17:00:00Z", 0, London)).toBe("2026-01-15T09:00:00.000Z");
    expect(add("2026-01-17T12:00:00Z", 0, London)).toBe("2026-01-19T09:00:00.000Z");
  });

  it("handles fractional hours to the millisecond", () => {
    expect(add("2026-01-14T09:00:00Z", 0.25, London)).toBe("2026-01-14T09:15:00.000Z");
    expect(add("2026-01-14T09:00:00Z", 1 / 3600, London)).toBe("2026-01-14T09:00:01.000Z");
  });

  it("follows a custom week", () => {
    // Sunday–Thursday, 08:00–16:30.
    const week: WorkingWeek = { days: [7, 1, 2, 3, 4], start: "08:00", end: "16:30" };
    // Thursday 15 January 16:00 + 1 → Sunday 18 January 08:30.
    expect(add("2026-01-15T16:00:00Z", 1, London, week)).toBe("2026-01-18T08:30:00.000Z");
    // Saturdays only, half a day.
    expect(add("2026-01-14T12:00:00Z", 5, London, { days: [6], start: "09:00", end: "13:00" })).toBe("2026-01-24T10:00:00.000Z");
  });

  it("counts real elapsed time when a transition falls inside working time", () => {
    // Round the clock: Sunday 29 March in London is 23 hours long.
    expect(add("2026-03-29T00:00:00Z", 23, London, allDay)).toBe("2026-03-29T23:00:00.000Z");
    // A wall-clock 02:00 New York start on spring-forward Sunday opens at 03:00 EDT.
    expect(add("2026-03-08T05:00:00Z", 0, NewYork, { days: [7], start: "02:00", end: "05:00" })).toBe("2026-03-08T07:00:00.000Z");
  });

  it("rejects absurd input", () => {
    const from = at("2026-01-14T09:00:00Z");
    expect(() => addBusinessHours(from, 10_001, London)).toThrow(RangeError);
    expect(() => addBusinessHours(from, Number.POSITIVE_INFINITY, London)).toThrow(RangeError);
    expect(() => addBusinessHours(from, Number.NaN, London)).toThrow(RangeError);
    expect(() => addBusinessHours(from, -1, London)).toThrow(RangeError);
    expect(() => addBusinessHours(new Date(Number.NaN), 1, London)).toThrow(RangeError);
    expect(() => addBusinessHours(from, 1, London, { days: [], start: "09:00", end: "17:00" })).toThrow(RangeError);
    expect(() => addBusinessHours(from, 1, London, { days: [0], start: "09:00", end: "17:00" })).toThrow(RangeError);
    expect(() => addBusinessHours(from, 1, London, { days: [1], start: "17:00", end: "09:00" })).toThrow(RangeError);
    expect(() => addBusinessHours(from, 1, London, { days: [1], start: "9:00", end: "17:00" })).toThrow(RangeError);
    expect(() => addBusinessHours(from, 1, London, { days: [1], start: "09:00", end: "24:01" })).toThrow(RangeError);
    // A minute a week cannot hold 10,000 hours within a century.
    expect(() => addBusinessHours(from, 10_000, London, { days: [1], start: "09:00", end: "09:01" })).toThrow(RangeError);
  });

  it("reaches 10,000 hours quickly", () => {
    const started = performance.now();
    // 10,000 / 40 = 250 full weeks from Monday 12 January 2026 09:00, so the last hour ends at
    // closing on the 250th Friday, 249 weeks after 16 January 2026: 25 October 2030, 17:00 BST.
    expect(add("2026-01-12T09:00:00Z", 10_000, London)).toBe("2030-10-25T16:00:00.000Z");
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe("businessHoursBetween", () => {
  it("counts only working time, across a weekend", () => {
    // Friday 12:00 → Monday 12:00: 5 + 3.
    expect(between("2026-01-16T12:00:00Z", "2026-01-19T12:00:00Z", London)).toBe(8);
    // The same in New York across spring-forward: 71 real hours between, still 8 working.
    expect(between("2026-03-06T17:00:00Z", "2026-03-09T16:00:00Z", NewYork)).toBe(8);
    expect(between("2026-04-03T01:00:00Z", "2026-04-06T02:00:00Z", Sydney)).toBe(8);
    // A full week in Kolkata.
    expect(between("2026-03-22T18:30:00Z", "2026-03-29T18:30:00Z", Kolkata)).toBe(40);
  });

  it("is zero for empty or reversed spans and for spans outside working time", () => {
    expect(between("2026-01-14T12:00:00Z", "2026-01-14T12:00:00Z", London)).toBe(0);
    expect(between("2026-01-14T12:00:00Z", "2026-01-14T11:00:00Z", London)).toBe(0);
    expect(between("2026-01-17T00:00:00Z", "2026-01-19T09:00:00Z", London)).toBe(0);
  });

  it("handles partial hours", () => {
    expect(between("2026-01-14T16:45:00Z", "2026-01-15T09:30:00Z", London)).toBe(0.75);
  });

  it("measures real elapsed time on transition days", () => {
    expect(between("2026-03-29T00:00:00Z", "2026-03-29T23:00:00Z", London, allDay)).toBe(23);
    expect(between("2026-10-24T23:00:00Z", "2026-10-26T00:00:00Z", London, allDay)).toBe(25);
  });

  it("agrees with addBusinessHours", () => {
    const starts = ["2026-01-14T11:17:00Z", "2026-03-06T22:00:00Z", "2026-03-27T10:00:00Z", "2026-10-23T15:00:00Z", "2026-04-03T05:00:00Z"];
    for (const zone of [London, NewYork, Sydney, Kolkata]) {
      for (const start of starts) {
        for (const hours of [0.5, 3, 8, 17.25, 40, 123]) {
          const end = addBusinessHours(at(start), hours, zone);
          expect(businessHoursBetween(at(start), end, zone), `${zone} ${start} + ${hours}`).toBeCloseTo(hours, 9);
        }
      }
    }
  });

  it("uses the standard week by default", () => {
    expect(standardWeek).toEqual({ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" });
    expect(between("2026-01-12T00:00:00Z", "2026-01-19T00:00:00Z", London)).toBe(40);
  });

  it("rejects invalid input", () => {
    expect(() => between("2026-01-14T12:00:00Z", "2026-01-15T12:00:00Z", London, { days: [], start: "09:00", end: "17:00" })).toThrow(RangeError);
    expect(() => businessHoursBetween(new Date(Number.NaN), at("2026-01-15T12:00:00Z"), London)).toThrow(RangeError);
    expect(() => between("1900-01-01T00:00:00Z", "2026-01-01T00:00:00Z", London)).toThrow(RangeError);
  });
});

describe("holidays", () => {
  const withHolidays = (holidays: string[], week: WorkingWeek = standardWeek): WorkingWeek => ({ ...week, holidays });

  it("skips a holiday across London's spring-forward weekend", () => {
    // Friday 27 March 16:00 GMT + 2, Monday 30 March off: 1 h Friday, 1 on Tuesday 31 March → 10:00 BST.
    expect(add("2026-03-27T16:00:00Z", 2, London, withHolidays(["2026-03-30"]))).toBe("2026-03-31T09:00:00.000Z");
    expect(between("2026-03-27T12:00:00Z", "2026-03-31T11:00:00Z", London, withHolidays(["2026-03-30"]))).toBe(8);
  });

  it("skips a holiday across New York's spring-forward weekend", () => {
    // Friday 6 March 15:00 EST + 4, Monday 9 March off: 2 h Friday, 2 on Tuesday 10 March → 11:00 EDT.
    expect(add("2026-03-06T20:00:00Z", 4, NewYork, withHolidays(["2026-03-09"]))).toBe("2026-03-10T15:00:00.000Z");
    // Friday 12:00 EST → Tuesday 12:00 EDT: 5 + 3.
    expect(between("2026-03-06T17:00:00Z", "2026-03-10T16:00:00Z", NewYork, withHolidays(["2026-03-09"]))).toBe(8);
  });

  it("skips Easter and Labour Day across Sydney's transitions", () => {
    // Thursday 2 April 16:00 AEDT + 2, Good Friday and Easter Monday off: Tuesday 7 April 10:00 AEST.
    expect(add("2026-04-02T05:00:00Z", 2, Sydney, withHolidays(["2026-04-03", "2026-04-06"]))).toBe("2026-04-07T00:00:00.000Z");
    // Friday 2 October 16:00 AEST + 2, Monday 5 October off: Tuesday 6 October 10:00 AEDT.
    expect(add("2026-10-02T06:00:00Z", 2, Sydney, withHolidays(["2026-10-05"]))).toBe("2026-10-05T23:00:00.000Z");
  });

  it("reads holidays as dates in the zone, not in UTC", () => {
    // Friday 27 March 16:00 IST + 2, Monday 30 March off: Tuesday 31 March 10:00 IST.
    expect(add("2026-03-27T10:30:00Z", 2, Kolkata, withHolidays(["2026-03-30"]))).toBe("2026-03-31T04:30:00.000Z");
    // 20:00Z on Sunday 29 March is already 01:30 on the Monday holiday in Kolkata.
    expect(add("2026-03-29T20:00:00Z", 0, Kolkata, withHolidays(["2026-03-30"]))).toBe("2026-03-31T03:30:00.000Z");
    // The same instant in New York is still Sunday, so the Monday holiday there comes a day later.
    expect(add("2026-03-29T20:00:00Z", 0, NewYork, withHolidays(["2026-03-30"]))).toBe("2026-03-31T13:00:00.000Z");
  });

  it("removes a whole DST day from a round-the-clock week", () => {
    // London: Saturday 28 March 24 h, Sunday 29 (23 h long) off, Monday 30 24 h.
    expect(between("2026-03-28T00:00:00Z", "2026-03-30T23:00:00Z", London, withHolidays(["2026-03-29"], allDay))).toBe(48);
    // Saturday noon + 13: 12 h to midnight, the holiday, then 1 h from Monday 00:00 BST.
    expect(add("2026-03-28T12:00:00Z", 13, London, withHolidays(["2026-03-29"], allDay))).toBe("2026-03-30T00:00:00.000Z");
  });

  it("ignores holidays that fall on days off and order or duplicates", () => {
    expect(add("2026-01-16T16:00:00Z", 2, London, withHolidays(["2026-01-17", "2026-01-18"]))).toBe("2026-01-19T10:00:00.000Z");
    expect(add("2026-01-16T16:00:00Z", 2, London, withHolidays(["2026-01-20", "2026-01-19", "2026-01-19"]))).toBe("2026-01-21T10:00:00.000Z");
  });

  it("agrees with businessHoursBetween", () => {
    const holidays = ["2026-03-09", "2026-03-30", "2026-04-03", "2026-04-06", "2026-10-26", "2026-11-02"];
    const week = withHolidays(holidays);
    const starts = ["2026-03-06T22:00:00Z", "2026-03-27T10:00:00Z", "2026-10-23T15:00:00Z", "2026-04-02T05:00:00Z"];
    for (const zone of [London, NewYork, Sydney, Kolkata]) {
      for (const start of starts) {
        for (const hours of [0.5, 8, 17.25, 123]) {
          const end = addBusinessHours(at(start), hours, zone, week);
          expect(businessHoursBetween(at(start), end, zone, week), `${zone} ${start} + ${hours}`).toBeCloseTo(hours, 9);
          // An end instant never lands inside a holiday (it may sit exactly on a closing time before one).
          const { year, month, day } = zonedParts(new Date(end.getTime() - 1), zone);
          expect(holidays).not.toContain(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
        }
      }
    }
  });

  it("rejects holidays that are not real dates", () => {
    const from = at("2026-01-14T09:00:00Z");
    for (const bad of ["2026-02-30", "2026-2-3", "2026-13-01", "tomorrow", "", "2026-01-14T00:00"]) {
      expect(() => addBusinessHours(from, 1, London, withHolidays([bad])), bad).toThrow(RangeError);
      expect(() => businessHoursBetween(from, at("2026-01-15T09:00:00Z"), London, withHolidays([bad])), bad).toThrow(RangeError);
    }
    expect(isLocalDate("2028-02-29")).toBe(true);
    expect(isLocalDate("2026-02-29")).toBe(false);
  });
});

describe("addBusinessDays", () => {
  // 2026-12-04 is a Friday; London is on GMT in December, New York on EST (-5).
  const days = (from: string, n: number, zone: string, week?: WorkingWeek) => addBusinessDays(at(from), n, zone, week).toISOString();
  const withHoliday: WorkingWeek = { ...standardWeek, holidays: ["2026-12-07"] };

  it("keeps the hour of a Friday request and skips the weekend", () => {
    expect(days("2026-12-04T15:00:00Z", 1, London)).toBe("2026-12-07T15:00:00.000Z");
  });

  it("skips a Monday holiday as well", () => {
    expect(days("2026-12-04T15:00:00Z", 1, London, withHoliday)).toBe("2026-12-08T15:00:00.000Z");
    expect(days("2026-12-04T15:00:00Z", 2, London, withHoliday)).toBe("2026-12-09T15:00:00.000Z");
  });

  it("counts a request sent outside working time from the last close: due at the next working day's close", () => {
    // Saturday, Friday evening and Monday before opening all fall due at Monday 17:00.
    expect(days("2026-12-05T11:00:00Z", 1, London)).toBe("2026-12-07T17:00:00.000Z");
    expect(days("2026-12-04T18:30:00Z", 1, London)).toBe("2026-12-07T17:00:00.000Z");
    expect(days("2026-12-07T08:00:00Z", 1, London)).toBe("2026-12-07T17:00:00.000Z");
    expect(days("2026-12-05T11:00:00Z", 1, London, withHoliday)).toBe("2026-12-08T17:00:00.000Z");
  });

  it("works in the agency's zone, not UTC", () => {
    // Friday 16:00 in New York is 21:00Z; one business day on is Monday 16:00 EST.
    expect(days("2026-12-04T21:00:00Z", 1, NewYork)).toBe("2026-12-07T21:00:00.000Z");
  });

  it("ends a DST-shortened day at its close", () => {
    // Sunday 2026-03-29 London springs forward: a round-the-clock week's Sunday is 23 hours long.
    const roundTheClock: WorkingWeek = { days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "24:00" };
    expect(days("2026-03-28T23:30:00Z", 1, London, roundTheClock)).toBe("2026-03-29T23:00:00.000Z");
  });

  it("refuses part days, none, and more than 30", () => {
    for (const n of [0, 1.5, 31, Number.NaN]) expect(() => days("2026-12-04T15:00:00Z", n, London)).toThrow(RangeError);
  });

  it("is what responseDue counts for a promise in days, and addBusinessHours for one in hours", () => {
    expect(responseDue(at("2026-12-04T15:00:00Z"), { amount: 1, unit: "days" }, London, withHoliday).toISOString()).toBe("2026-12-08T15:00:00.000Z");
    expect(responseDue(at("2026-12-04T15:00:00Z"), { amount: 8, unit: "hours" }, London, withHoliday).toISOString()).toBe("2026-12-08T15:00:00.000Z");
  });
});
