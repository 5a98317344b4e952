import { text, type Locale, type TextKey } from "../../i18n/index.ts";
import { Money } from "../../money/index.ts";
import type { InvoiceDetail } from "../index.ts";
import { hoursAndMinutes } from "../print.ts";
import { A4, INK, MUTED, Sheet } from "../../pdf/sheet.ts";
import type { Style } from "../../pdf/typeset.ts";

// The invoice as a PDF: the print page's layout (print.ts) drawn on A4 — the title, the issuer
// with its legal details and the status on the left, bill-to, PO, dates and currency on the
// right; the lines; the totals; payments received; notes; how to pay. Labels in the reader's
// language, dates in their zone, money in the invoice's currency formatted for their locale.
// Long tables continue on a new page with their header repeated.

/**
 * `creditNote`: the document is a credit note against the invoice (`invoice` then holds the
 * note's lines, sums and issue date): titled as one, naming the invoice it credits, with its
 * total credited and its reason, and nothing about paying.
 */
export type PdfOptions = { locale: Locale; timeZone: string; creditNote?: { number: string; invoiceNumber: string; reason: string } };

const PAGE = { ...A4, margin: 50 };
const PANEL = "#f5f7fa";

const body: Style = { size: 10 };
const small: Style = { size: 8, color: MUTED };
const LINE = 14;

/** Column right edges (amounts are right-aligned) and the description's width. */
const right = PAGE.width - PAGE.margin;
const columns = { description: PAGE.margin, quantity: right - 190, rate: right - 90, amount: right };
const descriptionWidth = columns.quantity - 70 - columns.description;

