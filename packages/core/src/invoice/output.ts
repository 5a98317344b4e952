import { z } from "zod";
import { incrementOutput, page } from "../fields/output.ts";
import { listOutput as timeEntriesOutput } from "../timesheet/output.ts";
import { InvoiceKinds, InvoiceStatuses, LineKinds, PaymentMethods, RefundMethods } from "./entity.ts";
import type { ClientCredit } from "./credit.ts";
import type { CreditNote, Invoice, Payment } from "./present.ts";
import type { InvoiceDetail } from "./read.ts";

/** Amounts are integers in the minor unit of the invoice's currency. */
const minor = z.number().int();

export const lineOutput = z.object({
  kind: z.enum(LineKinds),
  description: z.string(),
  quantity: z.number().describe("Minutes for time lines, units otherwise"),
  unitAmount: minor.describe("Per hour for time lines, per unit otherwise"),
  amount: minor,
});

export const output = z
  .object({
    id: z.string(),
    number: z.string().nullable(),
    client: z.object({ id: z.string(), name: z.string() }),
    currency: z.string(),
    kind: z.enum(InvoiceKinds),
    status: z.enum(InvoiceStatuses),
    overdue: z.boolean(),
    lines: z.array(lineOutput),
    subtotal: minor,
    taxName: z.string(),
    taxRate: z.number().int().describe("Basis points"),
    tax: minor,
    total: minor,
    amountPaid: minor,
    credited: minor.describe("What credit notes took off, tax included"),
    balance: minor.describe("What is still owed: total less payments and credit notes"),
    refunded: minor.describe("Money paid back to the client"),
    toRefund: minor.describe("Owed back to the client: paid beyond what the invoice came to after its credit notes, less refunds"),
    refunds: z.array(
      z.object({
        id: z.string(),
        amount: minor,
        method: z.enum(RefundMethods),
        reference: z.string().nullable(),
        status: z.enum(["pending", "done"]),
        refundedAt: z.string(),
      }),
    ),
    creditOpen: minor,
    paymentTermsDays: z.number().int(),
    period: z.string().nullable(),
    notes: z.string().nullable(),
    purchaseOrder: z.string().nullable(),
    entryCount: z.number().int(),
    depositIds: z.array(z.string()),
    deductedOn: z.string().nullable(),
    issueDate: z.string().nullable().describe("A draft's chosen issue date (YYYY-MM-DD), kept when sent; null: the day it is sent"),
    dueDate: z.string().nullable().describe("A draft's chosen due date (YYYY-MM-DD), kept when sent; null: its payment terms from the issue"),
    issuedAt: z.string().nullable(),
    dueAt: z.string().nullable(),
    paidAt: z.string().nullable(),
    remindersSent: z.number().int(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "Invoice" }) satisfies z.ZodType<Invoice>;

export const paymentOutput = z
  .object({
    id: z.string(),
    amount: minor,
    currency: z.string(),
    method: z.enum(PaymentMethods),
    reference: z.string().nullable(),
    receivedAt: z.string(),
    credit: z
      .object({ status: z.enum(["open", "applied", "refunded"]), appliedTo: z.string().nullable(), refundReference: z.string().nullable(), settledAt: z.string().nullable() })
      .nullable(),
  })
  .meta({ id: "Payment" }) satisfies z.ZodType<Payment>;

export const creditNoteOutput = z
  .object({
    id: z.string(),
    number: z.string().describe("CN-00001: the agency's credit note sequence"),
    invoiceId: z.string(),
    currency: z.string(),
    lines: z.array(z.object({ description: z.string(), amount: minor.describe("Before tax"), line: z.number().int().nullable().describe("The invoice line it credits (from 0), or null") })),
    subtotal: minor,
    taxName: z.string(),
    taxRate: z.number().int().describe("Basis points"),
    tax: minor,
    total: minor,
    reason: z.string(),
    issuedAt: z.string(),
  })
  .meta({ id: "CreditNote" }) satisfies z.ZodType<CreditNote>;

/** GET /invoices/:id, and what every action on an invoice answers. */
export const detailOutput = output
  .extend({
    payments: z.array(paymentOutput),
    creditNotes: z.array(creditNoteOutput),
    linesLeftToCredit: z.array(minor).describe("What each line has left to credit before tax, once credit notes naming it are taken off"),
    paymentInstructions: z.string().nullable(),
    cardPayments: z.boolean(),
    agency: z.object({ name: z.string(), legalName: z.string().nullable(), address: z.string().nullable(), taxId: z.string().nullable(), registration: z.string().nullable() }),
    billTo: z.object({ name: z.string(), address: z.string().nullable(), taxId: z.string().nullable() }),
    exchangeRate: z
      .object({
        to: z.string(),
        rate: z.string().nullable(),
        date: z.string().nullable(),
        source: z.enum(["entered", "kept"]).nullable(),
        payments: z.array(z.object({ id: z.string(), rate: z.string().nullable() })),
      })
      .nullable()
      .optional()
      .describe("The owner's only: the exchange rate to the agency's currency stamped when sent, and each payment's"),
  })
  .meta({ id: "InvoiceDetail" }) satisfies z.ZodType<InvoiceDetail>;

export const listOutput = page(output);

export const creditOutput = paymentOutput.extend({ invoiceId: z.string(), invoiceNumber: z.string().nullable() }) satisfies z.ZodType<ClientCredit>;
export const creditsOutput = page(creditOutput);


/** A client's unbilled time with the rounding rule it will be billed by. */
export const unbilledTimeOutput = timeEntriesOutput.extend({ increment: incrementOutput });
