import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deferred } from "@baton/core/deferred";
import { Webhooks } from "@baton/core/webhook";
import { ApiClient, startApi, waitForEmail, type Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";
import { startReceiver } from "../support/receiver.ts";

// Outgoing webhooks over HTTP (issue 19) with a real receiver on loopback (allowed here only
// because BATON_WEBHOOKS_ALLOW_LOOPBACK is set, as the local runtime would on purpose):
// signatures, retries, order per resource, the delivery log, redelivery, disabling, and the
// SSRF guard's refusals.

process.env.BATON_WEBHOOKS_ALLOW_LOOPBACK = "yes";

let api: Started;
let world: World;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const MINUTE = 60_000;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Hooks Agency");
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await api.close();
});

async function addEndpoint(events: string[], path = "/") {
  const reply = await world.owner.post("/integrations/endpoints", { url: `${receiver.url}${path}`, events, description: "Test receiver" });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return { id: reply.body.endpoint.id as string, secret: reply.body.secret as string, endpoint: reply.body.endpoint };
}
const submitRequest = async (title: string) => {
  const reply = await world.contact.post("/requests", { title, description: "Please do it.", service: "Content" });
  expect(reply.status).toBe(201);
  return reply.body;
};
const log = async (endpointId: string) => (await world.owner.get(`/integrations/endpoints/${endpointId}/deliveries`)).body.items as any[];

