import { db } from "../db/index.ts";
import type { TimeEntryItem } from "./entity.ts";

// Time queries that the area's index and its export both read (kept apart so the export needn't import the index).

/** Every entry the given members started within [from, to] (ISO instants): one range query per member. */
export async function teamTimeBetween(agencyId: string, memberIds: readonly string[], from: string, to: string): Promise<TimeEntryItem[]> {
  const pages = await Promise.all(
    memberIds.map((memberId) =>
      db.entities.timeEntry.query.entriesOfMember({ agencyId, memberId }).between({ startedAt: from }, { startedAt: to }).go({ pages: "all" }),
    ),
  );
  return pages.flatMap((page) => page.data);
}

/**
 * A client's billable minutes started within [from, to) (ISO instants), invoiced or not: what a
 * retainer period used (the hour bank). One Query of the client's entries, filtered by date.
 */
export async function billableMinutesOfClient(agencyId: string, clientId: string, from: string, to: string): Promise<number> {
  const result = await db.entities.timeEntry.query
    .entriesOfClient({ agencyId, clientId })
    .where((attr, op) => `${op.gte(attr.startedAt, from)} AND ${op.lt(attr.startedAt, to)} AND ${op.eq(attr.billable, true)}`)
    .go({ pages: "all", attributes: ["minutes"] });
  return result.data.reduce((sum, entry) => sum + (entry.minutes ?? 0), 0);
}
