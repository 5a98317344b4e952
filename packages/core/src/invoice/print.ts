import { formatDuration } from "@baton/kernel/duration";
import { text, type Locale, type TextKey } from "../i18n/index.ts";
import { Money } from "../money/index.ts";
import type { InvoiceDetail } from "./read.ts";

// The invoice as a print-ready page: one self-contained HTML document (inline styles only, no
// script), which the browser prints or saves as PDF. Every value is escaped; every label is in
// the reader's language.

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

/** "2 h 5 min" for a time line's minutes, in `locale`: the one duration format (kernel). */
export const hoursAndMinutes = (minutes: number, locale: Locale = "en"): string => formatDuration(minutes, locale);

export function printHtml(invoice: InvoiceDetail, options: { locale: Locale; timeZone: string }): string {
  const { locale } = options;
  const t = (key: TextKey, params?: Record<string, string | number>) => escapeHtml(text(locale, key, params));
  const money = (amount: number) => escapeHtml(Money.format(amount, invoice.currency, locale));
  const date = (iso: string | null) =>
    iso ? escapeHtml(new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: options.timeZone }).format(new Date(iso))) : "—";
  const title = invoice.number ? text(locale, "print.title", { number: invoice.number }) : text(locale, "print.draftTitle");
  const rows = invoice.lines
    .map((line) => {
      const quantity = line.kind === "time" ? hoursAndMinutes(line.quantity, locale) : String(line.quantity);
      const unit = line.kind === "time" ? t("print.perHour", { amount: Money.format(line.unitAmount, invoice.currency, locale) }) : money(line.unitAmount);
      return `<tr><td>${escapeHtml(line.description)}</td><td class="num">${escapeHtml(quantity)}</td><td class="num">${unit}</td><td class="num">${money(line.amount)}</td></tr>`;
    })
    .join("\n");
  const payments = invoice.payments
    .map((p) => `<tr><td>${date(p.receivedAt)}</td><td>${t(`paymentMethod.${p.method}` as TextKey)}</td><td class="num">${money(p.amount)}</td></tr>`)
    .join("\n");
  const rate = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(invoice.taxRate / 100) + "%";
  /** A name, an address kept to its lines, and a tax id: each escaped. */
  const party = (name: string, address: string | null, taxId: string | null) =>
    `<div class="party-name">${escapeHtml(name)}</div>` +
    (address ? `<div class="muted address">${escapeHtml(address)}</div>` : "") +
    (taxId ? `<div class="muted">${t("print.taxId", { id: taxId })}</div>` : "");
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ${escapeHtml(invoice.agency.name)}</title>
<style>
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; margin: 2.5rem auto; max-width: 46rem; padding: 0 1.25rem; }
  header { display: flex; justify-content: space-between; gap: 2rem; align-items: flex-start; margin-bottom: 2rem; }
  h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
  .muted { color: #5b6470; }
  .status { display: inline-block; border: 1px solid currentColor; border-radius: 999px; padding: 0 .6rem; font-size: .8rem; }
  dl { display: grid; grid-template-columns: auto auto; gap: .15rem 1rem; margin: 0; }
  dt { color: #5b6470; } dd { margin: 0; text-align: right; }
  table { width: 100%; border-collapse: collapse; margin: 1rem 0; }
  th, td { padding: .45rem .4rem; border-bottom: 1px solid #d9dee6; text-align: left; vertical-align: top; }
  th { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: #5b6470; }
  .num { text-align: right; white-space: nowrap; }
  .totals { margin-left: auto; width: 18rem; }
  .totals td { border: 0; padding: .2rem .4rem; }
  .totals .grand td { border-top: 2px solid #1b1f24; font-weight: 700; font-size: 1.05rem; }
  .party-name { font-weight: 600; }
  .address { white-space: pre-line; }
  .pay { margin-top: 2rem; padding: 1rem; background: #f5f7fa; border-radius: 6px; white-space: pre-wrap; }
  @media print { body { margin: 0; max-width: none; } .pay { background: none; border: 1px solid #d9dee6; } }
</style>
</head>
<body>
<header>
  <div>
    <h1>${escapeHtml(title)}</h1>
    <div class="party" data-party="issuer">${party(invoice.agency.legalName ?? invoice.agency.name, invoice.agency.address, invoice.agency.taxId)}${
      invoice.agency.registration ? `<div class="muted">${escapeHtml(invoice.agency.registration)}</div>` : ""
    }</div>
    <div><span class="status">${t(invoice.overdue ? "print.status.overdue" : (`print.status.${invoice.status}` as TextKey))}</span></div>
  </div>
  <dl>
    <dt>${t("print.billTo")}</dt><dd class="party" data-party="bill-to">${party(invoice.billTo.name, invoice.billTo.address, invoice.billTo.taxId)}</dd>
    ${invoice.purchaseOrder ? `<dt>${t("print.purchaseOrder")}</dt><dd>${escapeHtml(invoice.purchaseOrder)}</dd>` : ""}
    <dt>${t("print.issued")}</dt><dd>${date(invoice.issuedAt)}</dd>
    <dt>${t("print.due")}</dt><dd>${date(invoice.dueAt)}</dd>
    <dt>${t("print.currency")}</dt><dd>${escapeHtml(invoice.currency)}</dd>
  </dl>
</header>
<table>
  <thead><tr><th>${t("print.description")}</th><th class="num">${t("print.quantity")}</th><th class="num">${t("print.rate")}</th><th class="num">${t("print.amount")}</th></tr></thead>
  <tbody>
${rows}
  </tbody>
</table>
<table class="totals">
  <tr><td>${t("print.subtotal")}</td><td class="num">${money(invoice.subtotal)}</td></tr>
  <tr><td>${t("print.tax", { name: invoice.taxName, rate })}</td><td class="num">${money(invoice.tax)}</td></tr>
  <tr class="grand"><td>${t("print.total")}</td><td class="num">${money(invoice.total)}</td></tr>
  <tr><td>${t("print.paid")}</td><td class="num">${money(invoice.amountPaid)}</td></tr>
${invoice.credited ? `  <tr><td>${t("print.credited")}</td><td class="num">${money(invoice.credited)}</td></tr>\n` : ""}  <tr><td><strong>${t("print.balance")}</strong></td><td class="num"><strong>${money(invoice.balance)}</strong></td></tr>
</table>
${payments ? `<h2>${t("print.payments")}</h2>\n<table><thead><tr><th>${t("print.date")}</th><th>${t("print.method")}</th><th class="num">${t("print.amount")}</th></tr></thead><tbody>\n${payments}\n</tbody></table>` : ""}
${invoice.notes ? `<p class="muted">${escapeHtml(invoice.notes)}</p>` : ""}
${invoice.paymentInstructions && invoice.balance > 0 && invoice.status !== "void" ? `<div class="pay"><strong>${t("print.howToPay")}</strong>\n${escapeHtml(invoice.paymentInstructions)}\n\n${invoice.number ? t("print.quote", { number: invoice.number }) : t("print.quoteDraft")}</div>` : ""}
</body>
</html>`;
}
