import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@baton/core/db";
import { ApiClient, startApi, type Started } from "../support/http.ts";
import { uniqueEmail } from "../support/fixtures.ts";
import { checkInSurveyId } from "../support/surveys.ts";
import { acceptInvitation, acceptedTask, createWorld, type World } from "../support/world.ts";

// A client's data, handed back and erased on request, by the owner in person. The export holds
// everything about that client and nothing of another; the erase deletes its people and work,
// keeps what the books need (issued invoices, their payments, the time billed on them, the name
// they are addressed to), is audited, and leaves every other client as it was.

let api: Started;
let world: World;
const ids: Record<string, string> = {};
let other: { clientId: string; contact: ApiClient; requestId: string; invoiceId: string; title: string };
let feedUrl: string;

const ok = <T extends { status: number; body: any }>(reply: T, status = 200) => {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  return reply.body;
};

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Erasure Agency");
  const client = ok(await world.owner.get(`/clients/${world.ids.client}`));
  ok(await world.owner.patch(`/clients/${world.ids.client}`, { version: client.version, notes: "Prefers calls after 3pm", website: "https://acme.example", billing: { hourlyRate: 6000 } }));

  // Work, a thread, time (billed on a sent and paid invoice, locked on a draft, and unbilled).
  const { request, task } = await acceptedTask(world, { title: "Erasable newsletter" });
  ids.request = request.id;
  ids.task = task.id;
  ok(await world.contact.post(`/requests/${request.id}/messages`, { body: "Please use the blue logo." }), 201);
  for (const startedAt of ["2026-11-02T10:00:00Z", "2026-11-03T10:00:00Z"]) ok(await world.owner.post("/time", { taskId: task.id, startedAt, minutes: 60 }), 201);
  const billed = ok(await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: true, lines: [] }), 201);
  const sent = ok(await world.owner.post(`/invoices/${billed.id}/send`, { version: billed.version }));
  ok(await world.owner.post(`/invoices/${billed.id}/payments`, { amount: 5000, method: "bank_transfer" }), 201);
  ids.sentInvoice = sent.id;
  ok(await world.owner.post("/time", { taskId: task.id, startedAt: "2026-11-04T10:00:00Z", minutes: 30 }), 201);
  const draft = ok(await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: true, lines: [] }), 201);
  ids.draftInvoice = draft.id;
  ok(await world.owner.post("/time", { taskId: task.id, startedAt: "2026-11-05T10:00:00Z", minutes: 15 }), 201);
  // A quote in draft, and one sent and not answered yet.
  const quote = (title: string) => world.owner.post("/quotes", { clientId: world.ids.client, title, lines: [{ kind: "custom", description: "Setup", quantity: 1, unitAmount: 10_000 }], validUntil: "2099-01-01" });
  ok(await quote("Draft proposal"), 201);
  const offered = ok(await quote("Sent proposal"), 201);
  ok(await world.owner.post(`/quotes/${offered.id}/send`, { version: offered.version }));
  ids.quote = offered.id;
  // Recurring work for the client.
  ok(await world.owner.post("/schedules", { clientId: world.ids.client, title: "Weekly inbox", rule: "weekly", days: [1], time: "09:00", startDate: "2099-01-05" }), 201);
  // A survey, and the contact's private calendar feed.
  ids.survey = await checkInSurveyId(world.people.contact.email, { owner: world.owner, contact: world.contact });
  feedUrl = ok(await world.contact.post("/calendar/feed-url", {})).url;

  // Another client of the same agency, with a person, work and an invoice of its own.
  const second = ok(await world.owner.post("/clients", { name: "Beta Ltd", code: `BT${Math.floor(Math.random() * 1e5)}`, timeZone: "UTC", currency: "EUR", status: "active" }), 201);
  const secondEmail = uniqueEmail("beta.contact");
  ok(await world.owner.post(`/clients/${second.id}/contacts`, { email: secondEmail, name: "Bea Beta", timeZone: "UTC" }), 201);
  const contact = new ApiClient(api.baseUrl, "portal");
  await acceptInvitation(contact, secondEmail);
  const title = "Beta's own request";
  const betaRequest = ok(await contact.post("/requests", { title, description: "Beta only", service: "Admin" }), 201);
  const betaInvoice = ok(await world.owner.post("/invoices", { clientId: second.id, includeTime: false, lines: [{ kind: "custom", description: "Beta work", quantity: 1, unitAmount: 100 }] }), 201);
  ok(await world.owner.post(`/invoices/${betaInvoice.id}/send`, { version: betaInvoice.version }));
  other = { clientId: second.id, contact, requestId: betaRequest.id, invoiceId: betaInvoice.id, title };
}, 90_000);
afterAll(() => api.close());

