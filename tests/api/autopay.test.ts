import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAgencyJobs } from "@baton/functions/jobs/run";
import { ApiClient, startApi, waitForEmail, type Started } from "../support/http.ts";
import { startFakeStripe, type FakeStripe, type TestCard } from "../support/fake-stripe.ts";
import { uniqueEmail } from "../support/fixtures.ts";
import { acceptInvitation, createWorld, type World } from "../support/world.ts";

// Saved cards and autopay against the fake Stripe (tests/support/fake-stripe.ts) through the real
// SDK: a contact saves a card with Checkout in setup mode (Stripe's signed webhook tells the API),
// turns autopay on, and the scheduled job charges the client's retainer invoice off-session once.

let api: Started;
let world: World;
let stripe: FakeStripe;
let agencyId: string;
let codes = 0;

beforeAll(async () => {
  stripe = await startFakeStripe();
  Object.assign(process.env, stripe.env());
  api = await startApi();
  stripe.state.webhookUrl = `${api.baseUrl}/api/webhooks/stripe`;
  world = await createWorld(api, "Autopay Agency");
  agencyId = (await world.owner.get("/agency")).body.id;
});

afterAll(async () => {
  await api?.close();
  await stripe?.close();
});

/** A retainer client of its own (one retainer invoice a month each) with a signed-in contact. */
async function retainerClient(fee = 50_000) {
  const email = uniqueEmail("payer");
  const client = await world.owner.post("/clients", { name: `Retainer ${++codes}`, code: `AP${codes}${Date.now() % 10000}`, timeZone: "Europe/Athens", currency: "EUR", status: "active" });
  expect(client.status).toBe(201);
  const billed = await world.owner.patch(`/clients/${client.body.id}`, { version: client.body.version, billing: { hourlyRate: 6000, taxRate: 0, retainer: { fee, includedMinutes: 600 } } });
  expect(billed.status).toBe(200);
  await world.owner.post(`/clients/${client.body.id}/contacts`, { email, name: "Pat Payer", timeZone: "Europe/Athens" });
  const contact = new ApiClient(api.baseUrl, "portal");
  await acceptInvitation(contact, email);
  return { clientId: client.body.id as string, contact, email };
}

/** The contact saves `card` through Checkout in setup mode: answers the session's id. */
async function saveCard(contact: ApiClient, card: TestCard = "visa") {
  const setup = await contact.post("/portal/card/setup");
  expect(setup.status).toBe(200);
  const sessionId = setup.body.url.split("/").at(-1)!;
  const hook = await stripe.complete(sessionId, card);
  expect(hook).toMatchObject({ status: 200, body: { outcome: "saved" } });
  return sessionId;
}

async function autopayOn(contact: ApiClient) {
  const card = await contact.get("/portal/card");
  const on = await contact.request("PUT", "/portal/card/autopay", { version: card.body.version, autopay: true });
  expect(on.status).toBe(200);
  expect(on.body.autopay).toBe(true);
}

const retainerOf = async (clientId: string) => (await world.owner.get(`/invoices?clientId=${clientId}&limit=100`)).body.items.find((i: { kind: string }) => i.kind === "retainer");
const intentCalls = () => stripe.calls.filter((call) => call.path === "/v1/payment_intents");

