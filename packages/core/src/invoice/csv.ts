import { csvRow } from "../csv/index.ts";
import { Money } from "../money/index.ts";
import { creditNoteNumber, invoiceNumber } from "./present.ts";
import type { CreditNoteItem, InvoiceItem } from "./entity.ts";

// CSV files the accounting tools import (docs/ACCOUNTING.md maps every column). One row per
// invoice line, then one per credit note line (its amounts negative, naming the invoice it
// credits), amounts as plain major-unit decimals with a point ("1234.50"), dates as the tool
// expects them. The last columns say which kind each row is, the row's total with tax and the
// invoice's exchange rate to the agency's currency as stamped when it was sent.

const isoDay = (iso: string | undefined) => (iso ? iso.slice(0, 10) : "");
/** Xero reads day/month/year. */
const dmy = (iso: string | undefined) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : "");

type Named = InvoiceItem & { clientName: string };
/** A credit note with its client's name and the invoice it credits (its number and rate). */
export type NamedCreditNote = CreditNoteItem & { clientName: string; invoice: Pick<InvoiceItem, "number" | "rate"> };

/** The columns both layouts end with. */
export const KIND_HEADER = ["Type", "CreditedInvoice", "Total", "ExchangeRate"];
const minus = (amount: number, currency: string) => Money.toMajorString(-amount, currency);

/** The invoice's tax spread over its lines in proportion to their amounts; the last line takes the rounding rest, so the shares add up exactly. */
export function taxShares(invoice: { lines: Array<{ amount: number }>; tax: number }): number[] {
  const sum = invoice.lines.reduce((all, line) => all + line.amount, 0);
  let given = 0;
  return invoice.lines.map((line, index) => {
    const share = index === invoice.lines.length - 1 ? invoice.tax - given : sum ? Math.round((invoice.tax * line.amount) / sum) : 0;
    given += share;
    return share;
  });
}

const lineQuantity = (line: InvoiceItem["lines"][number]) => (line.kind === "time" ? Number((line.quantity / 60).toFixed(4)) : line.quantity);
/** The unit price of the line's quantity: per hour for time (the quantity is in hours in the file). */
const lineRate = (line: InvoiceItem["lines"][number], currency: string) => Money.toMajorString(line.unitAmount, currency);

export const QUICKBOOKS_HEADER = ["InvoiceNo", "Customer", "InvoiceDate", "DueDate", "Terms", "Item(Product/Service)", "ItemDescription", "ItemQuantity", "ItemRate", "ItemAmount", "ItemTaxAmount", "Currency", ...KIND_HEADER];

/** QuickBooks Online "Import invoices" layout; credit notes as negative rows (QuickBooks imports them as credit memos by their number). */
export function quickbooks(invoices: Named[], notes: NamedCreditNote[] = []): string {
  const rows = [csvRow(QUICKBOOKS_HEADER)];
  for (const invoice of invoices) {
    const shares = taxShares(invoice);
    invoice.lines.forEach((line, index) => {
      rows.push(
        csvRow([
          invoiceNumber(invoice.number) ?? "",
          invoice.clientName,
          isoDay(invoice.issuedAt),
          isoDay(invoice.dueAt),
          invoice.paymentTermsDays ? `Net ${invoice.paymentTermsDays}` : "Due on receipt",
          line.kind === "time" ? "Hours" : line.kind === "package" ? "Package" : line.kind === "deposit" ? "Deposit" : "Services",
          line.description,
          lineQuantity(line),
          lineRate(line, invoice.currency),
          Money.toMajorString(line.amount, invoice.currency),
          Money.toMajorString(shares[index]!, invoice.currency),
          invoice.currency,
          "Invoice",
          "",
          Money.toMajorString(line.amount + shares[index]!, invoice.currency),
          invoice.rate ?? "",
        ]),
      );
    });
  }
  for (const note of notes) {
    const shares = taxShares(note);
    note.lines.forEach((line, index) => {
      rows.push(
        csvRow([
          creditNoteNumber(note.number),
          note.clientName,
          isoDay(note.issuedAt),
          isoDay(note.issuedAt),
          "",
          "Credit",
          line.description,
          1,
          minus(line.amount, note.currency),
          minus(line.amount, note.currency),
          minus(shares[index]!, note.currency),
          note.currency,
          "Credit note",
          invoiceNumber(note.invoice.number) ?? "",
          minus(line.amount + shares[index]!, note.currency),
          note.invoice.rate ?? "",
        ]),
      );
    });
  }
  return rows.join("\r\n") + "\r\n";
}

export const XERO_HEADER = ["*ContactName", "*InvoiceNumber", "*InvoiceDate", "*DueDate", "Description", "*Quantity", "*UnitAmount", "LineAmount", "*AccountCode", "*TaxType", "TaxAmount", "Currency", ...KIND_HEADER];

/**
 * Xero "Import sales invoices" layout (dates day/month/year; account 200 = Sales by default).
 * A credit note's rows are negative: Xero imports a negative invoice as a credit note.
 */
export function xero(invoices: Named[], notes: NamedCreditNote[] = [], accountCode = "200"): string {
  const rows = [csvRow(XERO_HEADER)];
  for (const invoice of invoices) {
    const shares = taxShares(invoice);
    invoice.lines.forEach((line, index) => {
      rows.push(
        csvRow([
          invoice.clientName,
          invoiceNumber(invoice.number) ?? "",
          dmy(invoice.issuedAt),
          dmy(invoice.dueAt),
          line.description,
          lineQuantity(line),
          lineRate(line, invoice.currency),
          Money.toMajorString(line.amount, invoice.currency),
          accountCode,
          invoice.taxRate ? "Tax on Sales" : "Tax Exempt",
          Money.toMajorString(shares[index]!, invoice.currency),
          invoice.currency,
          "Invoice",
          "",
          Money.toMajorString(line.amount + shares[index]!, invoice.currency),
          invoice.rate ?? "",
        ]),
      );
    });
  }
  for (const note of notes) {
    const shares = taxShares(note);
    note.lines.forEach((line, index) => {
      rows.push(
        csvRow([
          note.clientName,
          creditNoteNumber(note.number),
          dmy(note.issuedAt),
          dmy(note.issuedAt),
          line.description,
          1,
          minus(line.amount, note.currency),
          minus(line.amount, note.currency),
          accountCode,
          note.taxRate ? "Tax on Sales" : "Tax Exempt",
          minus(shares[index]!, note.currency),
          note.currency,
          "Credit note",
          invoiceNumber(note.invoice.number) ?? "",
          minus(line.amount + shares[index]!, note.currency),
          note.invoice.rate ?? "",
        ]),
      );
    });
  }
  return rows.join("\r\n") + "\r\n";
}
