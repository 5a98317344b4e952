/**
 * The agency version a card's save is checked against. A form made before another card's save holds an older
 * version; if what it changes is still as it was when the form was made, the newer version is sent (the other
 * card's save is no conflict), otherwise the form's own, which the API refuses as changed meanwhile.
 */
export function versionToSend<T extends { version: number }>(change: object, from: T, latest: T): number {
  if (latest.version === from.version) return from.version;
  const fields = Object.keys(change) as Array<keyof T>;
  const untouched = fields.every((field) => field in from && JSON.stringify(from[field]) === JSON.stringify(latest[field]));
  return untouched ? latest.version : from.version;
}
