import { deleteAll } from "../client-data/batch.ts";
import { all, type ClientDataPart, type Scope } from "../client-data/part.ts";
import { db } from "../db/index.ts";

/** Every request of the client, any status (`requestsOfClient`). */
export const requestsOf = async ({ agencyId, clientId }: Pick<Scope, "agencyId" | "clientId">) => (await db.entities.request.query.requestsOfClient({ agencyId, clientId }).go(all)).data;

export const requestsPart: ClientDataPart = {
  name: "requests",
  export: requestsOf,
  erase: async (scope) => ({ deleted: await deleteAll(db.entities.request, (await requestsOf(scope)).map(({ agencyId, requestId }) => ({ agencyId, requestId }))) }),
};
