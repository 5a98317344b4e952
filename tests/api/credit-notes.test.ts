import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deferred } from "@baton/core/deferred";
import { ApiClient, signIn, startApi, waitForEmail, type Started } from "../support/http.ts";
import { uniqueEmail } from "../support/fixtures.ts";
import { pdfText } from "../support/pdf.ts";

// Credit notes over HTTP: the owner corrects a sent invoice by crediting lines or an amount with
// a reason. Each note takes the agency's next CN- number, keeps the invoice's currency and tax,
// takes what it credits off the balance (the invoice is paid when nothing is left) and off the
// reports (converted at the invoice's stamped rate); it never credits more than is left, not even
// when two are issued at once. The billing contact gets its PDF; the client downloads it.

let api: Started;
let owner: ApiClient;
let contact: ApiClient;
let clientId: string;
const billingEmail = uniqueEmail("cnbilling");
const contactEmail = uniqueEmail("cncontact");

async function sent(unitAmount: number, extra: Record<string, unknown> = {}) {
  const draft = await owner.post("/invoices", { clientId, includeTime: false, lines: [{ kind: "custom", description: "Website work", quantity: 1, unitAmount }] });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  const reply = await owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version, ...extra });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
}

const credit = (invoice: { id: string; version: number }, body: Record<string, unknown>) => owner.post(`/invoices/${invoice.id}/credit-notes`, { version: invoice.version, ...body });

