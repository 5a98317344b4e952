import { describe, expect, it } from "vitest";
import { standardWeek, type WorkingWeek } from "@baton/core/business-hours";
import { groupWeek, type Party } from "@baton/core/business-hours/overlap";

// The planner for several people. Instants worked out by hand from the 2026 transitions:
// London    GMT+0 → BST+1 at 2026-03-29 01:00Z.
// New York  EST-5 → EDT-4 at 2026-03-08 07:00Z.
// Sydney    AEDT+11 → AEST+10 at 2026-04-04 16:00Z (Sun 5 Apr).
// Kolkata   IST+5:30 all year.
const London = "Europe/London";
const NewYork = "America/New_York";
const Sydney = "Australia/Sydney";
const Kolkata = "Asia/Kolkata";

const party = (timeZone: string, workingWeek: WorkingWeek = standardWeek): Party => ({ timeZone, workingWeek });

describe("groupWeek", () => {
  it("finds the hours London and New York share, and the first slot inside them, week by week across London's DST change", () => {
    const march = groupWeek({ week: "2026-03-25", timeZone: London, people: [party(London), party(NewYork)], minutes: 60 });
    expect(march.week).toBe("2026-03-23");
    expect(march.days[0]!.shared).toEqual([{ start: "2026-03-23T13:00:00.000Z", end: "2026-03-23T17:00:00.000Z" }]);
    expect(march.days.map((d) => d.sharedMinutes)).toEqual([240, 240, 240, 240, 240, 0, 0]);
    expect(march.best).toEqual({ start: "2026-03-23T13:00:00.000Z", end: "2026-03-23T14:00:00.000Z", outside: 0, outsideMinutes: [0, 0] });

    // London on BST: 08:00–16:00Z, so an hour less each day.
    const april = groupWeek({ week: "2026-03-30", timeZone: London, people: [party(London), party(NewYork)], minutes: 60 });
    expect(april.days[1]!.shared).toEqual([{ start: "2026-03-31T13:00:00.000Z", end: "2026-03-31T16:00:00.000Z" }]);
    expect(april.sharedMinutes).toBe(15 * 60);
  });

  it("keeps each person's own hours, in the viewer's days", () => {
    const late: WorkingWeek = { days: [1, 2, 3, 4], start: "12:00", end: "20:00" };
    const week = groupWeek({ week: "2026-03-09", timeZone: NewYork, people: [party(London), party(Kolkata, late)], minutes: 30 });
    // Kolkata 12:00–20:00 IST is 06:30–14:30Z; London 09:00–17:00Z: 09:00–14:30Z, Monday to Thursday.
    expect(week.days[0]!.date).toBe("2026-03-09");
    expect(week.days[0]!.start).toBe("2026-03-09T04:00:00.000Z");
    expect(week.days[0]!.people[1]).toEqual([{ start: "2026-03-09T06:30:00.000Z", end: "2026-03-09T14:30:00.000Z" }]);
    expect(week.days.map((d) => d.sharedMinutes)).toEqual([330, 330, 330, 330, 0, 0, 0]);
  });

  it("offers the least-bad slot for London, New York and Kolkata, who never all work at once", () => {
    const week = groupWeek({ week: "2026-03-09", timeZone: London, people: [party(London), party(NewYork), party(Kolkata)], minutes: 60 });
    expect(week.sharedMinutes).toBe(0);
    // One person outside their hours for the hour is the best there is; London and Kolkata share 09:00–11:30Z
    // and London and New York 13:00–17:00Z. The slots nearest the left-out person's hours are 10:30Z (New York
    // starts 90 minutes after it ends) and 13:00Z (Kolkata stopped 90 minutes before): the earlier wins.
    expect(week.best).toEqual({ start: "2026-03-09T10:30:00.000Z", end: "2026-03-09T11:30:00.000Z", outside: 1, outsideMinutes: [0, 60, 0] });
  });

  it("puts London and Sydney's least-bad slot at the edge of the day, not at midnight, and follows Sydney's DST change", () => {
    // Sydney on AEDT (22:00–06:00Z), London on BST (08:00–16:00Z): two hours apart.
    const before = groupWeek({ week: "2026-03-30", timeZone: London, people: [party(London), party(Sydney), party(Kolkata)], minutes: 60 });
    expect(before.sharedMinutes).toBe(0);
    expect(before.best).toEqual({ start: "2026-03-30T05:00:00.000Z", end: "2026-03-30T06:00:00.000Z", outside: 1, outsideMinutes: [60, 0, 0] });

    // Sydney on AEST from 5 April (23:00–07:00Z): an hour closer.
    const after = groupWeek({ week: "2026-04-06", timeZone: London, people: [party(London), party(Sydney), party(Kolkata)], minutes: 60 });
    expect(after.best).toEqual({ start: "2026-04-06T06:00:00.000Z", end: "2026-04-06T07:00:00.000Z", outside: 1, outsideMinutes: [60, 0, 0] });
    // A 30-minute meeting leaves London out by only half an hour less.
    const short = groupWeek({ week: "2026-04-06", timeZone: London, people: [party(London), party(Sydney)], minutes: 30 });
    expect(short.best).toEqual({ start: "2026-04-06T06:30:00.000Z", end: "2026-04-06T07:00:00.000Z", outside: 1, outsideMinutes: [30, 0] });
  });

  it("counts a slot half inside someone's hours as fewer minutes outside", () => {
    // Two people, one's hours ending where the other's begin: an hour-long meeting across the edge leaves each out 30 minutes,
    // but one person fully outside (60) is one person; a 30/30 split is two: fewer people wins.
    const early: WorkingWeek = { days: [1], start: "09:00", end: "12:00" };
    const late: WorkingWeek = { days: [1], start: "12:00", end: "15:00" };
    const week = groupWeek({ week: "2026-06-01", timeZone: Kolkata, people: [party(Kolkata, early), party(Kolkata, late)], minutes: 60 });
    expect(week.best!.outside).toBe(1);
    expect(week.best!.outsideMinutes.sort()).toEqual([0, 60]);
  });

  it("refuses impossible lengths and unknown zones", () => {
    expect(() => groupWeek({ week: "2026-03-09", timeZone: London, people: [party(London)], minutes: 0 })).toThrow(RangeError);
    expect(() => groupWeek({ week: "2026-03-09", timeZone: "Mars/Olympus", people: [party(London)], minutes: 60 })).toThrow(RangeError);
    expect(groupWeek({ week: "2026-03-09", timeZone: London, people: [], minutes: 60 }).best).toBeNull();
  });
});