describe("saving a card", () => {
  it("makes one Stripe customer, saves the card from a setup Checkout, and shows brand, last 4 and expiry to the client and the owner", async () => {
    const { clientId, contact } = await retainerClient();
    const empty = await contact.get("/portal/card");
    expect(empty.body).toEqual({ enabled: true, card: null, autopay: false, version: 0 });
    const before = stripe.calls.length;
    const sessionId = await saveCard(contact);
    const calls = stripe.calls.slice(before);
    expect(calls.map((c) => c.path)).toEqual(expect.arrayContaining(["/v1/customers", "/v1/checkout/sessions"]));
    const session = calls.find((c) => c.path === "/v1/checkout/sessions")!;
    expect(session.form.get("mode")).toBe("setup");
    expect(session.form.get("customer")).toMatch(/^cus_/);
    expect(session.form.get("currency")).toBe("eur");
    expect(session.form.get("metadata[clientId]")).toBe(clientId);
    const mine = await contact.get("/portal/card");
    expect(mine.body).toMatchObject({ enabled: true, card: { brand: "visa", last4: "4242", expMonth: 12, expYear: 2030 }, autopay: false });
    expect((await world.owner.get(`/clients/${clientId}/card`)).body).toMatchObject({ card: { last4: "4242" }, autopay: false });
    // Stripe delivers the event again: nothing changes.
    const again = await stripe.complete(sessionId).catch(() => null);
    expect(again?.status ?? 200).toBe(200);
    // A second card saved later uses the same customer.
    const customers = stripe.calls.filter((c) => c.path === "/v1/customers").length;
    await saveCard(contact, "authentication");
    expect(stripe.calls.filter((c) => c.path === "/v1/customers").length).toBe(customers);
    expect((await contact.get("/portal/card")).body.card).toMatchObject({ brand: "mastercard", last4: "3184" });
  });

  it("refuses autopay without a saved card (422), and on a stale version (409)", async () => {
    const { contact } = await retainerClient();
    const refused = await contact.request("PUT", "/portal/card/autopay", { version: 1, autopay: true });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("card.none_saved");
    await saveCard(contact);
    const stale = await contact.request("PUT", "/portal/card/autopay", { version: 99, autopay: true });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ autopay: false });
  });

  it("lets only the client's contacts save, change or remove a card; the owner reads it; subcontractors nothing", async () => {
    expect((await world.owner.post("/portal/card/setup")).status).toBe(403);
    expect((await world.sub.get(`/clients/${world.ids.client}/card`)).status).toBe(403);
    expect((await world.contact.get(`/clients/${world.ids.client}/card`)).status).toBe(403);
  });

  it("removes the card: Stripe forgets it, autopay goes off", async () => {
    const { clientId, contact } = await retainerClient();
    await saveCard(contact);
    await autopayOn(contact);
    const pm = (await contact.get("/portal/card")).body;
    expect(pm.autopay).toBe(true);
    const removed = await contact.delete("/portal/card");
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ card: null, autopay: false });
    expect(stripe.calls.at(-1)!.path).toMatch(/^\/v1\/payment_methods\/pm_fake_\d+\/detach$/);
    expect((await world.owner.get(`/clients/${clientId}/card`)).body).toMatchObject({ card: null, autopay: false });
    // Removing again changes nothing.
    expect((await contact.delete("/portal/card")).status).toBe(200);
  });
});

