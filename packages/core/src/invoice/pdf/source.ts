import type { AgencyItem } from "../../agency/entity.ts";
import type { ClientItem } from "../../client/entity.ts";
import { AgencyStore } from "../../agency/store.ts";
import { ClientStore } from "../../client/store.ts";
import { Config } from "../../config/index.ts";
import { db } from "../../db/index.ts";
import type { Locale } from "../../i18n/index.ts";
import type { CreditNoteItem, InvoiceItem } from "../entity.ts";
import { creditNotesOf, type InvoiceDetail } from "../read.ts";
import { billToOf, issuerOf, stampedParties } from "../parties.ts";
import { creditNoteNumber, describeLine, invoiceNumber, present, presentPayment } from "../present.ts";
import type { PdfOptions } from "./render.ts";

// What a PDF shows of an invoice: its detail (as GET /invoices/:id answers it) with Baton's own
// line descriptions in the reader's language — the reader of a PDF is whoever it is made for (a
// contact reading their email), not necessarily the caller. The invoice's client and agency may
// be given by a caller that has them already (the invoice email reads them).

export type Known = { agency?: AgencyItem | null; client?: ClientItem | null };

export async function detailFor(item: InvoiceItem, locale: Locale, known: Known = {}): Promise<InvoiceDetail> {
  const { agencyId, clientId, invoiceId } = item;
  const [client, agency, payments] = await Promise.all([
    known.client !== undefined ? known.client : ClientStore.load(agencyId, clientId),
    known.agency !== undefined ? known.agency : AgencyStore.load(agencyId),
    db.entities.payment.query.paymentsOfInvoice({ agencyId, invoiceId }).go({ pages: "all" }),
  ]);
  const invoice = present(item, client?.name ?? "");
  const stamped = stampedParties(item);
  return {
    ...invoice,
    lines: item.lines.map((line) => {
      const { text: _meaning, ...shown } = line;
      return { ...shown, description: describeLine(line, locale) };
    }),
    payments: payments.data.map(presentPayment).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt)),
    creditNotes: item.credited ? await creditNotesOf(agencyId, invoiceId) : [],
    // Not printed: only the owner's credit-by-lines form reads it.
    linesLeftToCredit: [],
    paymentInstructions: agency?.paymentInstructions ?? null,
    cardPayments: Boolean(Config.stripeSecretKey) && invoice.balance > 0 && invoice.status !== "void",
    agency: stamped.issuer ?? issuerOf(agency),
    billTo: stamped.billTo ?? (client ? billToOf(client) : { name: invoice.client.name, address: null, taxId: null }),
  };
}

/**
 * A credit note as the PDF draws it: its invoice's parties, currency and PO with the note's own
 * lines, sums and issue date, and what the renderer needs to title it and name the invoice.
 */
export async function creditNoteDetailFor(item: InvoiceItem, note: CreditNoteItem, locale: Locale, known: Known = {}): Promise<{ detail: InvoiceDetail; creditNote: NonNullable<PdfOptions["creditNote"]> }> {
  const invoice = await detailFor(item, locale, known);
  const detail: InvoiceDetail = {
    ...invoice,
    lines: note.lines.map((line) => ({ kind: "custom" as const, description: line.description, quantity: 1, unitAmount: line.amount, amount: line.amount })),
    subtotal: note.subtotal,
    taxName: note.taxName,
    taxRate: note.taxRate,
    tax: note.tax,
    total: note.total,
    issuedAt: note.issuedAt,
    notes: null,
    payments: [],
    creditNotes: [],
    paymentInstructions: null,
    cardPayments: false,
  };
  return { detail, creditNote: { number: creditNoteNumber(note.number), invoiceNumber: invoiceNumber(item.number) ?? "", reason: note.reason } };
}
