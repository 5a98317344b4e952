import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

// A fake Stripe at the HTTP level, for the real `stripe` SDK (STRIPE_API_BASE points it here):
// customers, Checkout sessions (payment and setup mode) with a hosted page a browser can use,
// setup intents, payment methods (saved, retrieved, detached), off-session PaymentIntents whose
// outcome follows the card (succeeds, declined, authentication_required; a repeated idempotency
// key answers the first answer, as Stripe does) and refunds. Webhooks are signed with the real
// SDK's test header, so the API verifies them as it verifies Stripe's.

export const WEBHOOK_SECRET = "whsec_test_baton_0123456789abcdef";
export type TestCard = "visa" | "declined" | "authentication" | "processing";

const cards: Record<TestCard, { brand: string; last4: string; outcome: "succeeded" | "card_declined" | "authentication_required" | "processing" }> = {
  visa: { brand: "visa", last4: "4242", outcome: "succeeded" },
  // A charge Stripe answers as still processing: its outcome comes later, as a signed event.
  processing: { brand: "visa", last4: "1111", outcome: "processing" },
  declined: { brand: "visa", last4: "0002", outcome: "card_declined" },
  authentication: { brand: "mastercard", last4: "3184", outcome: "authentication_required" },
};

type Call = { method: string; path: string; form: URLSearchParams; idempotencyKey: string | undefined };
type Session = { id: string; mode: string; customer: string | null; metadata: Record<string, string>; success_url: string; cancel_url: string; amount_total: number | null; currency: string | null; payment_intent: string | null; setup_intent: string | null };

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => resolve(body));
  });
}

const metadataOf = (form: URLSearchParams, prefix = "metadata") => {
  const out: Record<string, string> = {};
  for (const [key, value] of form) {
    const match = key.match(new RegExp(`^${prefix}\\[(\\w+)\\]$`));
    if (match) out[match[1]!] = value;
  }
  return out;
};

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;

