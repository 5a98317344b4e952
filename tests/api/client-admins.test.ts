import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@baton/core/db";
import { Identity, IDENTITY_MAX_AGE_MS } from "@baton/core/identity";
import { ApiClient, mailCount, startApi, waitForEmail, type Started } from "../support/http.ts";
import { uniqueEmail } from "../support/fixtures.ts";
import { acceptInvitation, createWorld, type World } from "../support/world.ts";

// Client admins (issue 22 item 5): the client's first contact is its admin; an admin lists the
// company's people, invites colleagues (the invitation in their language), removes them (never
// the last admin), changes roles and chooses who receives invoices. A member sees only their own
// profile. The owner sees and overrides all of it, audited.

let api: Started;
let world: World;
beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Client Admin Agency");
});
afterAll(() => api.close());
afterEach(() => Identity.setClock(null));

type Person = { id: string; email: string; role: "admin" | "member"; receivesInvoices: boolean; getsInvoices: boolean; version: number; can: string[] };

/** The admin (the world's contact) invites a colleague who signs in from the emailed link. */
async function colleague(locale: "en" | "el" | "hi" = "en") {
  const email = uniqueEmail("colleague");
  const invited = await world.contact.post("/portal/people", { email, name: "Cora Colleague", locale });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  const portal = new ApiClient(api.baseUrl, "portal");
  await acceptInvitation(portal, email);
  return { id: invited.body.id as string, email, portal };
}

const people = async (): Promise<Person[]> => (await world.contact.get("/portal/people")).body.items;
const person = async (id: string) => (await people()).find((p) => p.id === id)!;

describe("the client's first contact", () => {
  it("is its admin, lists the company's people and may invite", async () => {
    const listed = await world.contact.get("/portal/people");
    expect(listed.status).toBe(200);
    expect(listed.body.can).toEqual(["invite"]);
    const me = listed.body.items.find((p: Person) => p.id === world.ids.contact);
    expect(me).toMatchObject({ role: "admin", getsInvoices: true });
    // The only admin may change whether they receive invoices, but not step down or leave.
    expect(me.can).toEqual(["change_invoices"]);
    expect((await world.contact.get("/portal/company")).body.can).toEqual(["invite"]);
  });
});

describe("an admin inviting a colleague", () => {
  it("emails the invitation in the colleague's language, and the colleague signs in to the portal as a member", async () => {
    const email = uniqueEmail("greek");
    const invited = await world.contact.post("/portal/people", { email, name: "Eleni Colleague", locale: "el" });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ role: "member", status: "invited", locale: "el", timeZone: "America/New_York", receivesInvoices: false, getsInvoices: false });
    const mail = await waitForEmail(email);
    expect(mail.subject).toContain("σας προσκαλεί");
    const portal = new ApiClient(api.baseUrl, "portal");
    await acceptInvitation(portal, email);
    const me = await portal.get("/me");
    expect(me.body).toMatchObject({ kind: "contact", clientId: world.ids.client, locale: "el" });

    // A member sees only their own profile, and manages nobody.
    const company = await portal.get("/portal/company");
    expect(company.body.contacts.map((c: Person) => c.id)).toEqual([invited.body.id]);
    expect(company.body.can).toEqual([]);
    expect((await portal.get("/portal/people")).status).toBe(403);
    expect((await portal.post("/portal/people", { email: uniqueEmail("x"), name: "X" })).status).toBe(403);
    expect((await portal.patch(`/portal/people/${world.ids.contact}`, { version: 1, role: "member" })).status).toBe(403);
    expect((await portal.delete(`/portal/people/${world.ids.contact}`)).status).toBe(403);
  });

  it("refuses an address someone already signs in with, and bad input, with the field named", async () => {
    const taken = await world.contact.post("/portal/people", { email: world.people.contact.email, name: "Again" });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields.email).toBeTruthy();
    const bad = await world.contact.post("/portal/people", { email: "not-an-email", name: "", locale: "fr", role: "boss" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["email", "locale", "name", "role"]);
    const noVersion = await world.contact.patch(`/portal/people/${world.ids.contact}`, { role: "admin" });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.fields.version).toBeTruthy();
  });
});

