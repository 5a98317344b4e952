import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { minorAmount } from "@baton/core/fields";
import { Money } from "@baton/core/money";

// Money is integer minor units; these properties hold for any amounts, rates and currencies.

const currencies = ["USD", "EUR", "GBP", "JPY", "INR", "AUD", "KWD", "BHD", "CLP", "KRW"];
const currency = fc.constantFrom(...currencies);
const minutes = fc.integer({ min: 0, max: 100_000 });
const rate = fc.integer({ min: 0, max: 10_000_000 });

describe("money", () => {
  it("knows each currency's minor unit", () => {
    expect(currencies.map((code) => [code, Money.minorDigits(code)])).toEqual([
      ["USD", 2],
      ["EUR", 2],
      ["GBP", 2],
      ["JPY", 0],
      ["INR", 2],
      ["AUD", 2],
      ["KWD", 3],
      ["BHD", 3],
      ["CLP", 0],
      ["KRW", 0],
    ]);
  });

  it("prices time within half a minor unit of the exact amount, rounding halves up", () => {
    fc.assert(
      fc.property(minutes, rate, (m, r) => {
        const priced = Money.forMinutes(m, r);
        expect(Number.isInteger(priced)).toBe(true);
        // |priced - m*r/60| <= 1/2, in integers: |60*priced - m*r| <= 30, and an exact half goes up.
        const error = 60 * priced - m * r;
        expect(error).toBeGreaterThan(-30);
        expect(error).toBeLessThanOrEqual(30);
      }),
    );
    expect(Money.forMinutes(1, 30)).toBe(1); // 0.5 → 1
    expect(Money.forMinutes(1, 29)).toBe(0); // 0.48 → 0
    expect(Money.forMinutes(90, 5000)).toBe(7500);
  });

  it("never drifts more than a minor unit per line when time is split into entries", () => {
    fc.assert(
      fc.property(fc.array(minutes, { minLength: 1, maxLength: 20 }), rate, (parts, r) => {
        const whole = Money.forMinutes(
          parts.reduce((a, b) => a + b, 0),
          r,
        );
        const summed = parts.reduce((total, m) => total + Money.forMinutes(m, r), 0);
        expect(Math.abs(whole - summed)).toBeLessThanOrEqual(parts.length);
      }),
    );
  });

  it("takes percentages (tax, deposits) that add back up to the whole", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Money.MAX_MINOR / 10_000 }), fc.integer({ min: 0, max: 10_000 }), (amount, bp) => {
        const part = Money.percentOf(amount, bp);
        const rest = amount - part;
        expect(part).toBeGreaterThanOrEqual(0);
        expect(rest).toBeGreaterThanOrEqual(0);
        const error = 10_000 * part - amount * bp;
        expect(error).toBeGreaterThan(-5_000);
        expect(error).toBeLessThanOrEqual(5_000);
      }),
    );
    expect(Money.percentOf(1000, 2000)).toBe(200);
    // Finding 1: 1e12 at 100% was a RangeError (the product passed 2^53); it is exact now.
    expect(Money.percentOf(1_000_000_000_000, 10_000)).toBe(1_000_000_000_000);
    expect(Money.percentOf(Money.MAX_MINOR, 3_333)).toBe(333_300_000_000);
    expect(Money.forMinutes(44_640, Money.MAX_INPUT_MINOR)).toBe(7_440_000_000_000);
    expect(Money.percentOf(5, 5000)).toBe(3); // 2.5 → 3
  });

  it("reads and writes major-unit decimals exactly, with the currency's decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Money.MAX_INPUT_MINOR }), currency, (amount, code) => {
        const text = Money.toMajorString(amount, code);
        expect(Money.parseMajor(text, code)).toBe(amount);
      }),
    );
    expect(Money.parseMajor("12.5", "USD")).toBe(1250);
    expect(Money.parseMajor("1200", "JPY")).toBe(1200);
    expect(Money.parseMajor("12.50", "JPY")).toBeUndefined();
    expect(Money.parseMajor("1.234", "KWD")).toBe(1234);
    expect(Money.parseMajor("abc", "USD")).toBeUndefined();
    // Typed amounts stop at the input cap (100 million in a 2-decimal currency).
    expect(Money.parseMajor("100000000", "USD")).toBe(Money.MAX_INPUT_MINOR);
    expect(Money.parseMajor("100000000.01", "USD")).toBeUndefined();
    expect(Money.toMajorString(5, "USD")).toBe("0.05");
    expect(Money.toMajorString(-1050, "USD")).toBe("-10.50");
  });

  it("formats for people with the right decimals, without floating-point error", () => {
    expect(Money.format(123450, "USD", "en-US")).toBe("$1,234.50");
    expect(Money.format(1235, "JPY", "en-US")).toBe("¥1,235");
    expect(Money.format(12345600, "INR", "en-IN")).toBe("₹1,23,456.00");
    expect(Money.format(1234, "KWD", "en-US").replace(/\s/g, " ")).toBe("KWD 1.234");
    // 2^53 - 1 cents would lose its last digits as a float divided by 100.
    expect(Money.format(900719925474099, "USD", "en-US")).toBe("$9,007,199,254,740.99");
  });

  it("refuses float and negative amounts at the API's edge", () => {
    expect(minorAmount.safeParse(12.5).success).toBe(false);
    expect(minorAmount.safeParse(-1).success).toBe(false);
    expect(minorAmount.safeParse(Money.MAX_MINOR + 1).success).toBe(false);
    expect(minorAmount.safeParse(1250).success).toBe(true);
  });
});
