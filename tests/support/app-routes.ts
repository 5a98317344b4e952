import { readFileSync } from "node:fs";
import { resolve } from "node:path";

// The page paths of the two apps, read from their route tables (web/src/routes.tsx,
// portal/src/routes.tsx), so a test that walks "every page" picks up a page the day it is added.
// The tables are Solid code that Node can't import; each route's `path: "…"` is read instead.

const repo = resolve(import.meta.dirname, "../..");
const tables = { web: "web/src/routes.tsx", portal: "portal/src/routes.tsx" } as const;

export type AppName = keyof typeof tables;

/** Every distinct path in the app's route table ("" groups and the catch-all "*" left out), in table order. */
export function routePaths(app: AppName): string[] {
  const source = readFileSync(resolve(repo, tables[app]), "utf8");
  const paths = [...source.matchAll(/\bpath:\s*"([^"]*)"/g)].map((m) => m[1]!);
  if (paths.length < 5) throw new Error(`${tables[app]}: found only ${paths.length} route paths; has the table's shape changed?`);
  return [...new Set(paths)].filter((path) => path !== "" && path !== "*");
}

/** Whether the catch-all (not-found) page is in the table. */
export function hasCatchAll(app: AppName): boolean {
  return /\bpath:\s*"\*"/.test(readFileSync(resolve(repo, tables[app]), "utf8"));
}

/**
 * A path with its `:params` filled from `samples` (by the param's path, e.g. "/tasks/:id").
 * Throws for a path with params and no sample, so a new page with an id can't be skipped silently.
 */
export function fillPath(path: string, samples: Record<string, string>): string {
  if (!path.includes(":")) return path;
  const sample = samples[path];
  if (sample === undefined) throw new Error(`No sample for the route "${path}": add one to the test's samples so its page is walked.`);
  return sample;
}