beforeAll(async () => {
  api = await startApi();
  const { Agency } = await import("@baton/core/agency");
  const ownerEmail = uniqueEmail("cnowner");
  await Agency.create({ name: "Credit Agency", timeZone: "Europe/London", currency: "GBP", owner: { email: ownerEmail, name: "Owner Person", timeZone: "Europe/London" } });
  owner = new ApiClient(api.baseUrl);
  await signIn(owner, ownerEmail);
  // A client in euros with 20% VAT and a billing address that has no portal account.
  const made = await owner.post("/clients", { name: "Euro Co", code: `EC${Date.now() % 100000}`, timeZone: "UTC", currency: "EUR", billing: { hourlyRate: 10_000, taxRate: 2_000, taxName: "VAT" } });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  clientId = made.body.id;
  const client = await owner.get(`/clients/${clientId}`);
  const saved = await owner.patch(`/clients/${clientId}`, { version: client.body.version, invoiceTo: { name: "Euro Co GmbH", emails: [billingEmail] } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  await owner.post(`/clients/${clientId}/contacts`, { email: contactEmail, name: "Clara Client", timeZone: "UTC" });
  contact = new ApiClient(api.baseUrl, "portal");
  const { acceptInvitation } = await import("../support/world.ts");
  await acceptInvitation(contact, contactEmail);
  await owner.request("PUT", "/agency/rates", { currency: "EUR", rate: "0.85" });
});
afterAll(() => api.close());

describe("issuing a credit note", () => {
  let invoice: any;
  let first: any;

  it("credits an amount, tax included: numbered CN-00001, in the invoice's currency and tax, and the balance goes down", async () => {
    invoice = await sent(10_000); // €100 + 20% VAT = €120
    expect(invoice.total).toBe(12_000);
    const reply = await credit(invoice, { amount: 3_600, reason: "Launch was a week late" });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body).toMatchObject({ status: "sent", credited: 3_600, balance: 8_400, version: invoice.version + 1 });
    first = reply.body.creditNotes[0];
    expect(first).toMatchObject({ number: "CN-00001", currency: "EUR", subtotal: 3_000, tax: 600, total: 3_600, taxName: "VAT", taxRate: 2_000, reason: "Launch was a week late" });
    expect(first.lines).toEqual([{ description: "Launch was a week late", amount: 3_000, line: null }]);
    invoice = reply.body;
  });

  it("credits lines before tax; the next note takes the next number", async () => {
    const reply = await credit(invoice, { lines: [{ description: "Hosting not used", amount: 2_000 }], reason: "Hosting moved" });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body.creditNotes.map((note: any) => [note.number, note.subtotal, note.tax, note.total])).toEqual([
      ["CN-00001", 3_000, 600, 3_600],
      ["CN-00002", 2_000, 400, 2_400],
    ]);
    expect(reply.body).toMatchObject({ credited: 6_000, balance: 6_000 });
    invoice = reply.body;
  });

  it("credits the invoice's own lines, each at most what it has left, answering per line", async () => {
    const draft = await owner.post("/invoices", {
      clientId,
      includeTime: false,
      lines: [
        { kind: "custom", description: "Design", quantity: 1, unitAmount: 10_000 },
        { kind: "custom", description: "Hosting", quantity: 2, unitAmount: 2_500 },
      ],
    });
    const two = (await owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version })).body;
    expect(two.linesLeftToCredit).toEqual([10_000, 5_000]);
    const ok = await credit(two, { lines: [{ description: "Design", amount: 4_000, line: 0 }], reason: "Fewer drafts" });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.creditNotes[0].lines).toEqual([{ description: "Design", amount: 4_000, line: 0 }]);
    expect(ok.body).toMatchObject({ credited: 4_800, linesLeftToCredit: [6_000, 5_000] });
    const over = await credit(ok.body, { lines: [{ description: "Hosting", amount: 1_000, line: 1 }, { description: "Design", amount: 6_001, line: 0 }], reason: "Too much" });
    expect(over.status).toBe(400);
    expect(Object.keys(over.body.error.fields)).toEqual(["lines.1.amount"]);
    expect(over.body.error.fields["lines.1.amount"]).toContain("60.00 EUR");
    // The same line twice counts once, summed.
    const twice = await credit(ok.body, { lines: [{ description: "Hosting", amount: 3_000, line: 1 }, { description: "Hosting", amount: 3_000, line: 1 }], reason: "Twice" });
    expect(Object.keys(twice.body.error.fields)).toEqual(["lines.1.amount"]);
    const nowhere = await credit(ok.body, { lines: [{ description: "Nothing", amount: 100, line: 7 }], reason: "No such line" });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.error.fields).toHaveProperty(["lines.0.line"]);
    const rest = await credit(ok.body, { lines: [{ description: "Design", amount: 6_000, line: 0 }, { description: "Hosting", amount: 5_000, line: 1 }], reason: "Project cancelled" });
    expect(rest.status, JSON.stringify(rest.body)).toBe(201);
    expect(rest.body).toMatchObject({ credited: 18_000, balance: 0, status: "paid", linesLeftToCredit: [0, 0] });
  });

  it("never credits more than is left, answering which field and how much", async () => {
    const reply = await credit(invoice, { amount: 6_001, reason: "Too much" });
    expect(reply.status).toBe(400);
    expect(reply.body.error.fields.amount).toContain("60.00 EUR");
    const lines = await credit(invoice, { lines: [{ description: "Too much", amount: 5_001 }], reason: "Too much" });
    expect(lines.status).toBe(400);
    expect(lines.body.error.fields).toHaveProperty("lines");
    const unchanged = await owner.get(`/invoices/${invoice.id}`);
    expect(unchanged.body).toMatchObject({ credited: 6_000, version: invoice.version });
  });

  it("is paid when a payment and a credit note leave nothing owed", async () => {
    const paid = await owner.post(`/invoices/${invoice.id}/payments`, { amount: 1_200, method: "bank_transfer" });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    expect(paid.body).toMatchObject({ status: "partially_paid", balance: 4_800 });
    // A payment can't take more than the balance the credit notes left.
    expect((await owner.post(`/invoices/${invoice.id}/payments`, { amount: 4_801, method: "cash" })).status).toBe(400);
    const rest = await credit(paid.body, { amount: 4_800, reason: "Settled in full" });
    expect(rest.status, JSON.stringify(rest.body)).toBe(201);
    expect(rest.body).toMatchObject({ status: "paid", balance: 0, credited: 10_800 });
    expect(rest.body.paidAt).toBeTruthy();
    invoice = rest.body;
  });

  it("can credit a paid invoice what it has left to credit, and no more", async () => {
    const more = await credit(invoice, { amount: 1_200, reason: "Refund of the payment" });
    expect(more.status, JSON.stringify(more.body)).toBe(201);
    expect(more.body).toMatchObject({ status: "paid", balance: 0, credited: 12_000 });
    const none = await credit(more.body, { amount: 1, reason: "Nothing left" });
    expect(none.status).toBe(422);
    expect(none.body.error.code).toBe("creditNote.nothing_left");
  });

  it("answers 409 with the invoice on a stale version", async () => {
    const fresh = await sent(5_000);
    const ok = await credit(fresh, { amount: 600, reason: "Goodwill" });
    expect(ok.status).toBe(201);
    const stale = await credit(fresh, { amount: 600, reason: "Goodwill again" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("conflict");
    expect(stale.body.current).toMatchObject({ id: fresh.id, credited: 600 });
  });

  it("lets only one of two notes issued at once through, so the invoice is never over-credited", async () => {
    const fresh = await sent(5_000); // €60
    const replies = await Promise.all([credit(fresh, { amount: 5_000, reason: "First" }), credit(fresh, { amount: 5_000, reason: "Second" })]);
    expect(replies.map((reply) => reply.status).sort()).toEqual([201, 409]);
    const after = await owner.get(`/invoices/${fresh.id}`);
    expect(after.body.credited).toBe(5_000);
    expect(after.body.creditNotes).toHaveLength(1);
  });

  it("numbers notes on different invoices at once without gaps or repeats", async () => {
    const invoices = await Promise.all([sent(1_000), sent(1_000), sent(1_000)]);
    const replies = await Promise.all(invoices.map((each) => credit(each, { amount: 100, reason: "Small fix" })));
    expect(replies.map((reply) => reply.status)).toEqual([201, 201, 201]);
    const numbers = replies.map((reply) => Number(reply.body.creditNotes[0].number.slice(3))).sort((a, b) => a - b);
    expect(numbers[1]! - numbers[0]!).toBe(1);
    expect(numbers[2]! - numbers[1]!).toBe(1);
  });

  it("refuses drafts, void invoices, another currency and bad input", async () => {
    const draft = await owner.post("/invoices", { clientId, includeTime: false, lines: [{ kind: "custom", description: "Draft", quantity: 1, unitAmount: 1_000 }] });
    const onDraft = await credit(draft.body, { amount: 100, reason: "No" });
    expect(onDraft.status).toBe(422);
    expect(onDraft.body.error.code).toBe("creditNote.draft");
    const voided = await sent(1_000);
    const gone = await owner.post(`/invoices/${voided.id}/void`, { version: voided.version });
    expect(gone.status).toBe(200);
    const onVoid = await credit(gone.body, { amount: 100, reason: "No" });
    expect(onVoid.status).toBe(422);
    expect(onVoid.body.error.code).toBe("creditNote.void");
    const target = await sent(1_000);
    const currency = await credit(target, { amount: 100, reason: "No", currency: "USD" });
    expect(currency.status).toBe(400);
    expect(currency.body.error.fields.currency).toContain("EUR");
    for (const body of [{ amount: 100 }, { reason: "  ", amount: 100 }, { reason: "Both", amount: 100, lines: [{ description: "X", amount: 1 }] }, { reason: "Neither" }, { reason: "Zero", amount: 0 }, { reason: "Half", amount: 1.5 }, { reason: "Empty", lines: [] }]) {
      const reply = await credit(target, body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.code).toBe("validation_failed");
    }
    // An invoice with credit notes is credited, not voided.
    await credit(target, { amount: 100, reason: "Small fix" });
    const latest = await owner.get(`/invoices/${target.id}`);
    const voiding = await owner.post(`/invoices/${target.id}/void`, { version: latest.body.version });
    expect(voiding.status).toBe(422);
  });

  it("is the owner's to issue: the client can't", async () => {
    const target = await sent(1_000);
    expect((await contact.post(`/invoices/${target.id}/credit-notes`, { version: target.version, amount: 100, reason: "Mine" })).status).toBe(403);
  });
});

