import { useActor } from "../../actor/index.ts";
import { ClientStore } from "../../client/store.ts";
import type { Locale } from "../../i18n/index.ts";
import { Notify } from "../../notify/index.ts";
import type { InvoiceItem } from "../entity.ts";
import { loadVisible } from "../read.ts";
import { loadCreditNote } from "../credit-note.ts";
import { creditNoteNumber, invoiceNumber } from "../present.ts";
import { fileNameOf } from "./attachment.ts";
import { creditNoteDetailFor, detailFor } from "./source.ts";

// The invoice's PDF for whoever may see the invoice (the owner any, a contact their company's
// once sent): the same PDF the client's email carries. It is the client's document, so it reads
// in the client's language — a contact's own, and for the owner the client's people's (as the
// invoice email to a billing address does) — with dates in the reader's or client's time zone.
// pdfkit and the fonts load on the first PDF, not with the API (render.ts is imported then).

export type PdfFile = { fileName: string; bytes: Uint8Array<ArrayBuffer> };

export async function download(invoiceId: string): Promise<PdfFile> {
  const item = await loadVisible(invoiceId);
  const reader = await readerOf(item);
  const { renderPdf } = await import("./render.ts");
  const bytes = await renderPdf(await detailFor(item, reader.locale), reader);
  return { fileName: fileNameOf(invoiceNumber(item.number)), bytes };
}

/** A credit note's PDF, for whoever may see its invoice, in the same reader's language as the invoice's. */
export async function downloadCreditNote(invoiceId: string, creditNoteId: string): Promise<PdfFile> {
  const { invoice, note } = await loadCreditNote(invoiceId, creditNoteId);
  const reader = await readerOf(invoice);
  const { renderPdf } = await import("./render.ts");
  const { detail, creditNote } = await creditNoteDetailFor(invoice, note, reader.locale);
  const bytes = await renderPdf(detail, { ...reader, creditNote });
  return { fileName: `${creditNoteNumber(note.number)}.pdf`, bytes };
}

async function readerOf(item: InvoiceItem): Promise<{ locale: Locale; timeZone: string }> {
  const actor = useActor();
  if (actor.type === "contact") {
    const contact = await Notify.contact(actor.agencyId, actor.contactId);
    if (contact) return { locale: contact.locale, timeZone: contact.timeZone };
  }
  const [people, client] = await Promise.all([
    Notify.contactsOf(item.agencyId, item.clientId),
    ClientStore.load(item.agencyId, item.clientId),
  ]);
  const first = people.find((person) => person.status === "active" || person.status === "invited");
  return { locale: first?.locale ?? "en", timeZone: client?.timeZone ?? "UTC" };
}
