import { mkdirSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { InvoiceDetail } from "@baton/core/invoice";
import { renderPdf } from "@baton/core/invoice/pdf";
import { Money } from "@baton/core/money";
import { actualTexts, drawnGlyphs, pdfText, renderPage } from "../support/pdf.ts";

// The invoice PDF drawn from an invoice's detail, read back with pdf.js: what it says (in each
// language, with each script's glyphs really in the embedded fonts) and that its page has ink.
// BATON_PDF_OUT=<dir> keeps the PDFs and page images for a person to look at.

const GREEK = "Ελληνική Ναυτιλιακή Α.Ε.";
const HINDI = "क्षत्रिय हिन्दी सेवाएँ प्राइवेट लिमिटेड";

function invoice(overrides: Partial<InvoiceDetail> = {}): InvoiceDetail {
  return {
    id: "inv_01JTEST",
    number: "INV-00007",
    client: { id: "cli_01JTEST", name: "Acme Corp" },
    currency: "EUR",
    kind: "standard",
    status: "partially_paid",
    overdue: false,
    lines: [
      { kind: "time", description: "Inbox clean-up and weekly calendar planning for the whole leadership team", quantity: 125, unitAmount: 4_500, amount: 9_375 },
      { kind: "custom", description: "Travel booking", quantity: 2, unitAmount: 2_500, amount: 5_000 },
    ],
    subtotal: 14_375,
    taxName: "VAT",
    taxRate: 2_400,
    tax: 3_450,
    total: 17_825,
    amountPaid: 5_000,
    credited: 0,
    balance: 12_825,
    refunded: 0,
    toRefund: 0,
    refunds: [],
    creditOpen: 0,
    paymentTermsDays: 14,
    period: null,
    notes: "Thank you for your business.",
    purchaseOrder: "PO-4471",
    entryCount: 3,
    depositIds: [],
    deductedOn: null,
    issueDate: null,
    dueDate: null,
    issuedAt: "2026-03-02T09:00:00.000Z",
    dueAt: "2026-03-16T09:00:00.000Z",
    paidAt: null,
    remindersSent: 0,
    createdAt: "2026-03-01T09:00:00.000Z",
    version: 3,
    creditNotes: [],
    linesLeftToCredit: [9_375, 5_000],
    payments: [{ id: "pay_01JTEST", amount: 5_000, currency: "EUR", method: "bank_transfer", reference: "T-1", receivedAt: "2026-03-05T10:00:00.000Z", credit: null }],
    paymentInstructions: "IBAN GR16 0110 1250 0000 0001 2300 695\nBIC ETHNGRAA",
    cardPayments: false,
    agency: { name: "Northwind", legalName: "Northwind Virtual Assistants Ltd", address: "1 Harbour Street\nPiraeus 185 31", taxId: "EL123456789", registration: "GEMI 123456701000" },
    billTo: { name: "Acme Corporation", address: "500 Market St\nSan Francisco CA", taxId: "US-99-1234567" },
    ...overrides,
  };
}

const keep = (name: string, bytes: Uint8Array | Buffer) => {
  const dir = process.env.BATON_PDF_OUT;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/${name}`, bytes);
};

/** Whether some stretch of `text` holds exactly the letters of `name`, in any order (spaces ignored). */
function hasLettersOf(text: string, name: string): boolean {
  const sorted = (value: string) => [...value].sort().join("");
  const haystack = [...text.replace(/\s/g, "")];
  const wanted = [...name.replace(/\s/g, "")];
  const target = sorted(wanted.join(""));
  for (let at = 0; at + wanted.length <= haystack.length; at++) if (sorted(haystack.slice(at, at + wanted.length).join("")) === target) return true;
  return false;
}

/** Text as pdf.js gives it, with its line breaks and runs of spaces made single spaces. */
const flat = (text: string) => text.replace(/\s+/g, " ");

describe("the invoice PDF", () => {
  it("is a PDF with the number, both parties' legal details, the lines and the totals as text", async () => {
    const bytes = await renderPdf(invoice(), { locale: "en", timeZone: "Europe/Athens" });
    keep("en.pdf", bytes);
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const text = flat(await pdfText(bytes));
    for (const expected of [
      "Invoice INV-00007",
      "Northwind Virtual Assistants Ltd",
      "Tax ID: EL123456789",
      "GEMI 123456701000",
      "Acme Corporation",
      "500 Market St",
      "PO-4471",
      "March 2, 2026",
      "Inbox clean-up",
      "2 h 5 min",
      "Travel booking",
      Money.format(14_375, "EUR", "en"),
      "VAT (24%)",
      Money.format(17_825, "EUR", "en"),
      "Balance due",
      Money.format(12_825, "EUR", "en"),
      "Bank transfer",
      "Thank you for your business.",
      "How to pay",
      "BIC ETHNGRAA",
      "Please quote INV-00007 as the reference.",
    ]) {
      expect(text, expected).toContain(flat(expected));
    }
  });

  it("reads in Greek for a Greek reader: labels, dates and money in Greek forms, the Greek client's name as text in glyphs the font has", async () => {
    const bytes = await renderPdf(invoice({ billTo: { name: GREEK, address: "Οδός Αθηνάς 12\nΑθήνα", taxId: null } }), { locale: "el", timeZone: "Europe/Athens" });
    keep("el.pdf", bytes);
    const text = flat(await pdfText(bytes));
    expect(text).toContain("Τιμολόγιο INV-00007");
    expect(text).toContain(GREEK);
    expect(text).toContain("Οδός Αθηνάς 12");
    expect(text).toContain("2 Μαρτίου 2026");
    expect(text).toContain(flat(Money.format(17_825, "EUR", "el")));
    const glyphs = await drawnGlyphs(bytes);
    const greek = glyphs.filter((glyph) => /\p{Script=Greek}/u.test(glyph.unicode));
    expect(greek.length).toBeGreaterThan(GREEK.length);
    expect(glyphs.filter((glyph) => glyph.charCode === 0 || (!glyph.inFont && glyph.unicode.trim() !== ""))).toEqual([]);
  });

  it("reads in Hindi for a Hindi reader, the Devanagari name shaped (conjuncts are the font's own glyphs) and never .notdef", async () => {
    const bytes = await renderPdf(invoice({ billTo: { name: HINDI, address: null, taxId: null }, currency: "INR" }), { locale: "hi", timeZone: "Asia/Kolkata" });
    keep("hi.pdf", bytes);
    const text = flat(await pdfText(bytes));
    expect(text).toContain("इनवॉइस INV-00007");
    expect(text).toContain(flat(Money.format(17_825, "INR", "hi")));
    // pdf.js reads a shaped name in drawn order (ि before the consonant it follows when typed, a
    // conjunct's letters together) and ignores ActualText, so the name's letters are compared as
    // a set: they all come out, as text, where the name is.
    expect(hasLettersOf(text, HINDI)).toBe(true);
    expect(hasLettersOf(text, "ऑफ़लाइन")).toBe(false);
    // Copy and search in readers that honour ActualText get the name as typed.
    expect((await actualTexts(bytes)).join(" ")).toContain(HINDI);
    const glyphs = await drawnGlyphs(bytes);
    expect(glyphs.filter((glyph) => glyph.charCode === 0 || (!glyph.inFont && glyph.unicode.trim() !== ""))).toEqual([]);
    // Shaped: क्ष is one glyph (a ligature standing for three characters), not क, ्, ष side by side.
    expect(glyphs.some((glyph) => glyph.unicode === "क्ष")).toBe(true);
  });

  it("would show a character no font has as .notdef, which the checks above would catch", async () => {
    // The control for the two tests above: a CJK name is outside every embedded face.
    const bytes = await renderPdf(invoice({ billTo: { name: "株式会社", address: null, taxId: null } }), { locale: "en", timeZone: "UTC" });
    const boxes = (await drawnGlyphs(bytes)).filter((glyph) => glyph.charCode === 0);
    expect(boxes.length).toBe(4);
  });

  it("draws a page with ink on it", async () => {
    const bytes = await renderPdf(invoice({ billTo: { name: GREEK, address: null, taxId: null } }), { locale: "el", timeZone: "Europe/Athens" });
    const page = await renderPage(bytes);
    keep("el-page1.png", page.png);
    expect(page.width).toBeGreaterThan(800);
    // Text, rules and the payment panel: a few percent of an A4 page; a blank page has none.
    expect(page.inked).toBeGreaterThan(0.01);
    expect(page.inked).toBeLessThan(0.5);
  });

  it("continues a long invoice on more pages, every line on one of them", async () => {
    const lines = Array.from({ length: 80 }, (_, n) => ({ kind: "custom" as const, description: `Line ${n + 1}: research and summary`, quantity: 1, unitAmount: 100, amount: 100 }));
    const bytes = await renderPdf(invoice({ lines, payments: [] }), { locale: "en", timeZone: "UTC" });
    const text = await pdfText(bytes);
    expect(text.split("\f").length).toBeGreaterThan(1);
    for (const n of [1, 40, 80]) expect(text).toContain(`Line ${n}: research`);
  });
});

describe("the credit note PDF", () => {
  const note = (locale: "en" | "el" | "hi") =>
    renderPdf(
      invoice({ lines: [{ kind: "custom", description: "Travel booking not taken", quantity: 1, unitAmount: 2_500, amount: 2_500 }], subtotal: 2_500, tax: 600, total: 3_100, issuedAt: "2026-03-20T09:00:00.000Z", payments: [] }),
      { locale, timeZone: "Europe/Athens", creditNote: { number: "CN-00003", invoiceNumber: "INV-00007", reason: "Booking cancelled" } },
    );

  it("has the invoice's look: titled a credit note, naming the invoice it credits, with its lines, total credited and reason, and nothing about paying", async () => {
    const bytes = await note("en");
    keep("credit-note-en.pdf", bytes);
    const text = flat(await pdfText(bytes));
    for (const expected of ["Credit note CN-00003", "Credits invoice", "INV-00007", "Northwind Virtual Assistants Ltd", "Acme Corporation", "PO-4471", "March 20, 2026", "Travel booking not taken", "VAT (24%)", "Total credited", Money.format(3_100, "EUR", "en"), "Reason: Booking cancelled"]) {
      expect(text, expected).toContain(flat(expected));
    }
    for (const absent of ["Balance due", "How to pay", "Due", "Bank transfer"]) expect(text, absent).not.toContain(absent);
    expect((await renderPage(bytes)).inked).toBeGreaterThan(0.005);
  });

  it("reads in Greek and Hindi with glyphs the fonts have", async () => {
    const greek = flat(await pdfText(await note("el")));
    expect(greek).toContain("Πιστωτικό σημείωμα CN-00003");
    expect(greek).toContain("Σύνολο πίστωσης");
    const hindiBytes = await note("hi");
    expect((await drawnGlyphs(hindiBytes)).filter((glyph) => glyph.charCode === 0)).toEqual([]);
  });
});
