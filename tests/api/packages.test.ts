import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// Service packages and deposits over HTTP: a library of fixed-price work priced per currency,
// invoiced in the client's currency; a deposit from the client's terms, taken off the final
// invoice exactly once.

let api: Started;
let world: World;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Packages Agency");
});
afterAll(() => api.close());

const website = { name: "Website refresh", description: "A new look for five pages.", deliverables: ["Design of 5 pages", "Two revision rounds", "Launch"], prices: [{ currency: "USD", amount: 200000 }, { currency: "EUR", amount: 185000 }] };

async function setTerms(billing: Record<string, unknown>) {
  const client = await world.owner.get(`/clients/${world.ids.client}`);
  const saved = await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, billing });
  expect(saved.status).toBe(200);
  return saved.body;
}

async function send(invoice: { id: string; version: number }) {
  const sent = await world.owner.post(`/invoices/${invoice.id}/send`, { version: invoice.version });
  expect(sent.status).toBe(200);
  return sent.body;
}

describe("the package library", () => {
  it("keeps packages with deliverables and a price per currency, edited by version and archived", async () => {
    const created = await world.owner.post("/packages", website);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Website refresh", deliverables: website.deliverables, prices: website.prices, status: "active", version: 1 });
    const listed = await world.owner.get("/packages");
    expect(listed.body.items.map((p: any) => p.id)).toContain(created.body.id);

    const edited = await world.owner.patch(`/packages/${created.body.id}`, { version: 1, description: null, prices: [{ currency: "USD", amount: 210000 }] });
    expect(edited.body).toMatchObject({ description: null, prices: [{ currency: "USD", amount: 210000 }], version: 2 });
    const stale = await world.owner.patch(`/packages/${created.body.id}`, { version: 1, name: "Old" });
    expect(stale.status).toBe(409);
    expect(stale.body.current.version).toBe(2);

    const archived = await world.owner.patch(`/packages/${created.body.id}`, { version: 2, status: "archived" });
    expect(archived.body.status).toBe("archived");
    expect((await world.owner.get("/packages")).body.items.map((p: any) => p.id)).not.toContain(created.body.id);
    expect((await world.owner.get("/packages?status=archived")).body.items.map((p: any) => p.id)).toContain(created.body.id);
    // An archived package can't go on a new invoice.
    const refused = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "package", packageId: created.body.id, quantity: 1 }] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields["lines.0.packageId"]).toMatch(/active packages/);
  });

  it("refuses packages without a price, with two prices in one currency, or a bad currency", async () => {
    for (const [body, field] of [
      [{ name: "X", prices: [] }, "prices"],
      [{ name: "X", prices: [{ currency: "USD", amount: 1 }, { currency: "USD", amount: 2 }] }, "prices"],
      [{ name: "X", prices: [{ currency: "DOLLARS", amount: 1 }] }, "prices.0.currency"],
      [{ name: " ", prices: [{ currency: "USD", amount: 1 }] }, "name"],
      [{ name: "X", prices: [{ currency: "USD", amount: 0 }] }, "prices.0.amount"],
    ] as const) {
      const reply = await world.owner.post("/packages", body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(reply.body.error.fields), JSON.stringify(body)).toContain(field);
    }
  });

  it("is the owner's: team members and clients are refused", async () => {
    const created = await world.owner.post("/packages", { name: "Private", prices: [{ currency: "USD", amount: 100 }] });
    for (const person of [world.sub, world.contact]) {
      expect((await person.get("/packages")).status).toBe(403);
      expect((await person.get(`/packages/${created.body.id}`)).status).toBe(403);
      expect((await person.post("/packages", { name: "Mine", prices: [{ currency: "USD", amount: 1 }] })).status).toBe(403);
    }
  });
});

