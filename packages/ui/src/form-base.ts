import { createMemo } from "solid-js";

// Forms over one versioned record that several forms on a page edit (the agency's Settings cards, a client's
// details, billing and invoice recipient): each form keeps what is typed in it when another one saves.

/** Whether `fields` read the same in both (values as the API sends them: JSON). */
const same = <T>(fields: ReadonlyArray<keyof T & string>, a: T, b: T) => fields.every((field) => JSON.stringify(a[field]) === JSON.stringify(b[field]));

/**
 * The loaded value a form is made from: the first one read; then, after the form's own save (or conflict), the one
 * read next; any read of another record (its `identity` differs: the page moved to another client); and any read
 * in which a field the form `shows` changed (its form would be out of date). Another form's save that changed none
 * of them leaves it, and what is typed in the form, as it is.
 */
export function createFormBase<T>(
  latest: () => T | undefined,
  identity: (value: T) => unknown,
  shows: ReadonlyArray<keyof T & string> = [],
): { base: () => T | undefined; remakeOnNextRead: () => void } {
  let remake = false;
  const base = createMemo<T | undefined>((kept) => {
    const loaded = latest();
    if (kept === undefined || (loaded !== undefined && loaded !== kept && (remake || identity(loaded) !== identity(kept) || !same(shows, kept, loaded)))) {
      remake = false;
      return loaded;
    }
    return kept;
  });
  return { base, remakeOnNextRead: () => (remake = true) };
}

/**
 * The version a form's save is checked against. A form made before another form's save holds an older version;
 * if the fields it edits are still as they were when it was made, the newer version is sent (the other save is
 * no conflict), otherwise its own, which the API refuses as changed meanwhile.
 */
export function versionToSend<T extends { version: number }>(fields: ReadonlyArray<keyof T & string>, from: T, latest: T): number {
  if (latest.version === from.version) return from.version;
  return fields.every((field) => field in from) && same(fields, from, latest) ? latest.version : from.version;
}
