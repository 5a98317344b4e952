import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, startApi, waitForEmail, type Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// Card payments through the real `stripe` SDK: its outgoing calls go to a fake Stripe inside
// this test (which records what was sent), and webhooks arrive signed the way Stripe signs them.

const secret = "whsec_test_baton_0123456789abcdef";
let api: Started;
let world: World;
let fakeStripe: Server;
const received: { path: string; form: URLSearchParams; authorization: string | undefined }[] = [];

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => resolve(body));
  });
}

beforeAll(async () => {
  fakeStripe = createServer(async (request, response) => {
    const form = new URLSearchParams(await readBody(request));
    received.push({ path: request.url ?? "", form, authorization: request.headers.authorization });
    response.setHeader("content-type", "application/json");
    if (request.method === "POST" && request.url === "/v1/checkout/sessions") {
      const id = `cs_test_${received.length}`;
      response.end(JSON.stringify({ id, object: "checkout.session", url: `https://checkout.stripe.test/pay/${id}`, payment_status: "unpaid" }));
      return;
    }
    response.statusCode = 404;
    response.end(JSON.stringify({ error: { type: "invalid_request_error", message: "Unknown fake route" } }));
  });
  await new Promise<void>((resolve) => fakeStripe.listen(0, "127.0.0.1", resolve));
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: "sk_test_baton",
    STRIPE_WEBHOOK_SECRET: secret,
    STRIPE_API_BASE: `http://127.0.0.1:${(fakeStripe.address() as AddressInfo).port}`,
  });
  api = await startApi();
  world = await createWorld(api, "Card Agency");
});

afterAll(async () => {
  await api?.close();
  await new Promise((resolve) => fakeStripe.close(resolve));
});

/** A sent invoice of `total` minor units (no tax) for the world's client. */
async function sentInvoice(unitAmount: number, clientId = world.ids.client) {
  const draft = await world.owner.post("/invoices", { clientId, includeTime: false, lines: [{ kind: "custom", description: "Work", quantity: 1, unitAmount }] });
  expect(draft.status).toBe(201);
  const sent = await world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version });
  expect(sent.status).toBe(200);
  return sent.body;
}

/** A checkout.session.completed event as Stripe would send it, with its signature header. */
function completedEvent(input: { eventId: string; sessionId: string; agencyId: string; invoiceId: string; amount: number; currency: string }) {
  const payload = JSON.stringify({
    id: input.eventId,
    object: "event",
    type: "checkout.session.completed",
    data: {
      object: {
        id: input.sessionId,
        object: "checkout.session",
        payment_status: "paid",
        amount_total: input.amount,
        currency: input.currency,
        payment_intent: `pi_${input.sessionId}`,
        metadata: { agencyId: input.agencyId, invoiceId: input.invoiceId },
      },
    },
  });
  const header = new Stripe("sk_test_baton").webhooks.generateTestHeaderString({ payload, secret });
  return { payload, header };
}

const webhook = (payload: string, signature?: string) =>
  new ApiClient(api.baseUrl, null).request("POST", "/webhooks/stripe", payload, { "content-type": "application/json", ...(signature ? { "stripe-signature": signature } : {}) });

