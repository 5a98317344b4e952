// Baton's PDFs, drawn with pdfkit (pure JavaScript: it runs on Lambda) in Noto Sans and Noto Sans
// Devanagari, subsetted into each file. Every document (invoice/pdf, onboarding/pdf, payout/pdf)
// draws on these; each area keeps only its own layout.
//   fonts.ts    which font files, and which face sets each character
//   woff.ts     a WOFF font unwrapped once, so every PDF reads it in place
//   typeset.ts  multi-script text: measured, wrapped, drawn on one baseline
//   sheet.ts    an A4 document: its header, cursor, page breaks, rules and wrapped blocks
// Import sheet.ts only where a PDF is drawn (pdfkit and the fonts are not an API cold start's).
export * as Pdf from "./index.ts";
export { fontFiles } from "./fonts.ts";
export type { Style } from "./typeset.ts";
