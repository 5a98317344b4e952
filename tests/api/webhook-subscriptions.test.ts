import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deferred } from "@baton/core/deferred";
import { Webhooks } from "@baton/core/webhook";
import { ApiClient, startApi, type Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";
import { startReceiver } from "../support/receiver.ts";

// REST hooks for Zapier and Make (issue 19 item 4), over HTTP as such a tool calls them: an API
// key with the webhooks scope subscribes a URL (a real receiver on loopback) to event types,
// polls a type's events newest first, page by page, and unsubscribes.

process.env.BATON_WEBHOOKS_ALLOW_LOOPBACK = "yes";

let api: Started;
let world: World;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let zap: ApiClient;

const keyed = async (scopes: string[]) => {
  const key = await world.owner.post("/api-keys", { name: `Key ${scopes.join("+")}`, scopes });
  expect(key.status, JSON.stringify(key.body)).toBe(201);
  expect(key.body.apiKey.scopes).toEqual(scopes);
  return new ApiClient(api.baseUrl, null, { authorization: `Bearer ${key.body.secret}` });
};
const submitRequest = async (title: string) => {
  const reply = await world.contact.post("/requests", { title, description: "Please do it.", service: "Content" });
  expect(reply.status).toBe(201);
  return reply.body;
};

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Zap Agency");
  receiver = await startReceiver();
  zap = await keyed(["webhooks"]);
});
afterAll(async () => {
  await receiver.close();
  await api.close();
});

describe("a subscription", () => {
  it("made with a webhooks key is sent each event it asked for, signed with the secret it was given", async () => {
    receiver.clear();
    const made = await zap.post("/integrations/subscriptions", { url: `${receiver.url}/zap`, events: ["request.submitted"] });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.subscription).toMatchObject({ kind: "webhook", origin: "subscription", events: ["request.submitted"], status: "active" });
    const request = await submitRequest("Hooked by a zap");
    await Deferred.settled();
    const got = receiver.received.filter((entry) => entry.json?.resource?.request?.id === request.id);
    expect(got).toHaveLength(1);
    expect(Webhooks.verifySignature(made.body.secret, got[0]!.body, String(got[0]!.headers["webhook-signature"]))).toBe(true);
    // The owner sees it among the agency's endpoints, marked as a subscription.
    const listed = (await world.owner.get("/integrations/endpoints")).body.items.find((e: any) => e.id === made.body.subscription.id);
    expect(listed).toMatchObject({ origin: "subscription", url: `${receiver.url}/zap` });
    // Unsubscribed: nothing more is sent.
    expect((await zap.delete(`/integrations/subscriptions/${made.body.subscription.id}`)).status).toBe(204);
    receiver.clear();
    await submitRequest("After unsubscribing");
    await Deferred.settled();
    expect(receiver.received).toHaveLength(0);
    expect((await zap.delete(`/integrations/subscriptions/${made.body.subscription.id}`)).status).toBe(404);
  });

  it("can't end the owner's own endpoints, nor another agency's subscriptions", async () => {
    const own = await world.owner.post("/integrations/endpoints", { url: `${receiver.url}/own`, events: ["task.assigned"] });
    expect(own.status).toBe(201);
    expect((await zap.delete(`/integrations/subscriptions/${own.body.endpoint.id}`)).status).toBe(404);
    expect((await world.owner.get(`/integrations/endpoints/${own.body.endpoint.id}`)).status).toBe(200);
    const other = await createWorld(api, "Other Zap Agency");
    const theirs = await other.owner.post("/integrations/subscriptions", { url: `${receiver.url}/theirs`, events: ["task.assigned"] });
    expect(theirs.status).toBe(201);
    expect((await zap.delete(`/integrations/subscriptions/${theirs.body.subscription.id}`)).status).toBe(404);
    expect((await other.owner.get(`/integrations/endpoints/${theirs.body.subscription.id}`)).status).toBe(200);
    await world.owner.delete(`/integrations/endpoints/${own.body.endpoint.id}`);
  });

  it("refuses bad input with 400 naming the field", async () => {
    for (const [body, field] of [
      [{ url: `${receiver.url}/`, events: [] }, "events"],
      [{ url: `${receiver.url}/`, events: ["request.exploded"] }, "events.0"],
      [{ url: "http://169.254.169.254/latest", events: ["task.assigned"] }, "url"],
      [{ events: ["task.assigned"] }, "url"],
    ] as const) {
      const reply = await zap.post("/integrations/subscriptions", body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(reply.body.error.fields)).toContain(field);
    }
  });
});

