import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SNSEvent } from "aws-lambda";
import { db } from "@baton/core/db";
import { Email } from "@baton/core/email";
import { handler } from "@baton/functions/email/feedback";
import { ApiClient, mailCount, startApi, type Started } from "../support/http.ts";
import { captureOutput, metricPoints } from "../support/logs.ts";
import { createWorld, type World } from "../support/world.ts";
import { freePort } from "@baton/local/stand-ins";

// SES feedback, fed to the function the way SNS delivers it, with the event records SES documents
// ("Examples of event data that Amazon SES publishes to Amazon SNS", and the identity
// notifications' `notificationType` shape): a permanent bounce or a complaint marks the address
// undeliverable, the owner sees it on the person, Baton stops emailing it (sign-in links too, the
// outbox included), and transient bounces change nothing.

let api: Started;
let world: World;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Feedback Agency");
});
afterAll(() => api.close());

const mail = (to: string) => ({
  timestamp: "2017-08-05T00:40:02.012Z",
  source: "Sender Name <sender@example.com>",
  sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/sender@example.com",
  sendingAccountId: "123456789012",
  messageId: "EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000",
  destination: [to],
  headersTruncated: false,
  headers: [{ name: "To", value: to }],
  commonHeaders: { from: ["Sender Name <sender@example.com>"], to: [to], messageId: "EXAMPLE", subject: "Message sent from Amazon SES" },
  tags: { "ses:configuration-set": ["ConfigSet"] },
});

const bounce = (to: string, bounceType = "Permanent", bounceSubType = "General") => ({
  eventType: "Bounce",
  bounce: {
    bounceType,
    bounceSubType,
    bouncedRecipients: [{ emailAddress: to, action: "failed", status: "5.1.1", diagnosticCode: "smtp; 550 5.1.1 user unknown" }],
    timestamp: "2017-08-05T00:41:02.669Z",
    feedbackId: "01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000",
    reportingMTA: "dsn; mta.example.com",
  },
  mail: mail(to),
});

const complaint = (to: string, complaintFeedbackType = "abuse") => ({
  eventType: "Complaint",
  complaint: {
    complainedRecipients: [{ emailAddress: to }],
    timestamp: "2017-08-05T00:41:02.669Z",
    feedbackId: "01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000",
    userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/60.0.3112.90 Safari/537.36",
    complaintFeedbackType,
    arrivalDate: "2017-08-05T00:41:02.669Z",
  },
  mail: mail(to),
});

/** What SNS hands the function: one record per message, the SES event as a JSON string. */
const sns = (...messages: unknown[]): SNSEvent => ({
  Records: messages.map((message, n) => ({
    EventVersion: "1.0",
    EventSubscriptionArn: "arn:aws:sns:us-east-1:123456789012:baton-feedback:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55",
    EventSource: "aws:sns",
    Sns: {
      SignatureVersion: "1",
      Timestamp: "2017-08-05T00:41:03.000Z",
      Signature: "EXAMPLE",
      SigningCertUrl: "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-EXAMPLE.pem",
      MessageId: `95df01b4-ee98-5cb9-9903-4c221d41eb5${n}`,
      Message: typeof message === "string" ? message : JSON.stringify(message),
      MessageAttributes: {},
      Type: "Notification",
      UnsubscribeUrl: "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe",
      TopicArn: "arn:aws:sns:us-east-1:123456789012:baton-feedback",
      Subject: "",
    },
  })),
});

const contactOf = async () => (await world.owner.get(`/clients/${world.ids.client}/contacts`)).body.items.find((c: any) => c.id === world.ids.contact);
const audit = async () => (await world.owner.get("/audit?limit=100")).body.items as any[];

