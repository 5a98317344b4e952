import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, signIn, startApi, type Started } from "../support/http.ts";
import { createAgency } from "../support/fixtures.ts";
import { createWorld, type World } from "../support/world.ts";

// Quotes in search (issue 22 item 6) over HTTP: the owner finds any quote by title, and a sent
// one by its number (Q-0001, or 1); a client's contact finds only their company's sent quotes;
// a subcontractor and another agency find none.

let api: Started;
let world: World;
let sent: { id: string; number: string };
let draftId: string;
let othersId: string;
let outsider: ApiClient;

const line = { kind: "custom", description: "Discovery workshop", quantity: 1, unitAmount: 50000 };
const find = async (who: ApiClient, q: string) => {
  const reply = await who.get(`/search?q=${encodeURIComponent(q)}`);
  expect(reply.status, `${q}: ${JSON.stringify(reply.body)}`).toBe(200);
  return reply.body.items as Array<{ kind: string; id: string; title: string; reference: string | null; client: { id: string; name: string } | null }>;
};
const quoteIds = (items: Array<{ kind: string; id: string }>) => items.filter((item) => item.kind === "quote").map((item) => item.id);

async function quote(clientId: string, title: string) {
  const made = await world.owner.post("/quotes", { clientId, title, lines: [line], validUntil: "2199-12-31" });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return made.body;
}

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Quote Search Agency");
  const first = await quote(world.ids.client, "Website relaunch plan");
  const send = await world.owner.post(`/quotes/${first.id}/send`, { version: first.version });
  expect(send.status, JSON.stringify(send.body)).toBe(200);
  sent = { id: first.id, number: send.body.number };
  draftId = (await quote(world.ids.client, "Website relaunch extras")).id;
  const other = await world.owner.post("/clients", { name: "Other Client", code: `OT${Date.now() % 100000}`, timeZone: "UTC", currency: "USD", status: "active" });
  const theirs = await quote(other.body.id, "Website relaunch for Other");
  expect((await world.owner.post(`/quotes/${theirs.id}/send`, { version: theirs.version })).status).toBe(200);
  othersId = theirs.id;
  const agency = await createAgency("Elsewhere Agency");
  outsider = new ApiClient(api.baseUrl);
  await signIn(outsider, agency.ownerEmail);
});
afterAll(() => api?.close());

describe("quotes in search", () => {
  it("the owner finds every quote by title, with its number and client", async () => {
    const items = await find(world.owner, "relaunch");
    expect(new Set(quoteIds(items))).toEqual(new Set([sent.id, draftId, othersId]));
    expect(items).toContainEqual({ kind: "quote", id: sent.id, title: "Website relaunch plan", reference: sent.number, client: { id: world.ids.client, name: "Acme Corp" } });
    expect(items.find((item) => item.id === draftId)!.reference).toBeNull();
  });

  it("finds a sent quote by its number, as written and without the zeros", async () => {
    expect(sent.number).toMatch(/^Q-\d{4}$/);
    expect(quoteIds(await find(world.owner, sent.number))).toContain(sent.id);
    expect(quoteIds(await find(world.owner, sent.number.toLowerCase()))).toContain(sent.id);
    expect(quoteIds(await find(world.owner, String(Number(sent.number.slice(2)))))).toContain(sent.id);
  });

  it("finds a draft under its new title after an edit, and no longer under the old one", async () => {
    const current = await world.owner.get(`/quotes/${draftId}`);
    const edited = await world.owner.patch(`/quotes/${draftId}`, { version: current.body.version, title: "Brand refresh extras", lines: [line], validUntil: "2199-12-31" });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(quoteIds(await find(world.owner, "brand refresh"))).toEqual([draftId]);
    expect(quoteIds(await find(world.owner, "relaunch extras"))).toEqual([]);
  });

  it("gives a contact only their company's sent quotes", async () => {
    const items = await find(world.contact, "relaunch");
    expect(quoteIds(items)).toEqual([sent.id]);
    expect(quoteIds(await find(world.contact, sent.number))).toEqual([sent.id]);
    expect(quoteIds(await find(world.contact, "brand"))).toEqual([]);
  });

  it("gives a subcontractor and another agency no quotes", async () => {
    expect(quoteIds(await find(world.sub, "relaunch"))).toEqual([]);
    expect(quoteIds(await find(world.reviewer, sent.number))).toEqual([]);
    expect(quoteIds(await find(outsider, "relaunch"))).toEqual([]);
  });
});
