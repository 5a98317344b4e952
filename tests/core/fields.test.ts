import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isCurrency, isTimeZone, timeZone } from "@baton/core/fields";
import { canonicalTimeZone, timeZoneNames } from "@baton/core/time-zone";
import { fn } from "@baton/core/fn";
import { createId, isId } from "@baton/core/id";
import { VisibleError } from "@baton/core/error";

describe("field rules", () => {
  it("knows IANA time zones", () => {
    for (const zone of ["Europe/London", "Asia/Kolkata", "Australia/Sydney", "America/New_York", "UTC"]) expect(isTimeZone(zone)).toBe(true);
    for (const zone of ["Mars/Olympus", "", "GMT+25", "+05:30", "x".repeat(100)]) expect(isTimeZone(zone)).toBe(false);
  });

  it("stores time zones under their current IANA names, whatever spelling arrives", () => {
    expect(timeZone.parse("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(timeZone.parse("asia/kolkata")).toBe("Asia/Kolkata");
    expect(timeZone.parse(" Europe/Kiev ")).toBe("Europe/Kyiv");
    expect(timeZone.parse("Australia/Sydney")).toBe("Australia/Sydney");
    expect(canonicalTimeZone("America/Buenos_Aires")).toBe("America/Argentina/Buenos_Aires");
    expect(canonicalTimeZone("Mars/Olympus")).toBeUndefined();
  });

  it("lists every zone the runtime knows once, under current names, UTC first", () => {
    const names = timeZoneNames(Intl.supportedValuesOf("timeZone"));
    expect(names[0]).toBe("UTC");
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("Asia/Kolkata");
    expect(names).toContain("Europe/Kyiv");
    expect(names).not.toContain("Asia/Calcutta");
    expect(names).not.toContain("Europe/Kiev");
    // Every listed name round-trips: what the picker offers is what gets stored.
    for (const name of names) expect(canonicalTimeZone(name)).toBe(name);
  });

  it("knows ISO 4217 currencies", () => {
    for (const code of ["USD", "EUR", "JPY", "INR", "GBP", "AUD"]) expect(isCurrency(code)).toBe(true);
    for (const code of ["usd", "EURO", "XYZ1", ""]) expect(isCurrency(code)).toBe(false);
  });
});

describe("ids", () => {
  it("are prefixed, sortable and recognisable", async () => {
    const first = createId("client");
    await new Promise((resolve) => setTimeout(resolve, 2));
    const second = createId("client");
    expect(first).toMatch(/^cli_[0-9a-z]{26}$/);
    expect(first < second).toBe(true);
    expect(isId("client", first)).toBe(true);
    expect(isId("member", first)).toBe(false);
    expect(isId("client", "cli_../../etc")).toBe(false);
  });
});

describe("fn", () => {
  const greet = fn(z.strictObject({ name: z.string().min(1, "Enter a name.") }), (input, punctuation: string) => `Hi ${input.name}${punctuation}`);

  it("validates input and passes extra arguments through", () => {
    expect(greet({ name: "Ada" }, "!")).toBe("Hi Ada!");
    expect(greet.schema).toBeDefined();
  });

  it("throws one validation error naming each field, unknown ones included", () => {
    try {
      greet({ name: "", extra: 1 } as never, "!");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(VisibleError);
      expect((error as VisibleError).status).toBe(400);
      expect((error as VisibleError).extra.fields).toEqual({ name: "Enter a name.", extra: "Unknown field." });
    }
  });
});
