import { describe, expect, it } from "vitest";
import { zonedParts } from "@baton/core/business-hours";
import { digestWeekOf, isDue } from "@baton/core/digest";

// When the weekly digest goes out: Monday 09:00 on the client's wall clock, due for a catch-up
// day after that. Expected instants are worked out by hand from the 2026 transitions:
// London    GMT+0 → BST+1 on Sun 29 Mar; back on Sun 25 Oct.
// New York  EST-5 → EDT-4 on Sun 8 Mar; back on Sun 1 Nov.
// Sydney    AEDT+11 → AEST+10 on Sun 5 Apr; forward to AEDT+11 on Sun 4 Oct.
// Kolkata   IST+5:30 all year.
const London = "Europe/London";
const NewYork = "America/New_York";
const Sydney = "Australia/Sydney";
const Kolkata = "Asia/Kolkata";

const at = (iso: string) => new Date(iso);
const minute = 60_000;
const shift = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * minute);
const week = (iso: string, zone: string) => {
  const { weekStart, sendAt, lastSendAt, previousSendAt } = digestWeekOf(at(iso), zone);
  return { weekStart, sendAt: sendAt.toISOString(), lastSendAt: lastSendAt.toISOString(), previousSendAt: previousSendAt.toISOString() };
};

/** Not due a minute before `sendAt`, due at it and a minute after. */
function dueFrom(sendAt: string, zone: string) {
  expect(isDue(shift(sendAt, -1), zone)).toBe(false);
  expect(isDue(at(sendAt), zone)).toBe(true);
  expect(isDue(shift(sendAt, 1), zone)).toBe(true);
}

describe("Australia/Sydney", () => {
  it("the Monday after clocks go back (5 Apr): 09:00 AEST is 23:00Z, an hour later in UTC than the week before", () => {
    expect(week("2026-04-06T02:00:00Z", Sydney)).toEqual({
      weekStart: "2026-04-06",
      sendAt: "2026-04-05T23:00:00.000Z",
      lastSendAt: "2026-04-06T23:00:00.000Z",
      previousSendAt: "2026-03-29T22:00:00.000Z",
    });
    dueFrom("2026-04-05T23:00:00.000Z", Sydney);
    // 22:00Z would be 09:00 under last week's offset; it is 08:00 now.
    expect(isDue(at("2026-04-05T22:00:00Z"), Sydney)).toBe(false);
  });

  it("the Monday after clocks go forward (4 Oct): 09:00 AEDT is 22:00Z, an hour earlier than the week before", () => {
    expect(week("2026-10-05T03:00:00Z", Sydney)).toEqual({
      weekStart: "2026-10-05",
      sendAt: "2026-10-04T22:00:00.000Z",
      lastSendAt: "2026-10-05T22:00:00.000Z",
      previousSendAt: "2026-09-27T23:00:00.000Z",
    });
    dueFrom("2026-10-04T22:00:00.000Z", Sydney);
  });

  it("is already Monday's digest while UTC is still on Sunday", () => {
    // Sunday 23:30 UTC; Monday 09:30 in Sydney.
    expect(at("2026-04-05T23:30:00Z").getUTCDay()).toBe(0);
    expect(week("2026-04-05T23:30:00Z", Sydney).weekStart).toBe("2026-04-06");
    expect(isDue(at("2026-04-05T23:30:00Z"), Sydney)).toBe(true);
  });
});

describe("Europe/London", () => {
  it("the Monday after clocks go forward (29 Mar): 09:00 BST is 08:00Z", () => {
    expect(week("2026-03-30T12:00:00Z", London)).toEqual({
      weekStart: "2026-03-30",
      sendAt: "2026-03-30T08:00:00.000Z",
      lastSendAt: "2026-03-31T08:00:00.000Z",
      previousSendAt: "2026-03-23T09:00:00.000Z",
    });
    dueFrom("2026-03-30T08:00:00.000Z", London);
  });

  it("the Monday after clocks go back (25 Oct): 09:00 GMT is 09:00Z, not last week's 08:00Z", () => {
    expect(week("2026-10-26T12:00:00Z", London)).toEqual({
      weekStart: "2026-10-26",
      sendAt: "2026-10-26T09:00:00.000Z",
      lastSendAt: "2026-10-27T09:00:00.000Z",
      previousSendAt: "2026-10-19T08:00:00.000Z",
    });
    dueFrom("2026-10-26T09:00:00.000Z", London);
    expect(isDue(at("2026-10-26T08:00:00Z"), London)).toBe(false);
  });

  it("stops being due a catch-up day later, Tuesday 09:00 local", () => {
    expect(isDue(at("2026-03-31T07:59:00Z"), London)).toBe(true);
    expect(isDue(at("2026-03-31T08:00:00Z"), London)).toBe(false);
    // Later in the week nothing is due: a digest is not sent mid-week.
    expect(isDue(at("2026-04-02T12:00:00Z"), London)).toBe(false);
    expect(isDue(at("2026-04-05T23:59:00Z"), London)).toBe(false);
  });
});

