// One way to write an amount of time, in every app, email and PDF (issue 22 item 7): whole
// minutes as "1 h 30 min", "3 h", "45 min", with the units in the reader's language; and one
// way to write a running timer, hh:mm:ss. tests/core/one-duration-format.test.ts keeps it so.

const UNITS: Record<string, { h: string; min: string }> = {
  en: { h: "h", min: "min" },
  el: { h: "ώρ.", min: "λεπ." },
  hi: { h: "घं॰", min: "मि॰" },
};

const numbers = new Map<string, Intl.NumberFormat>();
function number(value: number, locale: string): string {
  let format = numbers.get(locale);
  if (!format) numbers.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })));
  return format.format(value);
}

/**
 * `minutes` (rounded to the minute) as "1 h 30 min", "3 h", "45 min", "0 min"; negative amounts
 * keep a minus sign ("−2 h"). `locale` is "en", "el" or "hi" (or a tag starting with one).
 */
export function formatDuration(minutes: number, locale = "en"): string {
  const language = locale.slice(0, 2);
  const units = UNITS[language] ?? UNITS.en!;
  const total = Math.round(Math.abs(minutes));
  const sign = minutes < 0 && total > 0 ? "−" : "";
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (!hours) return `${sign}${number(rest, language)} ${units.min}`;
  return rest ? `${sign}${number(hours, language)} ${units.h} ${number(rest, language)} ${units.min}` : `${sign}${number(hours, language)} ${units.h}`;
}

/** Hours (a capacity, an estimate in hours) the same way: 2.5 → "2 h 30 min". */
export const formatHoursDuration = (hours: number, locale = "en"): string => formatDuration(hours * 60, locale);

const pad = (n: number) => String(n).padStart(2, "0");

/** A running timer's time as hh:mm:ss (00:35:04). */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}
