import { withActor } from "../actor/index.ts";
import type { AgencyItem } from "../agency/entity.ts";
import { Log } from "../log/index.ts";
import { AgencyStore } from "../agency/store.ts";

export * as Job from "./index.ts";
export type { AgencyItem } from "../agency/entity.ts";

// Isolation for the scheduled jobs: one agency's (or one client's, one invoice's) bad data is
// logged with its ids and counted as a failure, and the work goes on with the next one. The
// runner (packages/functions/src/jobs/run.ts) adds the failures up and fails the invocation
// once everything else has run, so nothing fails silently and nothing blocks the others.

/** Every agency (the jobs' one cross-tenant read: gsi2, `agencies`). */
export async function agencies(): Promise<AgencyItem[]> {
  return AgencyStore.all();
}

export async function agency(agencyId: string): Promise<AgencyItem | null> {
  return AgencyStore.load(agencyId);
}

/** What `isolated` answers when the work threw. */
export const FAILED = Symbol("failed");

/** Runs one unit of work; a throw is logged with `ids` and answered as FAILED, never rethrown. */
export async function isolated<T>(what: string, ids: Record<string, string>, run: () => Promise<T>): Promise<T | typeof FAILED> {
  try {
    return await run();
  } catch (error) {
    Log.error(`${what} failed; skipped`, error, ids);
    return FAILED;
  }
}

export type Counts = Record<string, number> & { failed: number };

/**
 * Runs `work` for every agency as that agency's system actor, one at a time, and adds up the
 * counts it answers. An agency whose work throws counts as one failure.
 */
export async function forEachAgency<C extends Counts>(what: string, empty: C, work: (agency: AgencyItem) => Promise<C>): Promise<C> {
  const total = { ...empty };
  for (const agency of await agencies()) {
    const counts = await isolated(what, { agencyId: agency.agencyId }, () => withActor({ type: "system", agencyId: agency.agencyId }, () => work(agency)));
    if (counts === FAILED) {
      total.failed++;
      continue;
    }
    for (const [key, value] of Object.entries(counts)) (total as Record<string, number>)[key] = ((total as Record<string, number>)[key] ?? 0) + value;
  }
  return total;
}