export async function startFakeStripe() {
  const calls: Call[] = [];
  const sessions = new Map<string, Session>();
  const setupIntents = new Map<string, { id: string; payment_method: string }>();
  const methods = new Map<string, { id: string; card: TestCard; customer: string | null }>();
  const idempotent = new Map<string, { status: number; body: unknown }>();
  let counter = 0;
  const state = {
    /** Where signed webhooks go (the API's /api/webhooks/stripe). */
    webhookUrl: "",
    /** Milliseconds a PaymentIntent's answer waits (a charge in flight). */
    intentDelayMs: 0,
    /** Called when a PaymentIntent request arrives, before it is answered. */
    onIntent: null as null | (() => void),
  };
  const next = (prefix: string) => `${prefix}_fake_${++counter}`;

  async function handle(method: string, path: string, form: URLSearchParams, key: string | undefined): Promise<{ status: number; body: unknown } | { html: string } | { redirect: string }> {
    if (method === "POST" && path === "/v1/customers") return { status: 200, body: { id: next("cus"), object: "customer", metadata: metadataOf(form) } };
    if (method === "POST" && path === "/v1/checkout/sessions") {
      const id = next(form.get("mode") === "setup" ? "cs_test_setup" : "cs_test");
      const session: Session = {
        id,
        mode: form.get("mode") ?? "payment",
        customer: form.get("customer"),
        metadata: metadataOf(form),
        success_url: form.get("success_url") ?? "",
        cancel_url: form.get("cancel_url") ?? "",
        amount_total: form.get("line_items[0][price_data][unit_amount]") ? Number(form.get("line_items[0][price_data][unit_amount]")) : null,
        currency: form.get("line_items[0][price_data][currency]") ?? form.get("currency"),
        payment_intent: null,
        setup_intent: null,
      };
      sessions.set(id, session);
      return { status: 200, body: { id, object: "checkout.session", mode: session.mode, url: `${base()}/pay/${id}`, payment_status: "unpaid" } };
    }
    let match = path.match(/^\/v1\/checkout\/sessions\/(\w+)$/);
    if (method === "GET" && match) {
      const session = sessions.get(match[1]!);
      return session ? { status: 200, body: { object: "checkout.session", ...session } } : missing("checkout session");
    }
    match = path.match(/^\/v1\/setup_intents\/(\w+)$/);
    if (method === "GET" && match) {
      const intent = setupIntents.get(match[1]!);
      return intent ? { status: 200, body: { object: "setup_intent", status: "succeeded", ...intent } } : missing("setup intent");
    }
    match = path.match(/^\/v1\/payment_methods\/(\w+)$/);
    if (method === "GET" && match) {
      const pm = methods.get(match[1]!);
      if (!pm) return missing("payment method");
      const card = cards[pm.card];
      return { status: 200, body: { id: pm.id, object: "payment_method", type: "card", customer: pm.customer, card: { brand: card.brand, last4: card.last4, exp_month: 12, exp_year: 2030 } } };
    }
    match = path.match(/^\/v1\/payment_methods\/(\w+)\/detach$/);
    if (method === "POST" && match) {
      const pm = methods.get(match[1]!);
      if (!pm) return missing("payment method");
      pm.customer = null;
      return { status: 200, body: { id: pm.id, object: "payment_method", customer: null } };
    }
    if (method === "POST" && path === "/v1/payment_intents") {
      if (key && idempotent.has(key)) return idempotent.get(key)!;
      state.onIntent?.();
      if (state.intentDelayMs) await new Promise((resolve) => setTimeout(resolve, state.intentDelayMs));
      const pm = methods.get(form.get("payment_method") ?? "");
      const id = next("pi");
      const base = { id, object: "payment_intent", amount: Number(form.get("amount")), currency: form.get("currency"), customer: form.get("customer"), metadata: metadataOf(form) };
      let answer: { status: number; body: unknown };
      if (!pm) answer = missing("payment method");
      else if (cards[pm.card].outcome === "succeeded") answer = { status: 200, body: { ...base, status: "succeeded", amount_received: base.amount, payment_method: pm.id } };
      else if (cards[pm.card].outcome === "processing") answer = { status: 200, body: { ...base, status: "processing", amount_received: 0, payment_method: pm.id } };
      else {
        const code = cards[pm.card].outcome;
        const intent = { ...base, status: "requires_payment_method", amount_received: 0, last_payment_error: { code } };
        answer = { status: 402, body: { error: { type: "card_error", code, message: code === "card_declined" ? "Your card was declined." : "This payment requires authentication.", payment_intent: intent } } };
      }
      if (key) idempotent.set(key, answer);
      return answer;
    }
    if (method === "POST" && path === "/v1/refunds") return { status: 200, body: { id: next("re"), object: "refund", amount: Number(form.get("amount")), payment_intent: form.get("payment_intent"), status: "succeeded" } };
    // The hosted page: a browser saves a card or pays here, as on Stripe's Checkout page.
    match = path.match(/^\/pay\/(\w+)$/);
    if (method === "GET" && match) {
      const session = sessions.get(match[1]!);
      if (!session) return missing("checkout session");
      const label = session.mode === "setup" ? "Save card" : "Pay";
      return {
        html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake Stripe Checkout</title></head><body style="font-family:sans-serif;max-width:28rem;margin:3rem auto">
<h1>Fake Stripe Checkout</h1><form method="post" action="/pay/${session.id}/complete">
<label>Card <select name="card"><option value="visa">4242 4242 4242 4242</option><option value="declined">4000 0000 0000 0002 (declined)</option><option value="authentication">4000 0027 6000 3184 (3-D Secure)</option></select></label>
<p><button type="submit">${label}</button></p></form></body></html>`,
      };
    }
    match = path.match(/^\/pay\/(\w+)\/complete$/);
    if (method === "POST" && match) {
      const session = sessions.get(match[1]!);
      if (!session) return missing("checkout session");
      await complete(session.id, (form.get("card") as TestCard) ?? "visa");
      return { redirect: session.success_url };
    }
    return { status: 404, body: { error: { type: "invalid_request_error", message: `Unknown fake route ${method} ${path}` } } };
  }

  const missing = (what: string) => ({ status: 404, body: { error: { type: "invalid_request_error", code: "resource_missing", message: `No such ${what}` } } });

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://fake");
    const form = new URLSearchParams(await readBody(request));
    const key = request.headers["idempotency-key"] as string | undefined;
    calls.push({ method: request.method ?? "GET", path: url.pathname, form, idempotencyKey: key });
    const answer = await handle(request.method ?? "GET", url.pathname, form, key);
    if ("html" in answer) {
      response.setHeader("content-type", "text/html; charset=utf-8");
      response.end(answer.html);
    } else if ("redirect" in answer) {
      response.statusCode = 303;
      response.setHeader("location", answer.redirect);
      response.end();
    } else {
      response.statusCode = answer.status;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(answer.body));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** Sends `event` to the API signed as Stripe signs it; answers the API's reply. */
  async function deliver(type: string, object: unknown, eventId = next("evt")) {
    const payload = JSON.stringify({ id: eventId, object: "event", type, data: { object } });
    const header = new Stripe("sk_test_baton").webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    const reply = await fetch(state.webhookUrl, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": header }, body: payload });
    return { status: reply.status, body: (await reply.json()) as { outcome?: string; error?: { code: string } } };
  }

  /** The person finishes Checkout with `card`: a setup session saves it (a payment session is paid); Stripe's signed event follows. */
  async function complete(sessionId: string, card: TestCard = "visa") {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`no fake session ${sessionId}`);
    if (session.mode === "setup") {
      const pm = { id: next("pm"), card, customer: session.customer };
      methods.set(pm.id, pm);
      const intent = { id: next("seti"), payment_method: pm.id };
      setupIntents.set(intent.id, intent);
      session.setup_intent = intent.id;
      return deliver("checkout.session.completed", { object: "checkout.session", ...session, status: "complete", payment_status: "no_payment_required" });
    }
    session.payment_intent = next("pi");
    return deliver("checkout.session.completed", { object: "checkout.session", ...session, status: "complete", payment_status: "paid" });
  }

  return {
    url: base(),
    calls,
    sessions,
    methods,
    state,
    complete,
    deliver,
    /** The env the API reads to use this fake. */
    env: () => ({ STRIPE_SECRET_KEY: "sk_test_baton", STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_BASE: base() }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
