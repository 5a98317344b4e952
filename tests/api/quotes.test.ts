import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailCount, startApi, waitForEmail, type Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// Quotes over HTTP (issue 18, part 3): the owner drafts a quote from a request or blank (catalog
// lines copied in the client's currency, or custom), sends it (its own gapless numbers, emailed
// with a portal link), the client accepts by typed name and the SHA-256 of the text shown or
// declines with a reason. Acceptance issues the deposit invoice and plans the work in one step.
// Accepting twice, after expiry or after an edit is a 409 with the current quote.

let api: Started;
let world: World;
let serviceId: string;
let sopId: string;

const dayIn = (timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date());
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Quote Agency");
  const client = await world.owner.get(`/clients/${world.ids.client}`);
  // A 50 % deposit by the client's payment terms.
  const billing = await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, billing: { depositRate: 5000 } });
  expect(billing.status, JSON.stringify(billing.body)).toBe(200);
  const sop = await world.owner.post("/sops", { title: "Site launch", category: "Web", body: "Launch it.", checklist: ["DNS", "SSL"] });
  sopId = sop.body.id;
  const svc = await world.owner.post("/packages", { name: "Website launch", prices: [{ currency: "USD", amount: 120_000 }], sopIds: [sopId], turnaroundDays: 5, visibility: "all" });
  expect(svc.status, JSON.stringify(svc.body)).toBe(201);
  serviceId = svc.body.id;
});
afterAll(() => api.close());

