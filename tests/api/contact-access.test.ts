import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, linkTokenFor, mailCount, newLinkTokenFor, startApi, type Started } from "../support/http.ts";
import { uniqueEmail } from "../support/fixtures.ts";
import { acceptInvitation, createWorld, type World } from "../support/world.ts";

// A client contact's access can be taken away: deactivated (reversible) or removed (for good).
// Either ends their sessions at once, stops their calendar feed and their sign-in links. And a
// contact of an inactive client reads their history but changes nothing.

let api: Started;
let world: World;
beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Contact Access Agency");
});
afterAll(() => api.close());

/** A new, signed-in contact of the world's client, with their calendar feed's URL. */
async function newContact() {
  const email = uniqueEmail("person");
  const invited = await world.owner.post(`/clients/${world.ids.client}/contacts`, { email, name: "Pat Person", timeZone: "UTC" });
  expect(invited.status).toBe(201);
  const portal = new ApiClient(api.baseUrl, "portal");
  await acceptInvitation(portal, email);
  const feed = await portal.post("/calendar/feed-url");
  expect(feed.status).toBe(200);
  const feedPath = new URL(feed.body.url).pathname.replace(/^\/api/, "");
  expect((await portal.get(feedPath)).status).toBe(200);
  return { id: invited.body.id as string, email, portal, feedPath };
}

const contactsPath = (id: string) => `/clients/${world.ids.client}/contacts/${id}`;

describe("deactivating a contact", () => {
  it("ends their session, their feed and their sign-in at once; reactivating lets them sign in again", async () => {
    const person = await newContact();
    const deactivated = await world.owner.post(`${contactsPath(person.id)}/deactivate`);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.status).toBe("deactivated");
    expect((await person.portal.get("/portal/company")).status).toBe(401);
    expect((await new ApiClient(api.baseUrl, null).get(person.feedPath)).status).toBe(404);
    // No link is sent to a deactivated contact (the answer is the same as for any address).
    const seen = await mailCount(person.email);
    expect((await new ApiClient(api.baseUrl, "portal").post("/auth/link", { email: person.email })).status).toBe(202);
    await expect(newLinkTokenFor(person.email, seen)).rejects.toThrow();

    const reactivated = await world.owner.post(`${contactsPath(person.id)}/reactivate`);
    expect(reactivated.body.status).toBe("active");
    const again = new ApiClient(api.baseUrl, "portal");
    const seenBefore = await mailCount(person.email);
    await again.post("/auth/link", { email: person.email });
    expect((await again.post("/auth/verify", { token: await newLinkTokenFor(person.email, seenBefore) })).status).toBe(200);
    expect((await again.get("/portal/company")).status).toBe(200);
  });

  it("is listed with its status, and a link redeemed after it is refused", async () => {
    const person = await newContact();
    const before = Math.floor(Date.now() / 1000);
    await new ApiClient(api.baseUrl, "portal").post("/auth/link", { email: person.email });
    const token = await linkTokenFor(person.email, before);
    await world.owner.post(`${contactsPath(person.id)}/deactivate`);
    expect((await new ApiClient(api.baseUrl, "portal").post("/auth/verify", { token })).status).toBe(401);
    const listed = await world.owner.get(`/clients/${world.ids.client}/contacts`);
    expect(listed.body.items.find((c: { id: string }) => c.id === person.id).status).toBe("deactivated");
  });
});

describe("removing a contact", () => {
  it("ends their access for good, drops them from the lists and frees their email", async () => {
    const person = await newContact();
    expect((await world.owner.delete(contactsPath(person.id))).status).toBe(204);
    expect((await person.portal.get("/requests")).status).toBe(401);
    expect((await new ApiClient(api.baseUrl, null).get(person.feedPath)).status).toBe(404);
    const listed = await world.owner.get(`/clients/${world.ids.client}/contacts`);
    expect(listed.body.items.map((c: { id: string }) => c.id)).not.toContain(person.id);
    const company = await world.contact.get("/portal/company");
    expect(company.body.contacts.map((c: { id: string }) => c.id)).not.toContain(person.id);
    expect((await world.owner.delete(contactsPath(person.id))).status).toBe(404);
    const invitedAgain = await world.owner.post(`/clients/${world.ids.client}/contacts`, { email: person.email, name: "Pat Again", timeZone: "UTC" });
    expect(invitedAgain.status).toBe(201);
  });

  it("answers 404 for a contact of another client", async () => {
    const other = await world.owner.post("/clients", { name: "Other Co", code: `OC${Date.now() % 100000}`, timeZone: "UTC", currency: "EUR" });
    expect((await world.owner.delete(`/clients/${other.body.id}/contacts/${world.ids.contact}`)).status).toBe(404);
    expect((await world.owner.post(`/clients/${other.body.id}/contacts/${world.ids.contact}/deactivate`)).status).toBe(404);
  });
});

describe("a contact of an inactive client", () => {
  it("reads the history but can't submit, write or approve", async () => {
    const submitted = await world.contact.post("/requests", { title: "Before", description: "D", service: "Admin" });
    expect(submitted.status).toBe(201);
    const client = await world.owner.get(`/clients/${world.ids.client}`);
    expect((await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, status: "inactive" })).status).toBe(200);

    expect((await world.contact.get("/requests")).status).toBe(200);
    expect((await world.contact.get(`/requests/${submitted.body.id}`)).status).toBe(200);
    expect((await world.contact.get(`/requests/${submitted.body.id}/messages`)).status).toBe(200);
    expect((await world.contact.get("/invoices")).status).toBe(200);

    const refused = await world.contact.post("/requests", { title: "After", description: "D", service: "Admin" });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("client.inactive");
    expect((await world.contact.post(`/requests/${submitted.body.id}/messages`, { body: "Hello?" })).status).toBe(403);
    // Their own profile is still theirs to change.
    expect((await world.contact.patch("/me", { name: "Ada C." })).status).toBe(200);

    const again = await world.owner.get(`/clients/${world.ids.client}`);
    await world.owner.patch(`/clients/${world.ids.client}`, { version: again.body.version, status: "active" });
    expect((await world.contact.post("/requests", { title: "Back", description: "D", service: "Admin" })).status).toBe(201);
  });
});
