import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deferred } from "@baton/core/deferred";
import { ApiClient, startApi, waitForEmail, type Started } from "../support/http.ts";
import { uniqueEmail } from "../support/fixtures.ts";
import { createWorld, type World } from "../support/world.ts";

// Paid, then credited: what the client paid beyond what the invoice came to after its credit
// notes is owed back ("to refund"), and the owner records refunds of it — to the card through the
// real Stripe SDK (against a fake Stripe in this test, which records what it was asked) or by bank
// transfer with a reference. A refund never exceeds what is owed back, the balance never goes
// below 0, two refunds at once: one wins (409), and the billing contact gets a receipt.

const secret = "whsec_test_baton_refunds_0123456789";
let api: Started;
let world: World;
let fakeStripe: Server;
const billingEmail = uniqueEmail("rfbilling");
const refunds: { form: URLSearchParams; idempotencyKey: string | undefined }[] = [];

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
    response.setHeader("content-type", "application/json");
    if (request.method === "POST" && request.url === "/v1/refunds") {
      // An amount of 4242 is one Stripe refuses, as it does a refund of a disputed charge.
      if (form.get("amount") === "4242") {
        response.statusCode = 400;
        response.end(JSON.stringify({ error: { type: "invalid_request_error", code: "charge_disputed", message: "The charge is disputed." } }));
        return;
      }
      refunds.push({ form, idempotencyKey: request.headers["idempotency-key"] as string | undefined });
      response.end(JSON.stringify({ id: `re_test_${refunds.length}`, object: "refund", amount: Number(form.get("amount")), status: "succeeded", payment_intent: form.get("payment_intent") }));
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
  world = await createWorld(api, "Refund Agency");
  const client = await world.owner.get(`/clients/${world.ids.client}`);
  const saved = await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, invoiceTo: { name: "Acme Corp Ltd", emails: [billingEmail] } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
});

afterAll(async () => {
  await api?.close();
  await new Promise((resolve) => fakeStripe.close(resolve));
});

async function sent(unitAmount: number) {
  const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "Work", quantity: 1, unitAmount }] });
  expect(draft.status).toBe(201);
  const reply = await world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version });
  expect(reply.status).toBe(200);
  return reply.body;
}

async function paidByBank(unitAmount: number, amount = unitAmount) {
  const invoice = await sent(unitAmount);
  const paid = await world.owner.post(`/invoices/${invoice.id}/payments`, { amount, method: "bank_transfer", reference: "IN-1" });
  expect(paid.status, JSON.stringify(paid.body)).toBe(201);
  return paid.body;
}

/** Pays the invoice in full by card: Stripe's signed webhook of a completed checkout. */
async function paidByCard(unitAmount: number) {
  const invoice = await sent(unitAmount);
  const sessionId = `cs_test_rf_${invoice.id}`;
  const payload = JSON.stringify({
    id: `evt_${invoice.id}`,
    object: "event",
    type: "checkout.session.completed",
    data: { object: { id: sessionId, object: "checkout.session", payment_status: "paid", amount_total: unitAmount, currency: "usd", payment_intent: `pi_${sessionId}`, metadata: { agencyId: (await world.owner.get("/agency")).body.id, invoiceId: invoice.id } } },
  });
  const header = new Stripe("sk_test_baton").webhooks.generateTestHeaderString({ payload, secret });
  const hook = await new ApiClient(api.baseUrl, null).request("POST", "/webhooks/stripe", payload, { "content-type": "application/json", "stripe-signature": header });
  expect(hook.status, JSON.stringify(hook.body)).toBe(200);
  const after = await world.owner.get(`/invoices/${invoice.id}`);
  expect(after.body).toMatchObject({ status: "paid", amountPaid: unitAmount });
  return after.body;
}

const credit = async (invoice: { id: string; version: number }, amount: number) => {
  const reply = await world.owner.post(`/invoices/${invoice.id}/credit-notes`, { version: invoice.version, amount, reason: "Work not needed" });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
};
const refund = (invoice: { id: string; version: number }, body: Record<string, unknown>) => world.owner.post(`/invoices/${invoice.id}/refunds`, { version: invoice.version, ...body });

describe("money owed back after a credit note", () => {
  it("is what a paid invoice was paid beyond its total after credit notes, with the balance at 0", async () => {
    const paid = await paidByBank(10_000);
    expect(paid).toMatchObject({ status: "paid", balance: 0, toRefund: 0, refunded: 0, refunds: [] });
    const credited = await credit(paid, 3_000);
    expect(credited).toMatchObject({ status: "paid", balance: 0, credited: 3_000, toRefund: 3_000 });
    // The client sees it too.
    expect((await world.contact.get(`/invoices/${paid.id}`)).body).toMatchObject({ toRefund: 3_000, balance: 0 });
  });

  it("counts credit beyond what was left unpaid on a part-paid invoice", async () => {
    const part = await paidByBank(10_000, 6_000);
    expect(part).toMatchObject({ status: "partially_paid", balance: 4_000 });
    const credited = await credit(part, 7_000);
    expect(credited).toMatchObject({ status: "paid", balance: 0, toRefund: 3_000 });
  });
});

