import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isCurrency, isTimeZone } from "@baton/core/fields";
import { fn } from "@baton/core/fn";
import { createId, isId } from "@baton/core/id";
import { VisibleError } from "@baton/core/error";

describe("field rules", () => {
  it("knows IANA time zones", () => {
    for (const zone of ["Europe/London", "Asia/Kolkata", "Australia/Sydney", "America/New_York", "UTC"]) expect(isTimeZone(zone)).toBe(true);
    for (const zone of ["Mars/Olympus", "", "GMT+25", "x".repeat(100)]) expect(isTimeZone(zone)).toBe(false);
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