describe("Stripe Checkout", () => {
  it("asks Stripe for a session in the invoice's currency for what is owed, with the invoice in its metadata", async () => {
    const invoice = await sentInvoice(12345);
    const detail = await world.contact.get(`/invoices/${invoice.id}`);
    expect(detail.body.cardPayments).toBe(true);
    const before = received.length;
    const checkout = await world.contact.post(`/invoices/${invoice.id}/checkout`);
    expect(checkout.status).toBe(200);
    expect(checkout.body.url).toMatch(/^https:\/\/checkout\.stripe\.test\/pay\/cs_test_/);
    const call = received[before]!;
    expect(call.path).toBe("/v1/checkout/sessions");
    expect(call.authorization).toBe("Bearer sk_test_baton");
    expect(call.form.get("mode")).toBe("payment");
    expect(call.form.get("line_items[0][price_data][currency]")).toBe("usd");
    expect(call.form.get("line_items[0][price_data][unit_amount]")).toBe("12345");
    expect(call.form.get("line_items[0][quantity]")).toBe("1");
    expect(call.form.get("metadata[invoiceId]")).toBe(invoice.id);
    expect(call.form.get("metadata[number]")).toBe(invoice.number);
    expect(call.form.get("metadata[agencyId]")).toMatch(/^agy_/);
    expect(call.form.get("success_url")).toContain(`/portal/invoices/${invoice.id}`);
  });

  it("sends yen as whole yen: JPY has no minor unit", async () => {
    const tokyo = await world.owner.post("/clients", { name: "Tokyo KK", code: `TY${Date.now() % 100000}`, timeZone: "Asia/Tokyo", currency: "JPY" });
    const invoice = await sentInvoice(48000, tokyo.body.id);
    const before = received.length;
    const checkout = await world.owner.post(`/invoices/${invoice.id}/checkout`);
    expect(checkout.status).toBe(200);
    expect(received[before]!.form.get("line_items[0][price_data][currency]")).toBe("jpy");
    expect(received[before]!.form.get("line_items[0][price_data][unit_amount]")).toBe("48000");
  });

  it("refuses checkout when nothing is owed, and to other people's invoices", async () => {
    const invoice = await sentInvoice(500);
    await world.owner.post(`/invoices/${invoice.id}/payments`, { amount: 500, method: "bank_transfer" });
    const paid = await world.contact.post(`/invoices/${invoice.id}/checkout`);
    expect(paid.status).toBe(422);
    expect(paid.body.error.code).toBe("card.nothing_due");
    expect((await world.sub.post(`/invoices/${invoice.id}/checkout`)).status).toBe(403);
  });
});

describe("Stripe webhook", () => {
  it("rejects a missing or tampered signature with 400 and records nothing", async () => {
    const invoice = await sentInvoice(2000);
    const agencyId = received.at(-1)?.form.get("metadata[agencyId]") ?? (await world.owner.get("/agency")).body.id;
    const event = completedEvent({ eventId: "evt_tampered", sessionId: "cs_tampered", agencyId, invoiceId: invoice.id, amount: 2000, currency: "usd" });
    const tampered = event.payload.replace('"amount_total":2000', '"amount_total":1');
    const bad = await webhook(tampered, event.header);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("webhook.signature");
    expect((await webhook(event.payload)).status).toBe(400);
    expect((await webhook(event.payload, "t=1,v1=deadbeef")).status).toBe(400);
    const after = await world.owner.get(`/invoices/${invoice.id}`);
    expect(after.body).toMatchObject({ status: "sent", amountPaid: 0, payments: [] });
  });

  it("records a payment once when the same event arrives 10 times at once, and when it is replayed later", async () => {
    const invoice = await sentInvoice(9900);
    const agencyId = (await world.owner.get("/agency")).body.id;
    const event = completedEvent({ eventId: "evt_storm", sessionId: "cs_storm", agencyId, invoiceId: invoice.id, amount: 9900, currency: "usd" });
    const replies = await Promise.all(Array.from({ length: 10 }, () => webhook(event.payload, event.header)));
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(replies.filter((r) => r.body.outcome === "recorded")).toHaveLength(1);
    expect(replies.filter((r) => r.body.outcome === "duplicate")).toHaveLength(9);
    // The same payment in another event (Stripe may send the async success too): still once.
    const again = completedEvent({ eventId: "evt_storm_again", sessionId: "cs_storm", agencyId, invoiceId: invoice.id, amount: 9900, currency: "usd" });
    expect((await webhook(again.payload, again.header)).body.outcome).toBe("duplicate");
    const after = await world.owner.get(`/invoices/${invoice.id}`);
    expect(after.body).toMatchObject({ status: "paid", amountPaid: 9900, balance: 0 });
    expect(after.body.payments).toEqual([expect.objectContaining({ amount: 9900, method: "card", reference: "pi_cs_storm" })]);
  });

  it("ignores events it does not handle", async () => {
    const payload = JSON.stringify({ id: "evt_other", object: "event", type: "customer.created", data: { object: { id: "cus_1", object: "customer" } } });
    const header = new Stripe("sk_test_baton").webhooks.generateTestHeaderString({ payload, secret });
    const reply = await webhook(payload, header);
    expect(reply.status).toBe(200);
    expect(reply.body.outcome).toBe("ignored");
  });
});