describe("America/New_York", () => {
  it("the Monday after clocks go forward (8 Mar): 09:00 EDT is 13:00Z", () => {
    expect(week("2026-03-09T15:00:00Z", NewYork)).toEqual({
      weekStart: "2026-03-09",
      sendAt: "2026-03-09T13:00:00.000Z",
      lastSendAt: "2026-03-10T13:00:00.000Z",
      previousSendAt: "2026-03-02T14:00:00.000Z",
    });
    dueFrom("2026-03-09T13:00:00.000Z", NewYork);
  });

  it("the Monday after clocks go back (1 Nov): 09:00 EST is 14:00Z", () => {
    expect(week("2026-11-02T15:00:00Z", NewYork)).toEqual({
      weekStart: "2026-11-02",
      sendAt: "2026-11-02T14:00:00.000Z",
      lastSendAt: "2026-11-03T14:00:00.000Z",
      previousSendAt: "2026-10-26T13:00:00.000Z",
    });
    dueFrom("2026-11-02T14:00:00.000Z", NewYork);
    expect(isDue(at("2026-11-02T13:00:00Z"), NewYork)).toBe(false);
  });

  it("is still last week (Sunday evening) while UTC is already on Monday, and nothing is due", () => {
    // Monday 03:00 UTC; Sunday 22:00 in New York.
    expect(at("2026-11-02T03:00:00Z").getUTCDay()).toBe(1);
    expect(week("2026-11-02T03:00:00Z", NewYork)).toMatchObject({ weekStart: "2026-10-26", sendAt: "2026-10-26T13:00:00.000Z" });
    expect(isDue(at("2026-11-02T03:00:00Z"), NewYork)).toBe(false);
  });
});

describe("Asia/Kolkata (+05:30, no DST)", () => {
  it("09:00 IST is 03:30Z, reached by the quarter-hour runs", () => {
    expect(week("2026-03-30T10:00:00Z", Kolkata)).toEqual({
      weekStart: "2026-03-30",
      sendAt: "2026-03-30T03:30:00.000Z",
      lastSendAt: "2026-03-31T03:30:00.000Z",
      previousSendAt: "2026-03-23T03:30:00.000Z",
    });
    dueFrom("2026-03-30T03:30:00.000Z", Kolkata);
    expect(isDue(at("2026-03-30T03:15:00Z"), Kolkata)).toBe(false);
  });

  it("is Monday's week from local midnight, while UTC is still on Sunday, but not due before 09:00", () => {
    // Sunday 20:00 UTC; Monday 01:30 in Kolkata.
    expect(week("2026-03-29T20:00:00Z", Kolkata)).toMatchObject({ weekStart: "2026-03-30", sendAt: "2026-03-30T03:30:00.000Z" });
    expect(isDue(at("2026-03-29T20:00:00Z"), Kolkata)).toBe(false);
    // A minute before local midnight it is still the week before.
    expect(week("2026-03-29T18:29:00Z", Kolkata).weekStart).toBe("2026-03-23");
  });
});

describe("every week of 2026", () => {
  it("sends at Monday 09:00 local in each zone, and the 15-minute runs first find it due exactly then", () => {
    for (const zone of [Sydney, London, NewYork, Kolkata, "Asia/Kathmandu"]) {
      for (let day = Date.parse("2026-01-05T12:00:00Z"); day < Date.parse("2027-01-01T00:00:00Z"); day += 7 * 86_400_000) {
        const { sendAt, weekStart } = digestWeekOf(new Date(day), zone);
        expect(zonedParts(sendAt, zone)).toMatchObject({ weekday: 1, hour: 9, minute: 0 });
        expect(weekStart).toBe(new Date(day).toISOString().slice(0, 10));
        // Every sendAt is on the quarter hour (+05:45 Kathmandu too), so a run lands on it.
        expect(sendAt.getTime() % (15 * minute)).toBe(0);
        expect(isDue(new Date(sendAt.getTime() - 15 * minute), zone)).toBe(false);
        expect(isDue(sendAt, zone)).toBe(true);
      }
    }
  });

  it("takes the week across a new year from the local calendar", () => {
    expect(week("2027-01-01T12:00:00Z", London).weekStart).toBe("2026-12-28");
    // 1 January in Sydney, still 31 December in UTC: the week began on Monday 28 December.
    expect(week("2026-12-31T20:00:00Z", Sydney)).toMatchObject({ weekStart: "2026-12-28", sendAt: "2026-12-27T22:00:00.000Z" });
  });
});
