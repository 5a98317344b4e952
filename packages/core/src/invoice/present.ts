import { readerLocale, text, type Locale } from "../i18n/index.ts";
import type { CreditNoteItem, InvoiceItem, PaymentItem } from "./entity.ts";

// What an invoice looks like to the owner and to the client it bills (the same: it is theirs),
// with the lines Baton wrote in the reader's language.

export type InvoiceLine = InvoiceItem["lines"][number];
/** A line as the API shows it: its description already in the reader's language. */
export type PresentedLine = Omit<InvoiceLine, "text">;

export type Invoice = {
  id: string;
  /** "INV-00042" once sent; null for a draft. */
  number: string | null;
  client: { id: string; name: string };
  currency: string;
  kind: InvoiceItem["kind"];
  status: InvoiceItem["status"];
  /** Sent, not fully paid, and past its due date. */
  overdue: boolean;
  lines: PresentedLine[];
  subtotal: number;
  taxName: string;
  taxRate: number;
  tax: number;
  total: number;
  amountPaid: number;
  /** What credit notes took off it, tax included. */
  credited: number;
  /** What is still owed: the total less payments and credit notes (never below 0). */
  balance: number;
  /** Money paid back to the client (refunds of what was paid beyond what credit notes left). */
  refunded: number;
  /** What is owed back to the client now: paid beyond what the invoice came to after its credit notes, less refunds. */
  toRefund: number;
  /** The refunds recorded, oldest first. */
  refunds: Refund[];
  /** Card money received after the invoice was voided, not yet refunded or applied (a void invoice's only money). */
  creditOpen: number;
  paymentTermsDays: number;
  period: string | null;
  notes: string | null;
  /** The client's purchase-order number, if they gave one. */
  purchaseOrder: string | null;
  entryCount: number;
  /** The deposit invoices this one takes off. */
  depositIds: string[];
  /** A deposit invoice's: the invoice it was taken off, once it was. */
  deductedOn: string | null;
  /** A draft's chosen issue and due dates ("YYYY-MM-DD"), kept when it is sent; null: the day it is sent, and its terms. */
  issueDate: string | null;
  dueDate: string | null;
  issuedAt: string | null;
  dueAt: string | null;
  paidAt: string | null;
  remindersSent: number;
  createdAt: string;
  version: number;
};

export type Refund = {
  id: string;
  amount: number;
  method: NonNullable<InvoiceItem["refunds"]>[number]["method"];
  /** The bank's or other reference; Stripe's refund id for a card refund. */
  reference: string | null;
  /** "pending" while a card refund waits for Stripe. */
  status: "pending" | "done";
  refundedAt: string;
};

export type Payment = {
  id: string;
  amount: number;
  currency: string;
  method: PaymentItem["method"];
  reference: string | null;
  receivedAt: string;
  /** Money received on a void invoice: open until refunded or applied to another invoice. */
  credit: { status: NonNullable<PaymentItem["credit"]>; appliedTo: string | null; refundReference: string | null; settledAt: string | null } | null;
};

export const invoiceNumber = (number: number) => (number ? `INV-${String(number).padStart(5, "0")}` : null);
export const creditNoteNumber = (number: number) => `CN-${String(number).padStart(5, "0")}`;

/** What an invoice still owes: its total less what was paid and what its credit notes took off. */
export const balanceOf = (item: Pick<InvoiceItem, "total" | "amountPaid" | "credited">) => Math.max(0, item.total - item.amountPaid - (item.credited ?? 0));

/**
 * What is owed back to the client: what was paid beyond what the invoice came to once its credit
 * notes took their part off (a paid invoice credited afterwards), less what was refunded already.
 * Never below 0; the balance (what the client owes) is 0 whenever this is above 0.
 */
export const refundDueOf = (item: Pick<InvoiceItem, "total" | "amountPaid" | "credited" | "refunded">) =>
  Math.max(0, item.amountPaid + (item.credited ?? 0) - item.total - (item.refunded ?? 0));

/** What an invoice billed before tax, net of its credit notes: what revenue and margin count. */
export const netSubtotalOf = (item: Pick<InvoiceItem, "subtotal" | "creditedSubtotal">) => item.subtotal - (item.creditedSubtotal ?? 0);

/**
 * What each invoice line has left to credit (before tax): its amount less what earlier notes
 * credited against it by naming it. A line that takes something off (a deposit) has nothing to credit.
 */
export function lineCreditLeft(item: Pick<InvoiceItem, "lines">, notes: Array<{ lines: Array<{ amount: number; line?: number | null }> }>): number[] {
  const left = item.lines.map((line) => Math.max(0, line.amount));
  for (const note of notes) for (const line of note.lines) if (line.line != null && line.line < left.length) left[line.line] = Math.max(0, left[line.line]! - line.amount);
  return left;
}

