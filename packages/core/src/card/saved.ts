import { z } from "zod";
import type Stripe from "stripe";
import { assertContact, assertOwner, forbidden } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { ClientStore } from "../client/store.ts";
import { db } from "../db/index.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { version } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { Log } from "../log/index.ts";
import { Config } from "../config/index.ts";
import type { SavedCardItem } from "./entity.ts";
import { enabled, stripe } from "./stripe.ts";
import { conditionalWrite } from "../db/transaction.ts";

// A client's saved card: saved through Stripe Checkout in setup mode (Stripe's page takes the
// card; Baton keeps only its payment method's id and what the portal shows: brand, last 4,
// expiry), seen and removed by the client's contacts, read by the owner. Autopay is the client's
// choice, off until a card is saved and off again once it is removed.

export type CardView = {
  /** False without Stripe: the apps hide everything about cards. */
  enabled: boolean;
  card: { brand: string; last4: string; expMonth: number; expYear: number } | null;
  autopay: boolean;
  version: number;
};

const nothing = (on: boolean): CardView => ({ enabled: on, card: null, autopay: false, version: 0 });

function viewOf(item: SavedCardItem | null): CardView {
  if (!item) return nothing(enabled());
  const card = item.paymentMethodId ? { brand: item.brand ?? "card", last4: item.last4 ?? "", expMonth: item.expMonth ?? 0, expYear: item.expYear ?? 0 } : null;
  return { enabled: enabled(), card, autopay: Boolean(card && item.autopay), version: item.version };
}

/** The stored card of a client, or null (consistent: the portal reads it right after a change). */
export async function loadCard(agencyId: string, clientId: string): Promise<SavedCardItem | null> {
  return (await db.entities.savedCard.get({ agencyId, clientId }).go({ consistent: true })).data;
}

/** The saved cards of an agency's clients (a few items: one per client that ever saved one). */
export async function cardsOfAgency(agencyId: string): Promise<SavedCardItem[]> {
  return (await db.entities.savedCard.query.cardOfClient({ agencyId }).go({ pages: "all" })).data;
}

/** The contact's company's card and autopay choice. */
export async function mine(): Promise<CardView> {
  const actor = assertContact();
  if (!enabled()) return nothing(false);
  return viewOf(await loadCard(actor.agencyId, actor.clientId));
}

/** The owner's view of a client's card and autopay (the client page). */
export async function ofClient(clientId: string): Promise<CardView> {
  const agencyId = assertOwner();
  if (!(await ClientStore.load(agencyId, clientId))) throw notFound("Client");
  if (!enabled()) return nothing(false);
  return viewOf(await loadCard(agencyId, clientId));
}

function writer() {
  const actor = assertContact();
  if (!actor.clientActive) throw forbidden();
  return actor;
}

/**
 * Starts Stripe Checkout in setup mode for the contact's company: its Stripe customer is made
 * the first time (kept before the session, so two tabs share one customer); answers Stripe's page.
 */
export async function setup(): Promise<{ url: string }> {
  const actor = writer();
  const sdk = await stripe();
  const client = await ClientStore.load(actor.agencyId, actor.clientId);
  let item = await loadCard(actor.agencyId, actor.clientId);
  if (!item) {
    const customer = await sdk.customers.create(
      { name: client?.name, metadata: { agencyId: actor.agencyId, clientId: actor.clientId } },
      { idempotencyKey: `customer_${actor.agencyId}_${actor.clientId}` },
    );
    // Not written when another tab made it at the same moment (the same customer: same idempotency key).
    await conditionalWrite(db.entities.savedCard.create({ agencyId: actor.agencyId, clientId: actor.clientId, customerId: customer.id }).go());
    item = (await loadCard(actor.agencyId, actor.clientId))!;
  }
  const back = `${Config.portalUrl}/card`;
  const session = await sdk.checkout.sessions.create({
    mode: "setup",
    // Stripe offers the payment methods that can pay in the client's currency.
    currency: (client?.currency ?? "USD").toLowerCase(),
    customer: item.customerId,
    client_reference_id: actor.clientId,
    metadata: { agencyId: actor.agencyId, clientId: actor.clientId, purpose: "save_card" },
    setup_intent_data: { metadata: { agencyId: actor.agencyId, clientId: actor.clientId } },
    success_url: `${back}?saved=1`,
    cancel_url: back,
  });
  if (!session.url) throw new VisibleError("unavailable", "card.unavailable", "Card payments are unavailable right now. Please try again later.");
  return { url: session.url };
}

