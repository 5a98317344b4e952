import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey, timestamps, versioned } from "../db/attributes.ts";
import { movingShardAttribute } from "../db/shard.ts";

export const InvoiceStatuses = ["draft", "sent", "partially_paid", "paid", "void"] as const;
export const InvoiceKinds = ["standard", "deposit", "retainer"] as const;
/** "deposit" lines take an earlier deposit invoice off (a negative amount). */
export const LineKinds = ["time", "package", "retainer", "overage", "custom", "deposit"] as const;
/** The generated lines that have their own wording (see `text` on a line). */
export const LineTexts = ["deposit", "depositFor", "lessDeposit", "retainer", "overage"] as const;
export const PaymentMethods = ["card", "bank_transfer", "wise", "paypal", "cash", "other"] as const;
/** How money owed back to a client goes back: to the card it was paid by (through Stripe), or by hand. */
export const RefundMethods = ["card", "bank_transfer", "other"] as const;

/** A bill to one client in the client's currency; amounts in minor units. Numbered when sent. */
export const InvoiceEntity = defineEntity({
  model: { entity: "invoice", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    invoiceId: { type: "string", required: true, readOnly: true },
    clientId: { type: "string", required: true, readOnly: true },
    currency: { type: "string", required: true, readOnly: true },
    kind: { type: InvoiceKinds, required: true, default: "standard" },
    /** 0 while a draft; the agency's next number when sent (no gaps, never reused). */
    number: { type: "number", required: true, default: 0 },
    status: { type: InvoiceStatuses, required: true, default: "draft" },
    lines: {
      type: "list",
      required: true,
      items: {
        type: "map",
        properties: {
          kind: { type: LineKinds, required: true },
          description: { type: "string", required: true },
          /** Minutes for time lines, units for everything else. */
          quantity: { type: "number", required: true },
          /** Per hour for time lines, per unit otherwise. */
          unitAmount: { type: "number", required: true },
          amount: { type: "number", required: true },
          /**
           * What a line Baton wrote means (a deposit share, a deposit taken off, a retainer month),
           * so it reads in each reader's language; `description` keeps the English.
           */
          text: {
            type: "map",
            properties: {
              key: { type: LineTexts, required: true },
              /** Basis points, for deposit shares. */
              percent: { type: "number" },
              items: { type: "string" },
              number: { type: "string" },
              /** "2026-11", for a retainer month. */
              period: { type: "string" },
              hours: { type: "number" },
            },
          },
        },
      },
    },
    subtotal: { type: "number", required: true },
    taxName: { type: "string", required: true },
    taxRate: { type: "number", required: true },
    tax: { type: "number", required: true },
    total: { type: "number", required: true },
    amountPaid: { type: "number", required: true, default: 0 },
    /** What its credit notes took off (tax included), and of that the amount before tax: owed and revenue are net of it. */
    credited: { type: "number", default: 0 },
    creditedSubtotal: { type: "number", default: 0 },
    /**
     * Money paid back to the client (refund.ts): what was paid beyond what the invoice came to
     * once credit notes took their part off. Each refund is kept here, with how it went back.
     */
    refunded: { type: "number", default: 0 },
    refunds: {
      type: "list",
      items: {
        type: "map",
        properties: {
          refundId: { type: "string", required: true },
          amount: { type: "number", required: true },
          method: { type: RefundMethods, required: true },
          reference: { type: "string" },
          /** A card refund: the card payment refunded and Stripe's refund id, once Stripe took it. */
          paymentId: { type: "string" },
          stripeRefundId: { type: "string" },
          /** "pending" only while a card refund waits for Stripe's answer. */
          status: { type: ["pending", "done"] as const, required: true },
          refundedAt: { type: "string", required: true },
          recordedBy: { type: "string", required: true },
        },
      },
    },
    paymentTermsDays: { type: "number", required: true },
    /** The time entries locked on it (also findable by their invoiceId). */
    entryCount: { type: "number", required: true, default: 0 },
    /** The deposit invoices this one takes off (each is deducted once: see `deductedOn`). */
    depositIds: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    /** On a deposit invoice: the invoice it was taken off, once it was. */
    deductedOn: { type: "string" },
    /** Retainer period ("2026-11") for retainer invoices. */
    period: { type: "string" },
    notes: { type: "string" },
    /** The client's purchase-order number, printed on the invoice. */
    purchaseOrder: { type: "string" },
    /** The agency's and the client's details as they were when it was sent (parties.ts), JSON. */
    issuerJson: { type: "string" },
    billToJson: { type: "string" },
    /**
     * A draft's chosen issue and due dates ("YYYY-MM-DD", the agency's calendar), kept by sending:
     * none given, it is issued today (now) and due after its payment terms.
     */
    issueDate: { type: "string" },
    dueDate: { type: "string" },
    issuedAt: { type: "string" },
    /** `issuedAt` once sent, "-" while a draft: the status index sorts by it (reports read issue-date ranges). */
    issuedSort: { type: "string", required: true, default: "-" },
    dueAt: { type: "string" },
    paidAt: { type: "string" },
    voidedAt: { type: "string" },
    /**
     * Money taken by card after the invoice was voided (the Stripe Checkout was already open) and
     * not yet refunded or applied elsewhere: the owner's to settle. Each is a payment with `credit`.
     */
    creditOpen: { type: "number", default: 0 },
    /** How many overdue reminders went out (1, 7 and 14 days after due: at most 3). */
    remindersSent: { type: "number", required: true, default: 0 },
    /**
     * "yes" while money is owed on a sent invoice, with `owingSince` its due date: only then is
     * it in the openInvoices index (the reminder job's). Always written together.
     */
    owing: { type: ["no", "yes"] as const, required: true, default: "no" },
    owingSince: { type: "string", required: true, default: "-" },
    /** Which of the openInvoices partitions it is in (db/shard.ts), from its id: written with `owing` (owing.ts). */
    shard: movingShardAttribute("invoiceId"),
    /**
     * The exchange rate stamped when it was sent in another currency than the agency's
     * (rates/): 1 of `currency` = `rate` of `rateTo`, an exact decimal, from `rateDate`, entered
     * by the owner or the kept one. Absent: no rate was known, so reports leave it unconverted.
     */
    rate: { type: "string" },
    rateTo: { type: "string" },
    rateDate: { type: "string" },
    rateSource: { type: ["entered", "kept"] as const },
    ...timestamps,
    ...versioned,
  },
  indexes: {
    invoiceById: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["invoiceId"] },
    },
    invoicesOfClient: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["agencyId", "clientId"] },
      sk: { field: "gsi1sk", composite: ["invoiceId"] },
    },
    /** By status, newest issued first: lists, money reports (issue-date ranges) and receivables. */
    invoicesByStatus: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["agencyId", "status"] },
      sk: { field: "gsi3sk", composite: ["issuedSort", "invoiceId"] },
    },
    /** Every agency's invoices with money owed, by due date: the reminder job's query (one per shard). */
    openInvoices: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["owing", "shard"] },
      sk: { field: "gsi2sk", composite: ["owingSince", "agencyId", "invoiceId"] },
      condition: (attr) => attr.owing === "yes",
    },
  },
});