describe("autopay of retainer invoices", () => {
  it("charges the issued retainer invoice off-session once, even when the job runs twice at once, and records the payment", async () => {
    const { clientId, contact, email } = await retainerClient(75_000);
    await saveCard(contact);
    await autopayOn(contact);
    const before = intentCalls().length;
    await runAgencyJobs(agencyId, new Date());
    await Promise.all([runAgencyJobs(agencyId, new Date()), runAgencyJobs(agencyId, new Date())]);
    const calls = intentCalls().slice(before);
    expect(calls).toHaveLength(1);
    const invoice = await retainerOf(clientId);
    const call = calls[0]!;
    expect(call.idempotencyKey).toBe(`autopay_${invoice.id}_1`);
    expect(call.form.get("off_session")).toBe("true");
    expect(call.form.get("confirm")).toBe("true");
    expect(call.form.get("amount")).toBe("75000");
    expect(call.form.get("currency")).toBe("eur");
    expect(call.form.get("customer")).toMatch(/^cus_/);
    expect(call.form.get("payment_method")).toMatch(/^pm_/);
    const paid = (await world.owner.get(`/invoices/${invoice.id}`)).body;
    expect(paid).toMatchObject({ status: "paid", amountPaid: 75_000, balance: 0 });
    expect(paid.payments).toEqual([expect.objectContaining({ amount: 75_000, method: "card", reference: expect.stringMatching(/^pi_/) })]);
    // Stripe's own event for the same intent: the same payment, not a second.
    const intentId = paid.payments[0].reference;
    const event = await stripe.deliver("payment_intent.succeeded", { id: intentId, object: "payment_intent", status: "succeeded", amount: 75_000, amount_received: 75_000, currency: "eur", metadata: { agencyId, invoiceId: invoice.id, autopay: "1" } });
    expect(event.body.outcome).toBe("duplicate");
    expect((await world.owner.get(`/invoices/${invoice.id}`)).body.payments).toHaveLength(1);
    await waitForEmail(email, (e) => e.subject.includes("Receipt"));
  });

  it("leaves alone a client without autopay, and invoices that aren't retainers", async () => {
    const { clientId, contact } = await retainerClient();
    await saveCard(contact);
    const standard = await world.owner.post("/invoices", { clientId, includeTime: false, lines: [{ kind: "custom", description: "Work", quantity: 1, unitAmount: 1000 }] });
    const sent = await world.owner.post(`/invoices/${standard.body.id}/send`, { version: standard.body.version });
    expect(sent.status).toBe(200);
    const before = intentCalls().length;
    await runAgencyJobs(agencyId, new Date());
    expect(intentCalls().length).toBe(before);
    expect((await retainerOf(clientId)).status).toBe("sent");
    // Autopay turned on afterwards charges neither that retainer invoice (issued before) nor the standard one.
    await autopayOn(contact);
    await runAgencyJobs(agencyId, new Date());
    expect(intentCalls().length).toBe(before);
  });

  it("on a declined card: nothing recorded, the client is emailed the pay link and the owner is told; never retried by the next run", async () => {
    const { clientId, contact, email } = await retainerClient();
    await saveCard(contact, "declined");
    await autopayOn(contact);
    const before = intentCalls().length;
    await runAgencyJobs(agencyId, new Date());
    await runAgencyJobs(agencyId, new Date());
    expect(intentCalls().length).toBe(before + 1);
    const invoice = await retainerOf(clientId);
    expect(invoice).toMatchObject({ status: "sent", amountPaid: 0 });
    const mail = await waitForEmail(email, (e) => e.subject.startsWith("Your card was not charged"));
    expect(mail.body.text).toContain(`/invoices/${invoice.id}`);
    const owners = await waitForEmail(world.agency.ownerEmail, (e) => e.subject === `Autopay failed: invoice ${invoice.number}`);
    expect(owners.body.text).toContain(`/invoices/${invoice.id}`);
  });

  it("when the bank asks for authentication: the client is asked to pay by the link, the owner is told", async () => {
    const { clientId, contact, email } = await retainerClient();
    await saveCard(contact, "authentication");
    await autopayOn(contact);
    await runAgencyJobs(agencyId, new Date());
    const invoice = await retainerOf(clientId);
    expect(invoice.status).toBe("sent");
    const mail = await waitForEmail(email, (e) => e.subject.startsWith("Please confirm your payment"));
    expect(mail.body.text).toContain(`/invoices/${invoice.id}`);
    await waitForEmail(world.agency.ownerEmail, (e) => e.subject === `Autopay failed: invoice ${invoice.number}`);
  });

  it("a card removed while its charge is in flight: the charge Stripe already has is recorded, and no later invoice is charged", async () => {
    const { clientId, contact } = await retainerClient(30_000);
    await saveCard(contact);
    await autopayOn(contact);
    let removal: Promise<unknown> | undefined;
    stripe.state.intentDelayMs = 300;
    stripe.state.onIntent = () => {
      removal = contact.delete("/portal/card");
    };
    try {
      await runAgencyJobs(agencyId, new Date());
    } finally {
      stripe.state.intentDelayMs = 0;
      stripe.state.onIntent = null;
    }
    expect(((await removal) as { status: number }).status).toBe(200);
    const invoice = await retainerOf(clientId);
    expect((await world.owner.get(`/invoices/${invoice.id}`)).body).toMatchObject({ status: "paid", amountPaid: 30_000 });
    expect((await contact.get("/portal/card")).body).toMatchObject({ card: null, autopay: false });
    // A later invoice for this client finds no card: not charged.
    const before = intentCalls().length;
    const draft = await world.owner.post("/invoices", { clientId, includeTime: false, lines: [{ kind: "custom", description: "More", quantity: 1, unitAmount: 1000 }] });
    await world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version });
    await runAgencyJobs(agencyId, new Date());
    expect(intentCalls().length).toBe(before);
  });
});