/** Stripe's webhook for a completed setup session: the card it saved becomes the client's card. */
export async function savedBySession(session: Stripe.Checkout.Session): Promise<string> {
  const agencyId = session.metadata?.agencyId;
  const clientId = session.metadata?.clientId;
  if (!agencyId || !clientId || !session.setup_intent) return "ignored";
  const sdk = await stripe();
  const intent = typeof session.setup_intent === "string" ? await sdk.setupIntents.retrieve(session.setup_intent) : session.setup_intent;
  const methodId = typeof intent.payment_method === "string" ? intent.payment_method : intent.payment_method?.id;
  if (!methodId) return "ignored";
  const method = await sdk.paymentMethods.retrieve(methodId);
  const card = method.card;
  const item = await loadCard(agencyId, clientId);
  if (!item) return "ignored";
  if (item.paymentMethodId === methodId) return "duplicate";
  const previous = item.paymentMethodId;
  await db.entities.savedCard
    .patch({ agencyId, clientId })
    .set({ paymentMethodId: methodId, brand: card?.brand ?? "card", last4: card?.last4 ?? "", expMonth: card?.exp_month ?? 0, expYear: card?.exp_year ?? 0 })
    .add({ version: 1 })
    .go();
  // The card it replaces is of no more use: Stripe forgets it (never fatal).
  if (previous) await sdk.paymentMethods.detach(previous).catch((error) => Log.warn("card: old payment method not detached", { error: String(error) }));
  await Audit.record(Audit.event("card.saved", "client", clientId, { brand: card?.brand ?? null, last4: card?.last4 ?? null }));
  return "saved";
}

export const autopaySchema = z.strictObject({ version, autopay: z.boolean({ error: "Say whether to turn autopay on (true) or off (false)." }) });

/** The client turns autopay on or off, from the version read; only with a saved card. */
export const setAutopay = fn(autopaySchema, async ({ version: expected, autopay }): Promise<CardView> => {
  const actor = writer();
  if (!enabled()) throw new VisibleError("rule", "card.not_configured", "Card payments are not set up; use the payment instructions on the invoice.");
  const item = await loadCard(actor.agencyId, actor.clientId);
  if (!item?.paymentMethodId) throw new VisibleError("rule", "card.none_saved", "Save a card first: autopay charges the saved card.");
  if (item.version !== expected) throw new VisibleError("conflict", "conflict", "This was changed meanwhile. Here is the current state.", { current: viewOf(item) });
  const written = await conditionalWrite(
    db.entities.savedCard
      .patch({ agencyId: actor.agencyId, clientId: actor.clientId })
      .set({ autopay, ...(autopay && !item.autopay ? { autopaySince: new Date().toISOString() } : {}) })
      .add({ version: 1 })
      .where((attr, op) => `${op.eq(attr.version, expected)} AND ${op.exists(attr.paymentMethodId)}`)
      .go(),
  );
  if (!written) {
    throw new VisibleError("conflict", "conflict", "This was changed meanwhile. Here is the current state.", { current: viewOf(await loadCard(actor.agencyId, actor.clientId)) });
  }
  await Audit.record(Audit.event(autopay ? "card.autopay_on" : "card.autopay_off", "client", actor.clientId, {}));
  return viewOf(await loadCard(actor.agencyId, actor.clientId));
});

/**
 * The client removes its card: Stripe forgets it and autopay goes off. A charge already started
 * with it is Stripe's to finish (the rule in autopay.ts); nothing later is charged to it.
 */
export async function remove(): Promise<CardView> {
  const actor = writer();
  if (!enabled()) return nothing(false);
  const item = await loadCard(actor.agencyId, actor.clientId);
  if (!item?.paymentMethodId) return viewOf(item);
  await db.entities.savedCard
    .patch({ agencyId: actor.agencyId, clientId: actor.clientId })
    .remove(["paymentMethodId", "brand", "last4", "expMonth", "expYear", "autopaySince"])
    .set({ autopay: false })
    .add({ version: 1 })
    .go();
  try {
    await (await stripe()).paymentMethods.detach(item.paymentMethodId);
  } catch (error) {
    Log.warn("card: payment method not detached at Stripe", { error: String(error), clientId: actor.clientId });
  }
  await Audit.record(Audit.event("card.removed", "client", actor.clientId, { last4: item.last4 ?? null }));
  return viewOf(await loadCard(actor.agencyId, actor.clientId));
}
