// Invoices: the area's table of contents. One file per job behind it:
//   read.ts     one invoice as stored, as the actor may see it, as GET answers it
//   draft.ts    drafting from unbilled time and lines; deleting a draft
//   issue.ts    numbering and sending; the emails to the client
//   payment.ts  payments, voiding, card money on a void invoice
//   credit.ts   settling those credits
//   credit-note.ts  credit notes: a sent invoice corrected, what it owes reduced
//   refund.ts   money owed back (paid beyond what credit notes left) refunded, by card or by hand
//   ledger.ts   lists, report queries, accounting exports, the print page
//   jobs.ts     the scheduled money jobs (reminders, retainers)
// Every change is conditional on the version the caller read.

export * as Invoices from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";
export { InvoiceStatuses, PaymentMethods, RefundMethods } from "./entity.ts";
export type { CreditNote, Invoice, InvoiceLine, Payment, Refund } from "./present.ts";
export { get, load as loadInvoice, loadVisible, numbersOf, type InvoiceDetail } from "./read.ts";
export { create, createSchema, editDraft, editSchema, incrementFor, MAX_ENTRIES, openDeposits, removeDraft, timeLines, totals, unbilledTime } from "./draft.ts";
export { backdate, emailClient, rateSchema, send, sendSchema, setRate, versionSchema } from "./issue.ts";
export { applyPayment, paymentSchema, recordPayment, voidInvoice, voidSchema, type PaymentInput } from "./payment.ts";
export { applyCredit, applyCreditSchema, creditsOfClient, refundCredit, refundCreditSchema, type ClientCredit } from "./credit.ts";
export { creditNotesIssuedBetween, creditNotesWithInvoices, exportInvoices, exportSchema, ISSUED_STATUSES, issuedBetween, list, listSchema, owed, printPage } from "./ledger.ts";
export { creditNoteSchema, issueCreditNote, loadCreditNote } from "./credit-note.ts";
export { recordRefund, refundSchema } from "./refund.ts";
export * as MoneyJobs from "./jobs.ts";