describe("every invoice Baton issues by itself", () => {
  it("charges the retainer invoice with last month's overage on it, fee and overage together, once", async () => {
    const { clientId, contact } = await retainerClient(40_000);
    // 11 hours logged by the owner last month (Athens time), one beyond the 10 included, at 60.00 an hour.
    const submitted = await world.owner.post("/requests", { clientId, title: "Monthly books", description: "Reconcile the month.", service: "Bookkeeping" });
    expect(submitted.status).toBe(201);
    const accepted = await world.owner.post(`/requests/${submitted.body.id}/accept`, {
      version: submitted.body.version,
      tasks: [{ title: "Reconcile", estimateHours: 2, dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), skills: [] }],
    });
    expect(accepted.status).toBe(200);
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10, 9));
    for (const offset of [0, 1]) {
      const logged = await world.owner.post("/time", { taskId: accepted.body.tasks[0].id, startedAt: new Date(lastMonth.getTime() + offset * 86_400_000).toISOString(), minutes: 330 });
      expect(logged.status).toBe(201);
    }
    await saveCard(contact);
    await autopayOn(contact);
    const before = intentCalls().length;
    await Promise.all([runAgencyJobs(agencyId, now), runAgencyJobs(agencyId, now)]);
    const invoice = await retainerOf(clientId);
    expect(invoice.lines).toEqual([expect.objectContaining({ kind: "retainer", amount: 40_000 }), expect.objectContaining({ kind: "overage", quantity: 60, amount: 6000 })]);
    const calls = intentCalls().slice(before);
    expect(calls.map((call) => [call.form.get("amount"), call.idempotencyKey])).toEqual([["46000", `autopay_${invoice.id}_1`]]);
    expect((await world.owner.get(`/invoices/${invoice.id}`)).body).toMatchObject({ status: "paid", amountPaid: 46_000 });
  });

  it("a charge Stripe is still processing: its signed success event pays the invoice once", async () => {
    const { clientId, contact } = await retainerClient(12_000);
    await saveCard(contact, "processing");
    await autopayOn(contact);
    await runAgencyJobs(agencyId, new Date());
    const invoice = await retainerOf(clientId);
    expect(invoice).toMatchObject({ status: "sent", amountPaid: 0 });
    const intentId = (await world.owner.post(`/clients/${clientId}/export`)).body.card.charges[0].paymentIntentId as string;
    const succeeded = { id: intentId, object: "payment_intent", status: "succeeded", amount: 12_000, amount_received: 12_000, currency: "eur", metadata: { agencyId, invoiceId: invoice.id, autopay: "1" } };
    expect((await stripe.deliver("payment_intent.succeeded", succeeded)).body.outcome).toBe("recorded");
    expect((await stripe.deliver("payment_intent.succeeded", succeeded)).body.outcome).toBe("duplicate");
    expect((await world.owner.get(`/invoices/${invoice.id}`)).body).toMatchObject({ status: "paid", amountPaid: 12_000, payments: [expect.objectContaining({ reference: intentId })] });
    // A later run does not charge it again.
    const before = intentCalls().length;
    await runAgencyJobs(agencyId, new Date());
    expect(intentCalls().length).toBe(before);
  });

  it("a processing charge that then fails: Stripe's signed event emails the client the pay link and tells the owner, once", async () => {
    const { clientId, contact, email } = await retainerClient(13_000);
    await saveCard(contact, "processing");
    await autopayOn(contact);
    await runAgencyJobs(agencyId, new Date());
    const invoice = await retainerOf(clientId);
    const charge = (await world.owner.post(`/clients/${clientId}/export`)).body.card.charges[0];
    expect(charge).toMatchObject({ status: "charging", invoiceId: invoice.id });
    const failed = { id: charge.paymentIntentId, object: "payment_intent", status: "requires_payment_method", amount: 13_000, currency: "eur", last_payment_error: { code: "authentication_required" }, metadata: { agencyId, invoiceId: invoice.id, autopay: "1" } };
    // Unsigned: refused, nothing changes.
    const forged = await fetch(stripe.state.webhookUrl, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=bad" }, body: JSON.stringify({ id: "evt_forged", type: "payment_intent.payment_failed", data: { object: failed } }) });
    expect(forged.status).toBe(400);
    expect((await stripe.deliver("payment_intent.payment_failed", failed)).body.outcome).toBe("failed");
    expect((await stripe.deliver("payment_intent.payment_failed", failed)).body.outcome).toBe("duplicate");
    const mail = await waitForEmail(email, (e) => e.subject.startsWith("Please confirm your payment"));
    expect(mail.body.text).toContain(`/invoices/${invoice.id}`);
    await waitForEmail(world.agency.ownerEmail, (e) => e.subject === `Autopay failed: invoice ${invoice.number}`);
    const exported = (await world.owner.post(`/clients/${clientId}/export`)).body.card.charges[0];
    expect(exported).toMatchObject({ status: "failed", failure: "authentication_required" });
    expect((await world.owner.get(`/invoices/${invoice.id}`)).body).toMatchObject({ status: "sent", amountPaid: 0 });
  });
});

