import { z } from "zod";
import { assertOwner, useActor, useAgencyId } from "../actor/index.ts";
import { db } from "../db/index.ts";
import { pageQuery, type Page, calendarDate, checkDateRange, MAX_RANGE_DAYS } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { isId } from "../id/index.ts";
import { readerLocale } from "../i18n/index.ts";
import { People } from "../people/index.ts";
import { InvoiceStatuses, type CreditNoteItem, type InvoiceItem } from "./entity.ts";
import * as Csv from "./csv.ts";
import { printHtml } from "./print.ts";
import { present, type Invoice } from "./present.ts";
import { get, load } from "./read.ts";
import { MemberStore } from "../member/store.ts";
import { ContactStore } from "../contact/store.ts";

// The ledger: invoices listed and queried by status and issue date (for the lists, the reports
// and the accounting exports), and one invoice's print page.

export const listSchema = pageQuery.extend({
  status: z.enum([...InvoiceStatuses, "all"], { error: "Unknown status." }).optional(),
  clientId: z.string().max(40).optional(),
});

/** The owner's invoices (all, by status or by client), newest first; a contact's sent invoices. */
export const list = fn(listSchema, async (query): Promise<Page<Invoice>> => {
  const actor = useActor();
  const status = query.status === "all" ? undefined : query.status;
  const page = async (result: { data: InvoiceItem[]; cursor: string | null }) => {
    const byId = await People.clientNames(useAgencyId(), result.data.map((item) => item.clientId));
    return { items: result.data.map((item) => present(item, byId.get(item.clientId) ?? "")), cursor: result.cursor };
  };
  if (actor.type === "contact") {
    // A company never sees the agency's drafts, whatever it asks for.
    if (status === "draft") return { items: [], cursor: null };
    const base = db.entities.invoice.query.invoicesOfClient({ agencyId: actor.agencyId, clientId: actor.clientId });
    const wanted: InvoiceItem["status"][] = status ? [status] : ["sent", "partially_paid", "paid", "void"];
    return page(
      await base
        .where((attr, op) => wanted.map((value) => op.eq(attr.status, value)).join(" OR "))
        .go({ count: query.limit, cursor: query.cursor ?? null, order: "desc" }),
    );
  }
  const agencyId = assertOwner();
  if (query.clientId) {
    if (!isId("client", query.clientId)) return { items: [], cursor: null };
    const base = db.entities.invoice.query.invoicesOfClient({ agencyId, clientId: query.clientId });
    const filtered = status ? base.where((attr, op) => op.eq(attr.status, status)) : base;
    return page(await filtered.go({ count: query.limit, cursor: query.cursor ?? null, order: "desc" }));
  }
  if (status) return page(await db.entities.invoice.query.invoicesByStatus({ agencyId, status }).go({ limit: query.limit, cursor: query.cursor ?? null, order: "desc" }));
  return page(await db.entities.invoice.query.invoiceById({ agencyId }).go({ limit: query.limit, cursor: query.cursor ?? null, order: "desc" }));
});


/** The print-ready page of an invoice, in the viewer's language and time zone. */
export async function printPage(invoiceId: string): Promise<string> {
  const detail = await get(invoiceId);
  const actor = useActor();
  const viewer =
    actor.type === "member"
      ? (await MemberStore.load(actor.agencyId, actor.memberId))
      : actor.type === "contact"
        ? (await ContactStore.load(actor.agencyId, actor.contactId))
        : null;
  return printHtml(detail, { locale: viewer?.locale ?? readerLocale(), timeZone: viewer?.timeZone ?? "UTC" });
}

/** Statuses of an issued invoice that counts: sent, partly or fully paid (not drafts, not void). */
export const ISSUED_STATUSES = ["sent", "partially_paid", "paid"] as const;

