import type { InvoiceItem, PaymentItem } from "./entity.ts";

// What an invoice looks like to the owner and to the client it bills (the same: it is theirs).

export type InvoiceLine = InvoiceItem["lines"][number];

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
  lines: InvoiceLine[];
  subtotal: number;
  taxName: string;
  taxRate: number;
  tax: number;
  total: number;
  amountPaid: number;
  balance: number;
  /** Card money received after the invoice was voided, not yet refunded or applied (a void invoice's only money). */
  creditOpen: number;
  paymentTermsDays: number;
  period: string | null;
  notes: string | null;
  entryCount: number;
  /** The deposit invoices this one takes off. */
  depositIds: string[];
  /** A deposit invoice's: the invoice it was taken off, once it was. */
  deductedOn: string | null;
  issuedAt: string | null;
  dueAt: string | null;
  paidAt: string | null;
  remindersSent: number;
  createdAt: string;
  version: number;
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

export function isOverdue(item: Pick<InvoiceItem, "status" | "dueAt">, now = Date.now()): boolean {
  return (item.status === "sent" || item.status === "partially_paid") && Boolean(item.dueAt) && Date.parse(item.dueAt!) < now;
}

export function present(item: InvoiceItem, clientName: string): Invoice {
  return {
    id: item.invoiceId,
    number: invoiceNumber(item.number),
    client: { id: item.clientId, name: clientName },
    currency: item.currency,
    kind: item.kind,
    status: item.status,
    overdue: isOverdue(item),
    lines: item.lines,
    subtotal: item.subtotal,
    taxName: item.taxName,
    taxRate: item.taxRate,
    tax: item.tax,
    total: item.total,
    amountPaid: item.amountPaid,
    balance: item.total - item.amountPaid,
    creditOpen: item.creditOpen ?? 0,
    paymentTermsDays: item.paymentTermsDays,
    period: item.period ?? null,
    notes: item.notes ?? null,
    entryCount: item.entryCount,
    depositIds: item.depositIds ?? [],
    deductedOn: item.deductedOn ?? null,
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
