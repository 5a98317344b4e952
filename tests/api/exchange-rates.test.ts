import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Money } from "@baton/core/money";
import { ApiClient, signIn, startApi, type Started } from "../support/http.ts";
import { uniqueEmail } from "../support/fixtures.ts";

// Exchange rates the owner keeps, stamped on invoices and payments, and the money reports in the
// agency's currency. The agency is in USD; Euro Co pays in EUR, London Ltd in GBP, Yen KK in JPY
// (which has no rate kept: its invoice is sent and reported as not converted).

let api: Started;
let owner: ApiClient;
const clients: Record<string, string> = {};
const put = (path: string, body: unknown) => owner.request("PUT", path, body);

async function client(name: string, currency: string) {
  const made = await owner.post("/clients", { name, code: `${name.slice(0, 2).toUpperCase()}${Date.now() % 100000}`, timeZone: "UTC", currency, billing: { hourlyRate: 10000, taxRate: 0, taxName: "Tax" } });
  expect(made.status).toBe(201);
  return made.body.id as string;
}

async function sent(clientId: string, unitAmount: number, extra: Record<string, unknown> = {}) {
  const draft = await owner.post("/invoices", { clientId, includeTime: false, lines: [{ kind: "custom", description: "Work", quantity: 1, unitAmount }] });
  expect(draft.status).toBe(201);
  const reply = await owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version, ...extra });
  expect(reply.status).toBe(200);
  return reply.body;
}

beforeAll(async () => {
  api = await startApi();
  const { Agency } = await import("@baton/core/agency");
  const ownerEmail = uniqueEmail("owner");
  await Agency.create({ name: "Rates Agency", timeZone: "America/New_York", currency: "USD", owner: { email: ownerEmail, name: "Owner Person", timeZone: "America/New_York" } });
  owner = new ApiClient(api.baseUrl);
  await signIn(owner, ownerEmail);
  clients.eur = await client("Euro Co", "EUR");
  clients.gbp = await client("London Ltd", "GBP");
  clients.jpy = await client("Yen KK", "JPY");
  clients.usd = await client("Home Inc", "USD");
});
afterAll(() => api.close());

describe("converting at a kept rate", () => {
  it("rounds half up once, across minor units of different sizes", () => {
    expect(Money.convert(100, "EUR", "USD", "1.0842")).toBe(108); // 108.42 → 108
    expect(Money.convert(50, "EUR", "USD", "1.01")).toBe(51); // 50.5 → 51 (half up)
    expect(Money.convert(-50, "EUR", "USD", "1.01")).toBe(-51); // half away from zero
    expect(Money.convert(12345, "USD", "JPY", "155.5")).toBe(19196); // $123.45 → ¥19,196.475 → ¥19,196
    expect(Money.convert(1000, "JPY", "USD", "0.0064")).toBe(640); // ¥1,000 → $6.40
    expect(Money.convert(1000, "USD", "KWD", "0.3071")).toBe(3071); // $10.00 → 3.071 KWD
    expect(Money.normalizeRate("01.084200")).toBe("1.0842");
  });
});

describe("kept rates", () => {
  it("starts empty in the agency's currency", async () => {
    const reply = await owner.get("/agency/rates");
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ currency: "USD", rates: [] });
  });

  it("keeps, replaces and removes a rate, as an exact decimal string with its date", async () => {
    const kept = await put("/agency/rates", { currency: "eur", rate: "1.1", date: "2026-01-02" });
    expect(kept.status).toBe(200);
    expect(kept.body.rates).toEqual([expect.objectContaining({ currency: "EUR", rate: "1.1", date: "2026-01-02" })]);
    const replaced = await put("/agency/rates", { currency: "EUR", rate: "1.08420" });
    expect(replaced.body.rates).toEqual([expect.objectContaining({ currency: "EUR", rate: "1.0842" })]);
    expect(replaced.body.rates[0].date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await put("/agency/rates", { currency: "CHF", rate: 1.13 });
    const removed = await owner.delete("/agency/rates/CHF");
    expect(removed.status).toBe(200);
    expect(removed.body.rates.map((rate: { currency: string }) => rate.currency)).toEqual(["EUR"]);
    expect((await owner.delete("/agency/rates/CHF")).status).toBe(404);
  });

  it.each([
    [{ currency: "EUR", rate: "0" }, "rate"],
    [{ currency: "EUR", rate: "-1.2" }, "rate"],
    [{ currency: "EUR", rate: "abc" }, "rate"],
    [{ currency: "EUR", rate: "2000000" }, "rate"],
    [{ currency: "EUR", rate: "0.0000001" }, "rate"],
    [{ currency: "USD", rate: "1" }, "currency"],
    [{ currency: "XYZ", rate: "1" }, "currency"],
    [{ currency: "EUR", rate: "1.1", date: "2999-01-01" }, "date"],
    [{ currency: "EUR", rate: "1.1", date: "2026-02-30" }, "date"],
  ])("refuses %j with 400 naming the field", async (body, field) => {
    const reply = await put("/agency/rates", body);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe("validation_failed");
    expect(Object.keys(reply.body.error.fields)).toContain(field);
  });
});

