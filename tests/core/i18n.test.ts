import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { message, type MessageKey as EmailKey } from "../../packages/core/src/email/messages.ts";
import { el as elEmail } from "../../packages/core/src/email/messages-el.ts";
import { hi as hiEmail } from "../../packages/core/src/email/messages-hi.ts";
import { I18n } from "../../packages/core/src/i18n/index.ts";
import { el as elTexts } from "../../packages/core/src/i18n/texts-el.ts";
import { hi as hiTexts } from "../../packages/core/src/i18n/texts-hi.ts";
import { en as enTexts, type TextKey } from "../../packages/core/src/i18n/texts.ts";
import { el } from "../../packages/ui/src/i18n/el.ts";
import { en, type Plural } from "../../packages/ui/src/i18n/en.ts";
import { hi } from "../../packages/ui/src/i18n/hi.ts";

// Every non-English catalogue. Adding a language is importing it and adding it here.
const appCatalogs: Record<string, Record<string, string | Plural>> = { el, hi };
const emailCatalogs: Record<string, Record<string, string>> = { el: elEmail, hi: hiEmail };

// Words a translation may leave exactly as in English: names and acronyms nobody translates.
// A string identical to English passes only if every word in it (placeholders aside) is here.
const sameInEveryLanguage = new Set(["Baton", "QA", "SOP", "CSV", "PDF", "OK", "NPS", "CSAT", "Wise", "PayPal", "Email"]);

const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
const withoutCount = (names: string[]) => names.filter((name) => name !== "{count}");

function mayMatchEnglish(text: string) {
  const words = text.replace(/\{\w+\}/g, " ").match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.every((word) => sameInEveryLanguage.has(word) || /^\p{N}+$/u.test(word));
}

/** Problems with one translated string against its English source, or [] when it is fine. */
function stringProblems(key: string, source: string, text: unknown): string[] {
  if (typeof text !== "string") return [`${key}: expected a string`];
  if (!text.trim()) return [`${key}: empty`];
  const problems: string[] = [];
  if (placeholders(text).join() !== placeholders(source).join())
    problems.push(`${key}: placeholders ${placeholders(text).join(" ")} ≠ English ${placeholders(source).join(" ")}`);
  if (text === source && !mayMatchEnglish(text)) problems.push(`${key}: left in English ("${text}")`);
  return problems;
}

function pluralProblems(locale: string, key: string, source: Plural, entry: unknown): string[] {
  if (!entry || typeof entry !== "object") return [`${key}: expected a plural object`];
  const forms = entry as Record<string, unknown>;
  const allowed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
  const problems: string[] = [];
  if (typeof forms.other !== "string") problems.push(`${key}: no "other" form`);
  if (placeholders(source.other).includes("{count}") && typeof forms.other === "string" && !forms.other.includes("{count}"))
    problems.push(`${key}.other: lost {count}`);
  for (const [category, text] of Object.entries(forms)) {
    if (!allowed.includes(category)) problems.push(`${key}: "${category}" is not a ${locale} plural category`);
    if (typeof text !== "string" || !text.trim()) {
      problems.push(`${key}.${category}: empty`);
      continue;
    }
    // "one" may cover more than 1 (Hindi: 0 and 1), so any form may say {count} where English says "1".
    const english = source[category as keyof Plural] ?? source.other;
    if (withoutCount(placeholders(text)).join() !== withoutCount(placeholders(english)).join())
      problems.push(`${key}.${category}: placeholders ${placeholders(text).join(" ")} ≠ English ${placeholders(english).join(" ")}`);
    if (text === english && !mayMatchEnglish(text)) problems.push(`${key}.${category}: left in English ("${text}")`);
  }
  return problems;
}

