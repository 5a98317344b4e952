import { deleteAll } from "../client-data/batch.ts";
import { all, type ClientDataPart, type Scope } from "../client-data/part.ts";
import { db } from "../db/index.ts";

/** The client's recurring work (`schedulesOfClient`). */
const schedulesOf = async ({ agencyId, clientId }: Scope) => (await db.entities.schedule.query.schedulesOfClient({ agencyId, clientId }).go(all)).data;

export const schedulesPart: ClientDataPart = {
  name: "schedules",
  export: schedulesOf,
  // Each goes with the claims of the occurrences it made (their requests and tasks are erased as such).
  erase: async (scope) => {
    const schedules = await schedulesOf(scope);
    for (const { agencyId, scheduleId } of schedules) {
      const claims = (await db.entities.scheduleOccurrence.query.occurrencesOfSchedule({ agencyId, scheduleId }).go(all)).data;
      await deleteAll(db.entities.scheduleOccurrence, claims.map(({ date }) => ({ agencyId, scheduleId, date })));
    }
    return { deleted: await deleteAll(db.entities.schedule, schedules.map(({ agencyId, scheduleId }) => ({ agencyId, scheduleId }))) };
  },
};
