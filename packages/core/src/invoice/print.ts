import { Money } from "../money/index.ts";
import type { InvoiceDetail } from "./index.ts";

// The invoice as a print-ready page: one self-contained HTML document (inline styles only, no
// script), which the browser prints or saves as PDF. Every value is escaped.

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

const labels = {
  draft: "Draft",
  sent: "Due",
  partially_paid: "Partly paid",
  paid: "Paid",
  void: "Void",
} as const;

/** "2 h 05 min" for a time line's minutes. */
export function hoursAndMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} h ${String(m).padStart(2, "0")} min` : `${m} min`;
}

export function printHtml(invoice: InvoiceDetail, options: { locale: string; timeZone: string }): string {
  const money = (amount: number) => escapeHtml(Money.format(amount, invoice.currency, options.locale));
  const date = (iso: string | null) =>
    iso ? escapeHtml(new Intl.DateTimeFormat(options.locale, { dateStyle: "long", timeZone: options.timeZone }).format(new Date(iso))) : "—";
  const title = invoice.number ? `Invoice ${invoice.number}` : "Draft invoice";
  const rows = invoice.lines
    .map((line) => {
      const quantity = line.kind === "time" ? hoursAndMinutes(line.quantity) : String(line.quantity);
      const unit = line.kind === "time" ? `${money(line.unitAmount)} / h` : money(line.unitAmount);
      return `<tr><td>${escapeHtml(line.description)}</td><td class="num">${escapeHtml(quantity)}</td><td class="num">${unit}</td><td class="num">${money(line.amount)}</td></tr>`;
    })
    .join("\n");
  const payments = invoice.payments
    .map((p) => `<tr><td>${date(p.receivedAt)}</td><td>${escapeHtml(p.method.replace("_", " "))}</td><td class="num">${money(p.amount)}</td></tr>`)
    .join("\n");
  return `<!doctype html>
<html lang="${escapeHtml(options.locale)}">
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
  .pay { margin-top: 2rem; padding: 1rem; background: #f5f7fa; border-radius: 6px; white-space: pre-wrap; }
  @media print { body { margin: 0; max-width: none; } .pay { background: none; border: 1px solid #d9dee6; } }
</style>
</head>
<body>
<header>
  <div>
    <h1>${escapeHtml(title)}</h1>
    <div class="muted">${escapeHtml(invoice.agency.name)}</div>
    <div><span class="status">${invoice.overdue ? "Overdue" : labels[invoice.status]}</span></div>
  </div>
  <dl>
    <dt>Bill to</dt><dd>${escapeHtml(invoice.client.name)}</dd>
    <dt>Issued</dt><dd>${date(invoice.issuedAt)}</dd>
    <dt>Due</dt><dd>${date(invoice.dueAt)}</dd>
    <dt>Currency</dt><dd>${escapeHtml(invoice.currency)}</dd>
  </dl>
</header>
<table>
  <thead><tr><th>Description</th><th class="num">Quantity</th><th class="num">Rate</th><th class="num">Amount</th></tr></thead>
  <tbody>
${rows}
  </tbody>
</table>
<table class="totals">
  <tr><td>Subtotal</td><td class="num">${money(invoice.subtotal)}</td></tr>
  <tr><td>${escapeHtml(invoice.taxName)} (${(invoice.taxRate / 100).toLocaleString(options.locale)}%)</td><td class="num">${money(invoice.tax)}</td></tr>
  <tr class="grand"><td>Total</td><td class="num">${money(invoice.total)}</td></tr>
  <tr><td>Paid</td><td class="num">${money(invoice.amountPaid)}</td></tr>
  <tr><td><strong>Balance due</strong></td><td class="num"><strong>${money(invoice.balance)}</strong></td></tr>
</table>
${payments ? `<h2>Payments received</h2>\n<table><thead><tr><th>Date</th><th>Method</th><th class="num">Amount</th></tr></thead><tbody>\n${payments}\n</tbody></table>` : ""}
${invoice.notes ? `<p class="muted">${escapeHtml(invoice.notes)}</p>` : ""}
${invoice.paymentInstructions && invoice.balance > 0 && invoice.status !== "void" ? `<div class="pay"><strong>How to pay</strong>\n${escapeHtml(invoice.paymentInstructions)}\n\nPlease quote ${escapeHtml(invoice.number ?? "the invoice number")} as the reference.</div>` : ""}
</body>
</html>`;
}