export async function renderPdf(invoice: InvoiceDetail, options: PdfOptions): Promise<Uint8Array<ArrayBuffer>> {
  const { locale } = options;
  const t = (key: TextKey, params?: Record<string, string | number>) => text(locale, key, params);
  const money = (amount: number) => Money.format(amount, invoice.currency, locale);
  const date = (iso: string | null) => (iso ? new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: options.timeZone }).format(new Date(iso)) : "—");
  const note = options.creditNote;
  const title = note ? t("print.creditNoteTitle", { number: note.number }) : invoice.number ? t("print.title", { number: invoice.number }) : t("print.draftTitle");

  const sheet = new Sheet({
    margin: PAGE.margin,
    title: `${title} · ${invoice.agency.name}`,
    author: invoice.agency.legalName ?? invoice.agency.name,
    subject: invoice.billTo.name,
    lang: locale,
  });
  const { doc, type } = sheet;
  const room = (height: number) => sheet.room(height);
  const rule = (at: number, width?: number, color?: string, from?: number, to?: number) => sheet.rule(at, width, color, from, to);
  const block = (value: string, x: number, top: number, width: number, style: Style, align: "left" | "right" = "left") => sheet.block(value, x, top, width, style, align);

  // The header: two columns, each as tall as it needs.
  const leftWidth = 250;
  let left = sheet.y;
  left += block(title, PAGE.margin, left, leftWidth, { size: 20, weight: "bold" }) + 6;
  const issuer = invoice.agency;
  left += block(issuer.legalName ?? issuer.name, PAGE.margin, left, leftWidth, { ...body, weight: "bold" });
  if (issuer.address) left += block(issuer.address, PAGE.margin, left, leftWidth, { ...body, color: MUTED });
  if (issuer.taxId) left += block(t("print.taxId", { id: issuer.taxId }), PAGE.margin, left, leftWidth, { ...body, color: MUTED });
  if (issuer.registration) left += block(issuer.registration, PAGE.margin, left, leftWidth, { ...body, color: MUTED });
  // The status, as a pill (an invoice's: a credit note has none).
  if (!note) {
  const status = t(invoice.overdue ? "print.status.overdue" : (`print.status.${invoice.status}` as TextKey));
  const pill = { size: 8 };
  const pillWidth = type.width(status, pill) + 14;
  left += 6;
  doc.roundedRect(PAGE.margin, left, pillWidth, 15, 7.5).lineWidth(0.75).strokeColor(INK).stroke();
  type.line(status, PAGE.margin + 7, left + 10.5, pill);
  left += 15;
  }

  const labelX = PAGE.margin + leftWidth + 20;
  const valueRight = right;
  const labels = [t("print.billTo"), t("print.purchaseOrder"), t("print.issued"), t("print.due"), t("print.currency"), ...(note ? [t("print.creditFor")] : [])];
  // Values take what the longest label leaves, so the two never overlap in any language.
  const valueWidth = valueRight - labelX - Math.max(...labels.map((label) => type.width(label, body))) - 12;
  let side = sheet.y + 4;
  const fact = (label: string, value: string | string[], weight: Style["weight"] = "regular") => {
    type.line(label, labelX, side + body.size, { ...body, color: MUTED });
    let height = 0;
    const values = Array.isArray(value) ? value : [value];
    values.forEach((part, index) => {
      height += block(part, valueRight - valueWidth, side + height, valueWidth, { ...body, weight: index === 0 ? weight : "regular", color: index === 0 ? INK : MUTED }, "right");
    });
    side += Math.max(height, LINE) + 3;
  };
  const billTo = invoice.billTo;
  fact(t("print.billTo"), [billTo.name, ...(billTo.address ? [billTo.address] : []), ...(billTo.taxId ? [t("print.taxId", { id: billTo.taxId })] : [])], "bold");
  if (note) fact(t("print.creditFor"), note.invoiceNumber, "bold");
  if (invoice.purchaseOrder) fact(t("print.purchaseOrder"), invoice.purchaseOrder);
  fact(t("print.issued"), date(invoice.issuedAt));
  if (!note) fact(t("print.due"), date(invoice.dueAt));
  fact(t("print.currency"), invoice.currency);
  sheet.y = Math.max(left, side) + 28;

  // The lines.
  const heading = (labels: [string, number, "left" | "right"][]) => {
    for (const [label, x, align] of labels) type.line(caps(label, locale), x, sheet.y + 8, { ...small, align });
    sheet.y += 14;
    rule(sheet.y);
    sheet.y += 6;
  };
  const lineHeading = () =>
    heading([
      [t("print.description"), columns.description, "left"],
      [t("print.quantity"), columns.quantity, "right"],
      [t("print.rate"), columns.rate, "right"],
      [t("print.amount"), columns.amount, "right"],
    ]);
  lineHeading();
  for (const line of invoice.lines) {
    const lines = type.wrap(line.description, descriptionWidth, body);
    const height = lines.length * LINE + 8;
    if (room(height)) lineHeading();
    lines.forEach((part, index) => type.line(part, columns.description, sheet.y + body.size + index * LINE, body));
    const quantity = line.kind === "time" ? hoursAndMinutes(line.quantity, locale) : String(line.quantity);
    const unit = line.kind === "time" ? t("print.perHour", { amount: money(line.unitAmount) }) : money(line.unitAmount);
    type.line(quantity, columns.quantity, sheet.y + body.size, { ...body, align: "right" });
    type.line(unit, columns.rate, sheet.y + body.size, { ...body, align: "right" });
    type.line(money(line.amount), columns.amount, sheet.y + body.size, { ...body, align: "right" });
    sheet.y += height - 2;
    rule(sheet.y);
    sheet.y += 6;
  }

  // The totals, on the right.
  const rate = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(invoice.taxRate / 100) + "%";
  const totalsLeft = right - 230;
  const total = (label: string, amount: number, style: Style) => {
    type.line(label, totalsLeft, sheet.y + style.size, style);
    type.line(money(amount), right, sheet.y + style.size, { ...style, align: "right" });
    sheet.y += style.size + 7;
  };
  room(120);
  sheet.y += 4;
  total(t("print.subtotal"), invoice.subtotal, body);
  total(t("print.tax", { name: invoice.taxName, rate }), invoice.tax, body);
  sheet.y += 2;
  rule(sheet.y, 1.5, INK, totalsLeft, right);
  sheet.y += 5;
  total(t(note ? "print.creditTotal" : "print.total"), invoice.total, { size: 11, weight: "bold" });
  if (!note) {
    total(t("print.paid"), invoice.amountPaid, body);
    if (invoice.credited) total(t("print.credited"), invoice.credited, body);
    total(t("print.balance"), invoice.balance, { ...body, weight: "bold" });
  }
  sheet.y += 14;

  if (invoice.payments.length) {
    room(60);
    type.line(t("print.payments"), PAGE.margin, sheet.y + 12, { size: 12, weight: "bold" });
    sheet.y += 22;
    const paymentHeading = () =>
      heading([
        [t("print.date"), columns.description, "left"],
        [t("print.method"), columns.quantity, "right"],
        [t("print.amount"), columns.amount, "right"],
      ]);
    paymentHeading();
    for (const payment of invoice.payments) {
      if (room(LINE + 8)) paymentHeading();
      type.line(date(payment.receivedAt), columns.description, sheet.y + body.size, body);
      type.line(t(`paymentMethod.${payment.method}` as TextKey), columns.quantity, sheet.y + body.size, { ...body, align: "right" });
      type.line(money(payment.amount), columns.amount, sheet.y + body.size, { ...body, align: "right" });
      sheet.y += LINE + 4;
      rule(sheet.y);
      sheet.y += 6;
    }
    sheet.y += 10;
  }

  const notes = note ? t("print.creditReason", { reason: note.reason }) : invoice.notes;
  if (notes) {
    const lines = type.wrap(notes, right - PAGE.margin, body);
    for (const line of lines) {
      room(LINE);
      type.line(line, PAGE.margin, sheet.y + body.size, { ...body, color: MUTED });
      sheet.y += LINE;
    }
    sheet.y += 12;
  }

  if (!note && invoice.paymentInstructions && invoice.balance > 0 && invoice.status !== "void") {
    const inner = right - PAGE.margin - 24;
    const quote = invoice.number ? t("print.quote", { number: invoice.number }) : t("print.quoteDraft");
    const lines = [...type.wrap(invoice.paymentInstructions, inner, body), "", ...type.wrap(quote, inner, body)];
    const height = (lines.length + 1) * LINE + 20;
    room(Math.min(height, PAGE.height - 2 * PAGE.margin));
    doc.roundedRect(PAGE.margin, sheet.y, right - PAGE.margin, height, 6).fillColor(PANEL).fill();
    let at = sheet.y + 12;
    type.line(t("print.howToPay"), PAGE.margin + 12, at + body.size, { ...body, weight: "bold" });
    at += LINE;
    for (const line of lines) {
      type.line(line, PAGE.margin + 12, at + body.size, body);
      at += LINE;
    }
    sheet.y += height;
  }

  return sheet.finish();
}

/** A small-caps style heading: upper case, and in Greek without its accents (as CSS does). */
function caps(label: string, locale: Locale): string {
  const upper = label.toLocaleUpperCase(locale);
  return locale === "el" ? upper.normalize("NFD").replace(/\u0301/g, "").normalize("NFC") : upper;
}
