import type { ClientDataPart } from "../client-data/part.ts";
import { presentAccess, presentAccessRequest, presentEntry } from "./present.ts";
import { VaultStore } from "./store.ts";

/**
 * The client's vault in her export: what each entry is for and when its secret changed, the
 * access log and the owner's requests, never a secret or its ciphertext (the export is a file
 * that travels). The erase deletes all of it.
 */
export const vaultPart: ClientDataPart = {
  name: "vault",
  export: async ({ agencyId, clientId }) => {
    const [entries, log, requests] = await Promise.all([VaultStore.entriesOfClient(agencyId, clientId), VaultStore.allAccessOfClient(agencyId, clientId), VaultStore.accessRequestsOfClient(agencyId, clientId)]);
    return { entries: entries.map(presentEntry), accessLog: log.map(presentAccess), accessRequests: requests.map(presentAccessRequest) };
  },
  erase: async ({ agencyId, clientId }) => ({ deleted: await VaultStore.eraseClient(agencyId, clientId) }),
};
