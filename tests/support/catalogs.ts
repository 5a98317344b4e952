import { readFileSync } from "node:fs";
import { el as elEmail } from "../../packages/core/src/email/messages-el.ts";
import { el as elErrors } from "../../packages/core/src/i18n/errors-el.ts";
import { hi as hiErrors } from "../../packages/core/src/i18n/errors-hi.ts";
import { el as elTexts } from "../../packages/core/src/i18n/texts-el.ts";
import { hi as hiTexts } from "../../packages/core/src/i18n/texts-hi.ts";
import { en as enTexts } from "../../packages/core/src/i18n/texts.ts";
import { hi as hiEmail } from "../../packages/core/src/email/messages-hi.ts";
import { el } from "../../packages/ui/src/i18n/el.ts";
import { en, type Plural } from "../../packages/ui/src/i18n/en.ts";
import { hi } from "../../packages/ui/src/i18n/hi.ts";

// Every catalog of user-facing text, flattened to one string per key and plural form, so tests can
// hold all of them to the same rules (the glossary, punctuation, parity).

export type Flat = Record<string, string>;
export type Catalog = { name: string; en: Flat; el: Flat; hi: Flat };

/** "key" for strings, "key.one" / "key.other" for plural forms; a form a language lacks is left out. */
export function flatten(catalog: Record<string, string | Plural>): Flat {
  const out: Flat = {};
  for (const [key, value] of Object.entries(catalog)) {
    if (typeof value === "string") out[key] = value;
    else for (const [form, text] of Object.entries(value)) if (typeof text === "string") out[`${key}.${form}`] = text;
  }
  return out;
}

/** Each translated plural form paired with the English form it translates (its own, else "other"). */
export function alignPlurals(english: Flat, translated: Flat): Flat {
  const out: Flat = {};
  for (const key of Object.keys(translated)) {
    const plural = /^(.*)\.(zero|one|two|few|many|other)$/.exec(key);
    out[key] = english[key] ?? (plural ? (english[`${plural[1]}.other`] ?? "") : "");
  }
  return out;
}

/** The module-private English email catalog, read from its source (tests/core/i18n.test.ts checks the reading). */
export function englishEmail(): Flat {
  const source = readFileSync(new URL("../../packages/core/src/email/messages.ts", import.meta.url), "utf8");
  const block = source.slice(source.indexOf("const en = {"), source.indexOf("} as const;"));
  const entries = [...block.matchAll(/^\s*"([\w.]+)":\s*("(?:[^"\\]|\\.)*"),?\s*$/gm)];
  return Object.fromEntries(entries.map(([, key, literal]) => [key!, JSON.parse(literal!) as string]));
}

export function appCatalog(): Catalog {
  const elFlat = flatten(el);
  const hiFlat = flatten(hi);
  const enFlat = flatten(en);
  return { name: "app", en: { ...alignPlurals(enFlat, elFlat), ...alignPlurals(enFlat, hiFlat), ...enFlat }, el: elFlat, hi: hiFlat };
}

export function emailCatalog(): Catalog {
  return { name: "email", en: englishEmail(), el: elEmail, hi: hiEmail };
}

export function serverTextCatalog(): Catalog {
  return { name: "server texts", en: { ...enTexts }, el: elTexts, hi: hiTexts };
}

/** API error messages: the English is the key itself. */
export function serverErrorCatalog(): Catalog {
  const en = Object.fromEntries([...Object.keys(elErrors.messages), ...Object.keys(hiErrors.messages)].map((key) => [key, key]));
  return { name: "server errors", en, el: elErrors.messages, hi: hiErrors.messages };
}

export const allCatalogs = (): Catalog[] => [appCatalog(), emailCatalog(), serverTextCatalog(), serverErrorCatalog()];
