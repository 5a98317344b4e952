import { readFileSync } from "node:fs";
import type { Catalog } from "./catalogs.ts";

// The glossary (packages/ui/src/i18n/GLOSSARY.md) read as data: its terms with their patterns, its
// exceptions, and the punctuation rules it marks as checked.

export type Term = { term: string; en: RegExp; el: RegExp | null; hi: RegExp | null; usesPlaceholders: boolean };
export type Locale = "el" | "hi";

const glossary = readFileSync(new URL("../../packages/ui/src/i18n/GLOSSARY.md", import.meta.url), "utf8");

/** The rows of the markdown table under `## heading`, as arrays of trimmed cells. */
export function tableRows(heading: string): string[][] {
  const section = glossary.split(/^## /m).find((part) => part.startsWith(heading + "\n"));
  if (!section) throw new Error(`GLOSSARY.md has no "## ${heading}" section`);
  return section
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .slice(2) // header and separator
    .map((line) => splitRow(line));
}

/** Splits a table row on "|" outside code spans (patterns contain "|"). */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let inCode = false;
  for (const char of line.slice(1, line.trimEnd().length - 1)) {
    if (char === "`") inCode = !inCode;
    if (char === "|" && !inCode) {
      cells.push(cell.trim());
      cell = "";
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}

const pattern = (cell: string): RegExp | null => {
  const code = /^`(.+)`$/.exec(cell);
  return code ? new RegExp(code[1]!, "iu") : null;
};

export const terms: Term[] = tableRows("Terms")
  .map(([term, en, , el, , hi]) => ({ term: term!, en: pattern(en!), el: pattern(el!), hi: pattern(hi!) }))
  .filter((row): row is Omit<Term, "usesPlaceholders"> & { en: RegExp } => row.en !== null)
  .map((row) => ({ ...row, usesPlaceholders: row.en.source.includes("\\{") }));

export const exceptions = new Set(tableRows("Exceptions").map(([key, term]) => `${key!.replaceAll("`", "")}|${term}`));

const withoutPlaceholders = (text: string) => text.replace(/\{\w+\}/g, " ");
const countOf = (re: RegExp, text: string) => text.match(new RegExp(re.source, "giu"))?.length ?? 0;

/** Keys whose translation does not use the glossary's word for a term their English uses. */
export function termProblems(catalog: Catalog, locale: Locale): string[] {
  const problems: string[] = [];
  for (const [key, text] of Object.entries(catalog[locale])) {
    const english = catalog.en[key] ?? "";
    const base = key.replace(/\.(zero|one|two|few|many|other)$/, "");
    for (const term of terms) {
      const wanted = term[locale];
      if (!wanted || exceptions.has(`${base}|${term.term}`) || exceptions.has(`${key}|${term.term}`)) continue;
      const source = term.usesPlaceholders ? english : withoutPlaceholders(english);
      const target = term.usesPlaceholders ? text : withoutPlaceholders(text);
      // Placeholder terms must be rendered at every occurrence; word terms at least once.
      const needed = term.usesPlaceholders ? countOf(term.en, source) : Math.min(1, countOf(term.en, source));
      if (needed && countOf(wanted, target) < needed)
        problems.push(`${catalog.name} ${key} [${locale}] "${term.term}" should read ${wanted.source}: ${text}`);
    }
  }
  return problems;
}

const punctuation: Record<Locale, { rule: string; bad: RegExp }[]> = {
  el: [
    { rule: "Greek asks with ; not ?", bad: /\?/u },
    { rule: "Greek quotes with «»", bad: /["“”]/u },
    { rule: "a person's name as the subject takes no colon", bad: /^\{(by|name|names)\}: (?!\{)/u },
  ],
  hi: [
    { rule: "Hindi quotes with “”", bad: /["«»]/u },
    // A full stop after Devanagari ends a sentence: Hindi ends it with the purna viram.
    { rule: "Hindi ends a sentence with । not .", bad: /\p{Script=Devanagari}[”)]?\.(\s|$)/u },
  ],
};

/** Words the glossary's "Never" table bans, per language. */
export const never: { locale: Locale; bad: RegExp; instead: string }[] = tableRows("Never").map(([locale, bad, instead]) => ({
  locale: locale as Locale,
  bad: pattern(bad!)!,
  instead: instead!,
}));

export function neverProblems(catalog: Catalog, locale: Locale): string[] {
  return Object.entries(catalog[locale]).flatMap(([key, text]) =>
    never.filter((rule) => rule.locale === locale && rule.bad.test(text)).map((rule) => `${catalog.name} ${key} [${locale}] write ${rule.instead}: ${text}`),
  );
}

export function punctuationProblems(catalog: Catalog, locale: Locale): string[] {
  return Object.entries(catalog[locale]).flatMap(([key, text]) =>
    punctuation[locale].filter(({ bad }) => bad.test(text)).map(({ rule }) => `${catalog.name} ${key} [${locale}] ${rule}: ${text}`),
  );
}

