import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, signIn, startApi, type Started } from "../support/http.ts";
import { uniqueEmail } from "../support/fixtures.ts";

// Credit notes in the accounting exports and the revenue report, over HTTP, in a mixed-currency
// agency (USD; a client in EUR with 20% VAT, one in JPY without tax). Each credit note is its own
// rows in the CSVs (negative, naming its invoice and carrying its invoice's rate), picked by the
// day it was issued — not its invoice's — and revenue and margin take it off in the month it was
// issued, per currency and converted at its invoice's rate.

let api: Started;
let owner: ApiClient;
let euroId: string;
let yenId: string;
const today = new Date().toISOString().slice(0, 10);
const day = 86_400_000;
const utcDate = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);

async function sent(clientId: string, lines: Array<{ description: string; unitAmount: number }>, issueDate?: string) {
  const draft = await owner.post("/invoices", { clientId, includeTime: false, lines: lines.map((line) => ({ kind: "custom", quantity: 1, ...line })) });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  let version = draft.body.version;
  if (issueDate) {
    const dated = await owner.patch(`/invoices/${draft.body.id}`, { version, issueDate });
    expect(dated.status, JSON.stringify(dated.body)).toBe(200);
    version = dated.body.version;
  }
  const reply = await owner.post(`/invoices/${draft.body.id}/send`, { version });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
}