describe("recording a refund by bank transfer", () => {
  let invoice: any;

  beforeAll(async () => {
    invoice = await credit(await paidByBank(20_000), 5_000);
  });

  it("refunds part with a reference, lists it, and emails the billing contact a receipt", async () => {
    const reply = await refund(invoice, { amount: 2_000, method: "bank_transfer", reference: "RF-778" });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body).toMatchObject({ toRefund: 3_000, refunded: 2_000, balance: 0, status: "paid", version: invoice.version + 1 });
    expect(reply.body.refunds).toEqual([expect.objectContaining({ amount: 2_000, method: "bank_transfer", reference: "RF-778", status: "done" })]);
    invoice = reply.body;
    await Deferred.settled();
    const mail = await waitForEmail(billingEmail, (email) => email.subject.includes("Refund") && email.subject.includes(invoice.number));
    expect(mail.subject).toContain("$20.00");
    expect(mail.body.text ?? mail.body.html).toContain("$30.00");
  });

  it("never refunds more than is owed back, nor by card what no card paid", async () => {
    const over = await refund(invoice, { amount: 3_001, method: "bank_transfer" });
    expect(over.status).toBe(400);
    expect(over.body.error.fields.amount).toContain("30.00 USD");
    const card = await refund(invoice, { amount: 1_000, method: "card" });
    expect(card.status).toBe(400);
    expect(card.body.error.fields).toHaveProperty("method");
    for (const body of [{ amount: 0, method: "other" }, { amount: 100, method: "cheque" }, { amount: 1.5, method: "other" }, { method: "other" }]) {
      const bad = await refund(invoice, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
    expect((await world.owner.get(`/invoices/${invoice.id}`)).body).toMatchObject({ toRefund: 3_000, version: invoice.version });
  });

  it("lets one of two refunds at once through: the other is a 409 with the invoice", async () => {
    const replies = await Promise.all([refund(invoice, { amount: 3_000, method: "other", reference: "A" }), refund(invoice, { amount: 3_000, method: "other", reference: "B" })]);
    expect(replies.map((reply) => reply.status).sort()).toEqual([201, 409]);
    const after = await world.owner.get(`/invoices/${invoice.id}`);
    expect(after.body).toMatchObject({ toRefund: 0, refunded: 5_000, balance: 0 });
    expect(after.body.refunds).toHaveLength(2);
    const none = await refund(after.body, { amount: 1, method: "other" });
    expect(none.status).toBe(422);
    expect(none.body.error.code).toBe("refund.nothing_due");
  });

  it("is the owner's alone, and a draft or an invoice with nothing owed back has none", async () => {
    expect((await world.contact.post(`/invoices/${invoice.id}/refunds`, { version: invoice.version, amount: 100, method: "other" })).status).toBe(403);
    const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "Draft", quantity: 1, unitAmount: 1_000 }] });
    expect((await refund(draft.body, { amount: 100, method: "other" })).body.error.code).toBe("refund.not_refundable");
    const unpaid = await sent(1_000);
    expect((await refund(unpaid, { amount: 100, method: "other" })).body.error.code).toBe("refund.nothing_due");
  });
});

describe("refunding to the card through Stripe", () => {
  it("asks Stripe to refund the card payment's intent, keyed by the refund, and keeps Stripe's refund id", async () => {
    const invoice = await credit(await paidByCard(15_000), 4_000);
    expect(invoice.toRefund).toBe(4_000);
    const before = refunds.length;
    const reply = await refund(invoice, { amount: 4_000, method: "card" });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(refunds).toHaveLength(before + 1);
    const call = refunds.at(-1)!;
    expect(call.form.get("payment_intent")).toBe(`pi_cs_test_rf_${invoice.id}`);
    expect(call.form.get("amount")).toBe("4000");
    expect(call.form.get("metadata[invoiceId]")).toBe(invoice.id);
    expect(call.idempotencyKey).toBe(reply.body.refunds[0].id);
    expect(reply.body).toMatchObject({ toRefund: 0, refunded: 4_000 });
    expect(reply.body.refunds[0]).toMatchObject({ method: "card", status: "done", reference: `re_test_${refunds.length}` });
  });

  it("refunds nothing when Stripe refuses, and says so", async () => {
    const invoice = await credit(await paidByCard(9_000), 4_242);
    const reply = await refund(invoice, { amount: 4_242, method: "card" });
    expect(reply.status).toBe(503);
    expect(reply.body.error.code).toBe("refund.card_failed");
    const after = await world.owner.get(`/invoices/${invoice.id}`);
    expect(after.body).toMatchObject({ toRefund: 4_242, refunded: 0, refunds: [] });
    // The owner can still pay it back by transfer.
    const byBank = await refund(after.body, { amount: 4_242, method: "bank_transfer", reference: "RF-9" });
    expect(byBank.status, JSON.stringify(byBank.body)).toBe(201);
  });
});