describe("what the client gets", () => {
  let invoice: any;
  let note: any;

  beforeAll(async () => {
    invoice = await sent(20_000); // €240
    const reply = await credit(invoice, { amount: 4_800, reason: "Two days not worked" });
    expect(reply.status).toBe(201);
    invoice = reply.body;
    note = invoice.creditNotes[0];
  });

  it("emails the billing address and the contact the credit note's PDF, referencing the invoice", async () => {
    await Deferred.settled();
    for (const address of [billingEmail, contactEmail]) {
      const mail = await waitForEmail(address, (e) => e.subject.includes(note.number));
      expect(mail.subject).toContain(invoice.number);
      expect(mail.attachments?.map((file) => [file.filename, file.contentType])).toEqual([[`${note.number}.pdf`, "application/pdf"]]);
      const text = (await pdfText(new Uint8Array(Buffer.from(mail.attachments![0]!.content, "base64")))).replace(/\s+/g, " ");
      for (const expected of [`Credit note ${note.number}`, invoice.number, "Euro Co GmbH", "Two days not worked", "Total credited"]) expect(text, expected).toContain(expected);
    }
  });

  it("shows the client the credit notes and the reduced balance, and lets it download each PDF", async () => {
    const seen = await contact.get(`/invoices/${invoice.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ credited: 4_800, balance: 19_200 });
    expect(seen.body.creditNotes.map((each: any) => each.number)).toEqual([note.number]);
    const pdf = await contact.download(`/invoices/${invoice.id}/credit-notes/${note.id}/pdf?app=portal`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-disposition")).toBe(`attachment; filename="${note.number}.pdf"`);
    expect((await pdfText(pdf.bytes)).replace(/\s+/g, " ")).toContain(`Credit note ${note.number}`);
  });

  it("answers 404 for a credit note that isn't the invoice's, and for an over-long id", async () => {
    const other = await sent(1_000);
    expect((await owner.download(`/invoices/${other.id}/credit-notes/${note.id}/pdf`)).status).toBe(404);
    expect((await owner.download(`/invoices/${invoice.id}/credit-notes/${"crn_" + "a".repeat(1000)}/pdf`)).status).toBe(404);
  });

  it("takes credit notes off the reports, converted at the invoice's stamped rate", async () => {
    const revenue = await owner.get("/reports/revenue");
    expect(revenue.status).toBe(200);
    const eur = revenue.body.currencies.find((c: any) => c.currency === "EUR");
    const invoices = await owner.get(`/invoices?clientId=${clientId}&status=all&limit=100`);
    const issued = invoices.body.items.filter((each: any) => ["sent", "partially_paid", "paid"].includes(each.status));
    const net = (each: any) => each.subtotal - Math.round(each.credited / 1.2);
    expect(eur.total).toBe(issued.reduce((sum: number, each: any) => sum + net(each), 0));
    const receivables = await owner.get("/reports/receivables");
    const row = receivables.body.invoices.find((each: any) => each.id === invoice.id);
    expect(row.balance).toBe(19_200);
    // €192 at the stamped 0.85 is £163.20.
    expect(invoice.exchangeRate).toMatchObject({ rate: "0.85" });
    const owedGbp = receivables.body.converted.total;
    const expected = receivables.body.invoices.reduce((sum: number, each: any) => sum + Math.round(each.balance * 0.85), 0);
    expect(owedGbp).toBe(expected);
  });
});
