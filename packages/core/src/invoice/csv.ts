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

/** One row of either file, in amounts already signed (a credit note's negative) and formatted. */
type LedgerRow = {
  number: string;
  clientName: string;
  issuedAt: string | undefined;
  dueAt: string | undefined;
  terms: string;
  item: string;
  description: string;
  quantity: number;
  rate: string;
  amount: string;
  tax: string;
  taxed: boolean;
  currency: string;
  /** The columns both layouts end with (KIND_HEADER). */
  kind: [type: string, credited: string, total: string, exchangeRate: string];
};

const lineItem = (line: InvoiceItem["lines"][number]) => (line.kind === "time" ? "Hours" : line.kind === "package" ? "Package" : line.kind === "deposit" ? "Deposit" : "Services");

/** Every invoice line, then every credit note line, as the rows both files are made of. */
function ledgerRows(invoices: Named[], notes: NamedCreditNote[]): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (const invoice of invoices) {
    const shares = taxShares(invoice);
    const major = (amount: number) => Money.toMajorString(amount, invoice.currency);
    invoice.lines.forEach((line, index) =>
      rows.push({
        number: invoiceNumber(invoice.number) ?? "",
        clientName: invoice.clientName,
        issuedAt: invoice.issuedAt,
        dueAt: invoice.dueAt,
        terms: invoice.paymentTermsDays ? `Net ${invoice.paymentTermsDays}` : "Due on receipt",
        item: lineItem(line),
        description: line.description,
        quantity: lineQuantity(line),
        rate: lineRate(line, invoice.currency),
        amount: major(line.amount),
        tax: major(shares[index]!),
        taxed: !!invoice.taxRate,
        currency: invoice.currency,
        kind: ["Invoice", "", major(line.amount + shares[index]!), invoice.rate ?? ""],
      }),
    );
  }
  for (const note of notes) {
    const shares = taxShares(note);
    const negative = (amount: number) => minus(amount, note.currency);
    note.lines.forEach((line, index) =>
      rows.push({
        number: creditNoteNumber(note.number),
        clientName: note.clientName,
        issuedAt: note.issuedAt,
        dueAt: note.issuedAt,
        terms: "",
        item: "Credit",
        description: line.description,
        quantity: 1,
        rate: negative(line.amount),
        amount: negative(line.amount),
        tax: negative(shares[index]!),
        taxed: !!note.taxRate,
        currency: note.currency,
        kind: ["Credit note", invoiceNumber(note.invoice.number) ?? "", negative(line.amount + shares[index]!), note.invoice.rate ?? ""],
      }),
    );
  }
  return rows;
}

const file = (header: string[], rows: Array<Array<string | number>>) => [csvRow(header), ...rows.map((row) => csvRow(row))].join("\r\n") + "\r\n";

export const QUICKBOOKS_HEADER = ["InvoiceNo", "Customer", "InvoiceDate", "DueDate", "Terms", "Item(Product/Service)", "ItemDescription", "ItemQuantity", "ItemRate", "ItemAmount", "ItemTaxAmount", "Currency", ...KIND_HEADER];

/** QuickBooks Online "Import invoices" layout; credit notes as negative rows (QuickBooks imports them as credit memos by their number). */
export function quickbooks(invoices: Named[], notes: NamedCreditNote[] = []): string {
  return file(
    QUICKBOOKS_HEADER,
    ledgerRows(invoices, notes).map((row) => [row.number, row.clientName, isoDay(row.issuedAt), isoDay(row.dueAt), row.terms, row.item, row.description, row.quantity, row.rate, row.amount, row.tax, row.currency, ...row.kind]),
  );
}

export const XERO_HEADER = ["*ContactName", "*InvoiceNumber", "*InvoiceDate", "*DueDate", "Description", "*Quantity", "*UnitAmount", "LineAmount", "*AccountCode", "*TaxType", "TaxAmount", "Currency", ...KIND_HEADER];

/**
 * Xero "Import sales invoices" layout (dates day/month/year; account 200 = Sales by default).
 * A credit note's rows are negative: Xero imports a negative invoice as a credit note.
 */
export function xero(invoices: Named[], notes: NamedCreditNote[] = [], accountCode = "200"): string {
  return file(
    XERO_HEADER,
    ledgerRows(invoices, notes).map((row) => [row.clientName, row.number, dmy(row.issuedAt), dmy(row.dueAt), row.description, row.quantity, row.rate, row.amount, accountCode, row.taxed ? "Tax on Sales" : "Tax Exempt", row.tax, row.currency, ...row.kind]),
  );
}
