import { createSignal } from "solid-js";
import { canonicalTimeZone, timeZoneNames } from "@baton/kernel/time";
import type { Locale } from "../types";
import type { MessageKey, Plural } from "./en";
import { loadScriptFont } from "./fonts";

export type { Locale } from "../types";
export type { MessageKey, Messages } from "./en";

type Catalog = Partial<Record<MessageKey, string | Plural>>;
/** One lazy catalog per locale, each a file like `./el.ts` (the team app) or `./portal-el.ts` (the portal). */
export type Catalogs = Record<Locale, () => Promise<Catalog>>;

// Every catalog is a lazy chunk, so neither app's first load carries strings: the apps render once
// `messagesReady()` (English, the fallback, and the chosen language), and the portal fetches only
// its own strings. A catalog is complete for its language; el/hi load only when chosen.
const everything: Catalogs = {
  en: () => import("./en").then((m) => m.en),
  el: () => import("./el").then((m) => m.el),
  hi: () => import("./hi").then((m) => m.hi),
};
let catalogs: Catalogs = everything;
const loaded: Partial<Record<Locale, Catalog>> = {};
const loading = new Map<Catalogs[Locale], Promise<void>>();
const [version, setVersion] = createSignal(0);
const [ready, setReady] = createSignal(false);

/** The app's catalogs (the portal's own); the team app keeps the default, every string. */
export function useCatalogs(appCatalogs: Catalogs) {
  catalogs = appCatalogs;
}

/** True once English and the chosen language are loaded: the apps render their pages under it. */
export const messagesReady = ready;

/** Locales the user can pick: the ones with a catalog. */
export const availableLocales = (): Locale[] => Object.keys(catalogs) as Locale[];

const STORAGE_KEY = "baton.locale";
const [locale, setLocaleSignal] = createSignal<Locale>("en");
const [viewerTimeZone, setViewerTimeZone] = createSignal(browserTimeZone());

export { locale, viewerTimeZone, setViewerTimeZone };

function isAvailable(value: string | null | undefined): value is Locale {
  return !!value && (availableLocales() as string[]).includes(value);
}

/** Picks the saved locale, else the browser's first supported language, else English. */
export function detectLocale(): Locale {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage can be disabled; fall through to the browser's languages
  }
  if (isAvailable(saved)) return saved;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const language = tag.split("-")[0]?.toLowerCase();
    if (isAvailable(language)) return language;
  }
  return "en";
}

/** Loads (once) a catalog into `loaded[target]`, over what is there: the full catalog fills in an app's. */
function load(target: Locale, from: Catalogs): Promise<void> {
  const get = from[target];
  let promise = loading.get(get);
  if (!promise) {
    promise = get().then((messages) => {
      loaded[target] = { ...messages, ...loaded[target] };
      setVersion((v) => v + 1);
    });
    promise.catch(() => loading.delete(get));
    loading.set(get, promise);
  }
  return promise;
}

/** Switches the UI language; unknown or not-yet-translated locales fall back to English. */
export async function setLocale(next: Locale | string) {
  const target: Locale = isAvailable(next) ? next : "en";
  await Promise.all([load("en", catalogs), load(target, catalogs)]);
  loadScriptFont(target);
  setLocaleSignal(target);
  document.documentElement.lang = target;
  try {
    localStorage.setItem(STORAGE_KEY, target);
  } catch {
    // not fatal: the saved profile locale is applied again after sign-in
  }
}

/** Loads the chosen language; the app renders when it is in (or, if it cannot load, in English). */
export function initI18n(): Promise<void> {
  return setLocale(detectLocale())
    .catch(() => load("en", catalogs))
    .catch(() => undefined)
    .finally(() => setReady(true));
}

// A key the app's catalog lacks (tests/core/app-catalogs.test.ts is there to prevent it) is still
// shown: the full catalogs load and every `t` re-reads, as `t` tracks `version`.
function missing(key: MessageKey): string {
  if (catalogs !== everything) {
    console.warn(`i18n: "${key}" is not in this app's catalog`);
    void load("en", everything).then(() => load(locale(), everything));
  }
  return "";
}

export type Params = Record<string, string | number>;

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralCategory(count: number): keyof Plural {
  const tag = intlLocale();
  let rules = pluralRules.get(tag);
  if (!rules) pluralRules.set(tag, (rules = new Intl.PluralRules(tag)));
  return rules.select(count) as keyof Plural;
}

