import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@baton/core/db";
import { requestScope } from "@baton/core/db/scope";
import { Deferred } from "@baton/core/deferred";
import { Email } from "@baton/core/email";
import { createId } from "@baton/core/id";
import { emailsTo } from "@baton/local/mailbox";
import { freePort } from "@baton/local/stand-ins";
import { startApi, waitForEmail, type Started } from "../support/http.ts";
import { startReceiver } from "../support/receiver.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// The work a write leaves behind its answer (its emails, its webhook event) runs on the same
// DynamoDB as the requests: it reads nothing it just wrote. A request's outbox emails are read by
// the writes that claim them, their addresses checked in one read and the sent ones removed in one
// write; a client notice is handed to its job as written and its emails are written already
// claimed, sent from memory; a webhook event is written once, already prepared. Behaviour as
// before: every email goes out once, SES down or not, and a retried job changes nothing.

process.env.BATON_WEBHOOKS_ALLOW_LOOPBACK = "yes";

let api: Started;
let world: World;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const sesUp = inject("sesEndpoint");
let calls: Array<{ command: string; keys: string }> | null = null;
const minutes = (n: number) => new Date(Date.now() + n * 60_000);
const waiting = async (to: string) => (await Email.waitingEmails(new Date("9999-12-31"))).filter((e) => e.to === to);

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "After Answer Agency");
  receiver = await startReceiver();
  const { client } = await import("@baton/core/db");
  client.middlewareStack.add(
    (next, context) => async (args) => {
      // Only the work after the answer: deferred jobs run outside the request's scope.
      if (calls && !requestScope()) {
        const input = args.input as Record<string, unknown>;
        calls.push({ command: String(context.commandName).replace(/Command$/, ""), keys: JSON.stringify(input.Key ?? input.Item ?? input.TransactItems ?? input.RequestItems ?? input.ExpressionAttributeValues ?? {}) });
      }
      return next(args);
    },
    { step: "initialize", name: "test:after-answer" },
  );
});
afterAll(async () => {
  const { client } = await import("@baton/core/db");
  client.middlewareStack.remove("test:after-answer");
  process.env.SES_ENDPOINT = sesUp;
  await receiver.close();
  await api.close();
});

/** The DynamoDB calls the work after `send`'s answer made, once it has all finished. */
async function afterAnswer<T>(send: () => Promise<T>) {
  await Deferred.settled();
  calls = [];
  const reply = await send();
  await Deferred.settled();
  const made = calls;
  calls = null;
  const about = (entity: string, commands: RegExp) => made.filter((call) => commands.test(call.command) && call.keys.includes(entity));
  return { reply, made, about, listed: made.map((call) => `${call.command} ${call.keys.slice(0, 160)}`).join("\n") };
}

describe("a request's emails after the answer", () => {
  it("are claimed by the writes that read them, their addresses checked in one read, and cleared in one write", async () => {
    const { reply, about, listed } = await afterAnswer(() => world.contact.post("/requests", { title: "Claimed as read", description: "D", service: "Research" }));
    expect(reply.status).toBe(201);
    // The owners' email and the contact's receipt: each claimed by one conditional update, never read before it.
    expect(about("$outboxemail", /^(GetItem|BatchGetItem|Query)$/), listed).toEqual([]);
    expect(about("$outboxemail", /^UpdateItem$/), listed).toHaveLength(2);
    expect(about("$undeliverable", /Get/), listed).toHaveLength(1);
    expect(about("$outboxemail", /^(BatchWriteItem|DeleteItem)$/), listed).toHaveLength(1);
    const owner = await waitForEmail(world.agency.ownerEmail, (e) => e.subject.includes("Claimed as read"));
    expect(owner.subject).toBe(`New request ${reply.body.reference}: Claimed as read`);
    await waitForEmail(world.people.contact.email, (e) => e.subject.includes(reply.body.reference));
    expect(await waiting(world.agency.ownerEmail)).toEqual([]);
    expect(await waiting(world.people.contact.email)).toEqual([]);
  });
});

