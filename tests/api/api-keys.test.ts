import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, startApi, type Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// API keys act for the owner within their scopes (read: GET; write: the rest), and never manage
// keys, payment settings or the team: a leaked key can't mint a key that survives its own
// revocation, redirect the clients' payments, or let someone into the agency.

let api: Started;
let world: World;
beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Keys Agency");
});
afterAll(() => api.close());

async function key(scopes?: string[]) {
  const created = await world.owner.post("/api-keys", { name: `Key ${scopes?.join("+") ?? "default"}`, ...(scopes ? { scopes } : {}) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: created.body.apiKey.id as string, scopes: created.body.apiKey.scopes as string[], client: new ApiClient(api.baseUrl, null, { authorization: `Bearer ${created.body.secret}` }) };
}

describe("scopes", () => {
  it("are chosen when the key is made, shown in the list, and default to read only", async () => {
    expect((await key()).scopes).toEqual(["read"]);
    const both = await key(["write", "read"]);
    expect(both.scopes).toEqual(["read", "write"]);
    const listed = await world.owner.get("/api-keys");
    expect(listed.body.items.find((k: { id: string }) => k.id === both.id).scopes).toEqual(["read", "write"]);
    expect((await world.owner.post("/api-keys", { name: "None", scopes: [] })).status).toBe(400);
    expect((await world.owner.post("/api-keys", { name: "Admin", scopes: ["admin"] })).status).toBe(400);
  });

  it("let a read key read and nothing else", async () => {
    const reader = await key(["read"]);
    expect((await reader.client.get("/clients")).status).toBe(200);
    const write = await reader.client.post("/clients", { name: "Nope", code: "NOPE", timeZone: "UTC", currency: "EUR" });
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe("apikey.scope");
  });

  it("let a write key write but not read", async () => {
    const writer = await key(["write"]);
    const made = await writer.client.post("/clients", { name: "Via key", code: `VK${Date.now() % 100000}`, timeZone: "UTC", currency: "EUR" });
    expect(made.status).toBe(201);
    expect((await writer.client.get("/clients")).status).toBe(403);
  });
});

describe("what no key may do, whatever its scopes", () => {
  it("create, list or revoke API keys", async () => {
    const full = await key(["read", "write"]);
    const other = await key(["read"]);
    for (const reply of [
      await full.client.post("/api-keys", { name: "Second key", scopes: ["read", "write"] }),
      await full.client.get("/api-keys"),
      await full.client.delete(`/api-keys/${other.id}`),
      await full.client.delete(`/api-keys/${full.id}`),
    ]) {
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe("apikey.not_allowed");
    }
    // The other key still works: the refused revocation did nothing.
    expect((await other.client.get("/clients")).status).toBe(200);
  });

  it("change the payment instructions (or any agency setting)", async () => {
    const full = await key(["read", "write"]);
    const agency = await world.owner.get("/agency");
    const reply = await full.client.patch("/agency", { version: agency.body.version, paymentInstructions: "Pay IBAN XX00 ATTACKER" });
    expect(reply.status).toBe(403);
    expect(String((await world.owner.get("/agency")).body.paymentInstructions)).not.toContain("ATTACKER");
  });

  it("invite, change or remove team members", async () => {
    const full = await key(["read", "write"]);
    const member = await world.owner.get(`/members/${world.ids.sub}`);
    for (const reply of [
      await full.client.post("/members", { email: "intruder@example.com", name: "Intruder", timeZone: "UTC", weeklyCapacityHours: 10 }),
      await full.client.patch(`/members/${world.ids.sub}`, { version: member.body.version, reviewer: true }),
      await full.client.post(`/members/${world.ids.sub}/invite`),
      await full.client.delete(`/members/${world.ids.sub}`),
    ]) {
      expect(reply.status).toBe(403);
    }
    expect((await world.owner.get(`/members/${world.ids.sub}`)).body.status).toBe("active");
  });
});

it("a revoked key stops working at once", async () => {
  const full = await key(["read", "write"]);
  expect((await world.owner.delete(`/api-keys/${full.id}`)).status).toBe(204);
  expect((await full.client.get("/clients")).status).toBe(401);
});
