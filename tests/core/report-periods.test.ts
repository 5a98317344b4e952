import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Reports } from "@baton/core/reports";

// Reports count by the agency's months and days; the data is in UTC. These pin the conversions.

describe("report periods", () => {
  it("lists every month of a range, across years", () => {
    expect(Reports.monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(Reports.monthsBetween("2026-03", "2026-03")).toEqual(["2026-03"]);
    expect(Reports.monthsBack("2026-11", 12)).toBe("2025-12");
    expect(Reports.monthsBack("2026-01", 1)).toBe("2026-01");
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 60 }), (year, month, count) => {
        const to = `${year}-${String(month).padStart(2, "0")}`;
        const months = Reports.monthsBetween(Reports.monthsBack(to, count), to);
        expect(months).toHaveLength(count);
        expect(months.at(-1)).toBe(to);
      }),
    );
  });

  it("puts an instant in the month it is in where the agency lives", () => {
    // 23:30 UTC on 31 October is already November in Athens, still October in New York.
    expect(Reports.monthOf("2026-10-31T23:30:00.000Z", "Europe/Athens")).toBe("2026-11");
    expect(Reports.monthOf("2026-10-31T23:30:00.000Z", "America/New_York")).toBe("2026-10");
    expect(Reports.monthOf("2026-11-30T20:00:00.000Z", "Asia/Kolkata")).toBe("2026-12");
  });

  it("turns local days and months into UTC ranges that meet without gaps or overlaps", () => {
    expect(Reports.daysToUtc("2026-11-01", "2026-11-30", "Asia/Kolkata")).toEqual({ start: "2026-10-31T18:30:00.000Z", end: "2026-11-30T18:29:59.999Z" });
    // New York leaves daylight saving on 1 November 2026: the month starts at UTC-4 and ends at UTC-5.
    expect(Reports.monthsToUtc("2026-11", "2026-11", "America/New_York")).toEqual({ start: "2026-11-01T04:00:00.000Z", end: "2026-12-01T04:59:59.999Z" });
    expect(Reports.monthsToUtc("2024-02", "2024-02", "UTC")).toEqual({ start: "2024-02-01T00:00:00.000Z", end: "2024-02-29T23:59:59.999Z" });
    const october = Reports.monthsToUtc("2026-10", "2026-10", "Europe/London");
    const november = Reports.monthsToUtc("2026-11", "2026-11", "Europe/London");
    expect(Date.parse(november.start) - Date.parse(october.end)).toBe(1);
  });

  it("ages money owed by whole days past due", () => {
    const due = "2026-11-01T12:00:00.000Z";
    const at = (hours: number) => Reports.daysOverdue(due, new Date(Date.parse(due) + hours * 3_600_000));
    expect([at(-48), at(0), at(23), at(24), at(24 * 31)]).toEqual([0, 0, 0, 1, 31]);
    expect([0, 1, 30, 31, 60, 61, 90, 91, 400].map(Reports.agingBucket)).toEqual(["current", "1-30", "1-30", "31-60", "31-60", "61-90", "61-90", "90+", "90+"]);
  });
});
