import { useActor } from "../actor/index.ts";
import type { Locale } from "../email/index.ts";
import { loadEmailMessages } from "../email/messages.ts";
import { Log } from "../log/index.ts";
import { en as enTexts, type TextKey } from "./texts.ts";

export * as I18n from "./index.ts";
export type { Locale } from "../email/index.ts";
export type { TextKey } from "./texts.ts";

// Server-made text in the reader's language. Two kinds:
// - keyed texts (print page, calendar feed, invoice lines): `text(locale, key, params)`;
// - error messages, written in English where they are thrown (`new VisibleError(…, "English.")`)
//   and translated once, at the API's error boundary, by `translateMessage`: the Greek and Hindi
//   catalogs (errors-el.ts, errors-hi.ts) are keyed by the English message, so call sites stay as
//   they are. A message with run-time parts is a template: "{name} already has this task." matches
//   "Maria already has this task." and the captured parts go into the translation (translated too
//   when the catalog's `values` lists them, e.g. a status word). A listed value may be a template
//   itself, for a part with a run-time piece of its own ("of type {ext}" in "Files {kind} aren't
//   accepted here."); a `{message}` part is a whole message a helper extended, translated as one; a
//   part may be empty ("…scope{scopes}." with nothing after "scope").
//   tests/core/server-messages.test.ts finds every message in the source and fails until both
//   catalogs have it.

export const LOCALES: readonly Locale[] = ["en", "el", "hi"];

/** Translations of the API's English messages: exact messages and templates, and run-time values. */
export type ServerMessages = {
  messages: Record<string, string>;
  /**
   * Placeholder name → English value → translation, for parts like a status that are words. A value
   * with `{names}` is a template too: "of type {ext}" → "τύπου {ext}".
   */
  values?: Record<string, Record<string, string>>;
};

// The keyed texts and the email strings of Greek and Hindi are loaded on first use too (by
// `loadTexts`: the API before a write or for a Greek or Hindi reader, the worker and jobs at start).
const texts: Partial<Record<Locale, Record<TextKey, string>>> = { en: enTexts };
const textLoaders: Record<Exclude<Locale, "en">, () => Promise<Record<TextKey, string>>> = {
  el: async () => (await import("./texts-el.ts")).el,
  hi: async () => (await import("./texts-hi.ts")).hi,
};
const textsLoading: Partial<Record<Locale, Promise<void>>> = {};

/** Loads the keyed texts and email strings of `locale` (all locales' without one) before text in it is made. */
export function loadTexts(locale?: Locale): Promise<void> {
  if (!locale) return Promise.all(LOCALES.map((each) => loadTexts(each))).then(() => {});
  if (locale === "en") return Promise.resolve();
  const mine = texts[locale]
    ? Promise.resolve()
    : (textsLoading[locale] ??= textLoaders[locale]().then((catalog) => {
        texts[locale] = catalog;
      }));
  return Promise.all([mine, loadEmailMessages(locale)]).then(() => {});
}
// The error catalogs are most of this module's size (about 285 KB of the API's bundle) and only an
// error answered to a Greek or Hindi reader needs one: each is loaded on first use, by
// `loadMessages` (the API's error boundary awaits it before translating), not at a cold start.
const errors: Partial<Record<Locale, ServerMessages>> = {};
const loading: Partial<Record<Locale, Promise<void>>> = {};
const catalogs: Partial<Record<Locale, () => Promise<ServerMessages>>> = {
  el: async () => (await import("./errors-el.ts")).el,
  hi: async () => (await import("./errors-hi.ts")).hi,
};

/**
 * Loads the error catalog of `locale` (all of them without one) so that `translateMessage` and
 * `translateError` can use it; English needs none. Call before translating; cheap once loaded.
 */
export function loadMessages(locale?: Locale): Promise<void> {
  if (!locale) return Promise.all(LOCALES.map((each) => loadMessages(each))).then(() => {});
  const load = catalogs[locale];
  if (!load || errors[locale]) return Promise.resolve();
  return (loading[locale] ??= load().then((catalog) => {
    errors[locale] = catalog;
  }));
}

/** The locale people read server text in: their saved one, else the request's Accept-Language. */
export function readerLocale(): Locale {
  return useActor().locale ?? "en";
}

