import { Hono, type Context } from "hono";
import { LinearRouter } from "hono/router/linear-router";
import { createMiddleware } from "hono/factory";
import { matchedRoutes } from "hono/route";
import { Log } from "@baton/core/log";
import { onError } from "./errors.ts";
import { apiApp, notFound } from "./frame.ts";

// The Lambda's API: the same middleware and routes as app.ts, but each route group's module (and
// the core areas only it uses: invoices, time, the vault, schedules…) is imported by the first call
// to the group, not at a cold start. A call to /api/tasks/mine loads the task routes and what they
// import, not the whole API (issue 14: the bundle a typical call loads ≤ 1.1 MB). The tests and
// the local runtime serve app.ts; tests/api/lazy-routes.test.ts holds the two to the same routes
// and answers.

// The routes' own Env and Schema types don't matter here: Routes (app.ts) keeps them for the apps.
type AnyHono = Hono<any, any, any>;

/** The resource route groups by the path app.ts mounts them at, each loaded on first use. */
export const routeGroups: Record<string, () => Promise<AnyHono>> = {
  "/health": async () => (await import("./routes/health.ts")).healthRoutes,
  "/auth": async () => (await import("./routes/auth.ts")).authRoutes,
  "/me": async () => (await import("./routes/me.ts")).meRoutes,
  "/agency": async () => (await import("./routes/agency.ts")).agencyRoutes,
  "/brand": async () => (await import("./routes/brand.ts")).brandRoutes,
  "/members": async () => (await import("./routes/members.ts")).memberRoutes,
  "/clients": async () => (await import("./routes/clients.ts")).clientRoutes,
  "/portal": async () => (await import("./routes/portal.ts")).portalRoutes,
  "/requests": async () => (await import("./routes/requests.ts")).requestRoutes,
  "/tasks": async () => (await import("./routes/tasks.ts")).taskRoutes,
  "/sops": async () => (await import("./routes/sops.ts")).sopRoutes,
  "/time": async () => (await import("./routes/time.ts")).timeRoutes,
  "/invoices": async () => (await import("./routes/invoices.ts")).invoiceRoutes,
  "/exports": async () => (await import("./routes/invoices.ts")).exportRoutes,
  "/reports": async () => (await import("./routes/reports.ts")).reportRoutes,
  "/packages": async () => (await import("./routes/packages.ts")).packageRoutes,
  "/catalog": async () => (await import("./routes/packages.ts")).catalogRoutes,
  "/hour-bank": async () => (await import("./routes/hour-bank.ts")).hourBankRoutes,
  "/calendar": async () => (await import("./routes/calendar.ts")).calendarRoutes,
  "/surveys": async () => (await import("./routes/surveys.ts")).surveyRoutes,
  "/onboarding": async () => (await import("./routes/onboarding.ts")).onboardingRoutes,
  "/files": async () => (await import("./routes/files.ts")).fileRoutes,
  "/inbox": async () => (await import("./routes/inbox.ts")).inboxRoutes,
  "/api-keys": async () => (await import("./routes/api-keys.ts")).apiKeyRoutes,
  "/audit": async () => (await import("./routes/agency.ts")).auditRoutes,
  "/signup": async () => (await import("./routes/signup.ts")).signupRoutes,
  "/first-run": async () => (await import("./routes/first-run.ts")).firstRunRoutes,
  "/quotes": async () => (await import("./routes/quotes.ts")).quoteRoutes,
  "/payouts": async () => (await import("./routes/payouts.ts")).payoutRoutes,
  "/schedules": async () => (await import("./routes/schedules.ts")).scheduleRoutes,
  "/planner": async () => (await import("./routes/planner.ts")).plannerRoutes,
  "/integrations": async () => (await import("./routes/integrations.ts")).integrationRoutes,
  "/vault": async () => (await import("./routes/vault.ts")).vaultRoutes,
  "/search": async () => (await import("./routes/search.ts")).searchRoutes,
};

/** The Stripe webhook (app.ts mounts it before the CSRF guard and the session). */
export const stripeGroup = async (): Promise<AnyHono> => (await import("../hooks/stripe.ts")).stripeWebhook;

// The route pattern the request log names (request-log.ts reads it before the group is loaded).
const noteRoute = createMiddleware(async (c, next) => {
  const handler = matchedRoutes(c).findLast((route) => route.method !== "ALL");
  const context = Log.context();
  if (context && handler) context.route = handler.path;
  return next();
});

function executionContextOf(c: Context) {
  try {
    return c.executionCtx;
  } catch {
    return undefined; // none outside Cloudflare-style runtimes; Hono's getter throws
  }
}

/** A handler that serves `prefix`'s routes, importing them on the first call (a failed import is retried by the next). */
function lazyGroup(prefix: string, load: () => Promise<AnyHono>) {
  let served: Promise<AnyHono> | undefined;
  const serve = () =>
    (served ??= load().then(
      (routes) => {
        const group = new Hono({ router: new LinearRouter() }).basePath("/api").use(noteRoute).route(prefix, routes);
        group.onError(onError);
        group.notFound(notFound);
        return group;
      },
      (error: unknown) => {
        served = undefined;
        throw error;
      },
    ));
  // The outer app's middleware has run (actor, request scope, logging: AsyncLocalStorage carries
  // them into the group); nothing has read the body yet, so the group's validators read it.
  return async (c: Context) => (await serve()).fetch(c.req.raw, c.env, executionContextOf(c));
}

function lazy(groups: Record<string, () => Promise<AnyHono>>): AnyHono {
  const routes = new Hono();
  for (const [prefix, load] of Object.entries(groups)) {
    const handler = lazyGroup(prefix, load);
    routes.all(prefix, handler).all(`${prefix}/*`, handler);
  }
  return routes;
}

/**
 * The whole API under /api with its route groups loaded on first use (the Lambda entry serves it).
 * Its routers are Hono's LinearRouter: nothing to compile before the first match (the default
 * router builds one regular expression of every route on the first request), and a few dozen
 * patterns tried in turn cost microseconds per call.
 */
export const lazyApp = apiApp(lazy(routeGroups), stripeRoutes(), { router: new LinearRouter() });

function stripeRoutes(): AnyHono {
  const handler = lazyGroup("/webhooks/stripe", stripeGroup);
  return new Hono().all("/", handler).all("/*", handler);
}
