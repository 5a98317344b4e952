import type { Context, Next } from "hono";
import { createMiddleware } from "hono/factory";
import { Auth } from "@baton/core/auth";
import { withActor, type Actor } from "@baton/core/actor";
import { inRequestScope } from "@baton/core/db/scope";
import { Deferred } from "@baton/core/deferred";
import { VisibleError } from "@baton/core/error";
import { I18n } from "@baton/core/i18n";
import { APP_HEADER, readSessionCookie } from "./session.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF: a state-changing request must carry the x-baton-app header (a browser only sends a custom
 * header cross-site after a CORS preflight, which this API never grants) or be authenticated by
 * an API key (no cookies involved).
 */
export const csrfGuard = createMiddleware(async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  if (c.req.header("authorization")?.startsWith("Bearer ")) return next();
  const app = c.req.header(APP_HEADER);
  if (app !== "web" && app !== "portal") {
    throw new VisibleError("forbidden", "csrf", "This request is missing the x-baton-app header that proves it comes from a Baton app.");
  }
  return next();
});

/** A request that carries a body must say it is JSON; anything else is refused before validation. */
export const jsonBodies = createMiddleware(async (c, next) => {
  const length = Number(c.req.header("content-length") ?? 0);
  const hasBody = length > 0 || c.req.header("transfer-encoding") !== undefined;
  if (hasBody && !/^application\/(.+\+)?json\b/i.test(c.req.header("content-type") ?? "")) {
    throw new VisibleError("unsupported", "unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).");
  }
  return next();
});

/**
 * Decides who is acting (API key, session cookie, or nobody) and runs the request as them, in a
 * request scope: who is asking, the agency and the team are read once per request (db/scope.ts),
 * and the work it leaves behind is handed to the worker together once its handler has finished (Deferred).
 */
export const actorContext = createMiddleware(async (c, next) => inRequestScope(() => Deferred.holdingJobs(() => resolveActor(c, next))));

async function resolveActor(c: Context, next: Next): Promise<void> {
  const authorization = c.req.header("authorization");
  let actor: Actor = { type: "public" };
  if (authorization) {
    const bearer = /^Bearer (\S+)$/.exec(authorization)?.[1];
    const keyActor = bearer ? await Auth.actorFromApiKey(bearer) : null;
    if (!keyActor) throw new VisibleError("unauthenticated", "auth.invalid_api_key", "The API key is not valid.");
    actor = keyActor;
  } else {
    const token = readSessionCookie(c);
    if (token) actor = (await Auth.actorFromSession(token)) ?? actor;
  }
  // Server-made text (errors, print page, generated invoice lines) is in the reader's language:
  // a person's saved one, else what the request asks for.
  if (!actor.locale) actor = { ...actor, locale: I18n.negotiate(c.req.header("accept-language")) };
  // Greek and Hindi texts and email strings are loaded on first use, not at a cold start: any write
  // may email someone in theirs, and a document (PDF, print page, quote, calendar feed) is made in
  // its reader's; any other read shows text in the caller's language only.
  const documentRead = /\/(quotes|calendar|onboarding)(\/|$)|\/(pdf|print)$/.test(c.req.path);
  await I18n.loadTexts(c.req.method === "GET" || c.req.method === "HEAD" ? (documentRead ? undefined : actor.locale) : undefined);
  return withActor(actor, () => next());
}
