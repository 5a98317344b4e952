import type { Context, MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import { forbidden, unauthenticated, useActor, type Actor } from "@baton/core/actor";
import { VisibleError } from "@baton/core/error";

// Who may call a route is declared on the route itself, first, before its path-id checks and
// validators: a caller without the right is answered 401/403 whatever they sent, so a refusal
// never depends on (or leaks through) how well-formed their request was. The declaration is
// also data (`accessOf`), so tests read it from the route table.

/** The kinds of caller a route can let in. `owner` includes the owner's API keys (see `apiKeys`). */
export type Role = "anyone" | "owner" | "subcontractor" | "contact";

export type AccessRule = {
  roles: readonly Role[];
  /**
   * How the owner's API keys fare: "scoped" (the default: a GET needs the read scope, anything
   * else the write scope) or "never" (key management, payment settings, team changes: only the
   * owner in person, so a leaked key can neither mint another nor redirect payments) or
   * "webhooks" (REST-hook subscriptions and the poll list: a key needs the webhooks scope, whatever
   * the method, so a no-code tool's key can subscribe without being able to read or write the rest).
   */
  apiKeys: "scoped" | "never" | "webhooks";
  /** A contact of an inactive client may still call this write (their own profile, their feed). */
  whileInactive: boolean;
};

const RULE = Symbol.for("baton.access");
const CHECK = Symbol.for("baton.check");
export const VALIDATES = Symbol.for("baton.validates");

type Tagged = MiddlewareHandler & { [RULE]?: AccessRule; [CHECK]?: true; [VALIDATES]?: true };

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

function admits(rule: AccessRule, actor: Actor, method: string): boolean {
  if (rule.roles.includes("anyone")) return true;
  switch (actor.type) {
    case "member":
      return rule.roles.includes(actor.role);
    case "contact":
      return rule.roles.includes("contact");
    case "apikey":
      if (!rule.roles.includes("owner") || rule.apiKeys === "never") return false;
      return actor.scopes.includes(neededScope(rule, method));
    case "system":
      return rule.roles.includes("owner");
    default:
      return false;
  }
}

const inactiveClient = () =>
  new VisibleError(
    "forbidden",
    "client.inactive",
    "Your company's account with the agency is inactive: you can read its history, but not make changes. Please contact the agency.",
  );

const neededScope = (rule: AccessRule, method: string) => (rule.apiKeys === "webhooks" ? "webhooks" : SAFE.has(method) ? "read" : "write");

const keyNotAllowed = (actor: Extract<Actor, { type: "apikey" }>, rule: AccessRule, method: string) =>
  rule.apiKeys === "never"
    ? new VisibleError("forbidden", "apikey.not_allowed", "API keys can't do this; only the owner can, signed in.")
    : rule.apiKeys === "webhooks"
      ? new VisibleError("forbidden", "apikey.scope", `This API key has no webhooks scope${actor.scopes.length ? ` (it has: ${actor.scopes.join(", ")})` : ""}.`)
      : new VisibleError(
          "forbidden",
          "apikey.scope",
          `This API key has no ${SAFE.has(method) ? "read" : "write"} scope${actor.scopes.length ? ` (it has: ${actor.scopes.join(", ")})` : ""}.`,
        );

/** The route's door: put it first, before `pathIds(...)` and `input(...)`. */
export function allow(roles: Role | readonly Role[], options: Partial<Omit<AccessRule, "roles">> = {}): MiddlewareHandler {
  const rule: AccessRule = { roles: typeof roles === "string" ? [roles] : roles, apiKeys: options.apiKeys ?? "scoped", whileInactive: options.whileInactive ?? false };
  const middleware: Tagged = createMiddleware(async (c, next) => {
    const actor = useActor();
    if (!admits(rule, actor, c.req.method)) {
      if (actor.type === "public") throw unauthenticated();
      if (actor.type === "apikey" && rule.roles.includes("owner")) throw keyNotAllowed(actor, rule, c.req.method);
      throw forbidden();
    }
    if (actor.type === "contact" && !actor.clientActive && !SAFE.has(c.req.method) && !rule.whileInactive && !rule.roles.includes("anyone")) {
      throw inactiveClient();
    }
    return next();
  });
  middleware[RULE] = rule;
  return middleware;
}

/**
 * A finer check of the caller's right to the resource in the path (the assignee of this task,
 * a party to this request), run after `allow` and before the validators. It throws 403/404.
 */
export function check(run: (c: Context) => Promise<unknown>): MiddlewareHandler {
  const middleware: Tagged = createMiddleware(async (c, next) => {
    await run(c);
    return next();
  });
  middleware[CHECK] = true;
  return middleware;
}

/** The access rule a route handler carries, if it is one. */
export const accessOf = (handler: unknown): AccessRule | undefined => (handler as Tagged)[RULE];
export const isCheck = (handler: unknown): boolean => Boolean((handler as Tagged)[CHECK]);
export const isValidator = (handler: unknown): boolean => Boolean((handler as Tagged)[VALIDATES]);

/** Marks a middleware as one that judges the request's input (for the route-order test). */
export function validates<M extends MiddlewareHandler>(middleware: M): M {
  (middleware as Tagged)[VALIDATES] = true;
  return middleware;
}
