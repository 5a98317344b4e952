import { describe, expect, it } from "vitest";
import { addDays, isLocalDate, isRealDate, localDate, startOfDay, todayIn, wallClock, wallClockToUtc } from "@baton/kernel";

// The kernel's date and zone rules, as core and both apps use them (@baton/kernel).

describe("localDate, the one date schema", () => {
  it("refuses dates that do not exist and takes the leap day of a leap year", () => {
    expect(localDate.safeParse("2026-02-31").success).toBe(false);
    expect(localDate.safeParse("2025-02-29").success).toBe(false);
    expect(localDate.safeParse("2026-04-31").success).toBe(false);
    expect(localDate.safeParse("2026-13-01").success).toBe(false);
    expect(localDate.safeParse("2024-02-29")).toEqual({ success: true, data: "2024-02-29" });
    expect(localDate.safeParse("2026-12-31").success).toBe(true);
  });

  it("refuses other shapes and years outside Baton's, with the message people read", () => {
    for (const value of ["2026-2-3", "26-02-03", "2026-02-03T00:00", " 2026-02-03", "1969-12-31", "2200-01-01", 20260203]) {
      expect(localDate.safeParse(value).success, String(value)).toBe(false);
    }
    expect(localDate.safeParse("2026-02-31").error?.issues[0]?.message).toBe("Use a real date like 2026-11-23, between 1970 and 2199.");
  });

  it("keeps a real date of any year apart from a date Baton accepts", () => {
    expect(isRealDate("1965-07-14")).toBe(true);
    expect(isLocalDate("1965-07-14")).toBe(false);
    expect(isRealDate("1900-02-29")).toBe(false); // not a leap year: divisible by 100, not by 400
    expect(isRealDate("2000-02-29")).toBe(true);
  });

  it("adds days across month, year and leap-day ends", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(() => addDays("2026-02-31", 1)).toThrow(RangeError);
  });
});

describe("today in a zone", () => {
  const at = (iso: string) => new Date(iso);

  it("turns at the zone's midnight, not UTC's", () => {
    // New York in winter is UTC-5: 04:59:59Z is still the evening before.
    expect(todayIn("America/New_York", at("2026-01-15T04:59:59Z"))).toBe("2026-01-14");
    expect(todayIn("America/New_York", at("2026-01-15T05:00:00Z"))).toBe("2026-01-15");
    // Kolkata is UTC+5:30 all year: its day starts at 18:30Z the day before.
    expect(todayIn("Asia/Kolkata", at("2026-11-22T18:29:59Z"))).toBe("2026-11-22");
    expect(todayIn("Asia/Kolkata", at("2026-11-22T18:30:00Z"))).toBe("2026-11-23");
    expect(todayIn("UTC", at("2026-11-22T23:59:59Z"))).toBe("2026-11-22");
  });

  it("follows daylight saving: midnight moves an hour when the clocks do", () => {
    // New York springs forward on 8 March 2026: the next midnight is at UTC-4.
    expect(todayIn("America/New_York", at("2026-03-09T03:59:59Z"))).toBe("2026-03-08");
    expect(todayIn("America/New_York", at("2026-03-09T04:00:00Z"))).toBe("2026-03-09");
    // ...and falls back on 1 November: the next midnight is at UTC-5 again.
    expect(todayIn("America/New_York", at("2026-11-02T04:59:59Z"))).toBe("2026-11-01");
    expect(todayIn("America/New_York", at("2026-11-02T05:00:00Z"))).toBe("2026-11-02");
    // Athens changes at 03:00 local on 29 March: the day itself still starts at 22:00Z the day before.
    expect(todayIn("Europe/Athens", at("2026-03-28T21:59:59Z"))).toBe("2026-03-28");
    expect(todayIn("Europe/Athens", at("2026-03-28T22:00:00Z"))).toBe("2026-03-29");
  });

  it("starts a day whose midnight a DST change skips at its first real moment", () => {
    // Santiago moves from 00:00 to 01:00 on 6 September 2026: that day begins at 01:00 (UTC-3).
    expect(startOfDay("2026-09-06", "America/Santiago").toISOString()).toBe("2026-09-06T04:00:00.000Z");
    expect(todayIn("America/Santiago", at("2026-09-06T03:59:59Z"))).toBe("2026-09-05");
    expect(todayIn("America/Santiago", at("2026-09-06T04:00:00Z"))).toBe("2026-09-06");
    // A 23-hour day: New York's 8 March 2026 runs from 05:00Z to 04:00Z.
    const length = startOfDay("2026-03-09", "America/New_York").getTime() - startOfDay("2026-03-08", "America/New_York").getTime();
    expect(length).toBe(23 * 3_600_000);
  });

  it("reads and writes a datetime input's wall clock both ways", () => {
    expect(wallClock(at("2026-11-23T18:30:00Z"), "Asia/Kolkata")).toBe("2026-11-24T00:00");
    expect(wallClockToUtc("2026-11-24T00:00", "Asia/Kolkata")).toBe("2026-11-23T18:30:00.000Z");
    // 02:30 does not exist in New York on 8 March 2026: it moves forward by the gap.
    expect(wallClockToUtc("2026-03-08T02:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
    // 01:30 happens twice on 1 November 2026: the earlier one.
    expect(wallClockToUtc("2026-11-01T01:30", "America/New_York")).toBe("2026-11-01T05:30:00.000Z");
    expect(wallClockToUtc("not a time", "UTC")).toBeNull();
  });
});
