import { describe, expect, it } from "vitest";
import { allCatalogs, type Catalog } from "../support/catalogs.ts";
import { never, neverProblems, punctuationProblems, tableRows, termProblems, terms } from "../support/glossary.ts";

// The glossary (packages/ui/src/i18n/GLOSSARY.md) is the rulebook; this test holds every catalog to
// it: one translation per domain term, and the punctuation each language uses.

const catalogs: Catalog[] = allCatalogs();

describe("the glossary", () => {
  it("is read: terms with patterns for both languages", () => {
    expect(terms.length).toBeGreaterThan(30);
    expect(terms.find((t) => t.term === "invoice")?.hi?.test("इनवॉइस")).toBe(true);
    expect(terms.find((t) => t.term === "invoice")?.hi?.test("चालान")).toBe(false);
  });

  it("bans, per language, the words readers stumbled on", () => {
    expect(never.some((rule) => rule.locale === "hi" && rule.bad.test("बकाया चालान"))).toBe(true);
    expect(never.some((rule) => rule.locale === "el" && rule.bad.test("Το {agency} σας προσκαλεί"))).toBe(true);
    expect(never.some((rule) => rule.locale === "el" && rule.bad.test("Το γραφείο {agency} σας προσκαλεί"))).toBe(false);
  });

  it("names only keys that exist in its exceptions", () => {
    const keys = new Set(catalogs.flatMap((catalog) => Object.keys(catalog.en).map((key) => key.replace(/\.(one|other)$/, ""))));
    const termNames = new Set(tableRows("Terms").map(([term]) => term));
    const unknown = tableRows("Exceptions").filter(([key, term]) => !keys.has(key!.replaceAll("`", "")) || !termNames.has(term!));
    expect(unknown).toEqual([]);
  });
});

describe.each(catalogs.flatMap((catalog) => (["el", "hi"] as const).map((locale) => [catalog.name, locale, catalog] as const)))(
  "%s catalog in %s",
  (_name, locale, catalog) => {
    it("uses the glossary's word for every term its English uses", () => {
      expect(termProblems(catalog, locale)).toEqual([]);
    });

    it("follows the language's punctuation", () => {
      expect(punctuationProblems(catalog, locale)).toEqual([]);
    });

    it("has none of the words the glossary bans", () => {
      expect(neverProblems(catalog, locale)).toEqual([]);
    });
  },
);