describe("removing and roles", () => {
  it("never leaves the company without an admin: the last one can't leave or step down (409)", async () => {
    const self = await person(world.ids.contact);
    const leave = await world.contact.delete(`/portal/people/${world.ids.contact}`);
    expect(leave.status).toBe(409);
    expect(leave.body.error.code).toBe("contact.last_admin");
    const stepDown = await world.contact.patch(`/portal/people/${world.ids.contact}`, { version: self.version, role: "member" });
    expect(stepDown.status).toBe(409);
    expect(stepDown.body.error.code).toBe("contact.last_admin");
    // The owner can't demote the last admin either (the override removes, it doesn't orphan).
    const ownerDemotes = await world.owner.patch(`/clients/${world.ids.client}/contacts/${world.ids.contact}`, { version: self.version, role: "member" });
    expect(ownerDemotes.status).toBe(409);
  });

  it("lets an admin make a colleague admin, who may then take the first admin's role away", async () => {
    const cora = await colleague();
    const promoted = await world.contact.patch(`/portal/people/${cora.id}`, { version: (await person(cora.id)).version, role: "admin" });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe("admin");
    // A stale version answers 409 with the person as they are.
    const stale = await world.contact.patch(`/portal/people/${cora.id}`, { version: 1, receivesInvoices: true });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ id: cora.id, role: "admin" });

    const first = await cora.portal.get("/portal/people");
    expect(first.status).toBe(200);
    const firstAdmin = first.body.items.find((p: Person) => p.id === world.ids.contact);
    expect(firstAdmin.can).toContain("change_role");
    const demoted = await cora.portal.patch(`/portal/people/${world.ids.contact}`, { version: firstAdmin.version, role: "member" });
    expect(demoted.status).toBe(200);
    expect((await world.contact.get("/portal/people")).status).toBe(403);
    // The owner's override puts it back, and the audit log says who did what.
    const restored = await world.owner.patch(`/clients/${world.ids.client}/contacts/${world.ids.contact}`, { version: demoted.body.version, role: "admin" });
    expect(restored.status).toBe(200);
    expect(restored.body.role).toBe("admin");
    const audit = (await world.owner.get("/audit?limit=10")).body.items as Array<{ action: string; actor: { type: string }; data: Record<string, unknown> }>;
    const changes = audit.filter((event) => event.action === "contact.standing_changed" && event.data.contactId === world.ids.contact);
    expect(changes.map((event) => event.data.role)).toEqual(expect.arrayContaining(["member", "admin"]));
    // Cora steps down again: two admins, so she may.
    const cora2 = (await people()).find((p) => p.id === cora.id)!;
    expect((await cora.portal.patch(`/portal/people/${cora.id}`, { version: cora2.version, role: "member" })).status).toBe(200);
  });

  it("removes a colleague: their session ends at once, their email is free, and they are gone from the lists", async () => {
    const cora = await colleague();
    expect((await cora.portal.get("/requests")).status).toBe(200);
    expect((await world.contact.delete(`/portal/people/${cora.id}`)).status).toBe(204);
    expect((await cora.portal.get("/requests")).status).toBe(401);
    expect((await people()).map((p) => p.id)).not.toContain(cora.id);
    const owners = await world.owner.get(`/clients/${world.ids.client}/contacts`);
    expect(owners.body.items.map((p: Person) => p.id)).not.toContain(cora.id);
    expect((await world.contact.delete(`/portal/people/${cora.id}`)).status).toBe(404);
    expect((await world.contact.post("/portal/people", { email: cora.email, name: "Cora Again" })).status).toBe(201);
  });

  it("answers 404 for another client's people and another agency's", async () => {
    const other = await world.owner.post("/clients", { name: "Other Co", code: `OC${Date.now() % 100000}`, timeZone: "UTC", currency: "EUR" });
    const stranger = await world.owner.post(`/clients/${other.body.id}/contacts`, { email: uniqueEmail("stranger"), name: "Stan Stranger", timeZone: "UTC" });
    expect(stranger.status).toBe(201);
    expect((await world.contact.patch(`/portal/people/${stranger.body.id}`, { version: 1, role: "admin" })).status).toBe(404);
    expect((await world.contact.delete(`/portal/people/${stranger.body.id}`)).status).toBe(404);
    // The owner names the client: a contact under the wrong client is not found either.
    expect((await world.owner.patch(`/clients/${other.body.id}/contacts/${world.ids.contact}`, { version: 1, role: "admin" })).status).toBe(404);

    const elsewhere = await createWorld(api, "Elsewhere Agency");
    expect((await elsewhere.contact.delete(`/portal/people/${world.ids.contact}`)).status).toBe(404);
    expect((await elsewhere.contact.patch(`/portal/people/${world.ids.contact}`, { version: 1, role: "member" })).status).toBe(404);
    expect((await elsewhere.owner.patch(`/clients/${world.ids.client}/contacts/${world.ids.contact}`, { version: 1, role: "member" })).status).toBe(404);
  });
});

