import { deleteAll } from "../client-data/batch.ts";
import { all, type ClientDataPart, type Scope } from "../client-data/part.ts";
import { db } from "../db/index.ts";
import { requestsOf } from "../request/client-data.ts";

/** Both threads of each of the client's requests. */
async function messagesOf(scope: Scope) {
  const requests = await requestsOf(scope);
  const pages = await Promise.all(requests.map((r) => db.entities.message.query.messagesOfRequest({ agencyId: scope.agencyId, requestId: r.requestId }).go(all)));
  return pages.flatMap((page) => page.data);
}

export const messagesPart: ClientDataPart = {
  name: "messages",
  export: messagesOf,
  erase: async (scope) => ({ deleted: await deleteAll(db.entities.message, (await messagesOf(scope)).map(({ agencyId, requestId, messageId }) => ({ agencyId, requestId, messageId }))) }),
};
