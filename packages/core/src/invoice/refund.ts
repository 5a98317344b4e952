import { z } from "zod";
import { assertOwner, useActor } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { enabled as cardsEnabled, stripe } from "../card/stripe.ts";
import { db } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { Email } from "../email/index.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { minorAmount, version } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { createId } from "../id/index.ts";
import { Log } from "../log/index.ts";
import { Money } from "../money/index.ts";
import { Notify } from "../notify/index.ts";
import { RefundMethods, type InvoiceItem } from "./entity.ts";
import { readersOf } from "./issue.ts";
import { balanceOf, invoiceNumber, refundDueOf } from "./present.ts";
import { conflict, get, load, rule, type InvoiceDetail } from "./read.ts";

// Refunds: what a client paid beyond what an invoice came to once its credit notes took their
// part off (a paid invoice credited afterwards, or credited more than was left unpaid) is owed
// back, shown as "to refund" (present.ts `refundDueOf`). The owner records each refund: to the
// card it was paid by (a Stripe refund, when Stripe is configured and a card paid it) or by bank
// transfer or otherwise with a reference. A refund never exceeds what is owed back, and it moves
// the invoice only from the version read, so of two at once one wins and the other is a 409. The
// client's readers get a receipt. The balance is untouched: what is owed back is never owed.

type RefundRecord = NonNullable<InvoiceItem["refunds"]>[number];

export const refundSchema = z.strictObject({
  version,
  amount: minorAmount.refine((amount) => amount > 0, "Enter an amount above 0."),
  method: z.enum(RefundMethods, { error: "Choose how the money goes back: card, bank transfer or other." }),
  reference: z.string().trim().max(200, "Keep the reference under 200 characters.").optional(),
});

const field = (name: string, message: string) => new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { [name]: message } });

/** The card payment a card refund goes back to: the latest card payment (by Stripe) that covers it. */
async function cardPaymentFor(item: InvoiceItem, amount: number) {
  const payments = await db.entities.payment.query.paymentsOfInvoice({ agencyId: item.agencyId, invoiceId: item.invoiceId }).go({ pages: "all" });
  // A payment recorded from a Checkout session whose intent Stripe had not named yet keeps the session's id (cs_…).
  const cards = payments.data.filter((payment) => payment.method === "card" && !payment.credit && (payment.reference?.startsWith("pi_") || payment.reference?.startsWith("cs_")));
  if (!cards.length) return null;
  const refundedOn = new Map<string, number>();
  for (const refund of item.refunds ?? []) if (refund.paymentId) refundedOn.set(refund.paymentId, (refundedOn.get(refund.paymentId) ?? 0) + refund.amount);
  return cards.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt)).find((payment) => payment.amount - (refundedOn.get(payment.paymentId) ?? 0) >= amount) ?? "too_little";
}

/** The PaymentIntent a card payment's reference names: itself, or (a Checkout session's id) the session's intent, asked of Stripe. */
async function intentOf(reference: string): Promise<string> {
  if (reference.startsWith("pi_")) return reference;
  let intent: string | undefined;
  try {
    const session = await (await stripe()).checkout.sessions.retrieve(reference);
    intent = typeof session.payment_intent === "string" ? session.payment_intent : session.payment_intent?.id;
  } catch (error) {
    Log.error("invoice: checkout session not found at Stripe", error, { reference });
    throw new VisibleError("unavailable", "refund.card_failed", "Stripe did not take the refund, so nothing was refunded. Please try again, or refund by bank transfer.");
  }
  if (!intent) throw field("method", "Stripe has no card payment for this Checkout: refund by bank transfer or other, with its reference.");
  return intent;
}

/** Writes the invoice's refunds as `refunds` with `refunded` moved by `by`, from the version read (false: it moved meanwhile). */
async function writeRefunds(item: InvoiceItem, expected: number, refunds: RefundRecord[], by: number, event?: ReturnType<typeof Audit.event>): Promise<boolean> {
  const result = await db.transaction
    .write(({ invoice, ...tx }) => [
      invoice
        .patch({ agencyId: item.agencyId, invoiceId: item.invoiceId })
        .set({ refunds })
        .add({ refunded: by, version: 1 })
        .where((attr, op) => op.eq(attr.version, expected))
        .commit(),
      ...(event ? [Audit.item(tx, event)] : []),
    ])
    .go();
  return !failedConditions(result).length;
}

/**
 * The owner records a refund of money owed back on an invoice. A card refund is reserved first
 * (pending, on the version read: a second at once gets 409 and never reaches Stripe), then asked
 * of Stripe under the refund's id as its idempotency key; if Stripe refuses, the reservation is
 * taken back and nothing was refunded.
 */
