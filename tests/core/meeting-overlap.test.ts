import { describe, expect, it } from "vitest";
import { standardWeek, type WorkingWeek } from "@baton/core/business-hours";
import { currentWeek, mondayOf, shiftWeek, weekOverlap, type Party } from "@baton/core/business-hours/overlap";

// Expected instants are worked out by hand from the 2026 transitions:
// London    GMT+0 → BST+1 at 2026-03-29 01:00Z; back at 2026-10-25 01:00Z.
// New York  EST-5 → EDT-4 at 2026-03-08 07:00Z.
// Sydney    AEDT+11 → AEST+10 at 2026-04-04 16:00Z (Sun 5 Apr 03:00 → 02:00); forward at 2026-10-03 16:00Z (Sun 4 Oct 02:00 → 03:00).
// Kolkata   IST+5:30 all year.
const London = "Europe/London";
const NewYork = "America/New_York";
const Sydney = "Australia/Sydney";
const Kolkata = "Asia/Kolkata";

const party = (timeZone: string, workingWeek: WorkingWeek = standardWeek): Party => ({ timeZone, workingWeek });
const everyDay: WorkingWeek = { days: [1, 2, 3, 4, 5, 6, 7], start: "09:00", end: "17:00" };
/** A long agency day, so London and Sydney can meet at all. */
const longDays: WorkingWeek = { days: [1, 2, 3, 4, 5, 6, 7], start: "07:00", end: "19:00" };

const overlaps = (result: ReturnType<typeof weekOverlap>) => result.days.map((day) => day.both);