export type InvoiceItem = EntityItem<typeof InvoiceEntity>;

/** Money received against an invoice. Its id comes from the source (a Stripe event), so a replay is the same payment. */
export const PaymentEntity = defineEntity({
  model: { entity: "payment", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    invoiceId: { type: "string", required: true, readOnly: true },
    paymentId: { type: "string", required: true, readOnly: true },
    amount: { type: "number", required: true, readOnly: true },
    currency: { type: "string", required: true, readOnly: true },
    method: { type: PaymentMethods, required: true, readOnly: true },
    reference: { type: "string" },
    receivedAt: { type: "string", required: true, readOnly: true },
    recordedBy: { type: "string", required: true, readOnly: true },
    /**
     * Set on money received on a void invoice: a credit the owner refunds or applies to another
     * invoice of the client. It never counts towards the void invoice.
     */
    credit: { type: ["open", "applied", "refunded"] as const },
    /** The invoice an applied credit paid (as a payment `credit_<paymentId>` there). */
    creditAppliedTo: { type: "string" },
    creditRefundReference: { type: "string" },
    creditSettledAt: { type: "string" },
    /** The kept exchange rate to the agency's currency when the payment was recorded (absent: none kept, or the same currency). */
    rate: { type: "string" },
    rateTo: { type: "string" },
    ...timestamps,
  },
  indexes: {
    paymentsOfInvoice: {
      pk: { field: "pk", composite: ["agencyId", "invoiceId"] },
      sk: { field: "sk", composite: ["paymentId"] },
    },
  },
});

export type PaymentItem = EntityItem<typeof PaymentEntity>;

/**
 * A credit note: part or all of a sent invoice taken back (the owner's correction of an issued
 * invoice, which is never edited). Numbered in its own sequence (CN-00001), in the invoice's
 * currency and tax; what it credits comes off what the invoice owes. Never changed once issued.
 */
export const CreditNoteEntity = defineEntity({
  model: { entity: "creditNote", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    invoiceId: { type: "string", required: true, readOnly: true },
    creditNoteId: { type: "string", required: true, readOnly: true },
    clientId: { type: "string", required: true, readOnly: true },
    number: { type: "number", required: true, readOnly: true },
    currency: { type: "string", required: true, readOnly: true },
    lines: {
      type: "list",
      required: true,
      readOnly: true,
      items: {
        type: "map",
        properties: {
          description: { type: "string", required: true },
          /** Before tax, in minor units. */
          amount: { type: "number", required: true },
          /** The invoice line it credits (its place, from 0), when it names one. */
          line: { type: "number" },
        },
      },
    },
    subtotal: { type: "number", required: true, readOnly: true },
    taxName: { type: "string", required: true, readOnly: true },
    taxRate: { type: "number", required: true, readOnly: true },
    tax: { type: "number", required: true, readOnly: true },
    total: { type: "number", required: true, readOnly: true },
    reason: { type: "string", required: true, readOnly: true },
    issuedAt: { type: "string", required: true, readOnly: true },
    issuedBy: { type: "string", required: true, readOnly: true },
    ...timestamps,
  },
  indexes: {
    creditNotesOfInvoice: {
      pk: { field: "pk", composite: ["agencyId", "invoiceId"] },
      sk: { field: "sk", composite: ["creditNoteId"] },
    },
    /** The agency's credit notes by issue instant: the accounting exports' period. */
    creditNotesIssued: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["agencyId"] },
      sk: { field: "gsi3sk", composite: ["issuedAt", "creditNoteId"] },
    },
  },
});

export type CreditNoteItem = EntityItem<typeof CreditNoteEntity>;

/** The agency's last credit note number: taken in the credit note's own transaction, so numbers have no gaps. */
export const CreditNoteCounterEntity = defineEntity({
  model: { entity: "creditNoteCounter", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    seq: { type: "number", required: true, default: 0 },
  },
  indexes: {
    creditNoteCounter: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
