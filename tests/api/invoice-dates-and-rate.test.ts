import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayIn, addDays } from "@baton/kernel/dates";
import { ApiClient, signIn, startApi, type Started } from "../support/http.ts";
import { uniqueEmail } from "../support/fixtures.ts";

// A draft's issue and due dates (issue 16, part 4): set in the edit (valid calendar dates, due
// not before issue), kept by sending; blank, it is issued today in the agency's zone and due after
// its terms. And the exchange rate of an invoice sent without one, set afterwards (part 7): the
// reports then convert it.

const ZONE = "Pacific/Auckland";
let api: Started;
let owner: ApiClient;
let contact: ApiClient;
let eurClient: string;
let usdClient: string;

const draft = async (clientId = usdClient) => {
  const made = await owner.post("/invoices", { clientId, includeTime: false, lines: [{ kind: "custom", description: "Work", quantity: 1, unitAmount: 10_000 }] });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return made.body;
};
const patch = (invoice: { id: string; version: number }, body: Record<string, unknown>) => owner.patch(`/invoices/${invoice.id}`, { version: invoice.version, ...body });
/** The calendar date of an instant in the agency's zone. */
const dayOf = (iso: string) => todayIn(ZONE, new Date(iso));

beforeAll(async () => {
  api = await startApi();
  const { Agency } = await import("@baton/core/agency");
  const ownerEmail = uniqueEmail("datesowner");
  await Agency.create({ name: "Dates Agency", timeZone: ZONE, currency: "USD", owner: { email: ownerEmail, name: "Owner Person", timeZone: ZONE } });
  owner = new ApiClient(api.baseUrl);
  await signIn(owner, ownerEmail);
  const made = async (name: string, currency: string) => {
    const reply = await owner.post("/clients", { name, code: `${name.slice(0, 2).toUpperCase()}${Date.now() % 100000}`, timeZone: "UTC", currency, billing: { hourlyRate: 10_000, taxRate: 0, taxName: "Tax", paymentTermsDays: 14 } });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body.id as string;
  };
  usdClient = await made("Home Inc", "USD");
  eurClient = await made("Euro Co", "EUR");
  const email = uniqueEmail("datescontact");
  await owner.post(`/clients/${usdClient}/contacts`, { email, name: "Dee Client", timeZone: "UTC" });
  contact = new ApiClient(api.baseUrl, "portal");
  const { acceptInvitation } = await import("../support/world.ts");
  await acceptInvitation(contact, email);
});
afterAll(() => api.close());

describe("a draft's issue and due dates", () => {
  it("are kept by the edit and by sending, in the agency's calendar", async () => {
    const today = todayIn(ZONE);
    const issue = addDays(today, -3);
    const due = addDays(today, 10);
    const invoice = await draft();
    const edited = await patch(invoice, { issueDate: issue, dueDate: due });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ issueDate: issue, dueDate: due, issuedAt: null });
    const sent = await owner.post(`/invoices/${invoice.id}/send`, { version: edited.body.version });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(dayOf(sent.body.issuedAt)).toBe(issue);
    expect(dayOf(sent.body.dueAt)).toBe(due);
    // Due at the end of that day, not its start.
    expect(dayOf(new Date(Date.parse(sent.body.dueAt) + 1).toISOString())).toBe(addDays(due, 1));
  });

  it("blank, are today in the agency's zone and the payment terms from now", async () => {
    const invoice = await draft();
    const edited = await patch(invoice, { issueDate: addDays(todayIn(ZONE), 1), dueDate: addDays(todayIn(ZONE), 5) });
    const cleared = await patch(edited.body, { issueDate: null, dueDate: "" });
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    expect(cleared.body).toMatchObject({ issueDate: null, dueDate: null });
    const before = Date.now();
    const sent = await owner.post(`/invoices/${invoice.id}/send`, { version: cleared.body.version });
    expect(sent.status).toBe(200);
    expect(Date.parse(sent.body.issuedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(dayOf(sent.body.issuedAt)).toBe(todayIn(ZONE));
    expect(Date.parse(sent.body.dueAt) - Date.parse(sent.body.issuedAt)).toBe(14 * 86_400_000);
  });

  it("refuse a due date before the issue date, or before today when the issue date is blank, and dates the calendar hasn't got", async () => {
    const invoice = await draft();
    const before = await patch(invoice, { issueDate: "2026-06-10", dueDate: "2026-06-09" });
    expect(before.status).toBe(400);
    expect(before.body.error.fields.dueDate).toBe("The due date can't be before the issue date.");
    const past = await patch(invoice, { dueDate: addDays(todayIn(ZONE), -1) });
    expect(past.status).toBe(400);
    expect(past.body.error.fields).toHaveProperty("dueDate");
    for (const body of [{ issueDate: "2026-02-30" }, { dueDate: "2026-13-01" }, { issueDate: "10/06/2026" }, { dueDate: 20260610 }]) {
      const reply = await patch(invoice, body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.code).toBe("validation_failed");
    }
    const unchanged = await owner.get(`/invoices/${invoice.id}`);
    expect(unchanged.body).toMatchObject({ issueDate: null, dueDate: null, version: invoice.version });
  });

  it("can't change once sent: 409 with the invoice", async () => {
    const invoice = await draft();
    const sent = await owner.post(`/invoices/${invoice.id}/send`, { version: invoice.version });
    const late = await patch(sent.body, { dueDate: addDays(todayIn(ZONE), 30) });
    expect(late.status).toBe(409);
    expect(late.body.current).toMatchObject({ id: invoice.id, status: "sent" });
  });
});

