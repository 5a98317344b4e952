import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deferred } from "@baton/core/deferred";
import { startApi, type Started } from "../support/http.ts";
import { startReceiver } from "../support/receiver.ts";
import { slackSchema, teamsSchema } from "../support/schemas/chat.ts";
import { createWorld, type World } from "../support/world.ts";

// Slack and Microsoft Teams destinations (issue 19 item 2), over HTTP with a real receiver on
// loopback standing in for the channels' incoming-webhook URLs: each chosen event arrives as a
// readable message in the destination's language, in the shape the vendors document (JSON
// Schemas in tests/support/schemas/chat.ts), with a link into the team app and no secrets.

process.env.BATON_WEBHOOKS_ALLOW_LOOPBACK = "yes";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
const validSlack = ajv.compile(slackSchema);
const validTeams = ajv.compile(teamsSchema);

let api: Started;
let world: World;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Chat Agency");
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await api.close();
});

const add = async (body: Record<string, unknown>) => {
  const reply = await world.owner.post("/integrations/endpoints", body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as { endpoint: any; secret: string };
};

describe("Slack and Teams destinations", () => {
  it("post each chosen event as a readable message in their language, in the documented shape, linking into the app", async () => {
    receiver.clear();
    const slack = await add({ kind: "slack", url: `${receiver.url}/slack`, events: ["request.submitted", "message.posted"], locale: "el" });
    const teams = await add({ kind: "teams", url: `${receiver.url}/teams`, events: ["request.submitted"], locale: "hi" });
    expect(slack.endpoint).toMatchObject({ kind: "slack", locale: "el", clientId: null });
    const submitted = await world.contact.post("/requests", { title: "Quarterly newsletter", description: "Draft and send it.", service: "Content" });
    expect(submitted.status).toBe(201);
    await Deferred.settled();
    const posted = await world.contact.post(`/requests/${submitted.body.id}/messages`, { body: "The door code is 48213, keep it private." });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    await Deferred.settled();

    const bodies = receiver.received.map((entry) => entry.json);
    const slackBodies = bodies.filter((body) => Array.isArray(body?.blocks));
    const teamsBodies = bodies.filter((body) => body?.["@type"] === "MessageCard");
    expect(slackBodies).toHaveLength(2);
    expect(teamsBodies).toHaveLength(1);
    for (const body of slackBodies) expect(validSlack(body), JSON.stringify(validSlack.errors)).toBe(true);
    for (const body of teamsBodies) expect(validTeams(body), JSON.stringify(validTeams.errors)).toBe(true);

    // Slack, in Greek: the event, the request's title and reference, and a button into the app.
    const [request, message] = slackBodies;
    expect(request.blocks[0].text.text).toBe("Υποβλήθηκε αίτημα");
    expect(request.text).toContain("Quarterly newsletter");
    const button = request.blocks.at(-1).elements[0];
    expect(button.text.text).toBe("Άνοιγμα");
    expect(button.url).toMatch(new RegExp(`^https?://[^/]+/requests/${submitted.body.id}$`));
    expect(JSON.stringify(request.blocks)).toContain(submitted.body.reference);
    // A message's event says there is one and where, never what it says.
    expect(message.blocks[0].text.text).toBe("Νέο μήνυμα σε αίτημα");
    expect(message.blocks.at(-1).elements[0].url).toMatch(new RegExp(`/requests/${submitted.body.id}$`));
    expect(JSON.stringify(message)).not.toContain("48213");

    // Teams, in Hindi, as a MessageCard with an OpenUri action.
    const [card] = teamsBodies;
    expect(card.title).toBe("अनुरोध भेजा गया");
    expect(card.text).toBe("Quarterly newsletter");
    expect(card.potentialAction[0]).toMatchObject({ "@type": "OpenUri", name: "खोलें" });
    expect(card.potentialAction[0].targets[0].uri).toMatch(new RegExp(`/requests/${submitted.body.id}$`));

    // No secrets: neither endpoint's signing secret, no signature header (that is for webhooks).
    for (const entry of receiver.received) {
      expect(entry.body).not.toContain(slack.secret);
      expect(entry.body).not.toContain(teams.secret);
      expect(entry.body).not.toContain("whsec_");
      expect(entry.headers["webhook-signature"]).toBeUndefined();
    }
    await world.owner.delete(`/integrations/endpoints/${slack.endpoint.id}`);
    await world.owner.delete(`/integrations/endpoints/${teams.endpoint.id}`);
  });

  it("for one client get only that client's events", async () => {
    receiver.clear();
    const other = await world.owner.post("/clients", { name: "Other Client Co", code: "OCC", timeZone: "UTC", currency: "EUR" });
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    const theirs = await add({ kind: "slack", url: `${receiver.url}/theirs`, events: ["request.submitted"], clientId: other.body.id });
    const ours = await add({ kind: "teams", url: `${receiver.url}/ours`, events: ["request.submitted"], clientId: world.ids.client });
    expect(theirs.endpoint.clientId).toBe(other.body.id);
    expect((await world.contact.post("/requests", { title: "Only ours", description: "D", service: "Content" })).status).toBe(201);
    await Deferred.settled();
    expect(receiver.received.map((entry) => entry.json?.["@type"] ?? "slack")).toEqual(["MessageCard"]);
    await world.owner.delete(`/integrations/endpoints/${theirs.endpoint.id}`);
    await world.owner.delete(`/integrations/endpoints/${ours.endpoint.id}`);
  });

  it("send a test message in the documented shape, without the channel's address", async () => {
    receiver.clear();
    const slack = await add({ kind: "slack", url: `${receiver.url}/slack-test`, events: ["invoice.paid"] });
    expect(slack.endpoint.locale).toBe("en");
    expect((await world.owner.post(`/integrations/endpoints/${slack.endpoint.id}/test`)).status).toBe(202);
    await Deferred.settled();
    expect(receiver.received).toHaveLength(1);
    const body = receiver.received[0]!.json;
    expect(validSlack(body), JSON.stringify(validSlack.errors)).toBe(true);
    expect(body.blocks[0].text.text).toBe("Test message");
    expect(receiver.received[0]!.body).not.toContain("slack-test");
    const [delivery] = (await world.owner.get(`/integrations/endpoints/${slack.endpoint.id}/deliveries`)).body.items;
    expect(delivery).toMatchObject({ status: "delivered", type: "webhook.test" });
    await world.owner.delete(`/integrations/endpoints/${slack.endpoint.id}`);
  });

  it("refuses an unknown kind, language or client with 4xx naming the field", async () => {
    for (const [body, field] of [
      [{ kind: "discord", url: `${receiver.url}/x`, events: ["task.assigned"] }, "kind"],
      [{ kind: "slack", url: `${receiver.url}/x`, events: ["task.assigned"], locale: "fr" }, "locale"],
      [{ kind: "slack", url: `${receiver.url}/x`, events: ["task.assigned"], clientId: "not-a-client" }, "clientId"],
    ] as const) {
      const reply = await world.owner.post("/integrations/endpoints", body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(reply.body.error.fields)).toContain(field);
    }
    const missing = await world.owner.post("/integrations/endpoints", { kind: "teams", url: `${receiver.url}/x`, events: ["task.assigned"], clientId: "cli_01kbz0000000000000000000zz" });
    expect(missing.status).toBe(404);
  });
});

describe("a client's data", () => {
  it("includes the webhook events about the client in its export, and its erase deletes them and the client's own channels", async () => {
    const client = await world.owner.post("/clients", { name: "Erased Events Co", code: "EEC", timeZone: "UTC", currency: "EUR" });
    expect(client.status).toBe(201);
    const channel = await add({ kind: "slack", url: `${receiver.url}/eec`, events: ["request.submitted"], clientId: client.body.id });
    const request = await world.owner.post("/requests", { clientId: client.body.id, title: "Private launch plan", description: "D", service: "Content" });
    expect(request.status, JSON.stringify(request.body)).toBe(201);
    await Deferred.settled();
    const exported = await world.owner.post(`/clients/${client.body.id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.body.webhookEvents).toEqual([expect.objectContaining({ type: "request.submitted", resource: expect.objectContaining({ request: expect.objectContaining({ title: "Private launch plan" }) }) })]);
    const erased = await world.owner.post(`/clients/${client.body.id}/erase`, { code: "EEC" });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect(erased.body.deleted.webhookEvents).toBe(2);
    expect((await world.owner.get(`/integrations/endpoints/${channel.endpoint.id}`)).status).toBe(404);
    const polled = await world.owner.get("/integrations/events?type=request.submitted&limit=100");
    expect(polled.body.items.map((event: any) => event.resource?.request?.title)).not.toContain("Private launch plan");
  });
});