describe("export", () => {
  let exported: any;

  it("downloads everything about the client as one JSON file, not cached", async () => {
    const reply = await world.owner.post(`/clients/${world.ids.client}/export`);
    exported = ok(reply);
    expect(reply.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="baton-client-${world.code}-\\d{4}-\\d{2}-\\d{2}\\.json"$`));
    expect(reply.headers.get("cache-control")).toBe("no-store");
    expect(exported).toMatchObject({ format: "baton.client-export", version: 1, agency: { name: "Erasure Agency" }, client: { id: world.ids.client, notes: "Prefers calls after 3pm", erasedAt: null } });
    expect(exported.contacts.map((c: any) => c.email)).toEqual([world.people.contact.email]);
    // The newsletter, and the first piece of work done to the end (no NPS check-in comes before one).
    expect(exported.requests.map((r: any) => r.title).sort()).toEqual(["Erasable newsletter", "First piece of work"]);
    expect(exported.requests.map((r: any) => r.requestId)).toContain(ids.request);
    expect(exported.tasks).toHaveLength(2);
    expect(exported.tasks.map((t: any) => t.taskId)).toContain(ids.task);
    expect(exported.messages.map((m: any) => m.body)).toEqual(["Please use the blue logo."]);
    expect(exported.timeEntries).toHaveLength(4);
    expect(exported.invoices.map((i: any) => [i.invoiceId, i.status, i.payments.length]).sort()).toEqual(
      [[ids.sentInvoice, "partially_paid", 1], [ids.draftInvoice, "draft", 0]].sort(),
    );
    // The CSAT of the work done, and the check-in.
    expect(exported.surveys.map((s: any) => s.kind).sort()).toEqual(["csat", "nps"]);
    expect(exported.quotes.map((q: any) => [q.title, q.status]).sort()).toEqual([["Draft proposal", "draft"], ["Sent proposal", "sent"]]);
    expect(exported.schedules.map((s: any) => s.title)).toEqual(["Weekly inbox"]);
    expect(exported.surveys.map((s: any) => s.surveyId)).toContain(ids.survey);
    expect(exported.auditEvents.map((e: any) => e.action)).toEqual(expect.arrayContaining(["client.created", "contact.invited", "request.submitted", "invoice.sent", "invoice.payment"]));
  });

  it("holds nothing of another client", () => {
    const text = JSON.stringify(exported);
    for (const foreign of [other.clientId, other.requestId, other.invoiceId, other.title, "Bea Beta"]) expect(text).not.toContain(foreign);
  });

  it("is audited, and only the owner in person may do it", async () => {
    const events = ok(await world.owner.get("/audit?limit=100")).items.filter((e: any) => e.action === "client.exported");
    expect(events).toEqual([expect.objectContaining({ subject: { type: "client", id: world.ids.client }, actor: { type: "member", id: world.agency.ownerId } })]);
    expect((await world.sub.post(`/clients/${world.ids.client}/export`)).status).toBe(403);
    const key = ok(await world.owner.post("/api-keys", { name: "Integration" }), 201);
    const integration = new ApiClient(api.baseUrl, null, { authorization: `Bearer ${key.secret}` });
    expect((await integration.post(`/clients/${world.ids.client}/export`)).status).toBe(403);
    expect((await integration.post(`/clients/${world.ids.client}/erase`, { code: world.code })).status).toBe(403);
  });
});

describe("erase", () => {
  let result: any;

  it("asks for the client's code and changes nothing without it", async () => {
    const reply = await world.owner.post(`/clients/${world.ids.client}/erase`, { code: "NOPE" });
    expect(reply.status).toBe(400);
    expect(reply.body.error.fields).toEqual({ code: `Type ${world.code} to confirm.` });
    expect(ok(await world.owner.get(`/clients/${world.ids.client}`)).erasedAt).toBeNull();
    expect(ok(await world.owner.get(`/requests/${ids.request}`)).request.id).toBe(ids.request);
  });

  it("erases the client's people and work, and says what was deleted and what was kept", async () => {
    result = ok(await world.owner.post(`/clients/${world.ids.client}/erase`, { code: world.code.toLowerCase() }));
    expect(result.deleted).toMatchObject({ contacts: 1, requests: 2, tasks: 2, messages: 1, surveys: 2, invoices: 1, timeEntries: 2, quotes: 2, schedules: 1 });
    expect(result.kept).toMatchObject({ invoices: 1, timeEntries: 2 });
    expect(result.client).toMatchObject({ id: world.ids.client, name: "Acme Corp", code: world.code, currency: "USD", status: "inactive", notes: null, website: null, erasedAt: expect.any(String) });
    expect(result.client.billing).toMatchObject({ hourlyRate: null, retainer: null });
  });

  it("leaves no trace of the people, the work, the draft or the unbilled time", async () => {
    expect(ok(await world.owner.get(`/clients/${world.ids.client}/contacts`)).items).toEqual([]);
    expect((await world.owner.get(`/requests/${ids.request}`)).status).toBe(404);
    expect((await world.owner.get(`/tasks/${ids.task}`)).status).toBe(404);
    expect((await world.owner.get(`/invoices/${ids.draftInvoice}`)).status).toBe(404);
    expect((await world.owner.get(`/quotes/${ids.quote}`)).status).toBe(404);
    expect(ok(await world.owner.get(`/schedules?clientId=${world.ids.client}`)).items).toEqual([]);
    expect(ok(await world.owner.get(`/time/unbilled?clientId=${world.ids.client}`)).items).toEqual([]);
    expect((await db.entities.survey.get({ agencyId: world.agency.agencyId, surveyId: ids.survey! }).go()).data).toBeNull();
    // The contact's session and calendar feed end with them; their address can be invited again.
    expect((await world.contact.get("/me")).status).toBe(401);
    expect((await fetch(feedUrl)).status).toBe(404);
    const claim = await db.entities.uniqueness.get({ agencyId: world.agency.agencyId, scope: "login-email", value: world.people.contact.email }).go();
    expect(claim.data).toBeNull();
  });

  it("keeps the issued invoice, its payment and the time billed on it", async () => {
    const invoice = ok(await world.owner.get(`/invoices/${ids.sentInvoice}`));
    expect(invoice).toMatchObject({ status: "partially_paid", amountPaid: 5000 });
    expect(invoice.payments).toHaveLength(1);
    const billed = (await db.entities.timeEntry.query.entriesOfClient({ agencyId: world.agency.agencyId, clientId: world.ids.client }).go({ pages: "all" })).data;
    expect(billed.map((e) => e.invoiceId)).toEqual([ids.sentInvoice, ids.sentInvoice]);
  });

  it("keeps its own record and the invoices' history in the audit, and nothing else about the client", async () => {
    const events = ok(await world.owner.get("/audit?limit=100")).items as any[];
    const aboutClient = events.filter((e) => e.subject.id === world.ids.client).map((e) => e.action);
    expect(aboutClient.sort()).toEqual(["client.erased", "client.exported"]);
    const erased = events.find((e) => e.action === "client.erased");
    expect(erased.data).toEqual({ deleted: result.deleted, kept: result.kept });
    expect(events.filter((e) => e.subject.id === ids.sentInvoice).map((e) => e.action)).toEqual(expect.arrayContaining(["invoice.sent", "invoice.payment"]));
    expect(JSON.stringify(events)).not.toContain(world.people.contact.email);
  });

  it("leaves the other client untouched", async () => {
    expect(ok(await world.owner.get(`/clients/${other.clientId}`)).erasedAt).toBeNull();
    expect(ok(await world.owner.get(`/clients/${other.clientId}/contacts`)).items).toHaveLength(1);
    expect(ok(await other.contact.get(`/requests/${other.requestId}`)).request.title).toBe(other.title);
    expect(ok(await world.owner.get(`/invoices/${other.invoiceId}`)).status).toBe("sent");
    expect(ok(await world.owner.get("/audit?limit=100")).items.some((e: any) => e.subject.id === other.clientId && e.action === "client.created")).toBe(true);
  });

  it("can run again (a run cut short finishes), and the erased client can't be edited back", async () => {
    const again = ok(await world.owner.post(`/clients/${world.ids.client}/erase`, { code: world.code }));
    expect(Object.values(again.deleted).every((n) => n === 0)).toBe(true);
    expect(again.client.erasedAt).toBe(result.client.erasedAt);
    const edit = await world.owner.patch(`/clients/${world.ids.client}`, { version: again.client.version, status: "active" });
    expect(edit.status).toBe(422);
    expect(edit.body.error.code).toBe("client.erased");
  });

  it("still exports what was kept", async () => {
    const after = ok(await world.owner.post(`/clients/${world.ids.client}/export`));
    expect(after.client.erasedAt).toEqual(expect.any(String));
    expect(after.contacts).toEqual([]);
    expect(after.invoices.map((i: any) => i.invoiceId)).toEqual([ids.sentInvoice]);
  });
});