describe("a client's data", () => {
  it("exports the card on file and its charges; the erase removes the card, at Stripe too, and keeps the charges with the paid invoice", async () => {
    const { clientId, contact } = await retainerClient(20_000);
    await saveCard(contact, "visa");
    await autopayOn(contact);
    await runAgencyJobs(agencyId, new Date());
    const invoice = await retainerOf(clientId);
    expect((await world.owner.get(`/invoices/${invoice.id}`)).body.status).toBe("paid");

    const exported = await world.owner.post(`/clients/${clientId}/export`);
    expect(exported.status).toBe(200);
    expect(exported.body.card.savedCard).toMatchObject({ clientId, last4: "4242", autopay: true });
    expect(exported.body.card.charges).toEqual([expect.objectContaining({ invoiceId: invoice.id, status: "succeeded", amount: 20_000 })]);
    const paymentMethod = exported.body.card.savedCard.paymentMethodId as string;

    const { code } = (await world.owner.get(`/clients/${clientId}`)).body;
    const erased = await world.owner.post(`/clients/${clientId}/erase`, { code });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect(erased.body.deleted.card).toBe(1);
    expect(stripe.calls.some((call) => call.path === `/v1/payment_methods/${paymentMethod}/detach`)).toBe(true);
    const after = await world.owner.get(`/clients/${clientId}/card`);
    expect(after.body).toMatchObject({ card: null, autopay: false });
    const kept = await world.owner.post(`/clients/${clientId}/export`);
    expect(kept.body.card).toEqual({ savedCard: null, charges: [expect.objectContaining({ invoiceId: invoice.id, status: "succeeded" })] });
  });
});

describe("refunding a card payment recorded from a Checkout session id", () => {
  it("asks Stripe for the session's PaymentIntent and refunds that", async () => {
    const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "Work", quantity: 1, unitAmount: 4000 }] });
    const sent = await world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version });
    const checkout = await world.contact.post(`/invoices/${draft.body.id}/checkout`);
    const sessionId = checkout.body.url.split("/").at(-1)!;
    const session = stripe.sessions.get(sessionId)!;
    // Stripe's event named no intent (it can come later): the payment keeps the session's id.
    const hook = await stripe.deliver("checkout.session.completed", { object: "checkout.session", ...session, payment_intent: null, payment_status: "paid", amount_total: 4000, currency: "usd" });
    expect(hook.body.outcome).toBe("recorded");
    const paid = (await world.owner.get(`/invoices/${sent.body.id}`)).body;
    expect(paid.payments[0].reference).toBe(sessionId);
    // A credit note leaves money owed back.
    const note = await world.owner.post(`/invoices/${sent.body.id}/credit-notes`, { version: paid.version, amount: 1000, reason: "Discount" });
    expect(note.status).toBe(201);
    session.payment_intent = "pi_from_session";
    const current = (await world.owner.get(`/invoices/${sent.body.id}`)).body;
    const refund = await world.owner.post(`/invoices/${sent.body.id}/refunds`, { version: current.version, amount: 1000, method: "card" });
    expect(refund.status).toBe(201);
    expect(stripe.calls.some((c) => c.method === "GET" && c.path === `/v1/checkout/sessions/${sessionId}`)).toBe(true);
    const made = stripe.calls.filter((c) => c.path === "/v1/refunds").at(-1)!;
    expect(made.form.get("payment_intent")).toBe("pi_from_session");
    expect(made.form.get("amount")).toBe("1000");
  });
});

describe("without Stripe", () => {
  it("says cards are off and changes nothing", async () => {
    const saved = { ...process.env };
    delete process.env.STRIPE_SECRET_KEY;
    try {
      expect((await world.contact.get("/portal/card")).body).toEqual({ enabled: false, card: null, autopay: false, version: 0 });
      expect((await world.owner.get(`/clients/${world.ids.client}/card`)).body.enabled).toBe(false);
      expect((await world.contact.post("/portal/card/setup")).status).toBe(422);
      expect((await world.contact.delete("/portal/card")).status).toBe(200);
    } finally {
      process.env.STRIPE_SECRET_KEY = saved.STRIPE_SECRET_KEY;
    }
  });
});
