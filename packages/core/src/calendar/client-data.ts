import { deleteAll } from "../client-data/batch.ts";
import { db } from "../db/index.ts";

/** Deletes the calendar feeds of people erased with their client. */
export async function deleteFeeds(agencyId: string, subjectIds: string[]): Promise<void> {
  await deleteAll(db.entities.calendarFeed, subjectIds.map((subjectId) => ({ agencyId, subjectId })));
}