export const recordRefund = fn(refundSchema, async (input, invoiceId: string): Promise<InvoiceDetail> => {
  const agencyId = assertOwner();
  const actor = useActor();
  const item = await load(agencyId, invoiceId);
  if (!item) throw notFound("Invoice");
  if (item.version !== input.version) throw await conflict(agencyId, invoiceId);
  if (item.status === "draft" || item.status === "void") throw rule("refund.not_refundable", item.status === "draft" ? "A draft has no payments to refund." : "This invoice is void: settle its credits instead.");
  const due = refundDueOf(item);
  if (due <= 0) throw rule("refund.nothing_due", "Nothing is owed back to the client on this invoice.");
  if (input.amount > due) throw field("amount", `At most ${Money.toMajorString(due, item.currency)} ${item.currency} is owed back to the client.`);
  let paymentId: string | undefined;
  let paymentIntent: string | undefined;
  if (input.method === "card") {
    if (!cardsEnabled()) throw field("method", "Card refunds need Stripe, which is not set up: refund by bank transfer or other, with its reference.");
    const payment = await cardPaymentFor(item, input.amount);
    if (!payment) throw field("method", "Nothing on this invoice was paid by card: refund by bank transfer or other, with its reference.");
    if (payment === "too_little") throw field("amount", "No card payment on this invoice covers that much: refund less by card, or the rest by bank transfer.");
    paymentId = payment.paymentId;
    paymentIntent = await intentOf(payment.reference!);
  }
  const now = new Date().toISOString();
  const refund: RefundRecord = {
    refundId: createId("refund"),
    amount: input.amount,
    method: input.method,
    ...(input.reference ? { reference: input.reference } : {}),
    ...(paymentId ? { paymentId } : {}),
    status: paymentIntent ? "pending" : "done",
    refundedAt: now,
    recordedBy: actor.type === "member" ? actor.memberId : "api",
  };
  const before = item.refunds ?? [];
  const event = Audit.event("invoice.refund", "invoice", invoiceId, { amount: input.amount, currency: item.currency, method: input.method, reference: input.reference ?? null });
  if (!(await writeRefunds(item, input.version, [...before, refund], input.amount, paymentIntent ? undefined : event))) throw await conflict(agencyId, invoiceId);
  if (paymentIntent) {
    let stripeRefundId: string;
    try {
      const made = await (await stripe()).refunds.create(
        { payment_intent: paymentIntent, amount: input.amount, metadata: { agencyId, invoiceId, refundId: refund.refundId } },
        { idempotencyKey: refund.refundId },
      );
      stripeRefundId = made.id;
    } catch (error) {
      Log.error("invoice: card refund refused by Stripe", error, { invoiceId, refundId: refund.refundId });
      // Nothing went back: the reservation is taken back (it is the version just written).
      await writeRefunds(item, input.version + 1, before, -input.amount);
      throw new VisibleError("unavailable", "refund.card_failed", "Stripe did not take the refund, so nothing was refunded. Please try again, or refund by bank transfer.");
    }
    await markDone(agencyId, invoiceId, refund.refundId, stripeRefundId, Audit.event("invoice.refund", "invoice", invoiceId, { amount: input.amount, currency: item.currency, method: "card", reference: stripeRefundId }));
  }
  await emailReceipt((await load(agencyId, invoiceId))!, input.amount);
  return get(invoiceId);
});

/** Stripe took the card refund: it is done, with Stripe's id (re-read if the invoice moved meanwhile, by a payment say). */
async function markDone(agencyId: string, invoiceId: string, refundId: string, stripeRefundId: string, event: ReturnType<typeof Audit.event>) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const item = (await load(agencyId, invoiceId))!;
    const refunds = (item.refunds ?? []).map((each) => (each.refundId === refundId ? { ...each, status: "done" as const, stripeRefundId } : each));
    if (await writeRefunds(item, item.version, refunds, 0, event)) return;
  }
  Log.error("invoice: card refund made but not marked done", new Error("the invoice kept moving"), { invoiceId, refundId, stripeRefundId });
}

/** The client's contacts and billing addresses get a receipt for the refund, in each reader's language. */
async function emailReceipt(invoice: InvoiceItem, amount: number): Promise<void> {
  try {
    const { readers, brand } = await readersOf(invoice);
    const messages = readers.map((reader) => {
      const params = {
        agency: brand?.name ?? "",
        number: invoiceNumber(invoice.number) ?? "",
        amount: Money.format(amount, invoice.currency, reader.locale),
        balance: Money.format(balanceOf(invoice), invoice.currency, reader.locale),
        due: Money.format(refundDueOf(invoice), invoice.currency, reader.locale),
      };
      const email = Email.notice({ locale: reader.locale, kind: "refundReceipt", params, url: Notify.links.portalInvoice(invoice.invoiceId), brand });
      return { to: reader.email, email, ids: { invoiceId: invoice.invoiceId, ...(reader.contactId ? { contactId: reader.contactId } : {}) } };
    });
    await Email.later(messages);
  } catch (error) {
    Log.error("invoice: refund receipt not sent", error, { invoiceId: invoice.invoiceId });
  }
}