describe("stamping and reports in the agency's currency", () => {
  let eur: any;
  let gbp: any;
  let jpy: any;

  beforeAll(async () => {
    await put("/agency/rates", { currency: "EUR", rate: "1.0842" });
    eur = await sent(clients.eur!, 10050); // €100.50 at the kept 1.0842 → $108.96 (108.9621)
    gbp = await sent(clients.gbp!, 20000, { rate: "1.2655" }); // £200 at the entered 1.2655 → $253.10
    jpy = await sent(clients.jpy!, 50000); // no JPY rate kept: not converted
    await sent(clients.usd!, 1000); // $10
  });

  it("stamps the kept or entered rate on the owner's invoice, and marks one with none", async () => {
    expect(eur.exchangeRate).toMatchObject({ to: "USD", rate: "1.0842", source: "kept" });
    expect(gbp.exchangeRate).toMatchObject({ to: "USD", rate: "1.2655", source: "entered" });
    expect(jpy.exchangeRate).toMatchObject({ to: "USD", rate: null, source: null });
  });

  it("stamps each payment with the rate kept when it was recorded", async () => {
    await put("/agency/rates", { currency: "GBP", rate: "1.27" });
    const paid = await owner.post(`/invoices/${gbp.id}/payments`, { amount: 5000, method: "bank_transfer" });
    expect(paid.status).toBe(201);
    expect(paid.body.exchangeRate.rate).toBe("1.2655");
    expect(paid.body.exchangeRate.payments).toEqual([{ id: paid.body.payments[0].id, rate: "1.27" }]);
  });

  it("refuses a bad entered rate when sending, and sends nothing", async () => {
    const draft = await owner.post("/invoices", { clientId: clients.eur, includeTime: false, lines: [{ kind: "custom", description: "X", quantity: 1, unitAmount: 100 }] });
    const reply = await owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version, rate: "-3" });
    expect(reply.status).toBe(400);
    expect(reply.body.error.fields).toHaveProperty("rate");
    await owner.delete(`/invoices/${draft.body.id}`);
  });

  it("converts revenue with totals, and says what is not converted", async () => {
    const reply = await owner.get("/reports/revenue");
    expect(reply.status).toBe(200);
    expect(reply.body.converted.currency).toBe("USD");
    expect(reply.body.converted.total).toBe(10896 + 25310 + 1000);
    expect(reply.body.converted.unconverted).toEqual([{ currency: "JPY", amount: 50000, invoices: 1 }]);
    expect(reply.body.converted.months.reduce((sum: number, month: { total: number }) => sum + month.total, 0)).toBe(10896 + 25310 + 1000);
    expect(reply.body.currencies.map((c: { currency: string }) => c.currency).sort()).toEqual(["EUR", "GBP", "JPY", "USD"]);
  });

  it("converts receivables by age at each invoice's rate", async () => {
    const reply = await owner.get("/reports/receivables");
    expect(reply.status).toBe(200);
    // GBP: £150 still owed at 1.2655 → $189.825 → $189.83 (half up).
    expect(reply.body.converted.total).toBe(10896 + 18983 + 1000);
    expect(reply.body.converted.buckets.find((b: { bucket: string }) => b.bucket === "current").amount).toBe(10896 + 18983 + 1000);
    expect(reply.body.converted.unconverted).toEqual([{ currency: "JPY", amount: 50000, invoices: 1 }]);
  });

  it("gives a margin for clients in other currencies, and a totals row", async () => {
    const reply = await owner.get("/reports/margin");
    expect(reply.status).toBe(200);
    const byName = Object.fromEntries(reply.body.clients.map((c: { name: string }) => [c.name, c]));
    expect(byName["Euro Co"]).toMatchObject({ currency: "EUR", billed: 10050, billedConverted: 10896, margin: 10896, marginRate: 10_000 });
    expect(byName["London Ltd"]).toMatchObject({ billedConverted: 25310, margin: 25310 });
    expect(byName["Yen KK"]).toMatchObject({ billedConverted: null, margin: null });
    expect(reply.body.totals).toMatchObject({ billed: 10896 + 25310 + 1000, cost: 0, margin: 10896 + 25310 + 1000, marginRate: 10_000 });
    expect(reply.body.totals.unconverted).toEqual([{ currency: "JPY", amount: 50000, invoices: 1 }]);
  });

  it("keeps invoices' rates and reports to the owner: a client never sees them", async () => {
    const reply = await owner.get("/agency/rates");
    expect(reply.body.rates.map((rate: { currency: string }) => rate.currency)).toEqual(["EUR", "GBP"]);
  });
});