async function draft(extra: Record<string, unknown> = {}) {
  const reply = await world.owner.post("/quotes", {
    clientId: world.ids.client,
    title: "Launch the new site",
    lines: [{ kind: "package", packageId: serviceId, quantity: 1 }, { kind: "custom", description: "Copy review", quantity: 2, unitAmount: 5_000 }],
    validUntil: inDays(14),
    terms: "Half up front, half on launch.",
    ...extra,
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

async function sent(extra: Record<string, unknown> = {}) {
  const quote = await draft(extra);
  const reply = await world.owner.post(`/quotes/${quote.id}/send`, { version: quote.version });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
}

describe("drafting", () => {
  it("copies catalog lines at the client's currency price, adds custom ones, and takes the deposit from the client's terms", async () => {
    const quote = await draft();
    expect(quote).toMatchObject({ status: "draft", number: null, currency: "USD", subtotal: 130_000, total: 130_000, depositPercent: 5000, depositAmount: 65_000, can: ["edit", "send"] });
    expect(quote.lines[0]).toMatchObject({ kind: "package", packageId: serviceId, unitAmount: 120_000, amount: 120_000 });
    expect(quote.lines[1]).toMatchObject({ kind: "custom", description: "Copy review", amount: 10_000 });
  });

  it("answers bad lines and dates 400 with the fields named", async () => {
    const bad = await world.owner.post("/quotes", {
      clientId: world.ids.client,
      title: "X",
      lines: [{ kind: "custom", quantity: 0 }, { kind: "package", quantity: 1 }],
      validUntil: "2026-02-30",
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(["lines.0.quantity", "lines.0.description", "lines.0.unitAmount", "lines.1.packageId", "validUntil"]));
    const past = await world.owner.post("/quotes", { clientId: world.ids.client, title: "X", lines: [{ kind: "custom", description: "A", quantity: 1, unitAmount: 1 }], validUntil: "2020-01-01" });
    expect(past.status).toBe(400);
    expect(past.body.error.fields).toHaveProperty("validUntil");
    const none = await world.owner.post("/quotes", { clientId: world.ids.client, title: "X", lines: [], validUntil: inDays(3) });
    expect(none.status).toBe(400);
    expect(none.body.error.fields).toHaveProperty("lines");
    const unpriced = await world.owner.post("/quotes", { clientId: world.ids.client, title: "X", lines: [{ kind: "package", packageId: "pkg_01kbz0000000000000000000zz", quantity: 1 }], validUntil: inDays(3) });
    expect(unpriced.status).toBe(400);
    expect(unpriced.body.error.fields).toHaveProperty(["lines.0.packageId"]);
  });

  it("is the owner's alone until sent: a contact finds no draft", async () => {
    const quote = await draft();
    expect((await world.contact.get(`/quotes/${quote.id}`)).status).toBe(404);
    expect((await world.contact.get("/quotes")).body.items.map((q: any) => q.id)).not.toContain(quote.id);
    expect((await world.sub.get(`/quotes/${quote.id}`)).status).toBe(403);
    expect((await world.owner.get(`/quotes/q${"x".repeat(500)}`)).status).toBe(404);
  });
});

describe("sending", () => {
  it("numbers sent quotes in their own gapless sequence, and emails the client a portal link", async () => {
    const [a, b] = await Promise.all([draft(), draft()]);
    const [sa, sb] = await Promise.all([world.owner.post(`/quotes/${a.id}/send`, { version: a.version }), world.owner.post(`/quotes/${b.id}/send`, { version: b.version })]);
    expect([sa.status, sb.status]).toEqual([200, 200]);
    const numbers = [sa.body.number, sb.body.number].map((n: string) => Number(n.slice(2))).sort((x, y) => x - y);
    expect(numbers[1]! - numbers[0]!).toBe(1);
    const again = await world.owner.post(`/quotes/${a.id}/send`, { version: sa.body.version });
    expect(again.status).toBe(409);
    expect(again.body.current.id).toBe(a.id);
    const mail = await waitForEmail(world.people.contact.email, (e) => e.subject.includes(sa.body.number));
    expect(mail.body.html).toContain(`/quotes/${a.id}`);
  });

  it("keeps what was sent when the catalog's price changes afterwards", async () => {
    const quote = await sent();
    const pkg = await world.owner.get(`/packages/${serviceId}`);
    const repriced = await world.owner.patch(`/packages/${serviceId}`, { version: pkg.body.version, prices: [{ currency: "USD", amount: 999_900 }] });
    expect(repriced.status).toBe(200);
    const seen = await world.contact.get(`/quotes/${quote.id}`);
    expect(seen.body.lines[0].unitAmount).toBe(120_000);
    expect(seen.body.total).toBe(quote.total);
    await world.owner.patch(`/packages/${serviceId}`, { version: repriced.body.version, prices: [{ currency: "USD", amount: 120_000 }] });
  });
});

describe("the client's answer", () => {
  it("accepts by typed name and the text's SHA-256: evidence kept, deposit invoice issued, the request planned from its service's SOPs", async () => {
    const submitted = await world.contact.post("/requests", { title: "New website", description: "We need a site.", service: "Web" });
    expect(submitted.status).toBe(201);
    const quote = await sent({ clientId: undefined, requestId: submitted.body.id });
    expect(quote.requestId).toBe(submitted.body.id);
    const read = await world.contact.get(`/quotes/${quote.id}`);
    expect(read.body.can).toEqual(["accept", "decline"]);
    expect(read.body.text).toContain("Website launch");

    const wrongName = await world.contact.post(`/quotes/${quote.id}/accept`, { version: read.body.version, fullName: "Someone Else", sha256: read.body.sha256 });
    expect(wrongName.status).toBe(400);
    expect(wrongName.body.error.fields).toHaveProperty("fullName");

    const accepted = await world.contact.post(`/quotes/${quote.id}/accept`, { version: read.body.version, fullName: "Ada Client", sha256: read.body.sha256 });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ status: "accepted", answeredBy: "Ada Client", can: [] });
    expect(accepted.body.acceptance).toMatchObject({ fullName: "Ada Client", sha256: read.body.sha256, locale: "en" });
    expect(accepted.body.acceptance.ip).toBeTruthy();
    expect(accepted.body.text).toBe(read.body.text);

    // The deposit invoice: issued (numbered and sent), half the subtotal, visible to the client.
    const invoice = await world.contact.get(`/invoices/${accepted.body.depositInvoiceId}`);
    expect(invoice.status).toBe(200);
    expect(invoice.body).toMatchObject({ kind: "deposit", status: "sent", subtotal: 65_000 });

    // The request is accepted with one task per SOP of the quoted service.
    const request = await world.owner.get(`/requests/${submitted.body.id}`);
    expect(request.body.request.status).not.toBe("submitted");
    expect(request.body.tasks.map((t: any) => t.title)).toEqual(["Site launch"]);
    expect(request.body.tasks[0].checklist.map((c: any) => c.text)).toEqual(["DNS", "SSL"]);

    const mail = await waitForEmail(world.agency.ownerEmail, (e) => e.subject.includes(`accepted quote ${quote.number}`));
    expect(mail.body.html).toContain(`/quotes/${quote.id}`);

    // Accepting twice: 409 with the quote as it is.
    const twice = await world.contact.post(`/quotes/${quote.id}/accept`, { version: accepted.body.version, fullName: "Ada Client", sha256: read.body.sha256 });
    expect(twice.status).toBe(409);
    expect(twice.body.current.status).toBe("accepted");
  });

  it("two acceptances at once: one wins, the other is a 409, and one deposit invoice is issued", async () => {
    const quote = await sent();
    const read = await world.contact.get(`/quotes/${quote.id}`);
    const body = { version: read.body.version, fullName: "Ada Client", sha256: read.body.sha256 };
    const before = (await world.owner.get(`/invoices?clientId=${world.ids.client}`)).body.items.length;
    const replies = await Promise.all([world.contact.post(`/quotes/${quote.id}/accept`, body), world.contact.post(`/quotes/${quote.id}/accept`, body)]);
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409]);
    const after = (await world.owner.get(`/invoices?clientId=${world.ids.client}`)).body.items.length;
    expect(after - before).toBe(1);
  });

  it("a blank quote's acceptance makes the request and plans it; no deposit when the quote asks none", async () => {
    const quote = await sent({ depositPercent: 0, lines: [{ kind: "custom", description: "Strategy workshop", quantity: 1, unitAmount: 40_000 }] });
    const read = await world.contact.get(`/quotes/${quote.id}`);
    const accepted = await world.contact.post(`/quotes/${quote.id}/accept`, { version: read.body.version, fullName: "ada  client", sha256: read.body.sha256 });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.depositInvoiceId).toBeNull();
    expect(accepted.body.requestId).toMatch(/^req_/);
    const request = await world.owner.get(`/requests/${accepted.body.requestId}`);
    expect(request.body.request.title).toBe("Launch the new site");
    expect(request.body.tasks).toHaveLength(1);
  });

  it("refuses an acceptance after the owner edited the quote: 409 with the current one", async () => {
    const quote = await sent();
    const read = await world.contact.get(`/quotes/${quote.id}`);
    await waitForEmail(world.people.contact.email, (e) => e.subject.includes(quote.number));
    const emailed = await mailCount(world.people.contact.email);
    const edited = await world.owner.patch(`/quotes/${quote.id}`, {
      version: quote.version,
      title: quote.title,
      lines: [{ kind: "custom", description: "Copy review", quantity: 3, unitAmount: 5_000 }],
      validUntil: quote.validUntil,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.number).toBe(quote.number);
    // The client is emailed the new version (same number): what they read before can't be accepted.
    await expect.poll(() => mailCount(world.people.contact.email)).toBeGreaterThan(emailed);
    const stale = await world.contact.post(`/quotes/${quote.id}/accept`, { version: read.body.version, fullName: "Ada Client", sha256: read.body.sha256 });
    expect(stale.status).toBe(409);
    expect(stale.body.current.total).toBe(15_000);
    // The same version with another text (as if the page were tampered with): read it again.
    const changed = await world.contact.post(`/quotes/${quote.id}/accept`, { version: edited.body.version, fullName: "Ada Client", sha256: read.body.sha256 });
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe("quote.changed");
  });

  it("refuses an expired quote: 409, and it reads as expired", async () => {
    // Valid until today at UTC−11; once the client's zone is UTC+14 (25 hours ahead), that day has passed there.
    const zone = async (timeZone: string) => {
      const client = await world.owner.get(`/clients/${world.ids.client}`);
      expect((await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, timeZone })).status).toBe(200);
    };
    await zone("Pacific/Pago_Pago");
    try {
      const quote = await sent({ validUntil: dayIn("Pacific/Pago_Pago") });
      const read = await world.contact.get(`/quotes/${quote.id}`);
      expect(read.body.status).toBe("sent");
      await zone("Pacific/Kiritimati");
      const expired = await world.contact.get(`/quotes/${quote.id}`);
      expect(expired.body).toMatchObject({ status: "expired", can: [] });
      const late = await world.contact.post(`/quotes/${quote.id}/accept`, { version: read.body.version, fullName: "Ada Client", sha256: read.body.sha256 });
      expect(late.status).toBe(409);
      expect(late.body.error).toMatchObject({ code: "quote.expired" });
      expect(late.body.current.status).toBe("expired");
    } finally {
      await zone("America/New_York");
    }
  });

  it("declines with a reason; the owner is told", async () => {
    const quote = await sent();
    const read = await world.contact.get(`/quotes/${quote.id}`);
    const empty = await world.contact.post(`/quotes/${quote.id}/decline`, { version: read.body.version, reason: " " });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields).toHaveProperty("reason");
    const declined = await world.contact.post(`/quotes/${quote.id}/decline`, { version: read.body.version, reason: "Over our budget this quarter." });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: "declined", declineReason: "Over our budget this quarter.", can: [] });
    await waitForEmail(world.agency.ownerEmail, (e) => e.subject.includes(`declined quote ${quote.number}`));
    const late = await world.contact.post(`/quotes/${quote.id}/accept`, { version: declined.body.version, fullName: "Ada Client", sha256: read.body.sha256 });
    expect(late.status).toBe(409);
    const edit = await world.owner.patch(`/quotes/${quote.id}`, { version: declined.body.version, title: "X", lines: [{ kind: "custom", description: "A", quantity: 1, unitAmount: 1 }], validUntil: inDays(3) });
    expect(edit.status).toBe(409);
  });

  it("reads in Greek for a Greek contact, and the Greek text is what is accepted", async () => {
    await world.contact.patch("/me", { locale: "el" });
    try {
      const quote = await sent({ depositPercent: 0 });
      const read = await world.contact.get(`/quotes/${quote.id}`);
      expect(read.body.text).toContain("Προσφορά");
      const accepted = await world.contact.post(`/quotes/${quote.id}/accept`, { version: read.body.version, fullName: "Ada Client", sha256: read.body.sha256 });
      expect(accepted.status).toBe(200);
      expect(accepted.body.acceptance.locale).toBe("el");
      // The owner reads the accepted (Greek) text as it was signed.
      expect((await world.owner.get(`/quotes/${quote.id}`)).body.text).toBe(read.body.text);
    } finally {
      await world.contact.patch("/me", { locale: "en" });
    }
  });
});
