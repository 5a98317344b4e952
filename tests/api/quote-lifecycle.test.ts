import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { runAgencyJobs } from "@baton/functions/jobs/run";
import { emailsTo } from "@baton/local/mailbox";
import { mailCount, startApi, waitForEmail, type Started } from "../support/http.ts";
import { pdfText } from "../support/pdf.ts";
import { createWorld, type World } from "../support/world.ts";

// A quote after it is sent (issue 18, part 3): an accepted quote as a PDF with its acceptance
// record, for the owner and the client; the expiry job storing a quote past its date as expired,
// telling the owner once, and reminding the client once before; an expired quote refused (409
// quote.expired) until the owner edits it with a new date, which sends it again.

let api: Started;
let world: World;
let agencyId: string;

const dayIn = (timeZone: string, at = new Date()) => new Intl.DateTimeFormat("en-CA", { timeZone }).format(at);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const HOUR = 3_600_000;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Quote Lifecycle Agency");
  agencyId = (await world.owner.get("/agency")).body.id;
});
afterAll(() => api.close());

async function sent(extra: Record<string, unknown> = {}) {
  const quote = await world.owner.post("/quotes", {
    clientId: world.ids.client,
    title: "Inbox rescue",
    lines: [{ kind: "custom", description: "Inbox zero in a week", quantity: 1, unitAmount: 30_000 }],
    validUntil: inDays(14),
    depositPercent: 0,
    ...extra,
  });
  expect(quote.status, JSON.stringify(quote.body)).toBe(201);
  const reply = await world.owner.post(`/quotes/${quote.body.id}/send`, { version: quote.body.version });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
}

async function zone(timeZone: string) {
  const client = await world.owner.get(`/clients/${world.ids.client}`);
  expect((await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, timeZone })).status).toBe(200);
}

describe("an accepted quote as a PDF", () => {
  it("gives the owner and the client the accepted text with the typed name, the time, the IP and the SHA-256", async () => {
    const quote = await sent();
    expect((await world.owner.download(`/quotes/${quote.id}/pdf`)).status).toBe(409);
    const read = await world.contact.get(`/quotes/${quote.id}`);
    const accepted = await world.contact.post(`/quotes/${quote.id}/accept`, { version: read.body.version, fullName: "Ada Client", sha256: read.body.sha256 });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const client = (await world.owner.get(`/clients/${world.ids.client}`)).body;
    for (const [reader, path] of [[world.owner, `/quotes/${quote.id}/pdf`], [world.contact, `/quotes/${quote.id}/pdf?app=portal`]] as const) {
      const reply = await reader.download(path);
      expect(reply.status).toBe(200);
      expect(reply.headers.get("content-type")).toBe("application/pdf");
      expect(reply.headers.get("content-disposition")).toBe(`attachment; filename="${quote.number}.pdf"`);
      const text = (await pdfText(reply.bytes)).replace(/\s+/g, " ");
      expect(text).toContain(`Quote ${quote.number}`);
      expect(text).toContain("Inbox zero in a week");
      expect(text).not.toContain("**");
      expect(text).toContain("Signed by Ada Client (typed full name)");
      const when = new Intl.DateTimeFormat("en", { dateStyle: "long", timeStyle: "short", timeZone: client.timeZone }).format(new Date(accepted.body.answeredAt));
      expect(text).toContain(`Signed on ${when} (${client.timeZone})`);
      expect(text).toContain(`From IP address ${accepted.body.acceptance.ip}`);
      expect(text).toContain("SHA-256 of the quote text above:");
      expect(text).toContain(accepted.body.acceptance.sha256);
    }
    expect((await world.sub.download(`/quotes/${quote.id}/pdf`)).status).toBe(403);
    expect((await world.owner.download(`/quotes/quo_01jzzzzzzzzzzzzzzzzzzzzzzz/pdf`)).status).toBe(404);
  });

  it("reads in the language the quote was accepted in", async () => {
    await world.contact.patch("/me", { locale: "el" });
    try {
      const quote = await sent();
      const read = await world.contact.get(`/quotes/${quote.id}`);
      expect((await world.contact.post(`/quotes/${quote.id}/accept`, { version: read.body.version, fullName: "Ada Client", sha256: read.body.sha256 })).status).toBe(200);
      const text = (await pdfText((await world.owner.download(`/quotes/${quote.id}/pdf`)).bytes)).replace(/\s+/g, " ");
      expect(text).toContain(`Προσφορά ${quote.number}`);
      expect(text).toContain("Στοιχεία υπογραφής");
      expect(text).toContain("SHA-256 του παραπάνω κειμένου της προσφοράς");
    } finally {
      await world.contact.patch("/me", { locale: "en" });
    }
  });
});

