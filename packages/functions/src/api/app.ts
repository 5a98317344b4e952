import { Hono } from "hono";
import { apiApp } from "./frame.ts";
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

export { MAX_BODY_BYTES } from "./frame.ts";

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

/** The whole API under /api: the same app serves Lambda (route groups loaded on first use, lazy-routes.ts) and the local Node server. */
export const app = apiApp(routes, stripeWebhook);

/** What the OpenAPI document describes (openapi-spec.ts makes it from these when the API is built). */
export const documented = new Hono().route("/", routes).route("/webhooks/stripe", stripeWebhook);

