import { AsyncLocalStorage } from "node:async_hooks";
import { onWrite, type WrittenKey } from "./writes.ts";

// Reads a request shares: the agency, the team, the acting person are read once per request
// however many domain functions ask for them. A read is dropped from the request as soon as the
// request writes an item it depends on (db/writes.ts), so a function that writes and reads again
// sees its own write. Outside a request scope (jobs, scripts) every call reads.

type Entry = { value: Promise<unknown>; stale: (key: WrittenKey) => boolean };
const storage = new AsyncLocalStorage<Map<string, Entry>>();

/** Runs `run` as one request: reads made through `shared` inside it are made once. */
export function inRequestScope<R>(run: () => R): R {
  return storage.run(new Map(), run);
}

/** Runs `run` outside any request's scope (work a request leaves behind it reads afresh). */
export function outsideRequestScope<R>(run: () => R): R {
  return storage.exit(run);
}

/**
 * The request's copy of a read named `name`, made by `load` the first time. `stale` says which
 * written item keys make it out of date.
 */
export function shared<T>(name: string, stale: (key: WrittenKey) => boolean, load: () => Promise<T>): Promise<T> {
  const scope = storage.getStore();
  if (!scope) return load();
  const found = scope.get(name);
  if (found) return found.value as Promise<T>;
  const entry: Entry = { value: load(), stale };
  scope.set(name, entry);
  // A failed read is not kept: the next caller tries again.
  entry.value.catch(() => scope.get(name) === entry && scope.delete(name));
  return entry.value as Promise<T>;
}

/** The request being served (its scope), or undefined outside one: reads of one request may be batched together (db/batch.ts). */
export function requestScope(): object | undefined {
  return storage.getStore();
}

/** The written key equals this item's key. */
export const sameItem = (key: WrittenKey) => (written: WrittenKey) => written.pk === key.pk && written.sk === key.sk;

onWrite((key) => {
  const scope = storage.getStore();
  if (!scope) return;
  for (const [name, entry] of scope) if (entry.stale(key)) scope.delete(name);
});
