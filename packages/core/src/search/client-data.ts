import type { ClientDataPart } from "../client-data/part.ts";
import { remove, wordsOfClient } from "./store.ts";

/** The words search keeps of a client's things (names, titles, references): copies, all deleted with the client. */
export const searchWordsPart: ClientDataPart = {
  name: "searchWords",
  export: async ({ agencyId, clientId }) => (await wordsOfClient(agencyId, clientId)).map(({ subjectId, kind, word }) => ({ subjectId, kind, word })),
  erase: async ({ agencyId, clientId }) => ({ deleted: await remove(await wordsOfClient(agencyId, clientId)) }),
};
