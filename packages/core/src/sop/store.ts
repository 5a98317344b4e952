import { db } from "../db/index.ts";
import { isId } from "../id/index.ts";

// The SOP area's table, for other areas: they read SOPs only through these.
export * as SopStore from "./store.ts";

/** Whether the agency has this SOP (false for a malformed id). */
export async function exists(agencyId: string, sopId: string): Promise<boolean> {
  if (!isId("sop", sopId)) return false;
  return Boolean((await db.entities.sop.get({ agencyId, sopId }).go()).data);
}
