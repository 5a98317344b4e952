import { assertOwner } from "../actor/index.ts";
import { ClientStore } from "../client/store.ts";
import { notFound } from "../error/index.ts";
import { fn } from "../fn/index.ts";
import { createId } from "../id/index.ts";
import { accessRequestSchema } from "./fields.ts";
import { emailClient } from "./notices.ts";
import { presentAccessRequest, type AccessRequest } from "./present.ts";
import { VaultStore } from "./store.ts";

// "Request access": the owner asks a client for a tool's login. It is a to-do in the client's
// portal vault until the client adds an entry for it there; the email only points to the portal.
export const requestAccess = fn(accessRequestSchema, async ({ clientId, tool, note }): Promise<AccessRequest> => {
  const agencyId = assertOwner();
  if (!(await ClientStore.load(agencyId, clientId))) throw notFound("Client");
  const accessRequestId = createId("vaultAccessRequest");
  await VaultStore.putAccessRequest({ agencyId, accessRequestId, clientId, tool, ...(note ? { note } : {}) });
  await emailClient(agencyId, clientId, "vaultAccessRequested", { tool });
  return presentAccessRequest((await VaultStore.loadAccessRequest(agencyId, accessRequestId))!);
});
