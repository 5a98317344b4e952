import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { VisibleError } from "@baton/core/error";
import { errorBody, errorJson, onError } from "./errors.ts";
import { actorContext, csrfGuard, jsonBodies } from "./middleware.ts";
import { originGuard } from "./origin.ts";
import { requestLog } from "./request-log.ts";
import { docsRoutes } from "./routes/docs.ts";
import { healthRoutes } from "./routes/health.ts";
import { agencyRoutes, auditRoutes } from "./routes/agency.ts";
import { brandRoutes } from "./routes/brand.ts";
import { apiKeyRoutes } from "./routes/api-keys.ts";
import { authRoutes } from "./routes/auth.ts";
import { clientRoutes } from "./routes/clients.ts";
import { memberRoutes } from "./routes/members.ts";
import { meRoutes } from "./routes/me.ts";
import { portalRoutes } from "./routes/portal.ts";
import { requestRoutes } from "./routes/requests.ts";
import { sopRoutes } from "./routes/sops.ts";
import { taskRoutes } from "./routes/tasks.ts";
import { timeRoutes } from "./routes/time.ts";
import { reportRoutes } from "./routes/reports.ts";
import { catalogRoutes, packageRoutes } from "./routes/packages.ts";
import { hourBankRoutes } from "./routes/hour-bank.ts";
import { calendarRoutes } from "./routes/calendar.ts";
import { surveyRoutes } from "./routes/surveys.ts";
import { onboardingRoutes } from "./routes/onboarding.ts";
import { fileRoutes } from "./routes/files.ts";
import { inboxRoutes } from "./routes/inbox.ts";
import { exportRoutes, invoiceRoutes } from "./routes/invoices.ts";
import { stripeWebhook } from "../hooks/stripe.ts";
import { signupRoutes } from "./routes/signup.ts";
import { firstRunRoutes } from "./routes/first-run.ts";
import { quoteRoutes } from "./routes/quotes.ts";
import { payoutRoutes } from "./routes/payouts.ts";
import { scheduleRoutes } from "./routes/schedules.ts";
import { plannerRoutes } from "./routes/planner.ts";
import { integrationRoutes } from "./routes/integrations.ts";
import { vaultRoutes } from "./routes/vault.ts";
import { searchRoutes } from "./routes/search.ts";

export const MAX_BODY_BYTES = 64 * 1024;

// The resource routes, chained so that their types reach `hc<Routes>` in the apps.
const routes = new Hono()
  .route("/health", healthRoutes)
  .route("/auth", authRoutes)
  .route("/me", meRoutes)
  .route("/agency", agencyRoutes)
  .route("/brand", brandRoutes)
  .route("/members", memberRoutes)
  .route("/clients", clientRoutes)
  .route("/portal", portalRoutes)
  .route("/requests", requestRoutes)
  .route("/tasks", taskRoutes)
  .route("/sops", sopRoutes)
  .route("/time", timeRoutes)
  .route("/invoices", invoiceRoutes)
  .route("/exports", exportRoutes)
  .route("/reports", reportRoutes)
  .route("/packages", packageRoutes)
  .route("/catalog", catalogRoutes)
  .route("/hour-bank", hourBankRoutes)
  .route("/calendar", calendarRoutes)
  .route("/surveys", surveyRoutes)
  .route("/onboarding", onboardingRoutes)
  .route("/files", fileRoutes)
  .route("/inbox", inboxRoutes)
  .route("/api-keys", apiKeyRoutes)
  .route("/audit", auditRoutes)
  .route("/signup", signupRoutes)
  .route("/first-run", firstRunRoutes)
  .route("/quotes", quoteRoutes)
  .route("/payouts", payoutRoutes)
  .route("/schedules", scheduleRoutes)
  .route("/planner", plannerRoutes)
  .route("/integrations", integrationRoutes)
  .route("/vault", vaultRoutes)
  .route("/search", searchRoutes);

export type Routes = typeof routes;

/** The whole API under /api: the same app serves Lambda and the local Node server. */
export const app = new Hono()
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

/** What the OpenAPI document describes (openapi-spec.ts makes it from these when the API is built). */
export const documented = new Hono().route("/", routes).route("/webhooks/stripe", stripeWebhook);

app.onError(onError);
app.notFound((c) => errorJson(c, errorBody("not_found", "There is no such API route."), 404));
