import { randomUUID } from "node:crypto";
import { createMiddleware } from "hono/factory";
import { matchedRoutes } from "hono/route";
import { Log } from "@baton/core/log";

type LambdaBindings = { event?: { requestContext?: { requestId?: string } } };

/**
 * One JSON line per request: request id, method, route pattern (never the path, which carries
 * ids and tokens), status, duration, and who acted (the actor is noted by withActor). The request
 * id is API Gateway's when there is one, so a line matches the access log, and is returned as
 * x-request-id for support questions.
 */
export const requestLog = createMiddleware(async (c, next) => {
  const started = performance.now();
  const requestId = (c.env as LambdaBindings | undefined)?.event?.requestContext?.requestId ?? randomUUID();
  const handler = matchedRoutes(c).findLast((route) => route.method !== "ALL");
  return Log.withContext({ requestId, method: c.req.method, route: handler?.path ?? "(no route)" }, async () => {
    try {
      await next();
    } finally {
      c.header("x-request-id", requestId);
      const status = c.res.status;
      Log.write(status >= 500 ? "error" : "info", "request", { status, durationMs: Math.round(performance.now() - started) });
    }
  });
});
