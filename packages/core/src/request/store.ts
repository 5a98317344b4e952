import { db } from "../db/index.ts";
import type { RequestStatus } from "../workflow/index.ts";
import type { RequestItem } from "./entity.ts";

// The request area's table, for other areas: they read requests only through these.
export * as RequestStore from "./store.ts";

/** Requests by id, in one batch read; missing ones are left out. */
export async function loadMany(agencyId: string, requestIds: string[]): Promise<RequestItem[]> {
  if (!requestIds.length) return [];
  return (await db.entities.request.get(requestIds.map((requestId) => ({ agencyId, requestId }))).go()).data;
}

/** A client's requests in one of these statuses (`requestsOfClient`). */
export async function ofClientIn(agencyId: string, clientId: string, statuses: readonly RequestStatus[]): Promise<RequestItem[]> {
  return (
    await db.entities.request.query
      .requestsOfClient({ agencyId, clientId })
      .where((attr, op) => `(${statuses.map((status) => op.eq(attr.status, status)).join(" OR ")})`)
      .go({ pages: "all" })
  ).data;
}