describe("a permanent bounce", () => {
  it("marks the contact undeliverable, where the owner sees it, with an audit event", async () => {
    expect((await contactOf()).undeliverable).toBeNull();
    const output = captureOutput();
    process.env.BATON_METRICS_NAMESPACE = "Baton/test";
    try {
      // SES reports the address as the recipient's server wrote it.
      await handler(sns(bounce(world.people.contact.email.toUpperCase())));
    } finally {
      output.stop();
      delete process.env.BATON_METRICS_NAMESPACE;
    }
    expect((await contactOf()).undeliverable).toEqual({ reason: "bounce", at: "2017-08-05T00:41:02.669Z" });
    const events = (await audit()).filter((e) => e.action === "contact.undeliverable");
    expect(events).toEqual([expect.objectContaining({ actor: { type: "system", id: "system" }, subject: { type: "client", id: world.ids.client }, data: { contactId: world.ids.contact, reason: "bounce" } })]);
    expect(metricPoints(output.json(), "EmailFeedback")).toEqual([{ value: 1, dimensions: { Type: "Bounce.Permanent" } }]);
    expect(output.text()).not.toContain(world.people.contact.email);
  });

  it("stops every email to the address: notifications, sign-in links, the outbox", async () => {
    const address = world.people.contact.email;
    const before = await mailCount(address);
    expect(await Email.send(address, { subject: "Hello", html: "<p>Hello</p>", text: "Hello\n" })).toBe("suppressed");
    // The sign-in page answers as always (it never tells whether an address is known) …
    expect((await new ApiClient(api.baseUrl, "portal").post("/auth/link", { email: address })).status).toBe(202);
    // … and an email that was waiting in the outbox since before the bounce is dropped.
    const sesUp = process.env.SES_ENDPOINT!;
    process.env.SES_ENDPOINT = `http://127.0.0.1:${await freePort()}`;
    try {
      await db.entities.undeliverable.delete({ email: address }).go();
      expect(await Email.send(address, { subject: "Queued", html: "<p>Queued</p>", text: "Queued\n" })).toBe("queued");
    } finally {
      process.env.SES_ENDPOINT = sesUp;
    }
    await handler(sns(bounce(address)));
    const flushed = await Email.flushOutbox(new Date(Date.now() + 10 * 60_000));
    expect(flushed.failed).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await mailCount(address)).toBe(before);
  });

  it("counts a redelivered notification once", async () => {
    await handler(sns(bounce(world.people.contact.email)));
    expect((await audit()).filter((e) => e.action === "contact.undeliverable")).toHaveLength(1);
  });

  it("leaves the rest of the team and the other contacts alone", async () => {
    const members = (await world.owner.get("/members")).body.items as any[];
    expect(members.every((m) => m.undeliverable === null)).toBe(true);
    expect(await Email.send(world.people.sub.email, { subject: "Still here", html: "<p>x</p>", text: "x\n" })).toBe("sent");
  });
});

describe("a complaint", () => {
  it("marks a team member undeliverable, seen on their page", async () => {
    await handler(sns(complaint(world.people.sub.email)));
    const member = (await world.owner.get(`/members/${world.ids.sub}`)).body;
    expect(member.undeliverable).toEqual({ reason: "complaint", at: "2017-08-05T00:41:02.669Z" });
    expect(await Email.send(world.people.sub.email, { subject: "x", html: "<p>x</p>", text: "x\n" })).toBe("suppressed");
    expect((await audit()).filter((e) => e.action === "member.undeliverable").map((e) => e.subject)).toEqual([{ type: "member", id: world.ids.sub }]);
  });

  it("is taken back by a not-spam report: nothing is marked", async () => {
    await handler(sns(complaint(world.people.other.email, "not-spam")));
    expect((await world.owner.get(`/members/${world.ids.reviewer}`)).body.undeliverable).toBeNull();
  });
});

describe("what changes nothing", () => {
  it("a transient bounce (full mailbox), a delivery, and a message that is not SES's", async () => {
    const address = world.people.other.email;
    await handler(sns(bounce(address, "Transient", "MailboxFull"), { eventType: "Delivery", delivery: { recipients: [address] }, mail: mail(address) }, "not json", { hello: "world" }));
    expect((await world.owner.get(`/members/${world.ids.reviewer}`)).body.undeliverable).toBeNull();
    expect(await Email.send(address, { subject: "Still fine", html: "<p>x</p>", text: "x\n" })).toBe("sent");
  });
});

describe("identity notifications (notificationType instead of eventType)", () => {
  it("are understood the same way", async () => {
    const owner = (await world.owner.get("/me")).body;
    const { eventType: _, ...rest } = bounce(world.agency.ownerEmail, "Permanent", "NoEmail");
    await handler(sns({ notificationType: "Bounce", ...rest }));
    expect((await world.owner.get("/members")).body.items.find((m: any) => m.id === owner.id).undeliverable).toMatchObject({ reason: "bounce" });
  });
});

describe("when the person confirms the address works again", () => {
  it("the operator's script lets Baton email it again and takes the note off the person", async () => {
    const { execFile } = await import("node:child_process");
    const { promisify } = await import("node:util");
    const { join } = await import("node:path");
    const repo = join(import.meta.dirname, "../..");
    const { stdout } = await promisify(execFile)(join(repo, "node_modules/.bin/tsx"), ["packages/functions/src/scripts/email-deliverable.ts", "--table", process.env.BATON_TABLE_NAME!, "--email", world.people.contact.email], { cwd: repo, env: process.env });
    expect(stdout).toContain("(1 person updated)");
    expect((await contactOf()).undeliverable).toBeNull();
    expect(await Email.send(world.people.contact.email, { subject: "Welcome back", html: "<p>x</p>", text: "x\n" })).toBe("sent");
    expect((await audit()).filter((e) => e.action === "contact.deliverable")).toHaveLength(1);
    // The complaint on the team member stands.
    expect(await Email.send(world.people.sub.email, { subject: "x", html: "<p>x</p>", text: "x\n" })).toBe("suppressed");
  }, 60_000);
});
