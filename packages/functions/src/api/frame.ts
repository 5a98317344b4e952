import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { VisibleError } from "@baton/core/error";
import { errorBody, errorJson, onError } from "./errors.ts";
import { actorContext, csrfGuard, jsonBodies } from "./middleware.ts";
import { originGuard } from "./origin.ts";
import { requestLog } from "./request-log.ts";
import { docsRoutes } from "./routes/docs.ts";

export const MAX_BODY_BYTES = 64 * 1024;

// Any Hono sub-app (the resource routes, or their lazily loaded stand-ins in lazy-routes.ts).
type AnyHono = Hono<any, any, any>;

/**
 * The whole API under /api around the resource routes: every request passes the same middleware
 * whether the routes were imported up front (app.ts: tests, the local runtime, the OpenAPI
 * document) or are loaded per route group on first use (lazy-routes.ts: the Lambda entry, which
 * also chooses its router through `options`).
 */
export function apiApp(routes: AnyHono, stripeWebhook: AnyHono, options: ConstructorParameters<typeof Hono>[0] = {}) {
  const app = new Hono(options)
    .basePath("/api")
    .use(requestLog)
    // Nothing the API answers may be kept by a browser or a shared cache: JSON about a signed-in
    // person, an invoice's print page, a CSV export. A response that sets its own (the calendar
    // feed) keeps it.
    .use(async (c, next) => {
      await next();
      if (!c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "no-store");
      // The logo is shown by mail clients on other sites: the one answer another origin may embed.
      if (c.req.path === "/api/brand/public/logo" && c.res.ok) c.res.headers.set("cross-origin-resource-policy", "cross-origin");
    })
    .use(originGuard)
    .use(
      secureHeaders({
        crossOriginResourcePolicy: "same-origin",
        // JSON needs no sources at all; the reference page needs only its inline stylesheet.
        contentSecurityPolicy: { defaultSrc: ["'none'"], styleSrc: ["'unsafe-inline'"], frameAncestors: ["'none'"] },
      }),
    )
    .use(
      bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: () => {
          throw new VisibleError("too_large", "payload_too_large", `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
        },
      }),
    )
    // Stripe calls this itself: its signature stands in for the CSRF header and the session.
    .route("/webhooks/stripe", stripeWebhook)
    .use(csrfGuard)
    .use(jsonBodies)
    .use(actorContext)
    .route("/", routes)
    .route("/", docsRoutes());
  app.onError(onError);
  app.notFound(notFound);
  return app;
}

/** The API's answer to a path no route serves. */
export const notFound = (c: Context) => errorJson(c, errorBody("not_found", "There is no such API route."), 404);