/** Invoices issued within [from, to] (ISO instants), not void: one range query per status. */
export async function issuedBetween(agencyId: string, from: string, to: string): Promise<InvoiceItem[]> {
  const pages = await Promise.all(
    ISSUED_STATUSES.map((status) =>
      db.entities.invoice.query.invoicesByStatus({ agencyId, status }).between({ issuedSort: from }, { issuedSort: to }).go({ pages: "all" }),
    ),
  );
  return pages.flatMap((page) => page.data);
}

/** Invoices with money owed (sent or partly paid), whenever issued. */
export async function owed(agencyId: string): Promise<InvoiceItem[]> {
  const pages = await Promise.all(
    (["sent", "partially_paid"] as const).map((status) => db.entities.invoice.query.invoicesByStatus({ agencyId, status }).go({ pages: "all" })),
  );
  return pages.flatMap((page) => page.data);
}

/** The agency's credit notes issued within [from, to] (ISO instants), oldest first. */
export async function creditNotesIssuedBetween(agencyId: string, from: string, to: string): Promise<CreditNoteItem[]> {
  const notes = await db.entities.creditNote.query.creditNotesIssued({ agencyId }).between({ issuedAt: from }, { issuedAt: to }).go({ pages: "all" });
  return notes.data;
}

/**
 * The agency's credit notes issued within [from, to], each with the invoice it credits (its number
 * and stamped rate, which the note is converted at); `known` are invoices already read.
 */
export async function creditNotesWithInvoices(agencyId: string, from: string, to: string, known: readonly InvoiceItem[] = []): Promise<Array<CreditNoteItem & { invoice: InvoiceItem }>> {
  const notes = await creditNotesIssuedBetween(agencyId, from, to);
  const byId = new Map(known.map((item) => [item.invoiceId, item]));
  const missing = [...new Set(notes.map((note) => note.invoiceId).filter((id) => !byId.has(id)))];
  for (const item of await Promise.all(missing.map((invoiceId) => load(agencyId, invoiceId)))) if (item) byId.set(item.invoiceId, item);
  return notes.flatMap((note) => {
    const invoice = byId.get(note.invoiceId);
    return invoice ? [{ ...note, invoice }] : [];
  });
}

export const exportSchema = z.strictObject({
  format: z.enum(["quickbooks", "xero"], { error: "Choose quickbooks or xero." }).default("quickbooks"),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
}).superRefine(checkDateRange(MAX_RANGE_DAYS));

/**
 * Sent invoices (not drafts or void) issued within the dates, then the credit notes issued within
 * them (whenever their invoice was issued), as a CSV the accounting tool imports.
 */
export const exportInvoices = fn(exportSchema, async (query): Promise<string> => {
  const agencyId = assertOwner();
  const from = query.from ? `${query.from}T00:00:00.000Z` : "0";
  const to = query.to ? `${query.to}T23:59:59.999Z` : "9";
  const [issued, notes] = await Promise.all([issuedBetween(agencyId, from, to), creditNotesIssuedBetween(agencyId, from, to)]);
  // A note's invoice gives it its number and rate: most are in the period already, the rest are read.
  const byId = new Map(issued.map((item) => [item.invoiceId, item]));
  const missing = [...new Set(notes.map((note) => note.invoiceId).filter((id) => !byId.has(id)))];
  for (const item of await Promise.all(missing.map((invoiceId) => load(agencyId, invoiceId)))) if (item) byId.set(item.invoiceId, item);
  const names = await People.clientNames(agencyId, [...issued, ...notes].map((item) => item.clientId));
  const named = issued.sort((a, b) => a.number - b.number).map((item) => ({ ...item, clientName: names.get(item.clientId) ?? "" }));
  const credits = notes
    .sort((a, b) => a.number - b.number)
    .flatMap((note) => {
      const invoice = byId.get(note.invoiceId);
      return invoice ? [{ ...note, clientName: names.get(note.clientId) ?? "", invoice }] : [];
    });
  return query.format === "xero" ? Csv.xero(named, credits) : Csv.quickbooks(named, credits);
});