describe("the poll list", () => {
  it("answers one type's events newest first, a page at a time, each as a delivery's body", async () => {
    const titles = ["Poll one", "Poll two", "Poll three"];
    const made = [];
    for (const title of titles) made.push(await submitRequest(title));
    await Deferred.settled();
    const first = await zap.get("/integrations/events?type=request.submitted&limit=2");
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items.map((e: any) => e.resource.request.title)).toEqual(["Poll three", "Poll two"]);
    expect(first.body.items[0]).toMatchObject({ id: expect.stringMatching(/^\w+_/), type: "request.submitted", time: expect.any(String) });
    expect(first.body.cursor).toEqual(expect.any(String));
    const second = await zap.get(`/integrations/events?type=request.submitted&limit=2&cursor=${encodeURIComponent(first.body.cursor)}`);
    expect(second.status).toBe(200);
    expect(second.body.items[0].resource.request.title).toBe("Poll one");
    const all = [...first.body.items, ...second.body.items];
    expect(new Set(all.map((e: any) => e.id)).size).toBe(all.length);
    const times = all.map((e: any) => e.time);
    expect([...times].sort().reverse()).toEqual(times);
    // Another type's list holds none of them.
    const other = await zap.get("/integrations/events?type=invoice.paid");
    expect(other.body).toEqual({ items: [], cursor: null });
  });

  it("needs a known type and a valid page", async () => {
    for (const [query, field] of [
      ["", "type"],
      ["type=request.exploded", "type"],
      ["type=request.submitted&limit=0", "limit"],
      ["type=request.submitted&cursor=nope", "cursor"],
      ["type=request.submitted&since=yesterday", "since"],
    ] as const) {
      const reply = await zap.get(`/integrations/events?${query}`);
      expect(reply.status, query).toBe(400);
      expect(Object.keys(reply.body.error.fields), query).toContain(field);
    }
  });
});

describe("who may", () => {
  it("subscribe and poll: the owner in person and webhooks keys; not read or write keys, the team or clients", async () => {
    const mine = await world.owner.post("/integrations/subscriptions", { url: `${receiver.url}/owner`, events: ["invoice.paid"] });
    expect(mine.status).toBe(201);
    expect((await world.owner.get("/integrations/events?type=invoice.paid")).status).toBe(200);
    const readWrite = await keyed(["read", "write"]);
    for (const reply of [
      await readWrite.post("/integrations/subscriptions", { url: `${receiver.url}/rw`, events: ["invoice.paid"] }),
      await readWrite.get("/integrations/events?type=invoice.paid"),
      await readWrite.delete(`/integrations/subscriptions/${mine.body.subscription.id}`),
    ]) {
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe("apikey.scope");
      expect(reply.body.error.message).toMatch(/webhooks scope/);
    }
    for (const caller of [world.sub, world.contact]) {
      expect((await caller.get("/integrations/events?type=invoice.paid")).status).toBe(403);
      expect((await caller.post("/integrations/subscriptions", { url: `${receiver.url}/x`, events: ["invoice.paid"] })).status).toBe(403);
    }
    // A webhooks key does nothing else: not read requests, not manage the owner's endpoints.
    expect((await zap.get("/requests")).status).toBe(403);
    expect((await zap.get("/integrations/endpoints")).status).toBe(403);
    expect((await world.owner.delete(`/integrations/subscriptions/${mine.body.subscription.id}`)).status).toBe(204);
  });
});