/** Translates `key`; `{name}` placeholders take `params.name`, plurals pick by `params.count`. */
export function t(key: MessageKey, params?: Params): string {
  version();
  const entry: string | Plural | undefined = loaded[locale()]?.[key] ?? loaded.en?.[key];
  if (entry === undefined) return missing(key);
  const text = typeof entry === "string" ? entry : (entry[pluralCategory(Number(params?.count ?? 0))] ?? entry.other);
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    return typeof value === "number" ? formatNumber(value) : value;
  });
}

export function hasMessage(key: string): key is MessageKey {
  return !!loaded.en && Object.hasOwn(loaded.en, key);
}

/** The BCP 47 tag for Intl: the browser's own regional variant when it speaks the UI language. */
export function intlLocale(): string {
  const lang = locale();
  const regional = (navigator.languages ?? []).find((tag) => tag.toLowerCase().startsWith(lang + "-") && isLanguageTag(tag));
  return regional ?? lang;
}

/** Browsers can report tags Intl refuses (a POSIX locale gives "en-US@posix"). */
function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

export function browserTimeZone(): string {
  try {
    return canonicalTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone) ?? "UTC";
  } catch {
    return "UTC";
  }
}

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

function dateFormatter(options: Intl.DateTimeFormatOptions, timeZone?: string) {
  const tz = timeZone ?? viewerTimeZone();
  const tag = intlLocale();
  return cached(`d|${tag}|${tz}|${JSON.stringify(options)}`, () => {
    try {
      return new Intl.DateTimeFormat(tag, { ...options, timeZone: tz });
    } catch {
      return new Intl.DateTimeFormat(tag, options);
    }
  });
}

const toDate = (value: string | number | Date) => (value instanceof Date ? value : new Date(value));

/** A date in the viewer's time zone (or `timeZone`), e.g. "3 Nov 2026". */
export function formatDate(value: string | number | Date, timeZone?: string) {
  return dateFormatter({ dateStyle: "medium" }, timeZone).format(toDate(value));
}

/** A date and time in the viewer's time zone (or `timeZone`). */
export function formatDateTime(value: string | number | Date, timeZone?: string) {
  return dateFormatter({ dateStyle: "medium", timeStyle: "short" }, timeZone).format(toDate(value));
}

/** A wall-clock time with weekday, e.g. "Tue 14:05", in `timeZone`. */
export function formatClock(value: string | number | Date, timeZone?: string) {
  return dateFormatter({ weekday: "short", hour: "numeric", minute: "2-digit" }, timeZone).format(toDate(value));
}

export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}) {
  const tag = intlLocale();
  return cached(`n|${tag}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(tag, options)).format(value);
}

export function formatCurrency(amount: number, currency: string) {
  const tag = intlLocale();
  return cached(`c|${tag}|${currency}`, () => new Intl.NumberFormat(tag, { style: "currency", currency })).format(
    amount,
  );
}

/** "GMT+2"-style offset of a zone right now. */
export function timeZoneOffset(timeZone: string, at: Date = new Date()): string {
  try {
    const parts = cached(
      `o|${timeZone}`,
      () => new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "shortOffset" }),
    ) as Intl.DateTimeFormat;
    return parts.formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "";
  } catch {
    return "";
  }
}

export function timeZoneLabel(timeZone: string) {
  const offset = timeZoneOffset(timeZone);
  const name = timeZone.replaceAll("_", " ");
  return offset ? `${name} (${offset})` : name;
}

const displayNames = new Map<string, Intl.DisplayNames>();
function displayName(type: "currency" | "language", code: string, tag: string) {
  const key = `${type}|${tag}`;
  let names = displayNames.get(key);
  try {
    if (!names) displayNames.set(key, (names = new Intl.DisplayNames(tag, { type })));
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export function currencyLabel(code: string) {
  const name = displayName("currency", code, intlLocale());
  return name && name !== code ? `${code} — ${name}` : code;
}

/** A language's name in that language ("Ελληνικά"), so people can find their own. */
export function localeLabel(code: Locale) {
  return displayName("language", code, code);
}

export function timeZones(): string[] {
  try {
    return timeZoneNames(Intl.supportedValuesOf("timeZone"));
  } catch {
    return ["UTC"];
  }
}

export function currencies(): string[] {
  try {
    return Intl.supportedValuesOf("currency");
  } catch {
    return ["USD", "EUR", "GBP", "INR"];
  }
}
