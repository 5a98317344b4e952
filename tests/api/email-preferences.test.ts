import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailCount, startApi, waitForEmail, type Started } from "../support/http.ts";
import { uniqueEmail } from "../support/fixtures.ts";
import { createWorld, type World } from "../support/world.ts";

// Email preferences per kind over HTTP: hand-offs, messages, and for a client's people the weekly
// digest, surveys and invoices, each its own switch on PATCH /me. A kind never set follows the
// old single switch where it used to (digests and surveys); invoices always reach someone.

let api: Started;
let world: World;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Preferences Agency");
});
afterAll(() => api.close());

const kinds = ["emailNotifications", "messageEmails", "digestEmails", "surveyEmails", "invoiceEmails"] as const;
const switches = (body: Record<string, unknown>) => Object.fromEntries(kinds.map((kind) => [kind, body[kind]]));

async function sendInvoice(description: string) {
  const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description, quantity: 1, unitAmount: 5_000 }] });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  const sent = await world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  return sent.body.number as string;
}

async function setBillingAddresses(emails: string[]) {
  const client = await world.owner.get(`/clients/${world.ids.client}`);
  const saved = await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, invoiceTo: { emails } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
}

describe("email preferences per kind", () => {
  it("are all on for a new contact, and each turns off alone", async () => {
    const me = await world.contact.get("/me");
    expect(switches(me.body)).toEqual({ emailNotifications: true, messageEmails: true, digestEmails: true, surveyEmails: true, invoiceEmails: true });
    const off = await world.contact.patch("/me", { surveyEmails: false });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(switches(off.body)).toEqual({ emailNotifications: true, messageEmails: true, digestEmails: true, surveyEmails: false, invoiceEmails: true });
    expect(switches((await world.contact.get("/me")).body).surveyEmails).toBe(false);
    expect((await world.contact.patch("/me", { surveyEmails: true })).body.surveyEmails).toBe(true);
  });

  it("keep what hand-offs off used to mean for the digest and surveys until those are set", async () => {
    const handoffsOff = await world.contact.patch("/me", { emailNotifications: false });
    // Set earlier, surveys keep their own switch; the digest, never set, follows hand-offs.
    expect(switches(handoffsOff.body)).toMatchObject({ emailNotifications: false, digestEmails: false, surveyEmails: true, invoiceEmails: true });
    const digestOn = await world.contact.patch("/me", { digestEmails: true });
    expect(switches(digestOn.body)).toMatchObject({ emailNotifications: false, digestEmails: true });
    expect((await world.contact.patch("/me", { emailNotifications: true })).body.emailNotifications).toBe(true);
  });

  it("answer a team member's client-only switch with the field, and anything but on or off with 400", async () => {
    const member = await world.sub.patch("/me", { digestEmails: false, invoiceEmails: false });
    expect(member.status).toBe(400);
    expect(member.body.error.code).toBe("validation_failed");
    expect(Object.keys(member.body.error.fields).sort()).toEqual(["digestEmails", "invoiceEmails"]);
    expect(member.body.error.fields.digestEmails).toBe("Only a client's people get these emails.");
    const bad = await world.contact.patch("/me", { invoiceEmails: "no" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(["invoiceEmails"]);
    // A member's own kinds still save.
    expect((await world.sub.patch("/me", { messageEmails: false })).body.messageEmails).toBe(false);
  });

  it("send invoices to the billing address and not to a contact who turned them off", async () => {
    const accounts = uniqueEmail("accounts");
    await setBillingAddresses([accounts]);
    expect((await world.contact.patch("/me", { invoiceEmails: false })).body.invoiceEmails).toBe(false);
    const before = await mailCount(world.people.contact.email);
    const number = await sendInvoice("Bookkeeping");
    await waitForEmail(accounts, (email) => email.subject.includes(number));
    expect((await mailCount(world.people.contact.email)) - before).toBe(0);
  });

  it("still send them to the contact when nobody else would get them", async () => {
    await setBillingAddresses([]);
    const number = await sendInvoice("Inbox clean-up");
    const mail = await waitForEmail(world.people.contact.email, (email) => email.subject.includes(number));
    expect(mail.destination.to).toEqual([world.people.contact.email]);
  });
});
