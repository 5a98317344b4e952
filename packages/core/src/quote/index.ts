// Quotes: the area's table of contents. One file per job behind it:
//   entity.ts   the quote and the agency's quote counter
//   present.ts  a quote as the apps read it; the text a client accepts and its SHA-256
//   read.ts     one quote or a list, as the actor may see them
//   draft.ts    drafting from a request or blank, editing until it is answered
//   send.ts     numbering and sending; the email to the client
//   answer.ts   the client's acceptance (evidence, deposit invoice, planned work) or decline
//   pdf.ts      an accepted quote as a PDF with its acceptance evidence
//   expiry.ts   the job: sent quotes past their date stored as expired (owners told), a reminder before
// Every change is conditional on the version the caller read.

export * as Quotes from "./index.ts";
export * from "./output.ts";
export { QuoteStatuses } from "./entity.ts";
export { QuoteActions, quoteNumber, type Quote, type QuoteLine } from "./present.ts";
export { get, list, listSchema, load } from "./read.ts";
export { create, createSchema, edit, editSchema } from "./draft.ts";
export { send, sendSchema } from "./send.ts";
export { accept, acceptSchema, decline, declineSchema } from "./answer.ts";
export { expireDueFor } from "./expiry.ts";
/** An accepted quote as a PDF with its evidence (pdfkit and the fonts load with the first one). */
export async function pdf(quoteId: string): Promise<import("./pdf.ts").QuotePdf> {
  return (await import("./pdf.ts")).download(quoteId);
}
