// An invoice as a PDF (issue 16, part 3), drawn on the shared sheet (core/src/pdf: fonts,
// multi-script typesetting, page breaks).
//   render.ts      the page: the print page's layout on A4
//   source.ts      the invoice's detail for a reader's language
//   download.ts    GET /invoices/:id/pdf
//   attachment.ts  the PDF attached to the invoice's emails
export * as InvoicePdf from "./index.ts";
import { loadTexts } from "../../i18n/index.ts";
export { download, downloadCreditNote, type PdfFile } from "./download.ts";
export { attacher, creditNoteAttacher, fileNameOf, MAX_ATTACHMENT_BASE64 } from "./attachment.ts";
/**
 * The renderer, loaded on first use (pdfkit, fontkit and the fonts are not an API cold start's),
 * with the Greek and Hindi texts it prints (loaded once, like the renderer).
 */
export const renderPdf: typeof import("./render.ts").renderPdf = async (...args) => {
  const [render] = await Promise.all([import("./render.ts"), loadTexts()]);
  return render.renderPdf(...args);
};
export type { PdfOptions } from "./render.ts";
export { detailFor } from "./source.ts";
export { fontFiles } from "../../pdf/fonts.ts";
