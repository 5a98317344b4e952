import PDFDocument from "pdfkit";
import { text, type Locale, type TextKey } from "../i18n/index.ts";
import { Typesetter, type Style } from "../invoice/pdf/typeset.ts";

// The signed agreement as a PDF: the accepted text as it was (its Markdown headings drawn as
// headings), then the signature record — the typed name, when (in the client's zone), from which
// IP, and the SHA-256 kept at acceptance. Drawn with the invoice PDF's typesetter (Noto Sans and
// Noto Sans Devanagari, subsetted), so Greek and Hindi agreements read as they were signed.

export type SignedAgreement = {
  text: string;
  locale: Locale;
  fullName: string;
  signedAt: string;
  ip: string | null;
  sha256: string;
  agency: string;
  timeZone: string;
  /** What was signed: its title and fingerprint line name it (an accepted quote's text is drawn the same way). */
  document?: "agreement" | "quote";
};

const PAGE = { width: 595.28, height: 841.89, margin: 56 };
const MUTED = "#5b6470";
const RULE = "#d9dee6";
const width = PAGE.width - 2 * PAGE.margin;

const body: Style = { size: 10.5 };
const heading1: Style = { size: 17, weight: "bold" };
const heading2: Style = { size: 12.5, weight: "bold" };

export async function renderAgreementPdf(signed: SignedAgreement): Promise<Uint8Array<ArrayBuffer>> {
  const t = (key: TextKey, params?: Record<string, string | number>) => text(signed.locale, key, params);
  const quote = signed.document === "quote";
  const doc = new PDFDocument({
    size: "A4",
    margin: PAGE.margin,
    // No default font: pdfkit would load Helvetica's metrics from a file a bundle doesn't carry.
    font: null as unknown as string,
    info: { Title: `${t(quote ? "quotePdf.title" : "agreementPdf.title")} · ${signed.agency}`, Author: signed.fullName },
    lang: signed.locale,
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  const type = new Typesetter(doc);
  let y = PAGE.margin;

  const lineHeight = (style: Style) => style.size * 1.45;
  /** Wrapped lines from the current position, a new page whenever one doesn't fit. */
  const block = (value: string, style: Style) => {
    for (const line of type.wrap(value, width, style)) {
      if (y + lineHeight(style) > PAGE.height - PAGE.margin) {
        doc.addPage();
        y = PAGE.margin;
      }
      type.line(line, PAGE.margin, y + style.size, style);
      y += lineHeight(style);
    }
  };

  // The agreement: "# " and "## " lines are its headings; the rest is the owner's text as written.
  // A quote's text marks its title and total bold (**…**): drawn plain, the words as accepted.
  for (const paragraph of signed.text.split(/\n{2,}/)) {
    const trimmed = quote ? paragraph.trim().replace(/\*\*/g, "") : paragraph.trim();
    if (!trimmed) continue;
    if (trimmed.startsWith("## ")) {
      y += 6;
      block(trimmed.slice(3), heading2);
    } else if (trimmed.startsWith("# ")) block(trimmed.slice(2), heading1);
    else block(trimmed, body);
    y += 6;
  }

  // The signature record, kept together on one page.
  const when = new Intl.DateTimeFormat(signed.locale, { dateStyle: "long", timeStyle: "short", timeZone: signed.timeZone }).format(new Date(signed.signedAt));
  if (y + 150 > PAGE.height - PAGE.margin) {
    doc.addPage();
    y = PAGE.margin;
  }
  y += 10;
  doc.moveTo(PAGE.margin, y).lineTo(PAGE.width - PAGE.margin, y).lineWidth(0.75).strokeColor(RULE).stroke();
  y += 12;
  block(t("agreementPdf.evidence"), heading2);
  y += 2;
  block(t("agreementPdf.signedBy", { name: signed.fullName }), body);
  block(t("agreementPdf.signedAt", { date: when, timeZone: signed.timeZone }), body);
  if (signed.ip) block(t("agreementPdf.ip", { ip: signed.ip }), body);
  block(t(quote ? "quotePdf.sha256" : "agreementPdf.sha256"), body);
  block(signed.sha256, { size: 9.5 });
  y += 4;
  block(t("agreementPdf.note"), { size: 8.5, color: MUTED });

  doc.end();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}
