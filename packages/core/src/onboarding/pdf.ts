import { text, type Locale, type TextKey } from "../i18n/index.ts";
import { MUTED, Sheet } from "../pdf/sheet.ts";
import type { Style } from "../pdf/typeset.ts";

// The signed agreement as a PDF: the accepted text as it was (its Markdown headings drawn as
// headings), then the signature record — the typed name, when (in the client's zone), from which
// IP, and the SHA-256 kept at acceptance. Drawn on the sheet every PDF shares (core/src/pdf: Noto
// Sans and Noto Sans Devanagari, subsetted), so Greek and Hindi agreements read as they were signed.

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

const MARGIN = 56;

const body: Style = { size: 10.5 };
const heading1: Style = { size: 17, weight: "bold" };
const heading2: Style = { size: 12.5, weight: "bold" };

export async function renderAgreementPdf(signed: SignedAgreement): Promise<Uint8Array<ArrayBuffer>> {
  const t = (key: TextKey, params?: Record<string, string | number>) => text(signed.locale, key, params);
  const quote = signed.document === "quote";
  const sheet = new Sheet({ margin: MARGIN, title: `${t(quote ? "quotePdf.title" : "agreementPdf.title")} · ${signed.agency}`, author: signed.fullName, lang: signed.locale });
  const block = (value: string, style: Style) => sheet.flow(value, style);

  // The agreement: "# " and "## " lines are its headings; the rest is the owner's text as written.
  // A quote's text marks its title and total bold (**…**): drawn plain, the words as accepted.
  for (const paragraph of signed.text.split(/\n{2,}/)) {
    const trimmed = quote ? paragraph.trim().replace(/\*\*/g, "") : paragraph.trim();
    if (!trimmed) continue;
    if (trimmed.startsWith("## ")) {
      sheet.y += 6;
      block(trimmed.slice(3), heading2);
    } else if (trimmed.startsWith("# ")) block(trimmed.slice(2), heading1);
    else block(trimmed, body);
    sheet.y += 6;
  }

  // The signature record, kept together on one page.
  const when = new Intl.DateTimeFormat(signed.locale, { dateStyle: "long", timeStyle: "short", timeZone: signed.timeZone }).format(new Date(signed.signedAt));
  sheet.room(150);
  sheet.y += 10;
  sheet.rule();
  sheet.y += 12;
  block(t("agreementPdf.evidence"), heading2);
  sheet.y += 2;
  block(t("agreementPdf.signedBy", { name: signed.fullName }), body);
  block(t("agreementPdf.signedAt", { date: when, timeZone: signed.timeZone }), body);
  if (signed.ip) block(t("agreementPdf.ip", { ip: signed.ip }), body);
  block(t(quote ? "quotePdf.sha256" : "agreementPdf.sha256"), body);
  block(signed.sha256, { size: 9.5 });
  sheet.y += 4;
  block(t("agreementPdf.note"), { size: 8.5, color: MUTED });

  return sheet.finish();
}
