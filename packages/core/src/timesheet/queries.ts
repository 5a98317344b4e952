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