describe("a card payment on an invoice voided during checkout (finding 2)", () => {
  /** A sent invoice the client starts paying by card, then the owner voids; Stripe then says it was paid. */
  async function paidAfterVoid(amount: number, session: string) {
    const invoice = await sentInvoice(amount);
    expect((await world.contact.post(`/invoices/${invoice.id}/checkout`)).status).toBe(200);
    expect((await world.owner.post(`/invoices/${invoice.id}/void`, { version: invoice.version })).status).toBe(200);
    const agencyId = (await world.owner.get("/agency")).body.id;
    const event = completedEvent({ eventId: `evt_${session}`, sessionId: session, agencyId, invoiceId: invoice.id, amount, currency: "usd" });
    return { invoice, event };
  }

  it("records the money (200, once) as a credit on the void invoice, tells the owner, and leaves the invoice void", async () => {
    const { invoice, event } = await paidAfterVoid(5_000, "cs_voided");
    const first = await webhook(event.payload, event.header);
    expect(first.status).toBe(200);
    expect(first.body.outcome).toBe("recorded");
    // Stripe retries: never a second credit.
    expect((await webhook(event.payload, event.header)).body.outcome).toBe("duplicate");
    const after = (await world.owner.get(`/invoices/${invoice.id}`)).body;
    expect(after).toMatchObject({ status: "void", amountPaid: 0, creditOpen: 5_000 });
    expect(after.payments).toEqual([expect.objectContaining({ amount: 5_000, method: "card", credit: expect.objectContaining({ status: "open" }) })]);
    const credits = (await world.owner.get(`/clients/${world.ids.client}/credits`)).body.items;
    expect(credits).toEqual(expect.arrayContaining([expect.objectContaining({ invoiceId: invoice.id, amount: 5_000 })]));
    const mail = await waitForEmail(world.agency.ownerEmail, (e) => e.subject.startsWith("Paid after voiding"));
    expect(mail.body.text).toContain("$50.00");
  });

  it("lets the owner apply the credit to another unpaid invoice of the client: paid there, closed here", async () => {
    const { invoice, event } = await paidAfterVoid(3_000, "cs_apply");
    await webhook(event.payload, event.header);
    const paymentId = (await world.owner.get(`/invoices/${invoice.id}`)).body.payments[0].id;
    const target = await sentInvoice(3_000);
    const tooSmall = await sentInvoice(1_000);
    const refused = await world.owner.post(`/invoices/${invoice.id}/credits/${paymentId}/apply`, { invoiceId: tooSmall.id });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.invoiceId).toMatch(/owes less/);
    const applied = await world.owner.post(`/invoices/${invoice.id}/credits/${paymentId}/apply`, { invoiceId: target.id });
    expect(applied.status).toBe(200);
    // The answer is the void invoice as its GET shows it, the credit among its payments.
    expect(applied.body).toMatchObject({ id: invoice.id, creditOpen: 0 });
    expect(applied.body.payments.find((p: { id: string }) => p.id === paymentId).credit).toMatchObject({ status: "applied", appliedTo: target.id });
    expect((await world.owner.get(`/invoices/${target.id}`)).body).toMatchObject({ status: "paid", amountPaid: 3_000 });
    expect((await world.owner.get(`/invoices/${invoice.id}`)).body.creditOpen).toBe(0);
    const again = await world.owner.post(`/invoices/${invoice.id}/credits/${paymentId}/apply`, { invoiceId: target.id });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe("credit.settled");
  });

  it("lets the owner mark the credit refunded, with the refund's reference; only the owner", async () => {
    const { invoice, event } = await paidAfterVoid(2_000, "cs_refund");
    await webhook(event.payload, event.header);
    const paymentId = (await world.owner.get(`/invoices/${invoice.id}`)).body.payments[0].id;
    expect((await world.contact.post(`/invoices/${invoice.id}/credits/${paymentId}/refund`, {})).status).toBe(403);
    const refunded = await world.owner.post(`/invoices/${invoice.id}/credits/${paymentId}/refund`, { reference: "re_123" });
    expect(refunded.status).toBe(200);
    expect(refunded.body.payments.find((p: { id: string }) => p.id === paymentId).credit).toMatchObject({ status: "refunded", refundReference: "re_123" });
    const credits = (await world.owner.get(`/clients/${world.ids.client}/credits`)).body.items;
    expect(credits.map((c: { id: string }) => c.id)).not.toContain(paymentId);
  });
});