describe("a removed colleague, while the instance keeps who is asking", () => {
  // As tests/api/identity-cache.test.ts does for members: the cache's clock is frozen, then moved.
  const frozen = () => {
    let now = Date.now();
    Identity.setClock(() => now);
    return { later: (ms: number) => (now += ms) };
  };

  it("is refused at once when the admin removes them on this instance, though their identity was just kept", async () => {
    frozen();
    const cora = await colleague();
    expect((await cora.portal.get("/portal/company")).status).toBe(200);
    expect((await world.contact.delete(`/portal/people/${cora.id}`)).status).toBe(204);
    expect((await cora.portal.get("/portal/company")).status).toBe(401);
  });

  it("is refused within the bound when the removal is written on another instance", async () => {
    const clock = frozen();
    const cora = await colleague();
    expect((await cora.portal.get("/portal/company")).status).toBe(200);
    // Another instance's write: the same table, through a client this process does not watch.
    const elsewhere = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } }),
    );
    const params = db.entities.contact.patch({ agencyId: world.agency.agencyId, contactId: cora.id }).set({ status: "removed" }).add({ sessionVersion: 1 }).params();
    await elsewhere.send(new UpdateCommand(params as never));
    clock.later(IDENTITY_MAX_AGE_MS - 1_000);
    expect((await cora.portal.get("/portal/company")).status).toBe(200); // within the bound: the stated trade-off
    clock.later(1_000);
    expect((await cora.portal.get("/portal/company")).status).toBe(401);
  });
});

describe("who receives invoices", () => {
  async function sendInvoice(description: string): Promise<string> {
    const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description, quantity: 1, unitAmount: 5_000 }] });
    const sent = await world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    return sent.body.number as string;
  }

  it("goes to the people chosen, else to the admins", async () => {
    const cora = await colleague();
    // Nobody chosen: the admin gets it, the member doesn't.
    const seenCora = await mailCount(cora.email);
    const first = await sendInvoice("Admins only");
    await waitForEmail(world.people.contact.email, (email) => email.subject.includes(first));
    expect((await mailCount(cora.email)) - seenCora).toBe(0);

    // Cora chosen: she gets it, and the admin no longer does.
    const chosen = await world.contact.patch(`/portal/people/${cora.id}`, { version: (await person(cora.id)).version, receivesInvoices: true });
    expect(chosen.body).toMatchObject({ receivesInvoices: true, getsInvoices: true });
    expect((await person(world.ids.contact)).getsInvoices).toBe(false);
    const seenAdmin = await mailCount(world.people.contact.email);
    const second = await sendInvoice("Cora's");
    await waitForEmail(cora.email, (email) => email.subject.includes(second));
    expect((await mailCount(world.people.contact.email)) - seenAdmin).toBe(0);

    // The owner overrides: Cora off again, so the admins get them.
    const off = await world.owner.patch(`/clients/${world.ids.client}/contacts/${cora.id}`, { version: chosen.body.version, receivesInvoices: false });
    expect(off.status).toBe(200);
    const third = await sendInvoice("Back to admins");
    await waitForEmail(world.people.contact.email, (email) => email.subject.includes(third));
    expect((await world.contact.delete(`/portal/people/${cora.id}`)).status).toBe(204);
  });
});
