import { Identity } from "../identity/index.ts";
import { useActor, type Actor } from "./index.ts";

// Who is looking, reduced to what the areas' policies ask: the pure input of every `can` list.
// Read once per request (the member item is an identity read, shared within the request).

export type Viewer = {
  /** The owner in person, or one of their API keys. */
  owner: boolean;
  /** The acting team member (the owner included), or null. */
  memberId: string | null;
  /** A subcontractor marked as a QA reviewer (the owner always reviews, as the owner). */
  reviewer: boolean;
  /** The client whose contact is acting, or null. */
  clientId: string | null;
  /** False when the actor may read but change nothing: an inactive client's contact, a read-only API key. */
  writes: boolean;
};

/** Nobody: sees nothing, may do nothing. */
export const nobody: Viewer = { owner: false, memberId: null, reviewer: false, clientId: null, writes: false };

export function viewerOf(actor: Actor, me?: { reviewer?: boolean | null } | null): Viewer {
  switch (actor.type) {
    case "member":
      return { owner: actor.role === "owner", memberId: actor.memberId, reviewer: actor.role !== "owner" && !!me?.reviewer, clientId: null, writes: true };
    case "apikey":
      return { ...nobody, owner: true, writes: actor.scopes.includes("write") };
    case "contact":
      return { ...nobody, clientId: actor.clientId, writes: actor.clientActive };
    default:
      return nobody;
  }
}

/** The acting viewer (the member's reviewer flag is the identity read this request already made). */
export async function useViewer(): Promise<Viewer> {
  const actor = useActor();
  const me = actor.type === "member" ? await Identity.member(actor.agencyId, actor.memberId) : null;
  return viewerOf(actor, me);
}