describe("a delivery", () => {
  it("is signed, carries id, type, time and the resource as GET shows it, and goes out after the response", async () => {
    receiver.clear();
    const { id, secret } = await addEndpoint(["request.submitted"]);
    const request = await submitRequest("Signed delivery");
    await Deferred.settled();
    const got = receiver.received.filter((entry) => entry.json?.type === "request.submitted" && entry.json.resource?.request?.id === request.id);
    expect(got).toHaveLength(1);
    const [delivery] = got;
    expect(Webhooks.verifySignature(secret, delivery!.body, String(delivery!.headers["webhook-signature"]))).toBe(true);
    // Any change to the body, or another secret, fails the check.
    expect(Webhooks.verifySignature(secret, delivery!.body.replace("Signed", "Forged"), String(delivery!.headers["webhook-signature"]))).toBe(false);
    expect(Webhooks.verifySignature("whsec_other", delivery!.body, String(delivery!.headers["webhook-signature"]))).toBe(false);
    expect(delivery!.json).toMatchObject({ id: delivery!.headers["webhook-id"], type: "request.submitted", time: expect.any(String) });
    const asRead = (await world.owner.get(`/requests/${request.id}`)).body;
    expect(delivery!.json.resource.request).toMatchObject({ id: request.id, reference: asRead.request.reference, title: "Signed delivery" });
    const entries = await log(id);
    expect(entries[0]).toMatchObject({ status: "delivered", attempts: 1, type: "request.submitted", nextAttemptAt: null });
    expect(entries[0].log[0]).toMatchObject({ statusCode: 200, ok: true, excerpt: "thanks" });
    await world.owner.delete(`/integrations/endpoints/${id}`);
  });

  it("answering 500 twice then 200 is delivered once, with three attempts in the log", async () => {
    receiver.clear();
    const { id } = await addEndpoint(["invoice.paid"]);
    receiver.answer(500, 500);
    const sent = await world.owner.post(`/integrations/endpoints/${id}/test`);
    expect(sent.status).toBe(202);
    await Deferred.settled();
    expect(receiver.received).toHaveLength(1);
    let [entry] = await log(id);
    expect(entry).toMatchObject({ status: "pending", attempts: 1, eventId: sent.body.eventId, type: "webhook.test" });
    // Not due yet: a run now sends nothing.
    await Webhooks.flush(new Date());
    expect(receiver.received).toHaveLength(1);
    await Webhooks.flush(new Date(Date.now() + 1.5 * MINUTE));
    expect(receiver.received).toHaveLength(2);
    await Webhooks.flush(new Date(Date.now() + 5 * MINUTE));
    expect(receiver.received).toHaveLength(3);
    await Webhooks.flush(new Date(Date.now() + 60 * MINUTE));
    expect(receiver.received).toHaveLength(3);
    // The same event each time (one id), delivered once.
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"]))).toEqual(new Set([sent.body.eventId]));
    [entry] = await log(id);
    expect(entry).toMatchObject({ status: "delivered", attempts: 3 });
    expect(entry.log.map((attempt: any) => attempt.statusCode)).toEqual([500, 500, 200]);
    expect(entry.log[0].excerpt).toBe("refused 500");
    await world.owner.delete(`/integrations/endpoints/${id}`);
  });

  it("about one resource arrives in order: a later event waits while an earlier one is retried", async () => {
    receiver.clear();
    const { id } = await addEndpoint(["request.submitted", "request.accepted"]);
    receiver.answer(503);
    const request = await submitRequest("Ordered");
    await Deferred.settled();
    const accepted = await world.owner.post(`/requests/${request.id}/accept`, {
      version: request.version,
      tasks: [{ title: "Do it", estimateHours: 1, dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), skills: [] }],
    });
    expect(accepted.status).toBe(200);
    await Deferred.settled();
    // Only the failed first attempt so far: the acceptance waits behind the submission.
    expect(receiver.received.map((r) => r.json.type)).toEqual(["request.submitted"]);
    await Webhooks.flush(new Date(Date.now() + 2 * MINUTE));
    expect(receiver.received.map((r) => r.json.type)).toEqual(["request.submitted", "request.submitted", "request.accepted"]);
    expect(receiver.received[2]!.json.resource.request.status).not.toBe("submitted");
    await world.owner.delete(`/integrations/endpoints/${id}`);
  });

  it("can be sent again from the log; the log keeps both attempts", async () => {
    receiver.clear();
    const { id } = await addEndpoint(["request.submitted"]);
    await world.owner.post(`/integrations/endpoints/${id}/test`);
    await Deferred.settled();
    const [entry] = await log(id);
    const again = await world.owner.post(`/integrations/endpoints/${id}/deliveries/${entry.id}/redeliver`);
    expect(again.status).toBe(202);
    await Deferred.settled();
    expect(receiver.received).toHaveLength(2);
    const [after] = await log(id);
    expect(after).toMatchObject({ id: entry.id, status: "delivered", attempts: 2 });
    expect(after.log).toHaveLength(2);
    expect((await world.owner.post(`/integrations/endpoints/${id}/deliveries/dlv_01kbz0000000000000000000zz/redeliver`)).status).toBe(404);
    await world.owner.delete(`/integrations/endpoints/${id}`);
  });

  it("is retried for a day, then given up; an endpoint failing for days is disabled and the owner emailed", async () => {
    receiver.clear();
    const { id } = await addEndpoint(["request.submitted"], "/down");
    receiver.answer(...Array(40).fill(500));
    await world.owner.post(`/integrations/endpoints/${id}/test`);
    await Deferred.settled();
    const start = Date.now();
    for (const hours of [1, 4, 12, 25]) await Webhooks.flush(new Date(start + hours * 3_600_000));
    const [entry] = await log(id);
    expect(entry.status).toBe("failed");
    expect(entry.log.length).toBeGreaterThan(3);
    expect((await world.owner.get(`/integrations/endpoints/${id}`)).body).toMatchObject({ status: "active", failingSince: expect.any(String) });
    // Days later another event fails too: the endpoint is turned off and the owner told.
    await world.owner.post(`/integrations/endpoints/${id}/test`);
    await Deferred.settled();
    await Webhooks.flush(new Date(start + 4 * 86_400_000));
    const endpoint = (await world.owner.get(`/integrations/endpoints/${id}`)).body;
    expect(endpoint).toMatchObject({ status: "disabled", disabledAt: expect.any(String) });
    const email = await waitForEmail(world.agency.ownerEmail, (mail) => /webhook endpoint was turned off/i.test(mail.subject));
    expect(email.subject).toContain("127.0.0.1");
    // Turning it back on starts afresh.
    const on = await world.owner.patch(`/integrations/endpoints/${id}`, { version: endpoint.version, status: "active" });
    expect(on.body).toMatchObject({ status: "active", failingSince: null, disabledAt: null });
    receiver.clear();
    await world.owner.delete(`/integrations/endpoints/${id}`);
  });
});