describe.each(Object.entries(appCatalogs))("app catalogue %s", (locale, catalog) => {
  it("has exactly the English keys", () => {
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
  });

  it("translates every string with the same placeholders and valid plurals", () => {
    const problems = Object.entries(en).flatMap(([key, source]) =>
      typeof source === "string" ? stringProblems(key, source, catalog[key]) : pluralProblems(locale, key, source, catalog[key]),
    );
    expect(problems).toEqual([]);
  });
});

// The English email strings are module-private; read their keys from the source, and check
// the reading against `message("en", …)`, which returns the template when given no params.
const englishEmail: Record<string, string> = (() => {
  const source = readFileSync(new URL("../../packages/core/src/email/messages.ts", import.meta.url), "utf8");
  const block = source.slice(source.indexOf("const en = {"), source.indexOf("} as const;"));
  const entries = [...block.matchAll(/^\s*"([\w.]+)":\s*("(?:[^"\\]|\\.)*"),?\s*$/gm)];
  return Object.fromEntries(entries.map(([, key, literal]) => [key!, JSON.parse(literal!) as string]));
})();

describe("English email catalogue (as read by this test)", () => {
  it("is read completely", () => {
    expect(Object.keys(englishEmail).length).toBeGreaterThan(40);
    for (const [key, text] of Object.entries(englishEmail)) expect(message("en", key as EmailKey)).toBe(text);
  });
});

describe.each(Object.entries(emailCatalogs))("email catalogue %s", (locale, catalog) => {
  it("has exactly the English keys", () => {
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(englishEmail).sort());
  });

  it("translates every string with the same placeholders", () => {
    const problems = Object.entries(englishEmail).flatMap(([key, source]) => stringProblems(key, source, catalog[key]));
    expect(problems).toEqual([]);
  });

  it("is the one message() uses", () => {
    for (const key of Object.keys(englishEmail) as EmailKey[])
      expect(message(locale as "el" | "hi", key)).toBe(catalog[key]);
  });
});

// Server-made text: print page, calendar feed, invoice lines.
// The email strings of Greek and Hindi load on first use (Email's loadEmailMessages, I18n.loadTexts).
beforeAll(() => I18n.loadTexts());

const textCatalogs: Record<string, Record<string, string>> = { el: elTexts, hi: hiTexts };

describe.each(Object.entries(textCatalogs))("server text catalogue %s", (locale, catalog) => {
  it("has exactly the English keys", () => {
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(enTexts).sort());
  });

  it("translates every string with the same placeholders", () => {
    const problems = Object.entries(enTexts).flatMap(([key, source]) => stringProblems(key, source, catalog[key]));
    expect(problems).toEqual([]);
  });

  it("is the one text() uses, once loaded (not at a cold start)", async () => {
    await I18n.loadTexts(locale as "el" | "hi");
    for (const key of Object.keys(enTexts) as TextKey[]) expect(I18n.text(locale as "el" | "hi", key)).toBe(catalog[key]);
  });
});

describe("Intl formatting for hi", () => {
  it("formats rupees with lakh grouping in Latin digits, ICU's default for hi", () => {
    expect(new Intl.NumberFormat("hi").resolvedOptions().numberingSystem).toBe("latn");
    const money = new Intl.NumberFormat("hi", { style: "currency", currency: "INR" }).format(123456.5);
    expect(money).toContain("₹");
    expect(money).toContain("1,23,456.50");
  });

  it("names months in Hindi", () => {
    const date = new Intl.DateTimeFormat("hi", { dateStyle: "long", timeZone: "UTC" }).format(Date.UTC(2026, 10, 3));
    expect(date).toMatch(/\p{Script=Devanagari}/u);
    expect(date).toContain("2026");
  });

  it("has the plural categories the catalogue uses, with 0 in one", () => {
    const rules = new Intl.PluralRules("hi");
    expect(rules.resolvedOptions().pluralCategories.sort()).toEqual(["one", "other"]);
    expect(rules.select(0)).toBe("one");
    expect(rules.select(2)).toBe("other");
  });
});