describe("a request's webhook event after the answer", () => {
  it("is written once, already prepared with its payload, and never read back", async () => {
    const { reply, about, listed } = await afterAnswer(() => world.contact.post("/requests", { title: "Event once", description: "D", service: "Research" }));
    expect(reply.status).toBe(201);
    expect(about("$webhookevent", /^(PutItem|TransactWriteItems)$/), listed).toHaveLength(1);
    expect(about("$webhookevent", /^(GetItem|BatchGetItem|UpdateItem)$/), listed).toEqual([]);
    const events = await db.entities.webhookEvent.query.eventsOfType({ agencyId: world.agency.agencyId, type: "request.submitted" }).go({ pages: "all" });
    const event = events.data.find((e) => e.resourceId === reply.body.id)!;
    expect(event).toMatchObject({ prepared: "yes" });
    expect(JSON.parse(event.payload!)).toMatchObject({ id: event.eventId, type: "request.submitted", resource: { request: { id: reply.body.id, reference: reply.body.reference, title: "Event once" } } });

    // The same job again (no endpoint: a single conditional put): it finds the event written and leaves it as it was.
    await Deferred.run({ kind: "webhook.record", payload: { agencyId: world.agency.agencyId, eventId: event.eventId, type: "request.submitted", resource: { id: reply.body.id, clientId: world.ids.client }, at: new Date().toISOString() } });
    const again = await db.entities.webhookEvent.query.eventsOfType({ agencyId: world.agency.agencyId, type: "request.submitted" }).go({ pages: "all" });
    expect(again.data.filter((e) => e.resourceId === reply.body.id)).toEqual([event]);
  });

  it("with an endpoint: the event and its delivery in one write, delivered once; a retried job writes and sends nothing more", async () => {
    receiver.clear();
    const added = await world.owner.post("/integrations/endpoints", { url: receiver.url, events: ["request.submitted"], description: "After answer" });
    expect(added.status).toBe(201);
    const { reply, about, listed } = await afterAnswer(() => world.contact.post("/requests", { title: "Delivered in one write", description: "D", service: "Research" }));
    const written = about("$webhookevent", /^(PutItem|TransactWriteItems)$/);
    expect(written, listed).toHaveLength(1);
    expect(written[0]!.command).toBe("TransactWriteItems");
    expect(written[0]!.keys).toContain("$webhookdelivery");
    const ours = () => receiver.received.filter((r) => r.json?.resource?.request?.id === reply.body.id);
    expect(ours()).toHaveLength(1);

    // The same job again (the worker's at-least-once invocation): the event is there, nothing is sent twice.
    const eventId = ours()[0]!.json.id as string;
    await Deferred.run({ kind: "webhook.record", payload: { agencyId: world.agency.agencyId, eventId, type: "request.submitted", resource: { id: reply.body.id, clientId: world.ids.client }, at: new Date().toISOString() } });
    expect(ours()).toHaveLength(1);
    const log = (await world.owner.get(`/integrations/endpoints/${added.body.endpoint.id}/deliveries`)).body.items as Array<{ eventId: string; status: string }>;
    expect(log.filter((d) => d.eventId === eventId)).toEqual([expect.objectContaining({ status: "delivered" })]);

    // A new event id on the same job kind is recorded and delivered as any other.
    const fresh = createId("webhookEvent");
    await Deferred.run({ kind: "webhook.record", payload: { agencyId: world.agency.agencyId, eventId: fresh, type: "request.submitted", resource: { id: reply.body.id, clientId: world.ids.client }, at: new Date().toISOString() } });
    expect(receiver.received.filter((r) => r.json?.id === fresh)).toHaveLength(1);
    await world.owner.delete(`/integrations/endpoints/${added.body.endpoint.id}`);
  });
});

describe("a client notice after QA's approval", () => {
  async function readyForQa(title: string) {
    const { task } = await acceptedTask(world, { title });
    const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
    expect(assigned.status).toBe(200);
    const submitted = await world.sub.post(`/tasks/${task.id}/submit`, { version: assigned.body.task.version, text: "Done.", links: [] });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    return submitted.body.task as { id: string; version: number };
  }

  it("is handed to its job as written, and its email is written claimed and sent from memory", async () => {
    const task = await readyForQa("Notice from memory");
    const { reply, about, listed } = await afterAnswer(() => world.owner.post(`/tasks/${task.id}/review`, { version: task.version, decision: "approve", rubric: 5 }));
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(about("$outboxnotice", /^(GetItem|BatchGetItem|Query)$/), listed).toEqual([]);
    expect(about("$outboxemail", /^(GetItem|BatchGetItem|Query|UpdateItem)$/), listed).toEqual([]);
    const turned = about("$outboxnotice", /^TransactWriteItems$/);
    expect(turned, listed).toHaveLength(1);
    expect(turned[0]!.keys).toContain("$outboxemail");
    expect(about("$outboxemail", /^(BatchWriteItem|DeleteItem)$/), listed).toHaveLength(1);
    await waitForEmail(world.people.contact.email, (e) => e.subject.includes("Notice from memory"));
    expect(await waiting(world.people.contact.email)).toEqual([]);
  });

  it("with SES unreachable: its email waits, claimed once, and goes out once after the pause", async () => {
    const task = await readyForQa("Notice while down");
    const subject = (e: { subject: string }) => e.subject === "Ready for your approval: Notice while down";
    process.env.SES_ENDPOINT = `http://127.0.0.1:${await freePort()}`;
    try {
      const approved = await world.owner.post(`/tasks/${task.id}/review`, { version: task.version, decision: "approve", rubric: 5 });
      expect(approved.status).toBe(200);
      await Deferred.settled();
      const [kept] = (await waiting(world.people.contact.email)).filter(subject);
      expect(kept).toMatchObject({ attempts: 1 });
      expect(kept!.lastError).toMatch(/ECONNREFUSED|connect/i);
      // Not due before its pause: a job run now leaves it.
      expect((await Email.flushOutbox(new Date())).sent).toBe(0);
    } finally {
      process.env.SES_ENDPOINT = sesUp;
    }
    expect((await emailsTo(sesUp, world.people.contact.email)).filter(subject)).toHaveLength(0);
    // Two job runs at once past the pause: one sends it (other emails may be due too: only this one is counted).
    await Promise.all([Email.flushOutbox(minutes(3)), Email.flushOutbox(minutes(3))]);
    expect((await emailsTo(sesUp, world.people.contact.email)).filter(subject)).toHaveLength(1);
    expect((await waiting(world.people.contact.email)).filter(subject)).toEqual([]);
  });
});
