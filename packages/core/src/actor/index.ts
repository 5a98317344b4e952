import { AsyncLocalStorage } from "node:async_hooks";
import type { Locale } from "../email/index.ts";
import { VisibleError } from "../error/index.ts";
import { noteActor, refOf, setActorReader } from "../log/index.ts";

// Who is acting. Decided once per request (or job) and read by domain functions, which never take
// a tenant id from their caller.
export type MemberRole = "owner" | "subcontractor";

export type Actor = (
  | { type: "public" }
  | { type: "member"; agencyId: string; memberId: string; role: MemberRole }
  | {
      type: "contact";
      agencyId: string;
      contactId: string;
      clientId: string;
      /** False while the client is inactive: its contacts read their history but change nothing. */
      clientActive: boolean;
    }
  | { type: "apikey"; agencyId: string; apiKeyId: string; scopes: readonly ApiKeyScope[] }
  | { type: "system"; agencyId: string }
) & {
  /** The language the actor reads server-made text in: a person's saved one, else the request's Accept-Language. */
  locale?: Locale;
};

export type Role = MemberRole | "client";

/**
 * What an API key may do: read (GET) and/or write, and "webhooks": subscribe to events and poll them
 * (a no-code tool's REST hooks, issue 19). Never key management, payment settings or team changes.
 */
export const ApiKeyScopes = ["read", "write", "webhooks"] as const;
/** Keys made before scopes existed could read and write (never subscribe: that scope came later). */
export const LegacyApiKeyScopes = ["read", "write"] as const;
export type ApiKeyScope = (typeof ApiKeyScopes)[number];

const storage = new AsyncLocalStorage<Actor>();

export function withActor<R>(actor: Actor, run: () => R): R {
  // The request's (or job's) log lines name whom it ran as.
  noteActor(actor);
  return storage.run(actor, run);
}

setActorReader(() => {
  const actor = storage.getStore();
  return actor && actor.type !== "public" ? refOf(actor) : undefined;
});

export function useActor(): Actor {
  return storage.getStore() ?? { type: "public" };
}

export function useAgencyId(): string {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  return actor.agencyId;
}

/** The agency owner, acting in person or through one of their API keys (or a system job). */
export function assertOwner(): string {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  if (actor.type === "apikey" || actor.type === "system") return actor.agencyId;
  if (actor.type === "member" && actor.role === "owner") return actor.agencyId;
  throw forbidden();
}

/**
 * The owner signed in, never an API key: key management, payment settings and team changes, so a
 * leaked key can't mint a key that outlives it or redirect the clients' payments.
 */
export function assertOwnerInPerson(): string {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  if (actor.type === "member" && actor.role === "owner") return actor.agencyId;
  if (actor.type === "apikey") {
    throw new VisibleError("forbidden", "apikey.not_allowed", "API keys can't do this; only the owner can, signed in.");
  }
  throw forbidden();
}

export function assertMember(): Extract<Actor, { type: "member" }> {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  if (actor.type !== "member") throw forbidden();
  return actor;
}

export function assertContact(): Extract<Actor, { type: "contact" }> {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  if (actor.type !== "contact") throw forbidden();
  return actor;
}

/** The id of whoever acts, for audit records. */
export function actorRef(): { id: string; type: Actor["type"] } {
  const actor = useActor();
  switch (actor.type) {
    case "member":
      return { id: actor.memberId, type: actor.type };
    case "contact":
      return { id: actor.contactId, type: actor.type };
    case "apikey":
      return { id: actor.apiKeyId, type: actor.type };
    case "system":
      return { id: "system", type: actor.type };
    default:
      return { id: "anonymous", type: actor.type };
  }
}

export const unauthenticated = () =>
  new VisibleError("unauthenticated", "unauthenticated", "Please sign in to continue.");

export const forbidden = () =>
  new VisibleError("forbidden", "forbidden", "You do not have access to this.");
