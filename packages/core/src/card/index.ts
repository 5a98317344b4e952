import type Stripe from "stripe";
import { forbidden, unauthenticated, useActor, withActor } from "../actor/index.ts";
import { Config } from "../config/index.ts";
import { stripe } from "./stripe.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { Invoices } from "../invoice/index.ts";
import { balanceOf, invoiceNumber } from "../invoice/present.ts";
import { Notify } from "../notify/index.ts";
import { readerLocale, text } from "../i18n/index.ts";
import { AgencyStore } from "../agency/store.ts";
import { savedBySession } from "./saved.ts";
import { failIntent, recordIntent } from "./autopay.ts";

export * as Card from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";

// Card payments through Stripe Checkout, in the invoice's currency. Configured by
// STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET; without them clients pay by the agency's
// instructions and the owner records the payment. The webhook is verified with Stripe's own
// SDK, and a payment's id is its Checkout Session's, so a replayed or duplicated event (or both
// events a session can send) never pays twice.

export { enabled } from "./stripe.ts";
export { autopaySchema, mine, ofClient, remove, setAutopay, setup, type CardView } from "./saved.ts";
export { AUTOPAY_KINDS, chargeDueFor, chargedByAutopay, idempotencyKey } from "./autopay.ts";

/** Starts a Stripe Checkout for what is still owed on a sent invoice; answers the page to send the payer to. */
export async function checkout(invoiceId: string): Promise<{ url: string }> {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  if (actor.type !== "contact" && !(actor.type === "member" && actor.role === "owner")) throw forbidden();
  const invoice = await Invoices.loadVisible(invoiceId);
  const balance = balanceOf(invoice);
  if (invoice.status === "void" || invoice.status === "draft" || balance <= 0) {
    throw new VisibleError("rule", "card.nothing_due", invoice.status === "void" ? "This invoice is void." : "Nothing is owed on this invoice.");
  }
  const agency = (await AgencyStore.load(invoice.agencyId));
  const number = invoiceNumber(invoice.number)!;
  const back = Notify.links.portalInvoice(invoice.invoiceId);
  const session = await (await stripe()).checkout.sessions.create({
    mode: "payment",
    client_reference_id: invoice.invoiceId,
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: invoice.currency.toLowerCase(),
          // Minor units are Stripe's smallest unit too (cents; yen have none).
          unit_amount: balance,
          // Stripe's page shows this to the client paying: in their language.
          product_data: { name: text(readerLocale(), "card.product", { number }), description: agency?.name ?? undefined },
        },
      },
    ],
    metadata: { agencyId: invoice.agencyId, invoiceId: invoice.invoiceId, number },
    payment_intent_data: { metadata: { agencyId: invoice.agencyId, invoiceId: invoice.invoiceId, number } },
    success_url: `${back}?paid=1`,
    cancel_url: back,
  });
  if (!session.url) throw new VisibleError("unavailable", "card.unavailable", "Card payments are unavailable right now. Please try again later.");
  return { url: session.url };
}

/** Handles a Stripe webhook delivery: verifies its signature, then records a completed payment once. */
export async function webhook(payload: string, signature: string | undefined): Promise<{ received: true; outcome: string }> {
  const secret = Config.stripeWebhookSecret;
  if (!secret) throw new VisibleError("not_found", "not_found", "There is no such API route.");
  let event: Stripe.Event;
  try {
    event = (await stripe()).webhooks.constructEvent(payload, signature ?? "", secret);
  } catch {
    throw new VisibleError("validation", "webhook.signature", "The Stripe signature is missing or does not match.");
  }
  if (event.type === "payment_intent.succeeded") {
    // An autopay charge (a Checkout's own intent is recorded by its session's event).
    const intent = event.data.object as Stripe.PaymentIntent;
    const agencyId = intent.metadata?.agencyId;
    if (intent.metadata?.autopay !== "1" || !agencyId) return { received: true, outcome: "ignored" };
    return { received: true, outcome: await withActor({ type: "system", agencyId }, () => recordIntent(intent)) };
  }
  if (event.type === "payment_intent.payment_failed") {
    // An autopay charge Stripe was still processing failed: the client gets the pay link, once.
    const intent = event.data.object as Stripe.PaymentIntent;
    const agencyId = intent.metadata?.agencyId;
    if (intent.metadata?.autopay !== "1" || !agencyId) return { received: true, outcome: "ignored" };
    return { received: true, outcome: await withActor({ type: "system", agencyId }, () => failIntent(intent)) };
  }
  if (event.type !== "checkout.session.completed" && event.type !== "checkout.session.async_payment_succeeded") {
    return { received: true, outcome: "ignored" };
  }
  const session = event.data.object as Stripe.Checkout.Session;
  if (session.mode === "setup") {
    const agencyId = session.metadata?.agencyId;
    if (!agencyId) return { received: true, outcome: "ignored" };
    return { received: true, outcome: await withActor({ type: "system", agencyId }, () => savedBySession(session)) };
  }
  if (session.payment_status !== "paid") return { received: true, outcome: "pending" };
  const agencyId = session.metadata?.agencyId;
  const invoiceId = session.metadata?.invoiceId;
  if (!agencyId || !invoiceId || session.amount_total === null || !session.currency) return { received: true, outcome: "ignored" };
  const outcome = await withActor({ type: "system", agencyId }, async () => {
    const invoice = await Invoices.loadInvoice(agencyId, invoiceId);
    if (!invoice) throw notFound("Invoice");
    return Invoices.applyPayment({
      agencyId,
      invoiceId,
      paymentId: `stripe_${session.id}`,
      amount: session.amount_total!,
      currency: session.currency!,
      method: "card",
      reference: typeof session.payment_intent === "string" ? session.payment_intent : session.id,
      recordedBy: "stripe",
      alreadyTaken: true,
    });
  });
  return { received: true, outcome };
}
