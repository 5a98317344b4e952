import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deferred } from "@baton/core/deferred";
import { Invoices } from "@baton/core/invoice";
import { ApiClient, startApi, waitForEmail, type Started } from "../support/http.ts";
import { uniqueEmail } from "../support/fixtures.ts";
import { acceptInvitation, createWorld, type World } from "../support/world.ts";
import { drawnGlyphs, pdfText } from "../support/pdf.ts";

// The invoice PDF over HTTP: the owner downloads any invoice's, a client contact their company's
// once sent (never a draft, never another client's), a subcontractor none; it reads in the
// client's language; and the invoice email, to portal contacts and to billing addresses alike,
// carries it as an attachment that parses.

let api: Started;
let world: World;
let other: { clientId: string; contact: ApiClient };
const billingEmail = uniqueEmail("billing");
const GREEK = "Ναυτιλιακή Αιγαίου Α.Ε.";

const flat = (text: string) => text.replace(/\s+/g, " ");

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "PDF Agency");
  const client = await world.owner.get(`/clients/${world.ids.client}`);
  const named = await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, invoiceTo: { name: GREEK, address: "Ακτή Μιαούλη 10\nΠειραιάς", emails: [billingEmail] } });
  expect(named.status, JSON.stringify(named.body)).toBe(200);
  // Another client of the same agency, with a contact of its own.
  const second = await world.owner.post("/clients", { name: "Other Co", code: `OT${Math.floor(Math.random() * 10_000)}`, timeZone: "UTC", currency: "EUR", status: "active" });
  const email = uniqueEmail("othercontact");
  await world.owner.post(`/clients/${second.body.id}/contacts`, { email, name: "Otto", timeZone: "UTC" });
  const contact = new ApiClient(api.baseUrl, "portal");
  await acceptInvitation(contact, email);
  other = { clientId: second.body.id, contact };
});
afterAll(() => api.close());

const draft = async (description = "Research") => {
  const made = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, purchaseOrder: "PO-1209", lines: [{ kind: "custom", description, quantity: 3, unitAmount: 12_500 }] });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return made.body as { id: string; version: number };
};

describe("the invoice PDF", () => {
  let sent: { id: string; number: string; total: number; dueAt: string };

  it("is not the portal's while a draft, and no subcontractor's ever", async () => {
    const invoice = await draft();
    const owner = await world.owner.download(`/invoices/${invoice.id}/pdf`);
    expect(owner.status).toBe(200);
    expect(owner.headers.get("content-disposition")).toBe('attachment; filename="draft-invoice.pdf"');
    expect(flat(await pdfText(owner.bytes))).toContain("Draft invoice");
    const contact = await world.contact.download(`/invoices/${invoice.id}/pdf`);
    expect(contact.status).toBe(404);
    expect(contact.body.error.code).toBe("not_found");
    expect((await world.sub.download(`/invoices/${invoice.id}/pdf`)).status).toBe(403);
  });

  it("is the owner's and the client's once sent: a PDF named by its number, with the client's name and the totals as text", async () => {
    const invoice = await draft("Quarterly research pack");
    const reply = await world.owner.post(`/invoices/${invoice.id}/send`, { version: invoice.version });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    sent = reply.body;
    for (const caller of [world.owner, world.contact]) {
      const pdf = await caller.download(`/invoices/${sent.id}/pdf?app=${caller === world.owner ? "web" : "portal"}`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      expect(pdf.headers.get("content-disposition")).toBe(`attachment; filename="${sent.number}.pdf"`);
      expect(pdf.headers.get("cache-control")).toContain("no-store");
      const text = flat(await pdfText(pdf.bytes));
      for (const expected of [sent.number, GREEK, "Ακτή Μιαούλη 10", "PO-1209", "Quarterly research pack", "$375.00"]) expect(text, expected).toContain(expected);
      expect((await drawnGlyphs(pdf.bytes)).filter((glyph) => glyph.charCode === 0)).toEqual([]);
    }
  });

  it("is refused to another client's contact and a subcontractor, and to the signed-out", async () => {
    expect((await other.contact.download(`/invoices/${sent.id}/pdf`)).status).toBe(404);
    expect((await world.sub.download(`/invoices/${sent.id}/pdf`)).status).toBe(403);
    expect((await new ApiClient(api.baseUrl).download(`/invoices/${sent.id}/pdf`)).status).toBe(401);
  });

  it("reads in the client's language: a Greek contact's, also when the owner downloads it", async () => {
    const saved = await world.contact.patch("/me", { locale: "el" });
    expect(saved.status).toBe(200);
    for (const caller of [world.contact, world.owner]) {
      const text = flat(await pdfText((await caller.download(`/invoices/${sent.id}/pdf`)).bytes));
      expect(text).toContain(`Τιμολόγιο ${sent.number}`);
      expect(text).toContain("Προς");
    }
    await world.contact.patch("/me", { locale: "en" });
  });

  it("goes with the invoice email to the portal contact and to the billing address, as a PDF that parses", async () => {
    await Deferred.settled();
    for (const address of [world.people.contact.email, billingEmail]) {
      const mail = await waitForEmail(address, (e) => e.subject.includes(sent.number));
      expect(mail.attachments?.map((file) => [file.filename, file.contentType])).toEqual([[`${sent.number}.pdf`, "application/pdf"]]);
      const bytes = new Uint8Array(Buffer.from(mail.attachments![0]!.content, "base64"));
      const text = flat(await pdfText(bytes));
      expect(text).toContain(sent.number);
      expect(text).toContain(GREEK);
      expect(text).toContain("$375.00");
    }
  });

  it("does not go with a receipt: payment emails stay as they were", async () => {
    const paid = await world.owner.post(`/invoices/${sent.id}/payments`, { amount: 10_000, method: "bank_transfer" });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    await Deferred.settled();
    const receipt = await waitForEmail(billingEmail, (e) => e.subject.includes(sent.number) && /receipt|received/i.test(e.subject));
    expect(receipt.attachments ?? []).toEqual([]);
  });

  it("goes with the overdue reminder too, showing what was paid", async () => {
    const result = await Invoices.MoneyJobs.remindOverdue(new Date(Date.parse(sent.dueAt) + 86_400_000 + 60_000));
    expect(result.sent).toBeGreaterThan(0);
    const reminder = await waitForEmail(billingEmail, (e) => e.subject.includes(sent.number) && /overdue|reminder/i.test(e.subject));
    expect(reminder.attachments?.map((file) => file.filename)).toEqual([`${sent.number}.pdf`]);
    const text = flat(await pdfText(new Uint8Array(Buffer.from(reminder.attachments![0]!.content, "base64"))));
    expect(text).toContain("Bank transfer");
    expect(text).toContain("$275.00");
  });
});
