import { describe, expect, it } from "vitest";
import { dueEvent } from "@baton/core/meeting";

// A due date becomes the event it is on the assignee's clock: a deadline at the end of a day is
// that day, all day; any other is the half hour before it.
describe("dueEvent", () => {
  it("is an all-day event for a deadline at midnight or 23:59 on the assignee's clock", () => {
    // 00:00 in Kolkata on 11 March is the end of 10 March.
    expect(dueEvent("2026-03-10T18:30:00.000Z", "Asia/Kolkata")).toEqual({ date: "2026-03-10" });
    expect(dueEvent("2026-03-11T03:59:00.000Z", "America/New_York")).toEqual({ date: "2026-03-10" });
  });

  it("is a timed half hour ending at any other deadline, whatever the zone", () => {
    expect(dueEvent("2026-03-29T15:00:00.000Z", "Europe/London")).toEqual({ start: "2026-03-29T14:30:00.000Z", end: "2026-03-29T15:00:00.000Z" });
    // The same instant is 00:00 in Sydney on 30 March (AEDT, +11): all day on the 29th there.
    expect(dueEvent("2026-03-29T13:00:00.000Z", "Australia/Sydney")).toEqual({ date: "2026-03-29" });
  });
});