describe("invoicing packages with a deposit", () => {
  it("prices a package in the client's currency, with its deliverables, and refuses one with no price there", async () => {
    const pkg = (await world.owner.post("/packages", website)).body;
    const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "package", packageId: pkg.id, quantity: 2 }] });
    expect(draft.status).toBe(201);
    expect(draft.body.lines).toEqual([
      { kind: "package", description: "Website refresh: Design of 5 pages; Two revision rounds; Launch", quantity: 2, unitAmount: 200000, amount: 400000 },
    ]);
    // Changing the package later doesn't change the draft.
    await world.owner.patch(`/packages/${pkg.id}`, { version: pkg.version, prices: [{ currency: "USD", amount: 1 }] });
    expect((await world.owner.get(`/invoices/${draft.body.id}`)).body.subtotal).toBe(400000);

    const yen = await world.owner.post("/packages", { name: "Euro only", prices: [{ currency: "EUR", amount: 100 }] });
    const refused = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "package", packageId: yen.body.id, quantity: 1 }] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields["lines.0.packageId"]).toBe("Euro only has no price in USD. Add one in the package library.");
    expect((await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", quantity: 1 }] })).body.error.fields).toMatchObject({
      "lines.0.description": expect.any(String),
      "lines.0.unitAmount": expect.any(String),
    });
  });

  it("bills the client's deposit share up front and takes it off the final invoice once", async () => {
    await setTerms({ depositRate: 5000, taxRate: 1000, taxName: "Tax" });
    const pkg = (await world.owner.post("/packages", { ...website, name: "Brand kit", deliverables: ["Logo", "Palette"], prices: [{ currency: "USD", amount: 123457 }] })).body;
    const line = { kind: "package", packageId: pkg.id, quantity: 1 };

    // Unbilled time stays for the next invoice: a deposit invoice bills only its deposit.
    await setTerms({ hourlyRate: 6000 });
    const logged = await world.owner.post("/time", { clientId: world.ids.client, startedAt: new Date(Date.now() - 3_600_000).toISOString(), minutes: 30 });
    expect(logged.status).toBe(201);

    // The deposit: 50% (the client's terms) of the package, half a cent rounded up.
    const depositDraft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: true, lines: [line], deposit: {} });
    expect(depositDraft.status).toBe(201);
    expect(depositDraft.body).toMatchObject({ kind: "deposit", subtotal: 61729, tax: 6173, total: 67902 });
    expect(depositDraft.body.lines).toEqual([{ kind: "custom", description: "50% deposit: Brand kit: Logo; Palette", quantity: 1, unitAmount: 61729, amount: 61729 }]);
    expect(depositDraft.body.entryCount).toBe(0);
    expect((await world.owner.get(`/time/unbilled?clientId=${world.ids.client}`)).body.items.map((e: any) => e.id)).toContain(logged.body.id);
    // A draft deposit can't be taken off yet.
    const early = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [line], deductDeposits: [depositDraft.body.id] });
    expect(early.status).toBe(400);
    const deposit = await send(depositDraft.body);
    expect((await world.owner.get(`/invoices/deposits?clientId=${world.ids.client}`)).body.items.map((i: any) => i.id)).toContain(deposit.id);

    // The final invoice: the package, less the deposit (before tax; tax is on what remains).
    const attempts = await Promise.all([1, 2, 3].map(() => world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [line], deductDeposits: [deposit.id] })));
    const made = attempts.filter((reply) => reply.status === 201);
    expect(made).toHaveLength(1);
    expect(attempts.filter((reply) => reply.status !== 201).every((reply) => [400, 409].includes(reply.status))).toBe(true);
    const final = made[0]!.body;
    expect(final.lines.at(-1)).toEqual({ kind: "deposit", description: `Less deposit ${deposit.number}`, quantity: 1, unitAmount: -61729, amount: -61729 });
    expect(final).toMatchObject({ subtotal: 123457 - 61729, tax: 6173, total: 61728 + 6173, depositIds: [deposit.id] });
    expect((await world.owner.get(`/invoices/${deposit.id}`)).body.deductedOn).toBe(final.id);
    expect((await world.owner.get(`/invoices/deposits?clientId=${world.ids.client}`)).body.items.map((i: any) => i.id)).not.toContain(deposit.id);

    // Taking it off twice is refused; voiding the deposit while it is taken off is refused.
    const twice = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [line], deductDeposits: [deposit.id] });
    expect(twice.status).toBe(400);
    expect(twice.body.error.fields["deductDeposits.0"]).toMatch(/already taken off/);
    const voidDeposit = await world.owner.post(`/invoices/${deposit.id}/void`, { version: deposit.version });
    expect(voidDeposit.status).toBe(422);
    expect(voidDeposit.body.error.code).toBe("invoice.deposit_taken");

    // Deleting the final draft frees the deposit again.
    expect((await world.owner.request("DELETE", `/invoices/${final.id}?version=${final.version}`)).status).toBe(204);
    expect((await world.owner.get(`/invoices/${deposit.id}`)).body.deductedOn).toBeNull();
    // A deposit bigger than what it is taken off would make a negative invoice.
    const negative = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "Small", quantity: 1, unitAmount: 100 }], deductDeposits: [deposit.id] });
    expect(negative.status).toBe(422);
    expect(negative.body.error.code).toBe("invoice.negative");
  });

  it("asks for a percentage when the client has no deposit terms", async () => {
    await setTerms({ depositRate: 0 });
    const pkg = (await world.owner.post("/packages", { name: "Audit", prices: [{ currency: "USD", amount: 10000 }] })).body;
    const without = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "package", packageId: pkg.id, quantity: 1 }], deposit: {} });
    expect(without.status).toBe(422);
    expect(without.body.error.fields["deposit.percent"]).toBeTruthy();
    const explicit = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "package", packageId: pkg.id, quantity: 1 }], deposit: { percent: 2500 } });
    expect(explicit.body).toMatchObject({ kind: "deposit", subtotal: 2500 });
  });
});
