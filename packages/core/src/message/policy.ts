import { forbidden, useActor } from "../actor/index.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { AgencyStore } from "../agency/store.ts";

// Who talks where. Each request has two threads: the client thread (the client and the team)
// and the internal one (the team only; clients never see it, not even that it exists). The
// agency decides whether subcontractors may write to the client or only internally.

export const Threads = ["client", "internal"] as const;
export type Thread = (typeof Threads)[number];

/** Throws unless the actor (who may see the request) may read `thread`. */
export function assertMayRead(thread: Thread) {
  const actor = useActor();
  if (thread === "internal" && actor.type === "contact") throw notFound("Thread");
}

/** Throws unless the actor (who may see the request) may write in `thread`. */
export async function assertMayWrite(thread: Thread) {
  const actor = useActor();
  if (actor.type === "contact") {
    if (thread === "internal") throw notFound("Thread");
    return;
  }
  if (actor.type !== "member") {
    if (actor.type === "apikey") return;
    throw forbidden();
  }
  if (actor.role === "owner" || thread === "internal") return;
  const agency = (await AgencyStore.load(actor.agencyId));
  if (!agency?.subcontractorsWriteToClients) {
    throw new VisibleError(
      "forbidden",
      "message.internal_only",
      "In this agency, subcontractors write internal notes and the owner talks to the client. Write an internal note instead.",
    );
  }
}
