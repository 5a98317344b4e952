import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { Card } from "@baton/core/card";
import { allow } from "../api/access.ts";
import { ok } from "../api/responses.ts";

// Stripe's webhook: Stripe calls it, not a person, so it is authenticated by its signature
// (Card.webhook verifies it with the signing secret) instead of a session, and the API app
// mounts it at /api/webhooks/stripe before the CSRF guard. Same Lambda as the API: one cold start.

export const stripeWebhook = new Hono().post("/", describeRoute({ responses: ok(Card.webhookOutput), tags: ["Invoices"], summary: "Stripe webhook (signature verified; idempotent)" }), allow("anyone"), async (c) =>
  c.json(await Card.webhook(await c.req.text(), c.req.header("stripe-signature")), 200),
);
