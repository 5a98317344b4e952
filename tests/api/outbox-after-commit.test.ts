import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { db } from "@baton/core/db";
import { Deferred } from "@baton/core/deferred";
import { Email } from "@baton/core/email";
import { emailsTo } from "@baton/local/mailbox";
import { freePort } from "@baton/local/stand-ins";
import { startApi, waitForEmail, type Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// Emails a request causes (hand-offs, invitations, invoices) are kept in the outbox with the
// change and sent after the response, never inside it. With SES unreachable the request still
// succeeds, the send fails and the email waits; once SES is back the outbox job sends it, once.

let api: Started;
let world: World;
const sesUp = inject("sesEndpoint");
let sesDown: string;
const minutes = (n: number) => new Date(Date.now() + n * 60_000);
// Every shard of the job's index (db/shard.ts), whenever due.
const waiting = async (to: string) => (await Email.waitingEmails(new Date("9999-12-31"))).filter((e) => e.to === to);

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Outbox Agency");
  sesDown = `http://127.0.0.1:${await freePort()}`;
});
afterAll(() => {
  process.env.SES_ENDPOINT = sesUp;
  return api.close();
});

describe("request-path emails", () => {
  it("go out after the response through the outbox, leaving nothing behind", async () => {
    const submitted = await world.contact.post("/requests", { title: "Sent after", description: "Check the outbox.", service: "Research" });
    expect(submitted.status).toBe(201);
    await Deferred.settled();
    const email = await waitForEmail(world.agency.ownerEmail, (e) => e.subject.includes("Sent after"));
    expect(email.subject).toBe(`New request ${submitted.body.reference}: Sent after`);
    expect(await waiting(world.agency.ownerEmail)).toEqual([]);
  });

  it("with SES unreachable: the request succeeds, the email waits and goes out once when SES is back", async () => {
    const owner = world.agency.ownerEmail;
    const subject = (e: { subject: string }) => e.subject.includes("While SES was down");
    process.env.SES_ENDPOINT = sesDown;
    try {
      // Entered by the owner for the client: the one email it causes is the owners' (a client who
      // sends a request herself also gets a receipt, a second email).
      const submitted = await world.owner.post("/requests", { clientId: world.ids.client, title: "While SES was down", description: "Keep it.", service: "Research" });
      expect(submitted.status).toBe(201);
      // The attempt right after the response failed: the email is kept, with why.
      await Deferred.settled();
      const [kept] = await waiting(owner);
      expect(kept).toMatchObject({ subject: `New request ${submitted.body.reference}: While SES was down`, attempts: 1 });
      expect(kept!.lastError).toMatch(/ECONNREFUSED|connect/i);
      // Still down at the job's next run past the backoff: kept again.
      expect(await Email.flushOutbox(minutes(3))).toMatchObject({ sent: 0, waiting: 1 });
    } finally {
      process.env.SES_ENDPOINT = sesUp;
    }
    expect((await emailsTo(sesUp, owner)).filter(subject)).toHaveLength(0);

    // Back: two job runs at the same moment send it exactly once.
    const runs = await Promise.all([Email.flushOutbox(minutes(10)), Email.flushOutbox(minutes(10))]);
    expect(runs.map((r) => r.sent).sort()).toEqual([0, 1]);
    expect((await emailsTo(sesUp, owner)).filter(subject)).toHaveLength(1);
    expect(await waiting(owner)).toEqual([]);
    expect((await Email.flushOutbox(minutes(30))).sent).toBe(0);
    expect((await emailsTo(sesUp, owner)).filter(subject)).toHaveLength(1);
  });
});

describe("client notices (whom of the client's people to tell, read after the commit)", () => {
  // Every shard of the job's index (db/shard.ts), whenever due.
  const forClient = async () => (await (await import("@baton/core/notify/notice")).Notices.waiting(new Date("9999-12-31"))).filter((n) => n.clientId === world.ids.client);

  it("QA's approval keeps one notice in its transaction; the worker turns it into the contact's email after the response", async () => {
    const { task } = await acceptedTask(world, { title: "Notice later" });
    const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
    const done = await world.sub.post(`/tasks/${task.id}/submit`, { version: assigned.body.task.version, text: "Draft", links: [] });
    const approved = await world.owner.post(`/tasks/${task.id}/review`, { version: done.body.task.version, decision: "approve", rubric: 5 });
    expect(approved.status).toBe(200);
    await Deferred.settled();
    const email = await waitForEmail(world.people.contact.email, (e) => e.subject === "Ready for your approval: Notice later");
    expect(email.body.text).toContain(`/requests/${task.requestId}`);
    expect(await forClient()).toEqual([]);
  });

  it("one the worker never turned (its process ended after the commit) is sent by the job a minute on, once", async () => {
    const { Notices } = await import("@baton/core/notify/notice");
    const at = new Date().toISOString();
    await db.entities.outboxNotice
      .create({ agencyId: world.agency.agencyId, noticeId: "left-behind", kind: "readyForApproval", clientId: world.ids.client, params: JSON.stringify({ reference: "LEFT-1", title: "Left behind" }), url: "https://portal.example/requests/x", queuedAt: at, nextAttemptAt: at })
      .go();
    expect(await Notices.flush(minutes(0))).toEqual({ sent: 0, failed: 0 });
    expect(await Notices.flush(minutes(2))).toEqual({ sent: 1, failed: 0 });
    expect(await Notices.flush(minutes(3))).toEqual({ sent: 0, failed: 0 });
    await Deferred.settled();
    const subject = (e: { subject: string }) => e.subject === "Ready for your approval: Left behind";
    await waitForEmail(world.people.contact.email, subject);
    expect((await emailsTo(sesUp, world.people.contact.email)).filter(subject)).toHaveLength(1);
    expect(await forClient()).toEqual([]);
  });
});