/** A credit note as the owner and the client see it. */
export type CreditNote = {
  id: string;
  /** "CN-00001": the agency's own sequence. */
  number: string;
  invoiceId: string;
  currency: string;
  /** `line`: the invoice line it credits (its place, from 0), or null for a line of its own. */
  lines: Array<{ description: string; amount: number; line: number | null }>;
  subtotal: number;
  taxName: string;
  taxRate: number;
  tax: number;
  total: number;
  reason: string;
  issuedAt: string;
};

export function presentCreditNote(item: CreditNoteItem): CreditNote {
  return {
    id: item.creditNoteId,
    number: creditNoteNumber(item.number),
    invoiceId: item.invoiceId,
    currency: item.currency,
    lines: item.lines.map((line) => ({ description: line.description, amount: line.amount, line: line.line ?? null })),
    subtotal: item.subtotal,
    taxName: item.taxName,
    taxRate: item.taxRate,
    tax: item.tax,
    total: item.total,
    reason: item.reason,
    issuedAt: item.issuedAt,
  };
}

export function isOverdue(item: Pick<InvoiceItem, "status" | "dueAt">, now = Date.now()): boolean {
  return (item.status === "sent" || item.status === "partially_paid") && Boolean(item.dueAt) && Date.parse(item.dueAt!) < now;
}

const percentFormat = (locale: Locale, basisPoints: number) =>
  new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(basisPoints / 10_000);

const monthFormat = (locale: Locale, period: string) => {
  const [year = 0, month = 1] = period.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(Date.UTC(year, month - 1, 15));
};

/** A line's description for a reader of `locale`: a generated line in their words, anything else as written. */
export function describeLine(line: InvoiceLine, locale: Locale): string {
  const meaning = line.text;
  if (!meaning || locale === "en") return line.description;
  switch (meaning.key) {
    case "deposit":
      return text(locale, "line.deposit", { percent: percentFormat(locale, meaning.percent ?? 0) });
    case "depositFor":
      return text(locale, "line.depositFor", { percent: percentFormat(locale, meaning.percent ?? 0), items: meaning.items ?? "" });
    case "lessDeposit":
      return text(locale, "line.lessDeposit", { number: meaning.number ?? "" });
    case "retainer":
      return text(locale, "line.retainer", { month: monthFormat(locale, meaning.period ?? ""), hours: meaning.hours ?? 0 });
    case "overage":
      return text(locale, "line.overage");
  }
  return line.description;
}

function presentLine(line: InvoiceLine, locale: Locale): PresentedLine {
  const { text: _meaning, ...shown } = line;
  return { ...shown, description: describeLine(line, locale) };
}

export function present(item: InvoiceItem, clientName: string): Invoice {
  const locale = readerLocale();
  return {
    id: item.invoiceId,
    number: invoiceNumber(item.number),
    client: { id: item.clientId, name: clientName },
    currency: item.currency,
    kind: item.kind,
    status: item.status,
    overdue: isOverdue(item),
    lines: item.lines.map((line) => presentLine(line, locale)),
    subtotal: item.subtotal,
    taxName: item.taxName,
    taxRate: item.taxRate,
    tax: item.tax,
    total: item.total,
    amountPaid: item.amountPaid,
    credited: item.credited ?? 0,
    balance: balanceOf(item),
    refunded: item.refunded ?? 0,
    toRefund: refundDueOf(item),
    refunds: (item.refunds ?? []).map((refund) => ({
      id: refund.refundId,
      amount: refund.amount,
      method: refund.method,
      reference: refund.reference ?? refund.stripeRefundId ?? null,
      status: refund.status,
      refundedAt: refund.refundedAt,
    })),
    creditOpen: item.creditOpen ?? 0,
    paymentTermsDays: item.paymentTermsDays,
    period: item.period ?? null,
    notes: item.notes ?? null,
    purchaseOrder: item.purchaseOrder ?? null,
    entryCount: item.entryCount,
    depositIds: item.depositIds ?? [],
    deductedOn: item.deductedOn ?? null,
    issueDate: item.issueDate ?? null,
    dueDate: item.dueDate ?? null,
    issuedAt: item.issuedAt ?? null,
    dueAt: item.dueAt ?? null,
    paidAt: item.paidAt ?? null,
    remindersSent: item.remindersSent,
    createdAt: item.createdAt,
    version: item.version,
  };
}

export function presentPayment(item: PaymentItem): Payment {
  return {
    id: item.paymentId,
    amount: item.amount,
    currency: item.currency,
    method: item.method,
    reference: item.reference ?? null,
    receivedAt: item.receivedAt,
    credit: item.credit
      ? { status: item.credit, appliedTo: item.creditAppliedTo ?? null, refundReference: item.creditRefundReference ?? null, settledAt: item.creditSettledAt ?? null }
      : null,
  };
}
