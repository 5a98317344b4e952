import { assertOwner, unauthenticated, useActor } from "../actor/index.ts";
import { ClientStore } from "../client/store.ts";
import { notFound, VisibleError } from "../error/index.ts";
import type { Page } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { logSchema } from "./fields.ts";
import { presentAccess, type VaultAccess } from "./present.ts";
import { VaultStore } from "./store.ts";

// The access log: every reveal of a client's logins, newest first. The client reads their own in
// the portal; the owner reads any client's.
export const log = fn(logSchema, async ({ clientId, cursor, limit }): Promise<Page<VaultAccess>> => {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  let agencyId: string;
  let of: string;
  if (actor.type === "contact") {
    if (clientId && clientId !== actor.clientId) throw notFound("Client");
    agencyId = actor.agencyId;
    of = actor.clientId;
  } else {
    agencyId = assertOwner();
    if (!clientId) throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { clientId: "Choose the client." } });
    if (!(await ClientStore.load(agencyId, clientId))) throw notFound("Client");
    of = clientId;
  }
  const page = await VaultStore.accessOfClient(agencyId, of, { limit, cursor: cursor ?? null });
  return { items: page.items.map(presentAccess), cursor: page.cursor };
});
