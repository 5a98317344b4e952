import { encodeTime } from "ulid";
import { db, type TransactionEntities } from "../db/index.ts";
import { IdPrefixes } from "../id/index.ts";
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

/** An agency's requests in these statuses, one query per status (`requestsByStatus`). */
export async function ofAgencyIn(agencyId: string, statuses: readonly RequestStatus[]): Promise<RequestItem[]> {
  const pages = await Promise.all(statuses.map((status) => db.entities.request.query.requestsByStatus({ agencyId, status }).go({ pages: "all" })));
  return pages.flatMap((page) => page.data);
}

/**
 * Requests whose ids were minted between two instants. Request ids are ULIDs, whose first ten
 * characters are the creation time, so the agency's `requestById` range between the smallest and
 * largest id of those instants is exactly the requests received then: one bounded query, no scan.
 */
export async function receivedBetween(agencyId: string, start: string, end: string): Promise<RequestItem[]> {
  const bound = (at: string, fill: string) => `${IdPrefixes.request}_${encodeTime(Date.parse(at), 10).toLowerCase()}${fill.repeat(16)}`;
  const result = await db.entities.request.query
    .requestById({ agencyId })
    .between({ requestId: bound(start, "0") }, { requestId: bound(end, "z") })
    .go({ pages: "all" });
  return result.data;
}

type RequestChanges = Parameters<ReturnType<typeof db.entities.request.patch>["set"]>[0];

/**
 * A change to a request as an item of the caller's transaction (a task's move sets its statuses),
 * version bumped, only while the request is still at the version read.
 */
export function changeItem(tx: Pick<TransactionEntities, "request">, request: Pick<RequestItem, "agencyId" | "requestId" | "version">, changes: RequestChanges) {
  return tx.request
    .patch({ agencyId: request.agencyId, requestId: request.requestId })
    .set(changes)
    .add({ version: 1 })
    .where((attr, op) => op.eq(attr.version, request.version))
    .commit();
}

/**
 * A message's mark on its request, as an item of the message's transaction: when its thread last
 * moved (what "anything new?" compares; the version is for edits and stays as it is), and a
 * contact who wrote in the client thread joins its readers.
 */
export function threadStampItem(tx: Pick<TransactionEntities, "request">, agencyId: string, requestId: string, stamp: { clientThreadAt: string } | { internalThreadAt: string }, contactId?: string) {
  const patch = tx.request.patch({ agencyId, requestId }).set(stamp);
  return (contactId ? patch.add({ threadContactIds: [contactId] }) : patch).commit();
}

/** Requests made after an id, oldest first (`requestById`, ids sort by creation): what search has yet to index. */
export async function createdAfter(agencyId: string, afterId: string, limit: number): Promise<RequestItem[]> {
  const query = db.entities.request.query.requestById({ agencyId });
  return (await (afterId ? query.gt({ requestId: afterId }) : query).go({ limit })).data;
}
