import { db } from "../db/index.ts";
import { isId } from "../id/index.ts";

// The SOP area's table, for other areas: they read SOPs only through these.
export * as SopStore from "./store.ts";

/** One SOP's head item (its latest version's number), or null (also for a malformed id). */
export async function load(agencyId: string, sopId: string, read: { consistent?: boolean } = {}) {
  if (!isId("sop", sopId)) return null;
  return (await db.entities.sop.get({ agencyId, sopId }).go(read)).data;
}

/** Whether the agency has this SOP (false for a malformed id). */
export async function exists(agencyId: string, sopId: string): Promise<boolean> {
  if (!isId("sop", sopId)) return false;
  return Boolean((await db.entities.sop.get({ agencyId, sopId }).go()).data);
}

/** SOPs made after an id, oldest first (`sopsOfAgency`, ids sort by creation): what search has yet to index. */
export async function createdAfter(agencyId: string, afterId: string, limit: number) {
  const query = db.entities.sop.query.sopsOfAgency({ agencyId });
  return (await (afterId ? query.gt({ sopId: afterId }) : query).go({ limit })).data;
}

/** The tools each of these SOPs needs (`sopsOfAgency`, one batch get), by SOP id; none for a missing one. */
export async function toolsOf(agencyId: string, sopIds: readonly string[]): Promise<Map<string, string[]>> {
  const ids = [...new Set(sopIds)].filter((sopId) => isId("sop", sopId));
  if (!ids.length) return new Map();
  const heads = (await db.entities.sop.get(ids.map((sopId) => ({ agencyId, sopId }))).go()).data;
  return new Map(heads.map((head) => [head.sopId, head.tools ?? []]));
}