describe("weekOverlap", () => {
  it("London and New York meet four hours a day once New York is on EDT and London still on GMT", () => {
    const week = weekOverlap({ week: "2026-03-09", timeZone: London, a: party(London), b: party(NewYork) });
    expect(week.week).toBe("2026-03-09");
    expect(week.days.map((d) => d.date)).toEqual(["2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13", "2026-03-14", "2026-03-15"]);
    expect(week.days[0]).toEqual({
      date: "2026-03-09",
      weekday: 1,
      start: "2026-03-09T00:00:00.000Z",
      end: "2026-03-10T00:00:00.000Z",
      a: [{ start: "2026-03-09T09:00:00.000Z", end: "2026-03-09T17:00:00.000Z" }],
      b: [{ start: "2026-03-09T13:00:00.000Z", end: "2026-03-09T21:00:00.000Z" }],
      both: [{ start: "2026-03-09T13:00:00.000Z", end: "2026-03-09T17:00:00.000Z" }],
      overlapMinutes: 240,
    });
    expect(week.days.map((d) => d.overlapMinutes)).toEqual([240, 240, 240, 240, 240, 0, 0]);
    expect(week.overlapMinutes).toBe(20 * 60);
  });

  it("the week before, both on standard time, they meet three hours a day", () => {
    const week = weekOverlap({ week: "2026-03-02", timeZone: London, a: party(London), b: party(NewYork) });
    expect(week.days[2]!.b).toEqual([{ start: "2026-03-04T14:00:00.000Z", end: "2026-03-04T22:00:00.000Z" }]);
    expect(week.days[2]!.both).toEqual([{ start: "2026-03-04T14:00:00.000Z", end: "2026-03-04T17:00:00.000Z" }]);
    expect(week.overlapMinutes).toBe(15 * 60);
  });

  it("any date picks its Monday's week", () => {
    expect(weekOverlap({ week: "2026-03-12", timeZone: London, a: party(London), b: party(NewYork) }).week).toBe("2026-03-09");
  });

  it("Sydney's April change inside the week: they meet only on the Sunday after it", () => {
    // London (BST) works 07:00–19:00 = 06:00–18:00Z. Sydney works 09:00–17:00 every day:
    // AEDT 22:00–06:00Z (just touching London's start), AEST from Sun 5 Apr 23:00–07:00Z.
    const week = weekOverlap({ week: "2026-03-30", timeZone: London, a: party(London, longDays), b: party(Sydney, everyDay) });
    expect(week.days.map((d) => d.overlapMinutes)).toEqual([0, 0, 0, 0, 0, 0, 60]);
    expect(week.days[6]!.both).toEqual([{ start: "2026-04-05T06:00:00.000Z", end: "2026-04-05T07:00:00.000Z" }]);
    // Sydney's Saturday (AEDT) runs from Friday 23:00 to Saturday 07:00 London time: split at London's midnight.
    expect(week.days[4]!.b).toEqual([
      { start: "2026-04-02T23:00:00.000Z", end: "2026-04-03T06:00:00.000Z" },
      { start: "2026-04-03T22:00:00.000Z", end: "2026-04-03T23:00:00.000Z" },
    ]);
    expect(week.days[5]!.b).toEqual([{ start: "2026-04-03T23:00:00.000Z", end: "2026-04-04T06:00:00.000Z" }]);
    expect(week.days[6]!.b).toEqual([{ start: "2026-04-04T23:00:00.000Z", end: "2026-04-05T07:00:00.000Z" }]);

    const after = weekOverlap({ week: "2026-04-06", timeZone: London, a: party(London, longDays), b: party(Sydney, everyDay) });
    expect(after.overlapMinutes).toBe(7 * 60);
  });

  it("Sydney's October change inside the week: the hour they share goes on the Sunday it happens", () => {
    // AEST 23:00–07:00Z overlaps London's 06:00Z start by an hour; from Sun 4 Oct (AEDT) it ends at 06:00Z.
    const week = weekOverlap({ week: "2026-09-28", timeZone: London, a: party(London, longDays), b: party(Sydney, everyDay) });
    expect(week.days.map((d) => d.overlapMinutes)).toEqual([60, 60, 60, 60, 60, 60, 0]);
    expect(week.days[5]!.both).toEqual([{ start: "2026-10-03T06:00:00.000Z", end: "2026-10-03T07:00:00.000Z" }]);
    expect(week.days[6]!.b).toEqual([
      { start: "2026-10-03T23:00:00.000Z", end: "2026-10-04T06:00:00.000Z" },
      { start: "2026-10-04T22:00:00.000Z", end: "2026-10-04T23:00:00.000Z" },
    ]);
  });

  it("London and Sydney on ordinary office hours never meet", () => {
    for (const monday of ["2026-03-30", "2026-04-06", "2026-09-28", "2026-10-05"]) {
      const week = weekOverlap({ week: monday, timeZone: London, a: party(London), b: party(Sydney) });
      expect(week.overlapMinutes).toBe(0);
      expect(overlaps(week).flat()).toEqual([]);
      expect(week.days.flatMap((d) => d.b).length).toBeGreaterThan(0);
    }
  });

  it("London and Kolkata share two and a half hours on GMT and three and a half on BST", () => {
    const winter = weekOverlap({ week: "2026-03-09", timeZone: London, a: party(London), b: party(Kolkata) });
    expect(winter.days[0]!.b).toEqual([{ start: "2026-03-09T03:30:00.000Z", end: "2026-03-09T11:30:00.000Z" }]);
    expect(winter.days[0]!.both).toEqual([{ start: "2026-03-09T09:00:00.000Z", end: "2026-03-09T11:30:00.000Z" }]);
    expect(winter.overlapMinutes).toBe(5 * 150);

    const summer = weekOverlap({ week: "2026-03-30", timeZone: London, a: party(London), b: party(Kolkata) });
    expect(summer.days[0]!.both).toEqual([{ start: "2026-03-30T08:00:00.000Z", end: "2026-03-30T11:30:00.000Z" }]);
    expect(summer.overlapMinutes).toBe(5 * 210);
  });

  it("cuts days at the viewer's midnight, not the parties'", () => {
    // Viewed from New York (EDT): Kolkata's Tuesday starts at 23:30 on Monday.
    const week = weekOverlap({ week: "2026-03-09", timeZone: NewYork, a: party(London), b: party(Kolkata) });
    expect(week.days[0]!.start).toBe("2026-03-09T04:00:00.000Z");
    expect(week.days[0]!.b).toEqual([
      { start: "2026-03-09T04:00:00.000Z", end: "2026-03-09T11:30:00.000Z" },
      { start: "2026-03-10T03:30:00.000Z", end: "2026-03-10T04:00:00.000Z" },
    ]);
    expect(week.overlapMinutes).toBe(5 * 150);
  });

  it("a day in the viewer's zone that DST shortens is 23 hours long", () => {
    const week = weekOverlap({ week: "2026-03-23", timeZone: London, a: party(London), b: party(NewYork) });
    const sunday = week.days[6]!;
    expect(Date.parse(sunday.end) - Date.parse(sunday.start)).toBe(23 * 3600_000);
  });

  it("a holiday of either party removes that day's overlap", () => {
    const agencyOff = weekOverlap({
      week: "2026-03-09",
      timeZone: London,
      a: party(London, { ...standardWeek, holidays: ["2026-03-11"] }),
      b: party(NewYork),
    });
    expect(agencyOff.days.map((d) => d.overlapMinutes)).toEqual([240, 240, 0, 240, 240, 0, 0]);
    expect(agencyOff.days[2]!.a).toEqual([]);
    expect(agencyOff.overlapMinutes).toBe(16 * 60);

    const theyAreOff = weekOverlap({ week: "2026-03-09", timeZone: London, a: party(London), b: party(NewYork, { ...standardWeek, holidays: ["2026-03-13"] }) });
    expect(theyAreOff.days[4]!.both).toEqual([]);
    expect(theyAreOff.days[4]!.a.length).toBe(1);
  });

  it("rejects weeks, hours and zones that do not exist", () => {
    expect(() => weekOverlap({ week: "2026-02-30", timeZone: London, a: party(London), b: party(NewYork) })).toThrow(RangeError);
    expect(() => weekOverlap({ week: "next week", timeZone: London, a: party(London), b: party(NewYork) })).toThrow(RangeError);
    expect(() => weekOverlap({ week: "2026-03-09", timeZone: "Mars/Olympus", a: party(London), b: party(NewYork) })).toThrow(RangeError);
    expect(() => weekOverlap({ week: "2026-03-09", timeZone: London, a: party(London, { days: [1], start: "17:00", end: "09:00" }), b: party(NewYork) })).toThrow(RangeError);
  });
});

describe("week arithmetic", () => {
  it("finds Mondays and steps whole weeks across month and year ends", () => {
    expect(mondayOf("2026-03-15")).toBe("2026-03-09");
    expect(mondayOf("2026-03-09")).toBe("2026-03-09");
    expect(shiftWeek("2026-03-11", -1)).toBe("2026-03-02");
    expect(shiftWeek("2026-12-30", 1)).toBe("2027-01-04");
  });

  it("takes this week from the wall calendar of the zone", () => {
    // Sunday 23:30 in London is already Monday in Kolkata.
    expect(currentWeek(new Date("2026-03-15T23:30:00Z"), London)).toBe("2026-03-09");
    expect(currentWeek(new Date("2026-03-15T23:30:00Z"), Kolkata)).toBe("2026-03-16");
  });
});