/** The best of our locales for an Accept-Language header ("el-GR,el;q=0.9,en;q=0.8"), else English. */
export function negotiate(header: string | null | undefined): Locale {
  if (!header) return "en";
  const wanted = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...options] = part.trim().split(";");
      const q = Number(options.find((option) => option.trim().startsWith("q="))?.trim().slice(2) ?? 1);
      return { language: tag.trim().toLowerCase().split("-")[0]!, q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (wanted.map((entry) => entry.language).find((language) => (LOCALES as string[]).includes(language)) as Locale | undefined) ?? "en";
}

/** A keyed text; `{name}` placeholders take `params.name`. */
export function text(locale: Locale, key: TextKey, params: Record<string, string | number> = {}): string {
  const catalog = texts[locale];
  if (!catalog) Log.error("i18n: texts not loaded before use", new Error(`${locale} ${key}`));
  const template = catalog?.[key] ?? enTexts[key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (params[name] === undefined ? match : String(params[name])));
}

type Template = { pattern: RegExp; names: string[]; translation: string; fixed: number };
/** Exact English → translation, and templates with the most specific first. */
type Table = { exact: Map<string, string>; templates: Template[] };
type Compiled = { messages: Table; values: Map<string, Table> };
const compiled = new Map<Locale, Compiled>();

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function table(entries: Record<string, string>): Table {
  const exact = new Map<string, string>();
  const templates: Template[] = [];
  for (const [english, translation] of Object.entries(entries)) {
    const names = [...english.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
    if (!names.length) {
      exact.set(english, translation);
      continue;
    }
    const parts = english.split(/\{\w+\}/);
    templates.push({ pattern: new RegExp(`^${parts.map(escapeRegExp).join("(.*?)")}$`, "s"), names, translation, fixed: parts.join("").length });
  }
  // The template with the most fixed text wins: "Deposit {number} isn't issued…" before "{x}".
  templates.sort((a, b) => b.fixed - a.fixed);
  return { exact, templates };
}

function compile(locale: Locale): Compiled | undefined {
  const catalog = errors[locale];
  if (!catalog) return undefined;
  let done = compiled.get(locale);
  if (done) return done;
  const values = new Map(Object.entries(catalog.values ?? {}).map(([name, entries]) => [name, table(entries)] as const));
  compiled.set(locale, (done = { messages: table(catalog.messages), values }));
  return done;
}

/** `text` translated by `table`, its run-time parts filled in by `part`; undefined when nothing matches. */
function render(table: Table, text: string, part: (name: string, value: string) => string): string | undefined {
  const exact = table.exact.get(text);
  if (exact !== undefined) return exact;
  for (const template of table.templates) {
    const match = template.pattern.exec(text);
    if (!match) continue;
    const captured = new Map(template.names.map((name, index) => [name, match[index + 1]!] as const));
    return template.translation.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = captured.get(name);
      return value === undefined ? whole : part(name, value);
    });
  }
  return undefined;
}

/** A run-time part of a message: a listed value (exact or a template), a whole message, else a number or as it is. */
function translatePart(catalog: Compiled, locale: Locale, name: string, value: string): string {
  const values = catalog.values.get(name);
  const listed = values && render(values, value, (inner, part) => translatePart(catalog, locale, inner, part));
  if (listed !== undefined) return listed;
  if (name === "message") return translateMessage(locale, value);
  return localNumber(locale, value);
}

/** An English API message in `locale`; a message with no translation stays English. Needs `loadMessages(locale)` first. */
export function translateMessage(locale: Locale, message: string): string {
  const catalog = compile(locale);
  if (!catalog) return message;
  return render(catalog.messages, message, (name, value) => translatePart(catalog, locale, name, value)) ?? message;
}

/**
 * "10,000" and "12.5 MB" as the locale writes them ("10.000", "12,5 MB" in Greek); anything else as
 * it is. Four digits or more without a comma are left alone: they are a year ("between 1970 and 2199").
 */
function localNumber(locale: Locale, value: string): string {
  const match = /^(\d{1,3}(?:,\d{3})*(?:\.\d+)?)( [KMG]B)?$/.exec(value);
  if (!match) return value;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(Number(match[1]!.replaceAll(",", ""))) + (match[2] ?? "");
}

/** An error body's message and field messages in `locale`. */
export function translateError<E extends { message: string; fields?: Record<string, string> }>(locale: Locale, error: E): E {
  if (locale === "en") return error;
  const fields = error.fields && Object.fromEntries(Object.entries(error.fields).map(([name, message]) => [name, translateMessage(locale, message)]));
  return { ...error, message: translateMessage(locale, error.message), ...(fields ? { fields } : {}) };
}
