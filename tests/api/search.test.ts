import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, signIn, startApi, type Started } from "../support/http.ts";
import { createAgency } from "../support/fixtures.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// Search over HTTP, as each app asks it: what each viewer finds, and never what they can't open.

let api: Started;
let world: World;
let otherClient: { id: string; version: number };
let subTask: { id: string; reference: string; requestId: string };
let othersTask: { id: string; reference: string; requestId: string };
let outsider: ApiClient;

const find = async (who: ApiClient, q: string, extra = "") => {
  const reply = await who.get(`/search?q=${encodeURIComponent(q)}${extra}`);
  expect(reply.status, `${q}: ${JSON.stringify(reply.body)}`).toBe(200);
  return reply.body as { items: Array<{ kind: string; id: string; title: string; reference: string | null; client: { id: string; name: string } | null }>; cursor: string | null };
};
const ids = (page: { items: Array<{ id: string }> }) => page.items.map((item) => item.id);

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Search Agency");
  const mine = await acceptedTask(world, { title: "Quarterly newsletter" });
  await world.owner.post(`/tasks/${mine.task.id}/assign`, { version: mine.task.version, memberId: world.ids.sub });
  subTask = { id: mine.task.id, reference: mine.task.reference, requestId: mine.request.id };
  const theirs = await acceptedTask(world, { title: "Quarterly tax filing" });
  othersTask = { id: theirs.task.id, reference: theirs.task.reference, requestId: theirs.request.id };
  const greek = await world.owner.post("/clients", { name: "Ωμέγα Εκδόσεις", code: `OM${Date.now() % 100000}`, timeZone: "Europe/Athens", currency: "EUR", status: "active" });
  otherClient = greek.body;
  await world.owner.post("/requests", { clientId: otherClient.id, title: "Quarterly report for Omega", description: "D", service: "Admin" });
  await world.owner.post("/requests", { clientId: otherClient.id, title: "सर्वे की रिपोर्ट", description: "D", service: "Admin" });
  const other = await createAgency("Other Search Agency");
  outsider = new ApiClient(api.baseUrl);
  await signIn(outsider, other.ownerEmail);
  await outsider.post("/clients", { name: "Acme Corp Elsewhere", code: "ELSE", timeZone: "UTC", currency: "USD", status: "active" });
});

afterAll(() => api?.close());

describe("the owner", () => {
  it("finds a client by name and by code, a task by its reference", async () => {
    const byName = await find(world.owner, "acme");
    expect(byName.items).toContainEqual(expect.objectContaining({ kind: "client", id: world.ids.client, title: "Acme Corp" }));
    expect((await find(world.owner, world.code.toLowerCase())).items.map((item) => item.id)).toContain(world.ids.client);
    const byReference = await find(world.owner, subTask.reference);
    // A request of one task shares its reference with the task: both are found.
    expect(byReference.items).toContainEqual({ kind: "task", id: subTask.id, title: "Quarterly newsletter", reference: subTask.reference, client: { id: world.ids.client, name: "Acme Corp" } });
    expect(byReference.items.map((item) => item.id)).toContain(subTask.requestId);
  });

  it("ignores case and Greek accents, and finds Devanagari as written", async () => {
    expect(ids(await find(world.owner, "ΩΜΕΓΑ"))).toContain(otherClient.id);
    expect(ids(await find(world.owner, "ωμεγα εκδοσεις"))).toContain(otherClient.id);
    const hindi = await find(world.owner, "सर्वे");
    expect(hindi.items.map((item) => item.title)).toContain("सर्वे की रिपोर्ट");
  });

  it("needs every word typed, each the start of a word", async () => {
    const titles = (await find(world.owner, "quarterly news")).items.map((item) => item.title);
    expect(titles).toContain("Quarterly newsletter");
    expect(titles).not.toContain("Quarterly tax filing");
    expect((await find(world.owner, "uarterly")).items).toEqual([]);
  });

  it("finds a client by its new name after a rename, and no longer by the old one", async () => {
    const renamed = await world.owner.patch(`/clients/${otherClient.id}`, { version: otherClient.version, name: "Zeta Publishing" });
    expect(renamed.status).toBe(200);
    otherClient = renamed.body;
    expect(ids(await find(world.owner, "zeta"))).toContain(otherClient.id);
    expect(ids(await find(world.owner, "ωμεγα"))).not.toContain(otherClient.id);
  });

  it("finds a sent invoice by its number", async () => {
    const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "Strategy workshop", quantity: 1, unitAmount: 50000 }] });
    expect(ids(await find(world.owner, "workshop"))).toContain(draft.body.id);
    const sent = await world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version });
    expect(sent.status).toBe(200);
    const found = await find(world.owner, sent.body.number);
    expect(found.items[0]).toMatchObject({ kind: "invoice", id: draft.body.id, reference: sent.body.number });
  });

  it("pages with a cursor, each thing once", async () => {
    for (let i = 0; i < 3; i++) await world.owner.post("/sops", { title: `Pagination step ${i}`, category: "Paging", body: "B" });
    const first = await find(world.owner, "pagination", "&limit=2");
    expect(first.items).toHaveLength(2);
    expect(first.cursor).toEqual(expect.any(String));
    const second = await find(world.owner, "pagination", `&limit=2&cursor=${encodeURIComponent(first.cursor!)}`);
    const all = [...ids(first), ...ids(second)];
    expect(second.items.length).toBeGreaterThanOrEqual(1);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe("what others may not see", () => {
  it("gives a subcontractor only their own task and its request, no clients", async () => {
    const found = await find(world.sub, "quarterly");
    expect(ids(found)).toEqual(expect.arrayContaining([subTask.id, subTask.requestId]));
    expect(ids(found)).not.toContain(othersTask.id);
    expect(ids(found)).not.toContain(othersTask.requestId);
    expect(found.items.every((item) => item.kind !== "client" && item.kind !== "invoice")).toBe(true);
    expect(ids(await find(world.sub, "acme"))).not.toContain(world.ids.client);
  });

  it("gives a contact only their own company's requests and sent invoices", async () => {
    const found = await find(world.contact, "quarterly");
    expect(ids(found)).toEqual(expect.arrayContaining([subTask.requestId, othersTask.requestId]));
    expect(found.items.every((item) => item.kind === "request" || item.kind === "invoice")).toBe(true);
    expect(found.items.map((item) => item.title)).not.toContain("Quarterly report for Omega");
    const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "Unsent consulting", quantity: 1, unitAmount: 100 }] });
    expect(draft.status).toBe(201);
    expect(ids(await find(world.contact, "unsent"))).not.toContain(draft.body.id);
  });

  it("never crosses agencies", async () => {
    const theirs = await find(outsider, "acme");
    expect(theirs.items.map((item) => item.title)).toEqual(["Acme Corp Elsewhere"]);
    expect((await find(world.owner, "elsewhere")).items).toEqual([]);
  });
});

describe("bad input", () => {
  it("answers 400 on the field for an empty, missing or overlong query", async () => {
    for (const query of ["", "?q=", "?q=%20%20", `?q=${"a".repeat(101)}`, "?q=a&limit=0", "?q=a&cursor=abc"]) {
      const reply = await world.owner.get(`/search${query}`);
      expect(reply.status, query).toBe(400);
      expect(Object.keys(reply.body.error.fields ?? {}).length, query).toBeGreaterThan(0);
    }
  });

  it("answers punctuation alone with no results", async () => {
    expect(await find(world.owner, "--- !!")).toEqual({ items: [], cursor: null });
  });
});
