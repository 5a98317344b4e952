import { forbidden, unauthenticated, useActor } from "../actor/index.ts";
import { Config } from "../config/index.ts";
import { staleWrite } from "../db/conflict.ts";
import { db } from "../db/index.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { isId } from "../id/index.ts";
import type { InvoiceItem } from "./entity.ts";
import { billToOf, issuerOf, stampedParties, type BillTo, type Issuer } from "./parties.ts";
import { invoiceNumber, lineCreditLeft, present, presentCreditNote, presentPayment, type CreditNote, type Invoice, type Payment } from "./present.ts";
import { ClientStore } from "../client/store.ts";
import { AgencyStore } from "../agency/store.ts";

// Reading one invoice: as stored, as the actor may see it, and as GET /invoices/:id answers it.
// Every other job of the area (drafting, sending, payments, the ledger) answers through `get`.

export type InvoiceDetail = Invoice & {
  payments: Payment[];
  /** The credit notes issued against it, oldest first. */
  creditNotes: CreditNote[];
  /** What each line has left to credit before tax (what notes naming it took off): crediting by lines stops there. */
  linesLeftToCredit: number[];
  /** How to pay without a card (the agency's instructions). */
  paymentInstructions: string | null;
  /** True when the client can pay by card (Stripe is configured and money is owed). */
  cardPayments: boolean;
  /** Who it is from and to: as stamped when sent, today's details on a draft. */
  agency: Issuer;
  billTo: BillTo;
  /**
   * The owner's view only (null for the client, and for an invoice in the agency's currency):
   * the rate stamped when sent (null: none was known, so reports leave it unconverted) and each
   * payment's.
   */
  exchangeRate?: ExchangeRateStamp | null;
};

export type ExchangeRateStamp = {
  to: string;
  rate: string | null;
  date: string | null;
  source: "entered" | "kept" | null;
  payments: Array<{ id: string; rate: string | null }>;
};


export async function load(agencyId: string, invoiceId: string): Promise<InvoiceItem | null> {
  if (!isId("invoice", invoiceId)) return null;
  return (await db.entities.invoice.get({ agencyId, invoiceId }).go({ consistent: true })).data;
}

/** The status index's sort value, which a status change must write again (items from before it default to the issue date). */
export function issuedSortOf(item: InvoiceItem): string {
  return item.issuedSort && item.issuedSort !== "-" ? item.issuedSort : (item.issuedAt ?? "-");
}

export async function clientName(agencyId: string, clientId: string) {
  return (await ClientStore.load(agencyId, clientId))?.name ?? "";
}

/** An invoice the actor may see: the owner any, a contact their company's once sent. */
export async function loadVisible(invoiceId: string): Promise<InvoiceItem> {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  if (actor.type === "member" && actor.role !== "owner") throw forbidden();
  const item = await load(actor.agencyId, invoiceId);
  if (!item) throw notFound("Invoice");
  if (actor.type === "contact" && (item.clientId !== actor.clientId || item.status === "draft")) throw notFound("Invoice");
  return item;
}

export async function view(item: InvoiceItem): Promise<Invoice> {
  return present(item, await clientName(item.agencyId, item.clientId));
}

export async function get(invoiceId: string): Promise<InvoiceDetail> {
  const item = await loadVisible(invoiceId);
  const stamped = stampedParties(item);
  const [client, payments, agency, creditNotes] = await Promise.all([
    ClientStore.load(item.agencyId, item.clientId),
    db.entities.payment.query.paymentsOfInvoice({ agencyId: item.agencyId, invoiceId }).go({ pages: "all" }),
    AgencyStore.load(item.agencyId),
    item.credited ? creditNotesOf(item.agencyId, invoiceId) : Promise.resolve([]),
  ]);
  const invoice = present(item, client?.name ?? "");
  const owner = useActor().type !== "contact";
  const foreign = item.status !== "draft" && agency && agency.currency !== item.currency;
  const exchangeRate: ExchangeRateStamp | null =
    owner && foreign
      ? {
          to: item.rateTo ?? agency.currency,
          rate: item.rate ?? null,
          date: item.rateDate ?? null,
          source: item.rateSource ?? null,
          payments: payments.data.map((payment) => ({ id: payment.paymentId, rate: payment.rate ?? null })),
        }
      : null;
  return {
    ...invoice,
    payments: payments.data.map(presentPayment).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt)),
    creditNotes,
    linesLeftToCredit: lineCreditLeft(item, creditNotes),
    paymentInstructions: agency?.paymentInstructions ?? null,
    cardPayments: Boolean(Config.stripeSecretKey) && invoice.balance > 0 && invoice.status !== "void",
    agency: stamped.issuer ?? issuerOf(agency),
    billTo: stamped.billTo ?? (client ? billToOf(client) : { name: invoice.client.name, address: null, taxId: null }),
    exchangeRate,
  };
}

/** An invoice's credit notes, oldest first. */
export async function creditNotesOf(agencyId: string, invoiceId: string): Promise<CreditNote[]> {
  const notes = await db.entities.creditNote.query.creditNotesOfInvoice({ agencyId, invoiceId }).go({ pages: "all" });
  return notes.data.sort((a, b) => a.number - b.number).map(presentCreditNote);
}

/** The numbers of the given invoices ("draft" for one not sent yet), for lists of what they billed. */
export async function numbersOf(agencyId: string, invoiceIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(invoiceIds)];
  const items = await Promise.all(unique.map((invoiceId) => load(agencyId, invoiceId)));
  return new Map(unique.map((invoiceId, index) => [invoiceId, invoiceNumber(items[index]?.number ?? 0) ?? "draft"]));
}

/** A conflict answering with the invoice as it is now. */
export async function conflict(agencyId: string, invoiceId: string): Promise<VisibleError> {
  const current = await load(agencyId, invoiceId);
  return staleWrite("Invoice", current && (await view(current)));
}

export const rule = (code: string, message: string, fields?: Record<string, string>) => new VisibleError("rule", code, message, fields ? { fields } : {});

/** Invoices made after an id, oldest first (`invoiceById`, ids sort by creation): what search has yet to index. */
export async function createdAfter(agencyId: string, afterId: string, limit: number): Promise<InvoiceItem[]> {
  const query = db.entities.invoice.query.invoiceById({ agencyId });
  return (await (afterId ? query.gt({ invoiceId: afterId }) : query).go({ limit })).data;
}
