import type Stripe from "stripe";
import { Audit } from "../audit/index.ts";
import { ClientStore } from "../client/store.ts";
import { db } from "../db/index.ts";
import { conditionalWrite } from "../db/transaction.ts";
import { Invoices } from "../invoice/index.ts";
import type { InvoiceItem } from "../invoice/entity.ts";
import { balanceOf, invoiceNumber } from "../invoice/present.ts";
import { Job } from "../job/index.ts";
import { Log } from "../log/index.ts";
import { Money } from "../money/index.ts";
import { Notify } from "../notify/index.ts";
import type { SavedCardItem } from "./entity.ts";
import { cardsOfAgency } from "./saved.ts";
import { enabled, stripe } from "./stripe.ts";

// Autopay: an invoice Baton issues by itself (AUTOPAY_KINDS) for a client with autopay on is
// charged to its saved card off-session by the scheduled job (packages/functions/src/jobs/run.ts,
// right after the retainer invoices), never in a request. Rules:
// - One attempt per invoice: the charge item is created with `attribute_not_exists` before Stripe
//   is asked, so of two runs at once only one charges; Stripe's idempotency key is the invoice and
//   the attempt (`autopay_<invoice>_1`), so a retried call is the same PaymentIntent.
// - Only invoices issued after autopay was turned on, and only what is still owed.
// - Success records the payment as a webhook-confirmed card payment is (`stripe_<intent>`, so
//   Stripe's payment_intent.succeeded event for it is a duplicate). A decline or a card that needs
//   the client's authentication emails the client the invoice's pay link and tells the owners;
//   the invoice stays owed and the client pays it by hand (Checkout).
// - A card removed while its charge is in flight: the charge already handed to Stripe is Stripe's
//   to finish, and its outcome is recorded (paid, or failed with the pay link). The removal stops
//   every later charge: the next run reads no card.

/**
 * The invoices Baton issues on a schedule, without anyone sending them: the monthly retainer
 * invoice (invoice/jobs.ts issueRetainersFor), which carries the fee and last month's overage
 * (time beyond the included hours, the hour bank's "bill" rule) on the same invoice. Recurring
 * schedules (schedule/run.ts) create requests and tasks, not invoices: their time is billed on
 * that retainer invoice or on an invoice the owner sends. Deposit invoices are issued when the
 * client accepts a quote, in the portal, with the pay link in front of them; standard invoices
 * are sent by the owner by hand. Neither is charged without the client: only these kinds are.
 */
export const AUTOPAY_KINDS: ReadonlyArray<InvoiceItem["kind"]> = ["retainer"];

/** Whether the job charges this invoice to a card saved with autopay on since `since`. */
export const chargedByAutopay = (invoice: Pick<InvoiceItem, "kind" | "issuedAt">, since: string) =>
  AUTOPAY_KINDS.includes(invoice.kind) && !!invoice.issuedAt && invoice.issuedAt >= since;

export const ATTEMPT = 1;
export const idempotencyKey = (invoiceId: string, attempt = ATTEMPT) => `autopay_${invoiceId}_${attempt}`;

type Outcome = { charged: number; declined: number; failed: number };

/** One agency's autopay charges (run as its system actor by the scheduled job). */
export async function chargeDueFor(agencyId: string): Promise<Outcome> {
  const outcome: Outcome = { charged: 0, declined: 0, failed: 0 };
  if (!enabled()) return outcome;
  const cards = new Map((await cardsOfAgency(agencyId)).filter((card) => card.autopay && card.paymentMethodId).map((card) => [card.clientId, card]));
  if (!cards.size) return outcome;
  const due = (await Invoices.owed(agencyId)).filter((invoice) => {
    const card = cards.get(invoice.clientId);
    return card && chargedByAutopay(invoice, card.autopaySince ?? "");
  });
  for (const invoice of due) {
    const result = await Job.isolated("autopay charge", { agencyId, invoiceId: invoice.invoiceId }, () => chargeOne(invoice, cards.get(invoice.clientId)!));
    if (result === Job.FAILED) outcome.failed++;
    else if (result === "charged") outcome.charged++;
    else if (result === "declined") outcome.declined++;
  }
  return outcome;
}

