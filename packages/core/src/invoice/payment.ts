import { z } from "zod";
import { record as recordEvent } from "../webhook/record.ts";
import { assertOwner, useActor } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { db } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { paymentAmount, version, instant } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { createId } from "../id/index.ts";
import { Metrics } from "../metrics/index.ts";
import { Money } from "../money/index.ts";
import { Notify } from "../notify/index.ts";
import { Rates } from "../rates/index.ts";
import { Timesheet } from "../timesheet/index.ts";
import { PaymentMethods, type InvoiceItem, type PaymentItem } from "./entity.ts";
import { releaseDeposits, releaseEntries } from "./draft.ts";
import { emailClient } from "./issue.ts";
import { balanceOf, invoiceNumber } from "./present.ts";
import { clientName, conflict, get, issuedSortOf, load, rule, type InvoiceDetail } from "./read.ts";
import { owingState } from "./owing.ts";

// Money on a sent invoice: payments add up to paid, every change conditional on the version
// read; voiding takes back an invoice nobody paid. Card money that arrives on a void invoice is
// kept as a credit (credit.ts settles it).

export const voidSchema = z.strictObject({ version, reason: z.string().trim().max(500).optional() });

/** Voids a sent invoice nobody has paid anything on; its time is unbilled again. */
export const voidInvoice = fn(voidSchema, async ({ version: expected, reason }, invoiceId: string): Promise<InvoiceDetail> => {
  const agencyId = assertOwner();
  const item = await load(agencyId, invoiceId);
  if (!item) throw notFound("Invoice");
  if (item.status === "draft") throw rule("invoice.draft", "Delete a draft instead of voiding it.");
  if (item.deductedOn) {
    const on = await load(agencyId, item.deductedOn);
    throw rule("invoice.deposit_taken", `This deposit is taken off ${invoiceNumber(on?.number ?? 0) ?? "a draft invoice"}; delete or void that invoice first.`);
  }
  if (item.credited) throw rule("invoice.credited", "Credit notes were issued against this invoice, so it can't be voided: credit what is left instead.");
  if (item.amountPaid > 0 || item.status === "void") throw rule("invoice.cannot_void", item.status === "void" ? "This invoice is already void." : "Money was paid on this invoice, so it can't be voided.");
  const entries = await Timesheet.onInvoice(agencyId, item.clientId, invoiceId);
  const result = await db.transaction
    .write((entities) => [
      entities.invoice
        .patch({ agencyId, invoiceId })
        .set({ status: "void", issuedSort: issuedSortOf(item), voidedAt: new Date().toISOString(), ...owingState(invoiceId, null) })
        .add({ version: 1 })
        .where((attr, op) => `${op.eq(attr.version, expected)} AND ${op.eq(attr.amountPaid, 0)} AND ${op.notExists(attr.deductedOn)}`)
        .commit(),
      Audit.item(entities, Audit.event("invoice.voided", "invoice", invoiceId, { reason: reason ?? null })),
      ...releaseEntries(entries)(entities),
      ...releaseDeposits(item)(entities),
    ])
    .go();
  if (failedConditions(result).length) throw await conflict(agencyId, invoiceId);
  return get(invoiceId);
});

export const paymentSchema = z.strictObject({
  // Up to a whole invoice's total (which may exceed any single input amount).
  amount: paymentAmount.refine((amount) => amount > 0, "Enter the amount received."),
  method: z.enum(PaymentMethods, { error: "Choose how it was paid." }),
  reference: z.string().trim().max(200, "Keep the reference under 200 characters.").optional(),
  receivedAt: instant("Choose when it was received.").optional(),
});

/** The owner records money received by transfer, Wise, PayPal or cash. */
export const recordPayment = fn(paymentSchema, async (input, invoiceId: string): Promise<InvoiceDetail> => {
  const agencyId = assertOwner();
  await applyPayment({ agencyId, invoiceId, paymentId: createId("payment"), amount: input.amount, method: input.method, reference: input.reference, receivedAt: input.receivedAt, recordedBy: useActor().type === "member" ? (useActor() as { memberId: string }).memberId : "api" });
  return get(invoiceId);
});

export type PaymentInput = {
  agencyId: string;
  invoiceId: string;
  /** The same id for the same payment (e.g. from the Stripe event): a second attempt changes nothing. */
  paymentId: string;
  amount: number;
  currency?: string;
  method: PaymentItem["method"];
  reference?: string | undefined;
  receivedAt?: string | undefined;
  recordedBy: string;
  /** Money already taken (a card payment): recorded even if it is more than the balance. */
  alreadyTaken?: boolean;
};

/**
 * Records a payment and adds it to the invoice in one transaction: the payment is created only
 * if its id is new, and the invoice only moves from the version read. A replayed payment is a
 * no-op ("duplicate"); a concurrent one re-reads and tries again.
 */
