import { forbidden, useActor } from "../actor/index.ts";
import { notFound, VisibleError } from "../error/index.ts";
import type { RequestItem } from "../request/entity.ts";
import { Request } from "../request/index.ts";

// Who talks where. Each request has two threads: the client thread (the client and the team)
// and the internal one (the team only; clients never see it, not even that it exists). Who may
// write in each is the request's policy (request/policy.ts: `message_client`, `add_note`); this
// says how a refusal reads.

export const Threads = ["client", "internal"] as const;
export type Thread = (typeof Threads)[number];

/** Throws unless the actor (who may see the request) may read `thread`. */
export function assertMayRead(thread: Thread) {
  const actor = useActor();
  if (thread === "internal" && actor.type === "contact") throw notFound("Thread");
}

/** Throws unless the actor (who may see the request) may write in `thread`. */
export async function assertMayWrite(item: RequestItem, thread: Thread) {
  const actor = useActor();
  if (actor.type === "contact" && thread === "internal") throw notFound("Thread");
  if ((await Request.refusalOf(item, thread === "client" ? "message_client" : "add_note")) === null) return;
  if (actor.type === "member" && thread === "client") {
    throw new VisibleError(
      "forbidden",
      "message.internal_only",
      "In this agency, subcontractors write internal notes and the owner talks to the client. Write an internal note instead.",
    );
  }
  throw forbidden();
}
