import { creditNotesWithInvoices, ISSUED_STATUSES, issuedBetween } from "../invoice/index.ts";

// Revenue as an accountant books it: an invoice's amount before tax in the month it was issued,
// and each credit note's (taken off) in the month the note was issued — not its invoice's, which
// may be a closed month already. A note is in its invoice's currency and converted at its
// invoice's stamped rate, as the accounting exports carry it (invoice/csv.ts).

export type Posting = {
  clientId: string;
  currency: string;
  /** The stamped rate to the agency's currency (the invoice's, for a credit note). */
  rate?: string | undefined;
  /** Before tax, in minor units: negative for a credit note. */
  amount: number;
  /** When it was issued (UTC). */
  at: string;
  kind: "invoice" | "creditNote";
};

const counted = new Set<string>(ISSUED_STATUSES);

/** The invoices and credit notes issued within [from, to] (ISO instants), as revenue postings. */
export async function postingsBetween(agencyId: string, from: string, to: string): Promise<Posting[]> {
  const invoices = await issuedBetween(agencyId, from, to);
  const notes = await creditNotesWithInvoices(agencyId, from, to, invoices);
  return [
    ...invoices.map((invoice): Posting => ({ clientId: invoice.clientId, currency: invoice.currency, rate: invoice.rate, amount: invoice.subtotal, at: invoice.issuedAt!, kind: "invoice" })),
    // A void invoice is not revenue, so neither are its notes (an invoice with notes can't be voided today).
    ...notes
      .filter((note) => counted.has(note.invoice.status))
      .map((note): Posting => ({ clientId: note.clientId, currency: note.currency, rate: note.invoice.rate, amount: -note.subtotal, at: note.issuedAt, kind: "creditNote" })),
  ];
}
