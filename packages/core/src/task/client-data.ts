import { deleteAll } from "../client-data/batch.ts";
import { all, type ClientDataPart, type Scope } from "../client-data/part.ts";
import { db } from "../db/index.ts";

/** Every task of the client, any state (`tasksOfClient`). */
export const tasksOf = async ({ agencyId, clientId }: Pick<Scope, "agencyId" | "clientId">) => (await db.entities.task.query.tasksOfClient({ agencyId, clientId }).go(all)).data;

export const tasksPart: ClientDataPart = {
  name: "tasks",
  export: tasksOf,
  erase: async (scope) => ({ deleted: await deleteAll(db.entities.task, (await tasksOf(scope)).map(({ agencyId, taskId }) => ({ agencyId, taskId }))) }),
};
