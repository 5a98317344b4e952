// Time-zone names as people know them today. ICU (Node's and Chromium's Intl) still reports
// some zones under names IANA has retired — "Asia/Calcutta" for Asia/Kolkata, "Europe/Kiev"
// for Europe/Kyiv — both in `supportedValuesOf("timeZone")` and as the browser's own zone.
// Baton stores and shows the current names.

/** Retired IANA names that ICU still reports, and the names that replaced them. */
const currentNames: Readonly<Record<string, string>> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/** The zone's current IANA name, in its canonical spelling; undefined if it is no time zone. */
export function canonicalTimeZone(value: string): string | undefined {
  const name = value.trim();
  if (!name || name.length > 64) return undefined;
  try {
    const resolved = new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
    // Only named zones: offsets such as "+05:30" have no daylight-saving rules to follow.
    if (!/^[A-Za-z]/.test(resolved)) return undefined;
    return currentNames[resolved] ?? resolved;
  } catch {
    return undefined;
  }
}

/** Every zone this runtime knows, under current names, sorted, with UTC first. */
export function timeZoneNames(supported: readonly string[]): string[] {
  const names = new Set(supported.map((zone) => currentNames[zone] ?? zone));
  names.delete("UTC");
  return ["UTC", ...[...names].sort()];
}