async function credit(invoice: { id: string; version: number }, body: Record<string, unknown>) {
  const reply = await owner.post(`/invoices/${invoice.id}/credit-notes`, { version: invoice.version, ...body });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

const rowsOf = (csv: string) => csv.trim().split("\r\n").map((row) => row.split(","));

let early: any; // EUR, issued two months ago, credited today
let euro: any; // EUR, issued today, credited by lines today
let yen: any; // JPY, issued today, credited an amount today

beforeAll(async () => {
  api = await startApi();
  const { Agency } = await import("@baton/core/agency");
  const ownerEmail = uniqueEmail("cnxowner");
  await Agency.create({ name: "Export Credit Agency", timeZone: "UTC", currency: "USD", owner: { email: ownerEmail, name: "Owner Person", timeZone: "UTC" } });
  owner = new ApiClient(api.baseUrl);
  await signIn(owner, ownerEmail);
  const eur = await owner.post("/clients", { name: "Euro Co", code: `EX${Date.now() % 100000}`, timeZone: "UTC", currency: "EUR", billing: { hourlyRate: 10_000, taxRate: 2_000, taxName: "VAT" } });
  expect(eur.status, JSON.stringify(eur.body)).toBe(201);
  euroId = eur.body.id;
  const jpy = await owner.post("/clients", { name: "Yen KK", code: `YX${Date.now() % 100000}`, timeZone: "Asia/Tokyo", currency: "JPY" });
  expect(jpy.status, JSON.stringify(jpy.body)).toBe(201);
  yenId = jpy.body.id;
  expect((await owner.request("PUT", "/agency/rates", { currency: "EUR", rate: "1.1" })).status).toBe(200);
  expect((await owner.request("PUT", "/agency/rates", { currency: "JPY", rate: "0.0067" })).status).toBe(200);

  early = await sent(euroId, [{ description: "Audit", unitAmount: 50_000 }], utcDate(-60)); // €500 + €100 VAT
  early = await credit(early, { amount: 12_000, reason: "Audit scope reduced" }); // €100 + €20 VAT
  euro = await sent(euroId, [
    { description: "Design", unitAmount: 30_000 },
    { description: "Hosting", unitAmount: 10_000 },
  ]); // €400 + €80 VAT
  euro = await credit(euro, { lines: [{ description: "Hosting", amount: 10_000, line: 1 }], reason: "Hosting not used" }); // €100 + €20 VAT
  yen = await sent(yenId, [{ description: "Setup", unitAmount: 90_000 }]); // ¥90,000
  yen = await credit(yen, { amount: 15_000, reason: "Late delivery" }); // ¥15,000
});
afterAll(() => api.close());

describe("the accounting exports", () => {
  it("lists each credit note issued in the dates as negative rows naming its invoice, with its invoice's rate", async () => {
    const reply = await owner.request("GET", `/exports/invoices?format=quickbooks&from=${today}&to=${today}`);
    expect(reply.status).toBe(200);
    const [header, ...rows] = rowsOf(reply.body as string);
    expect(header!.slice(-4)).toEqual(["Type", "CreditedInvoice", "Total", "ExchangeRate"]);
    const col = (name: string) => header!.indexOf(name);
    const notes = rows.filter((row) => row[col("Type")] === "Credit note");
    // Three notes, all issued today: the one on the invoice issued two months ago too.
    expect(notes.map((row) => [row[col("InvoiceNo")], row[col("CreditedInvoice")], row[col("Customer")], row[col("Currency")]])).toEqual([
      ["CN-00001", early.number, "Euro Co", "EUR"],
      ["CN-00002", euro.number, "Euro Co", "EUR"],
      ["CN-00003", yen.number, "Yen KK", "JPY"],
    ]);
    expect(notes.map((row) => [row[col("ItemAmount")], row[col("ItemTaxAmount")], row[col("Total")], row[col("ExchangeRate")]])).toEqual([
      ["-100.00", "-20.00", "-120.00", "1.1"],
      ["-100.00", "-20.00", "-120.00", "1.1"],
      ["-15000", "0", "-15000", "0.0067"],
    ]);
    expect(notes.every((row) => row[col("InvoiceDate")] === today)).toBe(true);
    expect(notes[1]![col("ItemDescription")]).toBe("Hosting");
    // The invoice issued two months ago is not in today's rows; today's two are, as invoices.
    const invoices = rows.filter((row) => row[col("Type")] === "Invoice").map((row) => row[col("InvoiceNo")]);
    expect(new Set(invoices)).toEqual(new Set([euro.number, yen.number]));
    expect(rows.find((row) => row[col("ItemDescription")] === "Design")).toEqual(expect.arrayContaining(["300.00", "60.00", "360.00", "1.1"]));
  });

  it("leaves out credit notes issued outside the dates, and lays them out for Xero too", async () => {
    const before = await owner.request("GET", `/exports/invoices?format=xero&from=${utcDate(-61)}&to=${utcDate(-1)}`);
    const [, ...earlier] = rowsOf(before.body as string);
    expect(earlier.map((row) => [row[1], row.at(-4)])).toEqual([[early.number, "Invoice"]]);
    const xero = await owner.request("GET", `/exports/invoices?format=xero&from=${today}&to=${today}`);
    const [header, ...rows] = rowsOf(xero.body as string);
    const note = rows.find((row) => row[header!.indexOf("*InvoiceNumber")] === "CN-00003")!;
    expect(note[header!.indexOf("*InvoiceDate")]).toBe(`${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`);
    expect(note[header!.indexOf("LineAmount")]).toBe("-15000");
    expect(note[header!.indexOf("*TaxType")]).toBe("Tax Exempt");
    expect(note[header!.indexOf("CreditedInvoice")]).toBe(yen.number);
  });
});

describe("the revenue report", () => {
  it("is net of credit notes per currency and in the agency's currency, at each invoice's rate", async () => {
    const reply = await owner.get(`/reports/revenue?from=${utcDate(-90).slice(0, 7)}&to=${today.slice(0, 7)}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const of = (currency: string) => reply.body.currencies.find((each: any) => each.currency === currency);
    // EUR: (500 − 100) + (400 − 100) = €700 before tax; JPY: 90,000 − 15,000 = ¥75,000.
    expect(of("EUR").total).toBe(70_000);
    expect(of("JPY").total).toBe(75_000);
    // In USD: €700 × 1.1 = $770.00 and ¥75,000 × 0.0067 = $502.50.
    expect(reply.body.converted).toMatchObject({ currency: "USD", total: 77_000 + 50_250, unconverted: [] });
  });

  it("counts each credit note in the month it was issued, not its invoice's month", async () => {
    const reply = await owner.get(`/reports/revenue?from=${utcDate(-90).slice(0, 7)}&to=${today.slice(0, 7)}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const earlyMonth = utcDate(-60).slice(0, 7);
    const thisMonth = today.slice(0, 7);
    const eur = reply.body.currencies.find((each: any) => each.currency === "EUR");
    const monthOf = (month: string) => eur.months.find((each: any) => each.month === month);
    // The audit invoice's month keeps its full €500: its €100 credit note was issued this month,
    // which has €400 invoiced less both notes (€100 + €100).
    expect(monthOf(earlyMonth)).toMatchObject({ total: 50_000, byClient: [{ clientId: euroId, amount: 50_000 }] });
    expect(monthOf(thisMonth)).toMatchObject({ total: 20_000, byClient: [{ clientId: euroId, amount: 20_000 }] });
    // Converted per month too: the early month $550; this month €200 × 1.1 + (¥90,000 − ¥15,000) × 0.0067.
    const converted = (month: string) => reply.body.converted.months.find((each: any) => each.month === month).total;
    expect(converted(earlyMonth)).toBe(55_000);
    expect(converted(thisMonth)).toBe(22_000 + 50_250);
    // Per client, the invoices counted are invoices (not notes).
    expect(eur.clients).toEqual([expect.objectContaining({ clientId: euroId, total: 70_000, invoices: 2 })]);
  });

  it("leaves a credit note issued after the range out of the range's months", async () => {
    const reply = await owner.get(`/reports/revenue?from=${utcDate(-90).slice(0, 7)}&to=${utcDate(-60).slice(0, 7)}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const eur = reply.body.currencies.find((each: any) => each.currency === "EUR");
    expect(eur.total).toBe(50_000);
    expect(reply.body.converted.total).toBe(55_000);
  });
});

describe("the margin report", () => {
  it("takes off the credit notes issued in the period, whenever their invoice was issued", async () => {
    const reply = await owner.get(`/reports/margin?from=${today.slice(0, 8)}01&to=${today}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const euroRow = reply.body.clients.find((each: any) => each.clientId === euroId);
    // €400 invoiced this month, less this month's two notes of €100 each (one on the older invoice).
    expect(euroRow).toMatchObject({ currency: "EUR", billed: 20_000, billedConverted: 22_000 });
    const period = await owner.get(`/reports/margin?from=${utcDate(-60)}&to=${utcDate(-60)}`);
    expect(period.body.clients.find((each: any) => each.clientId === euroId)).toMatchObject({ billed: 50_000, billedConverted: 55_000 });
  });
});
