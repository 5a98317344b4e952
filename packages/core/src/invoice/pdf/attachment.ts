import type { Attachment } from "../../email/index.ts";
import type { Locale } from "../../i18n/index.ts";
import { Log } from "../../log/index.ts";
import type { CreditNoteItem, InvoiceItem } from "../entity.ts";
import { creditNoteNumber, invoiceNumber } from "../present.ts";
import { creditNoteDetailFor, detailFor, type Known } from "./source.ts";

// The PDF attached to an invoice's emails (sent, reminder): one per language and time zone among
// its readers, made once however many readers share them. An email waits in the outbox (one
// DynamoDB item, at most 400 KB) with its attachment, so a PDF too big for that goes without it:
// the email's button still opens the invoice, which offers the PDF.

/** Base64 characters an attachment may take in an outbox item (the rest is the email's HTML and text). */
export const MAX_ATTACHMENT_BASE64 = 280_000;

export const fileNameOf = (number: string | null) => `${number ?? "draft-invoice"}.pdf`;

/** A maker of the invoice's PDF attachment for a reader's language and zone; `null` when it can't be made. */
export function attacher(item: InvoiceItem, known: Known = {}): (locale: Locale, timeZone: string) => Promise<Attachment | null> {
  const made = new Map<string, Promise<Attachment | null>>();
  return (locale, timeZone) => {
    const key = `${locale} ${timeZone}`;
    let attachment = made.get(key);
    if (!attachment) {
      attachment = make(item, locale, timeZone, known);
      made.set(key, attachment);
    }
    return attachment;
  };
}

/** The same for a credit note against the invoice: its own PDF, named by its number. */
export function creditNoteAttacher(item: InvoiceItem, note: CreditNoteItem, known: Known = {}): (locale: Locale, timeZone: string) => Promise<Attachment | null> {
  const made = new Map<string, Promise<Attachment | null>>();
  return (locale, timeZone) => {
    const key = `${locale} ${timeZone}`;
    if (!made.has(key)) made.set(key, make(item, locale, timeZone, known, note));
    return made.get(key)!;
  };
}

async function make(item: InvoiceItem, locale: Locale, timeZone: string, known: Known, note?: CreditNoteItem): Promise<Attachment | null> {
  try {
    const { renderPdf } = await import("./render.ts");
    let bytes: Uint8Array;
    if (note) {
      const { detail, creditNote } = await creditNoteDetailFor(item, note, locale, known);
      bytes = await renderPdf(detail, { locale, timeZone, creditNote });
    } else bytes = await renderPdf(await detailFor(item, locale, known), { locale, timeZone });
    const content = Buffer.from(bytes).toString("base64");
    if (content.length > MAX_ATTACHMENT_BASE64) {
      Log.warn("invoice: PDF too big to attach; the email goes without it", { invoiceId: item.invoiceId, bytes: bytes.length });
      return null;
    }
    return { filename: note ? `${creditNoteNumber(note.number)}.pdf` : fileNameOf(invoiceNumber(item.number)), contentType: "application/pdf", content };
  } catch (error) {
    // The email matters more than its attachment: it goes, with the link to the invoice.
    Log.error("invoice: PDF not made for the email", error, { invoiceId: item.invoiceId });
    return null;
  }
}
