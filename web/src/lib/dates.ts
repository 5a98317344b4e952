import { intlLocale } from "@baton/ui/i18n";

// Formatting for the calendar-like pages (calendar, planner), in the UI's language.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `value` formatted with `options` in the UI's language; formatters are made once per shape. */
export function formatWith(options: Intl.DateTimeFormatOptions, value: Date): string {
  const key = `${intlLocale()}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(intlLocale(), options)));
  return formatter.format(value);
}

/** Calendar dates carry no zone: format them at noon UTC, in UTC. */
export const noon = (date: string) => new Date(`${date}T12:00:00Z`);
