import { createSignal } from "solid-js";

// How this person left the menu (groups folded, the sidebar narrowed), kept in this browser.

const RAIL_KEY = "baton.nav.rail";
const FOLDED_KEY = "baton.nav.folded";

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage off: the menu starts open every time
  }
}
function write(key: string, value: string) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // not fatal: the choice holds until the page reloads
  }
}

const [rail, setRailSignal] = createSignal(read(RAIL_KEY) === "1");
const [folded, setFoldedSignal] = createSignal<string[]>(parseFolded(read(FOLDED_KEY)));

function parseFolded(value: string | null): string[] {
  try {
    const parsed: unknown = JSON.parse(value ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/** The sidebar shows icons only. */
export { rail };
export function setRail(value: boolean) {
  setRailSignal(value);
  write(RAIL_KEY, value ? "1" : "0");
}

export const isFolded = (group: string) => folded().includes(group);
export function toggleFolded(group: string) {
  const next = isFolded(group) ? folded().filter((g) => g !== group) : [...folded(), group];
  setFoldedSignal(next);
  write(FOLDED_KEY, JSON.stringify(next));
}