describe("the SSRF guard", () => {
  it("refuses private, link-local and (without the setting) loopback addresses when saved", async () => {
    for (const url of ["http://169.254.169.254/latest/meta-data", "http://10.0.0.5/hook", "http://192.168.1.1/", "http://[fe80::1]/", "http://[fd00::1]/", "http://0.0.0.0/", "ftp://example.com/", "https://user:pw@example.com/"]) {
      const reply = await world.owner.post("/integrations/endpoints", { url, events: ["request.submitted"] });
      expect(reply.status, url).toBe(400);
      expect(reply.body.error.fields.url, url).toBeTruthy();
    }
    process.env.BATON_WEBHOOKS_ALLOW_LOOPBACK = "";
    try {
      for (const url of [`${receiver.url}/`, "http://[::1]:8080/", "http://localhost:8080/"]) {
        const reply = await world.owner.post("/integrations/endpoints", { url, events: ["request.submitted"] });
        expect(reply.status, url).toBe(400);
        expect(reply.body.error.fields.url).toMatch(/local or private/);
      }
    } finally {
      process.env.BATON_WEBHOOKS_ALLOW_LOOPBACK = "yes";
    }
  });

  it("allows only https on AWS", () => {
    expect(Webhooks.urlProblem("http://hooks.example.com/x", { httpsOnly: true, allowLoopback: false })).toMatch(/https/);
    expect(Webhooks.urlProblem("https://hooks.example.com/x", { httpsOnly: true, allowLoopback: false })).toBeNull();
  });

  it("judges every resolved address at send time, so a name rebound to a private address is refused", async () => {
    receiver.clear();
    // At send time, with loopback not allowed: nothing reaches the receiver.
    const refused = await Webhooks.post(`${receiver.url}/`, "{}", {}, { httpsOnly: false, allowLoopback: false });
    expect(refused).toMatchObject({ statusCode: 0, ok: false });
    expect(refused.error).toMatch(/local or private/);
    expect(receiver.received).toHaveLength(0);
    // A name is judged on what it resolves to for this connection.
    for (const [address, reason] of [["10.1.2.3", "private"], ["169.254.169.254", "link-local"], ["127.0.0.1", "loopback"], ["::ffff:192.168.0.1", "private"], ["fd00::1", "private"]] as const) {
      const lookup = Webhooks.guardedLookup({ httpsOnly: true, allowLoopback: false }, ((_host: string, _options: unknown, callback: any) => callback(null, [{ address, family: address.includes(":") ? 6 : 4 }])) as never);
      const error = await new Promise<any>((resolve) => lookup("rebind.example.com", {}, (err) => resolve(err)));
      expect(error?.code, address).toBe("EREFUSED_ADDRESS");
      expect(Webhooks.refusalOf(address)).toBe(reason);
    }
    expect(Webhooks.refusalOf("93.184.216.34")).toBeNull();
    expect(Webhooks.refusalOf("2606:4700::1111")).toBeNull();
  });
});

describe("who may", () => {
  it("manage endpoints: the owner in person; not a subcontractor, a contact or an API key", async () => {
    const { id } = await addEndpoint(["task.assigned"]);
    expect((await world.sub.get("/integrations/endpoints")).status).toBe(403);
    expect((await world.contact.get("/integrations/endpoints")).status).toBe(403);
    const key = await world.owner.post("/api-keys", { name: "Zap", scopes: ["read", "write"] });
    const keyed = new ApiClient(api.baseUrl, null, { authorization: `Bearer ${key.body.secret}` });
    const refused = await keyed.get(`/integrations/endpoints/${id}/deliveries`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("apikey.not_allowed");
    // The catalogue is readable with a key.
    const types = await keyed.get("/integrations/event-types");
    expect(types.status).toBe(200);
    expect(types.body.items.map((t: any) => t.type)).toContain("invoice.overdue");
    await world.owner.delete(`/integrations/endpoints/${id}`);
  });

  it("see another agency's endpoint: nobody (404)", async () => {
    const other = await createWorld(api, "Other Hooks Agency");
    const theirs = await other.owner.post("/integrations/endpoints", { url: `${receiver.url}/`, events: ["task.assigned"] });
    expect(theirs.status).toBe(201);
    for (const reply of [
      await world.owner.get(`/integrations/endpoints/${theirs.body.endpoint.id}`),
      await world.owner.patch(`/integrations/endpoints/${theirs.body.endpoint.id}`, { version: 1, events: ["task.approved"] }),
      await world.owner.post(`/integrations/endpoints/${theirs.body.endpoint.id}/test`),
      await world.owner.delete(`/integrations/endpoints/${theirs.body.endpoint.id}`),
    ]) expect(reply.status).toBe(404);
  });

  it("send bad input: 400 naming the field, 409 for a stale version", async () => {
    for (const [body, field] of [
      [{ url: `${receiver.url}/`, events: [] }, "events"],
      [{ url: `${receiver.url}/`, events: ["request.exploded"] }, "events.0"],
      [{ url: "not a url", events: ["task.assigned"] }, "url"],
      [{ url: `${receiver.url}/`, events: ["task.assigned"], description: "x".repeat(201) }, "description"],
    ] as const) {
      const reply = await world.owner.post("/integrations/endpoints", body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(reply.body.error.fields)).toContain(field);
    }
    const { id, endpoint } = await addEndpoint(["task.assigned"]);
    expect((await world.owner.patch(`/integrations/endpoints/${id}`, { version: endpoint.version, events: ["task.approved"] })).status).toBe(200);
    const stale = await world.owner.patch(`/integrations/endpoints/${id}`, { version: endpoint.version, events: ["task.returned"] });
    expect(stale.status).toBe(409);
    expect(stale.body.current.events).toEqual(["task.approved"]);
    await world.owner.delete(`/integrations/endpoints/${id}`);
  });
});