describe("the expiry job", () => {
  it("stores a quote past its date as expired once, tells the owner once, and the client can't accept it", async () => {
    await zone("Pacific/Pago_Pago");
    let quote: any;
    let read: any;
    try {
      quote = await sent({ validUntil: dayIn("Pacific/Pago_Pago") });
      read = await world.contact.get(`/quotes/${quote.id}`);
      expect(read.body.status).toBe("sent");
      await zone("Pacific/Kiritimati");
      // Two runs at once, then a late one: one expiry, one email to the owner.
      await Promise.all([runAgencyJobs(agencyId, new Date()), runAgencyJobs(agencyId, new Date())]);
      const reports = await runAgencyJobs(agencyId, new Date());
      expect(reports.find((report) => report.job === "quoteExpiry")).toMatchObject({ failed: 0, result: { expired: 0 } });
    } finally {
      await zone("America/New_York");
    }
    // Stored: it stays expired in the client's own zone again, where its day has not passed.
    const stored = await world.contact.get(`/quotes/${quote.id}`);
    expect(stored.body).toMatchObject({ status: "expired", can: [] });
    expect(stored.body.version).toBe(quote.version + 1);
    const mail = await waitForEmail(world.agency.ownerEmail, (e) => e.subject === `Quote ${quote.number} for Acme Corp has expired`);
    expect(mail.body.html).toContain(`/quotes/${quote.id}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const owners = await emailsTo(inject("sesEndpoint"), world.agency.ownerEmail);
    expect(owners.filter((e) => e.subject === `Quote ${quote.number} for Acme Corp has expired`)).toHaveLength(1);

    const late = await world.contact.post(`/quotes/${quote.id}/accept`, { version: stored.body.version, fullName: "Ada Client", sha256: stored.body.sha256 });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: "quote.expired", message: "This quote has expired. Ask the agency for a new one." });
    const decline = await world.contact.post(`/quotes/${quote.id}/decline`, { version: stored.body.version, reason: "Too late" });
    expect(decline.status).toBe(409);
    expect(decline.body.error.code).toBe("quote.expired");

    // The owner offers it again with a new date: sent again, the client emailed, and it can be accepted.
    const owned = await world.owner.get(`/quotes/${quote.id}`);
    expect(owned.body.can).toEqual(["edit"]);
    const emailed = await mailCount(world.people.contact.email);
    const renewed = await world.owner.patch(`/quotes/${quote.id}`, { version: owned.body.version, title: quote.title, lines: [{ kind: "custom", description: "Inbox zero in a week", quantity: 1, unitAmount: 30_000 }], validUntil: inDays(7), depositPercent: 0 });
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(200);
    expect(renewed.body).toMatchObject({ status: "sent", number: quote.number });
    await expect.poll(() => mailCount(world.people.contact.email)).toBeGreaterThan(emailed);
    const again = await world.contact.get(`/quotes/${quote.id}`);
    const accepted = await world.contact.post(`/quotes/${quote.id}/accept`, { version: again.body.version, fullName: "Ada Client", sha256: again.body.sha256 });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  });

  it("reminds the client once in the quote's last days, not the day it was sent, and leaves the quote as it is", async () => {
    // Three days on in the client's own calendar (not UTC's: between 00:00 and 05:00 UTC New York
    // is still on the day before, and 50 hours on its last day would still be two days away).
    const { timeZone } = (await world.owner.get(`/clients/${world.ids.client}`)).body;
    const quote = await sent({ validUntil: dayIn(timeZone, new Date(Date.now() + 3 * 86_400_000)) });
    // Today: sent less than a day ago and not in its last days — nothing.
    await runAgencyJobs(agencyId, new Date());
    expect((await world.contact.get(`/quotes/${quote.id}`)).body.version).toBe(quote.version);
    // Two days on, its last day is tomorrow or today: one reminder, even from two runs at once.
    const later = new Date(Date.now() + 50 * HOUR);
    await Promise.all([runAgencyJobs(agencyId, later), runAgencyJobs(agencyId, later)]);
    await runAgencyJobs(agencyId, later);
    const reminder = await waitForEmail(world.people.contact.email, (e) => e.subject.startsWith(`Quote ${quote.number} from`) && e.subject.includes("can be accepted until"));
    expect(reminder.body.html).toContain(`/quotes/${quote.id}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const reminders = (await emailsTo(inject("sesEndpoint"), world.people.contact.email)).filter((e) => e.subject.startsWith(`Quote ${quote.number} from`) && e.subject.includes("can be accepted until"));
    expect(reminders).toHaveLength(1);
    // The reminder changes nothing the client read: the version they hold still accepts.
    const read = await world.contact.get(`/quotes/${quote.id}`);
    expect(read.body.version).toBe(quote.version);
    expect(read.body.status).toBe("sent");
  });
});

describe("sent quotes from before the expiry index", () => {
  it("are not seen by the expiry job until the backfill gives them the index's keys; then they expire; the backfill runs again harmlessly", async () => {
    const { client: dynamo, db } = await import("@baton/core/db");
    const { Config } = await import("@baton/core/config");
    const { UpdateItemCommand } = await import("@aws-sdk/client-dynamodb");
    const { backfillQuotesAwaiting } = await import("@baton/core/quote/backfill");
    const { withActor } = await import("@baton/core/actor");
    const old = await sent({ validUntil: inDays(1) });
    const answered = await sent({ validUntil: inDays(1) });
    const read = await world.contact.get(`/quotes/${answered.id}`);
    expect((await world.contact.post(`/quotes/${answered.id}/decline`, { version: read.body.version, reason: "Not now" })).status).toBe(200);
    // As a quote sent before `awaiting` existed is stored: no attribute, no gsi2 keys.
    const { Key } = db.entities.quote.get({ agencyId, quoteId: old.id }).params<{ Key: { pk: string; sk: string } }>();
    await dynamo.send(new UpdateItemCommand({ TableName: Config.tableName, Key: { pk: { S: Key.pk }, sk: { S: Key.sk } }, UpdateExpression: "REMOVE awaiting, gsi2pk, gsi2sk", ConditionExpression: "attribute_exists(gsi2pk)" }));
    const later = new Date(Date.now() + 5 * 86_400_000);
    await runAgencyJobs(agencyId, later);
    expect((await world.owner.get(`/quotes/${old.id}`)).body.status).toBe("sent");

    const first = await withActor({ type: "system", agencyId }, () => backfillQuotesAwaiting(agencyId));
    expect(first.quotes).toBe(1);
    expect((await withActor({ type: "system", agencyId }, () => backfillQuotesAwaiting(agencyId))).quotes).toBe(0);
    await runAgencyJobs(agencyId, later);
    expect((await world.owner.get(`/quotes/${old.id}`)).body.status).toBe("expired");
    // The declined one was left as it was.
    expect((await world.owner.get(`/quotes/${answered.id}`)).body.status).toBe("declined");
  });
});
