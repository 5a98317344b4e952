import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// A message carries its author's time zone as it was when they wrote, so each reader can see the
// author's local time beside the message (the owner is in London, the contact in New York and
// the subcontractor in Kolkata in the test world).

let api: Started;
let world: World;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Zones Agency");
});
afterAll(() => api.close());

describe("a message's author zone", () => {
  it("is the zone of the owner, the contact and the assigned subcontractor who wrote it, for every reader", async () => {
    const { request, task } = await acceptedTask(world);
    const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
    expect(assigned.status).toBe(200);

    const fromOwner = await world.owner.post(`/requests/${request.id}/messages`, { body: "We start on Monday." });
    expect(fromOwner.status).toBe(201);
    expect(fromOwner.body.author).toEqual({ type: "member", id: expect.any(String), name: "Owner Person", timeZone: "Europe/London" });

    const fromContact = await world.contact.post(`/requests/${request.id}/messages`, { body: "Thanks, talk then." });
    expect(fromContact.status).toBe(201);
    expect(fromContact.body.author).toEqual({ type: "contact", id: world.ids.contact, name: "Ada Client", timeZone: "America/New_York" });

    // Subcontractors write to the client only where the agency lets them.
    const agency = (await world.owner.get("/agency")).body;
    await world.owner.patch("/agency", { version: agency.version, subcontractorsWriteToClients: true });
    const fromSub = await world.sub.post(`/requests/${request.id}/messages`, { body: "Draft is in progress." });
    expect(fromSub.status).toBe(201);
    expect(fromSub.body.author.timeZone).toBe("Asia/Kolkata");

    const expected = [
      { id: fromOwner.body.id, zone: "Europe/London" },
      { id: fromContact.body.id, zone: "America/New_York" },
      { id: fromSub.body.id, zone: "Asia/Kolkata" },
    ];
    for (const reader of [world.owner, world.contact, world.sub]) {
      const thread = await reader.get(`/requests/${request.id}/messages`);
      expect(thread.status).toBe(200);
      expect(thread.body.items.map((m: any) => ({ id: m.id, zone: m.author.timeZone }))).toEqual(expected);
    }
  });

  it("is absent from messages written before zones were kept", async () => {
    const { request } = await acceptedTask(world, { title: "Old thread" });
    // A message as stored before authorTimeZone existed.
    const { db } = await import("@baton/core/db");
    await db.entities.message
      .create({ agencyId: world.agency.agencyId, requestId: request.id, messageId: "msg_00000000000000000000000001", authorType: "contact", authorId: world.ids.contact, authorName: "Ada Client", body: "Hello from before.", createdAt: "2026-01-05T10:00:00.000Z" })
      .go();
    const thread = await world.owner.get(`/requests/${request.id}/messages`);
    expect(thread.status).toBe(200);
    expect(thread.body.items[0].author).toEqual({ type: "contact", id: world.ids.contact, name: "Ada Client" });
  });

  it("stays the zone the author was in when they wrote, after they move", async () => {
    const { request } = await acceptedTask(world, { title: "Travel plans" });
    const before = await world.contact.post(`/requests/${request.id}/messages`, { body: "Writing from New York." });
    expect(before.status).toBe(201);

    const me = await world.contact.get("/me");
    const moved = await world.contact.patch("/me", { timeZone: "Australia/Sydney" });
    expect(moved.status).toBe(200);
    try {
      const after = await world.contact.post(`/requests/${request.id}/messages`, { body: "Now in Sydney." });
      expect(after.body.author.timeZone).toBe("Australia/Sydney");

      const thread = await world.owner.get(`/requests/${request.id}/messages`);
      expect(thread.body.items.map((m: any) => [m.body, m.author.timeZone])).toEqual([
        ["Writing from New York.", "America/New_York"],
        ["Now in Sydney.", "Australia/Sydney"],
      ]);
    } finally {
      await world.contact.patch("/me", { timeZone: me.body.timeZone });
    }
  });
});