export async function applyPayment(input: PaymentInput): Promise<"recorded" | "duplicate"> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const item = await load(input.agencyId, input.invoiceId);
    if (!item) throw notFound("Invoice");
    const existing = await db.entities.payment.get({ agencyId: input.agencyId, invoiceId: input.invoiceId, paymentId: input.paymentId }).go({ consistent: true });
    if (existing.data) return "duplicate";
    // Card money taken on an invoice voided while its checkout was open: kept, as a credit.
    if (item.status === "void" && input.alreadyTaken) return receiveOnVoid(item, input);
    if (item.status === "draft" || item.status === "void") throw rule("invoice.not_payable", item.status === "draft" ? "Send the invoice before recording payments." : "This invoice is void.");
    if (input.currency && input.currency.toUpperCase() !== item.currency) throw rule("payment.currency", `This invoice is in ${item.currency}.`);
    const balance = balanceOf(item);
    if (input.amount > balance && !input.alreadyTaken) {
      throw new VisibleError("validation", "validation_failed", "Some fields need attention.", {
        fields: { amount: balance ? `At most the balance due: ${Money.toMajorString(balance, item.currency)} ${item.currency}.` : "This invoice is already paid." },
      });
    }
    const paid = item.amountPaid + input.amount;
    // The rate kept when the money arrived, beside the invoice's own (stamped when it was sent).
    const stamp = await Rates.stampFor(input.agencyId, item.currency);
    // Credit notes took part of it off: what they took is never owed again.
    const full = paid + (item.credited ?? 0) >= item.total;
    const now = new Date().toISOString();
    const result = await db.transaction
      .write(({ payment, invoice, ...tx }) => [
        payment.create(paymentOf(item, input, now, stamp)).commit(),
        invoice
          .patch({ agencyId: input.agencyId, invoiceId: input.invoiceId })
          .set({ amountPaid: paid, status: full ? "paid" : "partially_paid", issuedSort: issuedSortOf(item), ...owingState(input.invoiceId, full ? null : item.owingSince), ...(full ? { paidAt: now } : {}) })
          .add({ version: 1 })
          .where((attr, op) => op.eq(attr.version, item.version))
          .commit(),
        Audit.item(tx, Audit.event("invoice.payment", "invoice", input.invoiceId, { amount: input.amount, currency: item.currency, method: input.method })),
      ])
      .go();
    const failed = failedConditions(result);
    if (!failed.length) {
      Metrics.count(Metrics.Names.paymentsRecorded, { Method: input.method });
      const saved = (await load(input.agencyId, input.invoiceId))!;
      await notifyOwners(saved, input.amount);
      // Every payment, by hand or by card, gets the client a receipt with what is still owed.
      await emailClient(saved, "paymentReceipt", input.amount);
      if (saved.status === "paid") await recordEvent(saved.agencyId, "invoice.paid", { id: saved.invoiceId, clientId: saved.clientId });
      return "recorded";
    }
  }
  throw new VisibleError("conflict", "conflict", "Payments for this invoice are being recorded right now. Please try again.");
}

/**
 * The payment item `input` records on `item`, in the invoice's currency (received now unless
 * told), with the exchange rate kept for that currency when there is one.
 */
export function paymentOf(item: InvoiceItem, input: PaymentInput, now: string, stamp?: { rate: string; to: string } | null) {
  return {
    agencyId: input.agencyId,
    invoiceId: input.invoiceId,
    paymentId: input.paymentId,
    amount: input.amount,
    currency: item.currency,
    method: input.method,
    ...(input.reference ? { reference: input.reference } : {}),
    receivedAt: input.receivedAt ?? now,
    recordedBy: input.recordedBy,
    ...(stamp ? { rate: stamp.rate, rateTo: stamp.to } : {}),
  };
}

async function notifyOwners(item: InvoiceItem, amount: number) {
  const name = await clientName(item.agencyId, item.clientId);
  await Notify.send(
    item.agencyId,
    "paymentReceived",
    await Notify.owners(item.agencyId),
    (person) => ({
      client: name,
      number: invoiceNumber(item.number) ?? "",
      amount: Money.format(amount, item.currency, person.locale),
      balance: Money.format(balanceOf(item), item.currency, person.locale),
    }),
    Notify.links.webInvoice(item.invoiceId),
  );
}

/** Records card money received on a void invoice as an open credit (once: the payment id is Stripe's). */
export async function receiveOnVoid(item: InvoiceItem, input: PaymentInput): Promise<"recorded" | "duplicate"> {
  const now = new Date().toISOString();
  const result = await db.transaction
    .write(({ payment, invoice, ...tx }) => [
      payment.create({ ...paymentOf(item, input, now), credit: "open" }).commit(),
      invoice
        .patch({ agencyId: input.agencyId, invoiceId: input.invoiceId })
        .add({ creditOpen: input.amount, version: 1 })
        .where((attr, op) => op.eq(attr.version, item.version))
        .commit(),
      Audit.item(tx, Audit.event("invoice.credit_received", "invoice", input.invoiceId, { amount: input.amount, currency: item.currency, method: input.method })),
    ])
    .go();
  const failed = failedConditions(result);
  if (failed.includes(0)) return "duplicate";
  if (failed.length) throw new VisibleError("conflict", "conflict", "This credit was changed at the same moment. Please try again.");
  const name = await clientName(item.agencyId, item.clientId);
  await Notify.send(
    item.agencyId,
    "creditReceived",
    await Notify.owners(item.agencyId),
    (person) => ({ client: name, number: invoiceNumber(item.number) ?? "", amount: Money.format(input.amount, item.currency, person.locale) }),
    Notify.links.webInvoice(item.invoiceId),
  );
  return "recorded";
}
