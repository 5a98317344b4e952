import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, linkTokenFor, signIn, startApi, waitForEmail, type Started } from "../support/http.ts";
import { createAgency, uniqueEmail } from "../support/fixtures.ts";

let api: Started;
let agency: Awaited<ReturnType<typeof createAgency>>;
let owner: ApiClient;
let codes = 0;

const newClient = (overrides: Record<string, unknown> = {}) => ({
  name: "Acme Corp",
  code: `AC${++codes}`,
  timeZone: "America/New_York",
  currency: "usd",
  ...overrides,
});

beforeAll(async () => {
  api = await startApi();
  agency = await createAgency("Client Agency");
  owner = new ApiClient(api.baseUrl);
  await signIn(owner, agency.ownerEmail);
});
afterAll(() => api.close());

describe("clients", () => {
  it("creates a client as a lead with its currency upper-cased", async () => {
    const created = await owner.post("/clients", newClient({ code: "acme", website: "https://acme.example", notes: "Prefers email" }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "Acme Corp",
      code: "ACME",
      currency: "USD",
      status: "lead",
      website: "https://acme.example",
      notes: "Prefers email",
      version: 1,
    });
    expect(created.body.id).toMatch(/^cli_/);
    expect((await owner.get(`/clients/${created.body.id}`)).body).toEqual(created.body);
  });

  it("keeps client codes unique within the agency, even under concurrent creates", async () => {
    const replies = await Promise.all(Array.from({ length: 6 }, () => owner.post("/clients", newClient({ code: "RACE" }))));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    for (const reply of replies.filter((r) => r.status !== 201)) {
      expect(reply.status).toBe(409);
      expect(reply.body.error).toMatchObject({ code: "client.code_taken", fields: { code: expect.any(String) } });
    }
  });

  it("lets another agency use the same code", async () => {
    const other = await createAgency("Code Twin Agency");
    const otherOwner = new ApiClient(api.baseUrl);
    await signIn(otherOwner, other.ownerEmail);
    await owner.post("/clients", newClient({ code: "TWIN" }));
    expect((await otherOwner.post("/clients", newClient({ code: "TWIN" }))).status).toBe(201);
  });

  it("changes a client's code, freeing the old one, and refuses a code in use", async () => {
    const a = await owner.post("/clients", newClient({ code: "OLDA" }));
    await owner.post("/clients", newClient({ code: "TAKEN" }));
    const clash = await owner.patch(`/clients/${a.body.id}`, { version: 1, code: "TAKEN" });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe("client.code_taken");
    const renamed = await owner.patch(`/clients/${a.body.id}`, { version: 1, code: "NEWA", status: "active", notes: null });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ code: "NEWA", status: "active", version: 2 });
    expect((await owner.post("/clients", newClient({ code: "OLDA" }))).status).toBe(201);
  });

  it("clears optional fields set to null", async () => {
    const created = await owner.post("/clients", newClient({ website: "https://x.example", notes: "n" }));
    const cleared = await owner.patch(`/clients/${created.body.id}`, { version: 1, website: null, notes: "" });
    expect(cleared.body).toMatchObject({ website: null, notes: null });
  });

  it("answers a stale version with 409 and the current client", async () => {
    const created = await owner.post("/clients", newClient());
    await owner.patch(`/clients/${created.body.id}`, { version: 1, name: "Acme Renamed" });
    const stale = await owner.patch(`/clients/${created.body.id}`, { version: 1, name: "Lost Update" });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ name: "Acme Renamed", version: 2 });
  });

  it("filters the list by status and pages with a cursor", async () => {
    const fresh = await createAgency("List Agency");
    const lister = new ApiClient(api.baseUrl);
    await signIn(lister, fresh.ownerEmail);
    for (const [i, status] of ["lead", "active", "active", "inactive", "active"].entries()) {
      await lister.post("/clients", newClient({ name: `Client ${i}`, status }));
    }
    const active = [];
    let cursor: string | null = null;
    do {
      const page: any = await lister.get(`/clients?status=active&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(page.status).toBe(200);
      active.push(...page.body.items);
      cursor = page.body.cursor;
    } while (cursor);
    expect(active.map((c) => c.status)).toEqual(["active", "active", "active"]);
    expect((await lister.get("/clients")).body.items).toHaveLength(5);
    expect((await lister.get("/clients?status=vip")).status).toBe(400);
  });
});

describe("client contacts and the portal", () => {
  it("invites a contact who signs in to the portal and sees only their company", async () => {
    const client = await owner.post("/clients", newClient({ name: "Kookaburra & Co", timeZone: "Australia/Sydney", currency: "AUD", notes: "Internal: slow payer" }));
    const email = uniqueEmail("kai");
    const invited = await owner.post(`/clients/${client.body.id}/contacts`, { email, name: "Kai Wilson", timeZone: "Australia/Sydney" });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ clientId: client.body.id, email, status: "invited" });

    const mail = await waitForEmail(email);
    expect(mail.subject).toBe("Client Agency invited you to your client portal");
    expect(mail.body.text).toContain(`${api.baseUrl}/portal/auth/verify?token=`);

    const contact = new ApiClient(api.baseUrl, "portal");
    const verified = await contact.post("/auth/verify", { token: await linkTokenFor(email) });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ kind: "contact", role: "client", clientId: client.body.id });
    expect(verified.headers.getSetCookie().some((c) => c.startsWith("baton_portal="))).toBe(true);

    const company = await contact.get("/portal/company");
    expect(company.status).toBe(200);
    expect(company.body.client).toMatchObject({ id: client.body.id, name: "Kookaburra & Co", currency: "AUD" });
    expect(company.body.client).not.toHaveProperty("notes");
    expect(company.body.contacts.map((c: any) => c.email)).toEqual([email]);

    const contacts = await owner.get(`/clients/${client.body.id}/contacts`);
    expect(contacts.body.items[0].status).toBe("active");
  });

  it("keeps contacts out of the team's routes and members out of the portal's", async () => {
    const client = await owner.post("/clients", newClient());
    const email = uniqueEmail("contact");
    await owner.post(`/clients/${client.body.id}/contacts`, { email, name: "Casey Contact", timeZone: "UTC" });
    const contact = new ApiClient(api.baseUrl, "portal");
    await contact.post("/auth/verify", { token: await linkTokenFor(email) });

    expect((await contact.get("/clients")).status).toBe(403);
    expect((await contact.get(`/clients/${client.body.id}`)).status).toBe(403);
    expect((await contact.get("/members")).status).toBe(403);
    expect((await contact.post("/api-keys", { name: "x" })).status).toBe(403);
    expect((await owner.get("/portal/company")).status).toBe(403);
  });

  it("does not let one agency's session reach another's clients", async () => {
    const mine = await owner.post("/clients", newClient());
    const other = await createAgency("Nosy Agency");
    const nosy = new ApiClient(api.baseUrl);
    await signIn(nosy, other.ownerEmail);
    expect((await nosy.get(`/clients/${mine.body.id}`)).status).toBe(404);
    expect((await nosy.patch(`/clients/${mine.body.id}`, { version: 1, name: "Stolen" })).status).toBe(404);
    expect((await nosy.get(`/clients/${mine.body.id}/contacts`)).status).toBe(404);
    expect((await nosy.post(`/clients/${mine.body.id}/contacts`, { email: uniqueEmail("x"), name: "X", timeZone: "UTC" })).status).toBe(404);
    expect((await owner.get(`/clients/${mine.body.id}`)).body.name).toBe("Acme Corp");
  });

  it("refuses to invite a contact whose email already signs in to the agency", async () => {
    const client = await owner.post("/clients", newClient());
    const reply = await owner.post(`/clients/${client.body.id}/contacts`, { email: agency.ownerEmail, name: "Dup", timeZone: "UTC" });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe("contact.exists");
  });

  it("lets a contact update their own name, time zone and language", async () => {
    const client = await owner.post("/clients", newClient());
    const email = uniqueEmail("self");
    await owner.post(`/clients/${client.body.id}/contacts`, { email, name: "Self Editor", timeZone: "UTC" });
    const contact = new ApiClient(api.baseUrl, "portal");
    await contact.post("/auth/verify", { token: await linkTokenFor(email) });
    const updated = await contact.patch("/me", { name: "Selina Editor", timeZone: "Asia/Kolkata", locale: "hi" });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: "Selina Editor", timeZone: "Asia/Kolkata", locale: "hi", role: "client" });
  });
});
