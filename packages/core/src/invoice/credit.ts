import { z } from "zod";
import { assertOwner, useActor } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { db } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { idOf } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { isId } from "../id/index.ts";
import type { InvoiceItem, PaymentItem } from "./entity.ts";
import { applyPayment } from "./payment.ts";
import { get, rule, type InvoiceDetail } from "./read.ts";
import { balanceOf, invoiceNumber, presentPayment, type Payment } from "./present.ts";
import { ClientStore } from "../client/store.ts";

// Money taken is never lost. A client can pay by card on an invoice the owner voids while the
// Stripe Checkout is open: the card is charged all the same. Stripe's webhook then records the
// payment on the void invoice as a credit (payment.ts: it never makes the invoice paid again,
// and the time on it stays unbilled), the owner is told, and the owner settles it here: refunds
// it (and notes the refund's reference) or applies it to another unpaid invoice of the client in
// the same currency.

const conflict = () => new VisibleError("conflict", "conflict", "This credit was changed at the same moment. Please try again.");

async function openCredit(invoiceId: string, paymentId: string): Promise<{ agencyId: string; invoice: InvoiceItem; payment: PaymentItem }> {
  const agencyId = assertOwner();
  const invoice = isId("invoice", invoiceId) ? (await db.entities.invoice.get({ agencyId, invoiceId }).go({ consistent: true })).data : null;
  if (!invoice) throw notFound("Invoice");
  const payment = paymentId.length <= 120 ? (await db.entities.payment.get({ agencyId, invoiceId, paymentId }).go({ consistent: true })).data : null;
  if (!payment?.credit) throw notFound("Credit");
  if (payment.credit !== "open") throw rule("credit.settled", payment.credit === "applied" ? "This credit was already applied to an invoice." : "This credit was already refunded.");
  return { agencyId, invoice, payment };
}

/** Closes an open credit (conditionally: two owners can't both settle it) and takes it off the void invoice's open total. */
async function settle(agencyId: string, invoice: InvoiceItem, payment: PaymentItem, set: Partial<PaymentItem>, action: string, data: Record<string, unknown>) {
  const result = await db.transaction
    .write(({ payment: payments, invoice: invoices, ...tx }) => [
      payments
        .patch({ agencyId, invoiceId: invoice.invoiceId, paymentId: payment.paymentId })
        .set({ ...set, creditSettledAt: new Date().toISOString() })
        .where((attr, op) => op.eq(attr.credit, "open"))
        .commit(),
      invoices
        .patch({ agencyId, invoiceId: invoice.invoiceId })
        .add({ creditOpen: -payment.amount, version: 1 })
        .commit(),
      Audit.item(tx, Audit.event(action, "invoice", invoice.invoiceId, { amount: payment.amount, currency: payment.currency, ...data })),
    ])
    .go();
  if (failedConditions(result).length) throw conflict();
}

export const refundCreditSchema = z.strictObject({
  /** Where the refund can be found, such as the refund's id in Stripe. */
  reference: z.string().trim().max(200, "Keep the reference under 200 characters.").optional(),
});

/** The owner refunded the credit (in Stripe, or by transfer): it is closed with the refund's reference. */
export const refundCredit = fn(refundCreditSchema, async (input, invoiceId: string, paymentId: string): Promise<InvoiceDetail> => {
  const { agencyId, invoice, payment } = await openCredit(invoiceId, paymentId);
  await settle(agencyId, invoice, payment, { credit: "refunded", ...(input.reference ? { creditRefundReference: input.reference } : {}) }, "invoice.credit_refunded", {
    reference: input.reference ?? null,
  });
  // What GET /invoices/:invoiceId answers: the credit is among its payments.
  return get(invoiceId);
});

export const applyCreditSchema = z.strictObject({ invoiceId: idOf("invoice", "Choose the invoice to apply it to.") });

/**
 * Applies the whole credit to another sent, unpaid invoice of the same client and currency whose
 * balance is at least the credit: recorded there as a payment `credit_<paymentId>` (so a retry
 * pays once), and the credit closed.
 */
export const applyCredit = fn(applyCreditSchema, async (input, invoiceId: string, paymentId: string): Promise<InvoiceDetail> => {
  const { agencyId, invoice, payment } = await openCredit(invoiceId, paymentId);
  const target = isId("invoice", input.invoiceId) ? (await db.entities.invoice.get({ agencyId, invoiceId: input.invoiceId }).go({ consistent: true })).data : null;
  const field = (message: string) => new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { invoiceId: message } });
  if (!target || target.clientId !== invoice.clientId || target.invoiceId === invoice.invoiceId) throw field("Choose another invoice of this client.");
  if (target.status !== "sent" && target.status !== "partially_paid") throw field("Choose a sent invoice that is not paid yet.");
  if (target.currency !== payment.currency) throw field(`Choose an invoice in ${payment.currency}.`);
  if (balanceOf(target) < payment.amount) throw field("That invoice owes less than the credit: refund the credit instead, or choose another invoice.");
  await settle(agencyId, invoice, payment, { credit: "applied", creditAppliedTo: target.invoiceId }, "invoice.credit_applied", { to: target.invoiceId });
  try {
    await applyPayment({
      agencyId,
      invoiceId: target.invoiceId,
      paymentId: `credit_${payment.paymentId}`,
      amount: payment.amount,
      currency: payment.currency,
      method: payment.method,
      reference: `Credit from ${invoiceNumber(invoice.number) ?? invoice.invoiceId}${payment.reference ? ` (${payment.reference})` : ""}`,
      recordedBy: useActor().type === "member" ? (useActor() as { memberId: string }).memberId : "api",
    });
  } catch (error) {
    // The target couldn't take it after all (paid meanwhile): the credit is open again.
    await db.transaction
      .write(({ payment: payments, invoice: invoices }) => [
        payments.patch({ agencyId, invoiceId: invoice.invoiceId, paymentId: payment.paymentId }).set({ credit: "open" }).remove(["creditAppliedTo", "creditSettledAt"]).commit(),
        invoices.patch({ agencyId, invoiceId: invoice.invoiceId }).add({ creditOpen: payment.amount, version: 1 }).commit(),
      ])
      .go();
    throw error;
  }
  return get(invoiceId);
});

export type ClientCredit = Payment & { invoiceId: string; invoiceNumber: string | null };

/** A client's open credits (money received on its void invoices), for the client page. */
export async function creditsOfClient(clientId: string): Promise<ClientCredit[]> {
  const agencyId = assertOwner();
  const client = isId("client", clientId) ? (await ClientStore.load(agencyId, clientId)) : null;
  if (!client) throw notFound("Client");
  const voided = await db.entities.invoice.query
    .invoicesOfClient({ agencyId, clientId })
    .where((attr, op) => `${op.eq(attr.status, "void")} AND ${op.gt(attr.creditOpen, 0)}`)
    .go({ pages: "all" });
  const credits = await Promise.all(
    voided.data.map(async (invoice) => {
      const payments = await db.entities.payment.query.paymentsOfInvoice({ agencyId, invoiceId: invoice.invoiceId }).go({ pages: "all" });
      return payments.data
        .filter((payment) => payment.credit === "open")
        .map((payment) => ({ ...presentPayment(payment), invoiceId: invoice.invoiceId, invoiceNumber: invoiceNumber(invoice.number) }));
    }),
  );
  return credits.flat().sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
}