describe("setting the rate of an invoice sent without one", () => {
  it("stamps the rate, and the reports then convert the invoice", async () => {
    const invoice = await draft(eurClient);
    const sent = await owner.post(`/invoices/${invoice.id}/send`, { version: invoice.version });
    expect(sent.body.exchangeRate).toMatchObject({ to: "USD", rate: null });
    const before = await owner.get("/reports/revenue");
    expect(before.body.converted.unconverted).toEqual([{ currency: "EUR", amount: 10_000, invoices: 1 }]);
    const set = await owner.request("PUT", `/invoices/${invoice.id}/rate`, { version: sent.body.version, rate: "1.1" });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.exchangeRate).toMatchObject({ to: "USD", rate: "1.1", source: "entered" });
    expect(set.body.version).toBe(sent.body.version + 1);
    const after = await owner.get("/reports/revenue");
    expect(after.body.converted.unconverted).toEqual([]);
    expect(after.body.converted.total).toBe(11_000 + before.body.converted.total);
    // A stamped rate stays as it was issued.
    const again = await owner.request("PUT", `/invoices/${invoice.id}/rate`, { version: set.body.version, rate: "1.2" });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe("invoice.rate_stamped");
  });

  it("refuses a stale version, a draft, an invoice in the agency's currency, a bad rate, and the client", async () => {
    const invoice = await draft(eurClient);
    const onDraft = await owner.request("PUT", `/invoices/${invoice.id}/rate`, { version: invoice.version, rate: "1.1" });
    expect(onDraft.status).toBe(422);
    const sent = await owner.post(`/invoices/${invoice.id}/send`, { version: invoice.version });
    const stale = await owner.request("PUT", `/invoices/${invoice.id}/rate`, { version: invoice.version, rate: "1.1" });
    expect(stale.status).toBe(409);
    for (const rate of ["0", "-1", "abc", ""]) {
      const bad = await owner.request("PUT", `/invoices/${invoice.id}/rate`, { version: sent.body.version, rate });
      expect(bad.status, rate).toBe(400);
      expect(bad.body.error.fields).toHaveProperty("rate");
    }
    const home = await draft(usdClient);
    const homeSent = await owner.post(`/invoices/${home.id}/send`, { version: home.version });
    const same = await owner.request("PUT", `/invoices/${home.id}/rate`, { version: homeSent.body.version, rate: "1.1" });
    expect(same.status).toBe(422);
    expect(same.body.error.code).toBe("invoice.rate_same_currency");
    expect((await contact.request("PUT", `/invoices/${home.id}/rate`, { version: homeSent.body.version, rate: "1.1" })).status).toBe(403);
  });
});