/** Charges one invoice once: "charged", "declined", or "skipped" (charged before, nothing owed, another run has it). */
async function chargeOne(invoice: InvoiceItem, card: SavedCardItem): Promise<"charged" | "declined" | "skipped"> {
  const { agencyId, invoiceId } = invoice;
  const amount = balanceOf(invoice);
  if (amount <= 0 || !card.paymentMethodId) return "skipped";
  const before = await db.entities.cardCharge.get({ agencyId, invoiceId }).go({ consistent: true });
  if (before.data) return "skipped";
  const claimed = await conditionalWrite(
    db.entities.cardCharge
      .create({ agencyId, invoiceId, clientId: invoice.clientId, attempt: ATTEMPT, amount, currency: invoice.currency, paymentMethodId: card.paymentMethodId })
      .go(),
  );
  if (!claimed) return "skipped"; // Another run claimed it.
  const number = invoiceNumber(invoice.number) ?? "";
  let intent: Stripe.PaymentIntent;
  try {
    intent = await (await stripe()).paymentIntents.create(
      {
        amount,
        currency: invoice.currency.toLowerCase(),
        customer: card.customerId,
        payment_method: card.paymentMethodId,
        off_session: true,
        confirm: true,
        description: `Invoice ${number}`,
        metadata: { agencyId, invoiceId, number, autopay: "1" },
      },
      { idempotencyKey: idempotencyKey(invoiceId) },
    );
  } catch (error) {
    const stripeError = error as { type?: string; code?: string; payment_intent?: { id?: string } };
    if (stripeError.type !== "StripeCardError") {
      // Stripe could not be asked (down, a bad key): the charge stays claimed and the invoice owed.
      await finish(agencyId, invoiceId, { status: "failed", failure: "unavailable" });
      await tellFailure(invoice, "unavailable");
      Log.error("card: autopay charge not made", error, { invoiceId });
      return "declined";
    }
    const failure = stripeError.code ?? "card_declined";
    await finish(agencyId, invoiceId, { status: "failed", failure, ...(stripeError.payment_intent?.id ? { paymentIntentId: stripeError.payment_intent.id } : {}) });
    await tellFailure(invoice, failure);
    return "declined";
  }
  if (intent.status === "succeeded") {
    await finish(agencyId, invoiceId, { status: "succeeded", paymentIntentId: intent.id });
    await recordIntent(intent);
    return "charged";
  }
  if (intent.status === "requires_action" || intent.status === "requires_payment_method") {
    const failure = intent.status === "requires_action" ? "authentication_required" : "card_declined";
    await finish(agencyId, invoiceId, { status: "failed", failure, paymentIntentId: intent.id });
    await tellFailure(invoice, failure);
    return "declined";
  }
  // Processing: Stripe's payment_intent.succeeded event records it.
  await finish(agencyId, invoiceId, { status: "charging", paymentIntentId: intent.id });
  return "charged";
}

async function finish(agencyId: string, invoiceId: string, set: { status: "charging" | "succeeded" | "failed"; failure?: string; paymentIntentId?: string }) {
  await db.entities.cardCharge.patch({ agencyId, invoiceId }).set(set).go();
}

/** Records a succeeded autopay PaymentIntent on its invoice (the job's answer and Stripe's event both land here: once). */
export async function recordIntent(intent: Stripe.PaymentIntent): Promise<"recorded" | "duplicate" | "ignored"> {
  const agencyId = intent.metadata?.agencyId;
  const invoiceId = intent.metadata?.invoiceId;
  if (!agencyId || !invoiceId || intent.status !== "succeeded") return "ignored";
  const outcome = await Invoices.applyPayment({
    agencyId,
    invoiceId,
    paymentId: `stripe_${intent.id}`,
    amount: intent.amount_received || intent.amount,
    currency: intent.currency,
    method: "card",
    reference: intent.id,
    recordedBy: "stripe",
    alreadyTaken: true,
  });
  // The autopay charge, if this intent is one (a Checkout payment has none: its patch's condition
  // fails). Marked on a repeated event too: when this write failed, the webhook answered an error
  // and Stripe sent the event again, which finds the payment recorded.
  await conditionalWrite(db.entities.cardCharge.patch({ agencyId, invoiceId }).set({ status: "succeeded", paymentIntentId: intent.id }).go());
  return outcome;
}

/**
 * Stripe's word that an autopay charge it was still processing failed (payment_intent.payment_failed):
 * the charge is marked failed only if it was still charging, so a repeated event tells the client once.
 */
export async function failIntent(intent: Stripe.PaymentIntent): Promise<"failed" | "duplicate" | "ignored"> {
  const agencyId = intent.metadata?.agencyId;
  const invoiceId = intent.metadata?.invoiceId;
  if (!agencyId || !invoiceId) return "ignored";
  const failure = intent.last_payment_error?.code ?? "card_declined";
  // Failed already (or succeeded, or no such charge): nothing to tell. Any other failure is
  // thrown: the webhook answers an error and Stripe sends the event again.
  const marked = await conditionalWrite(
    db.entities.cardCharge
      .patch({ agencyId, invoiceId })
      .set({ status: "failed", failure, paymentIntentId: intent.id })
      .where((attr, op) => `${op.eq(attr.status, "charging")} AND ${op.eq(attr.paymentIntentId, intent.id)}`)
      .go(),
  );
  if (!marked) return "duplicate";
  const invoice = await Invoices.loadInvoice(agencyId, invoiceId);
  if (invoice) await tellFailure(invoice, failure);
  return "failed";
}

/** The client gets the invoice's pay link; the owners hear why their card was not charged. */
async function tellFailure(invoice: InvoiceItem, failure: string) {
  const { agencyId, invoiceId } = invoice;
  const number = invoiceNumber(invoice.number) ?? "";
  const client = await ClientStore.load(agencyId, invoice.clientId);
  const contacts = (await Notify.contactsOf(agencyId, invoice.clientId)).filter((contact) => contact.status === "invited" || contact.status === "active");
  const reason = failure === "authentication_required" ? "authentication" : "declined";
  await Notify.send(agencyId, reason === "authentication" ? "autopayNeedsAuth" : "autopayDeclined", contacts, (person) => ({ number, amount: Money.format(balanceOf(invoice), invoice.currency, person.locale) }), Notify.links.portalInvoice(invoiceId));
  await Notify.send(
    agencyId,
    "autopayFailedOwner",
    await Notify.owners(agencyId),
    (person) => ({ client: client?.name ?? "", number, amount: Money.format(balanceOf(invoice), invoice.currency, person.locale) }),
    Notify.links.webInvoice(invoiceId),
  );
  await Audit.record(Audit.event("invoice.autopay_failed", "invoice", invoiceId, { failure }));
}
