import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// What a retainer client's contacts see of the hour bank, by the owner's transparency setting:
// full detail (entries and this month's time per request), totals only (no entries, no
// requests), or hidden (the portal's hours answer 404). The owner always sees everything.

let api: Started;
let world: World;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Transparent Hours Agency");
  const client = await world.owner.get(`/clients/${world.ids.client}`);
  const saved = await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, billing: { hourlyRate: 5000, retainer: { fee: 100000, includedMinutes: 600 } } });
  expect(saved.status).toBe(200);
});
afterAll(() => api.close());

const transparency = (value: unknown) => world.owner.patch(`/hour-bank/clients/${world.ids.client}/transparency`, { transparency: value });
const anHourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

describe("per-client transparency", () => {
  it("shows full detail by default: entries with their reasons and this month's time per request", async () => {
    const { request, task } = await acceptedTask(world, { title: "Quarterly report" });
    expect((await world.owner.post("/time", { taskId: task.id, startedAt: anHourAgo(), minutes: 50, billable: true })).status).toBe(201);
    expect((await world.owner.post("/time", { taskId: task.id, startedAt: anHourAgo(), minutes: 25, billable: true })).status).toBe(201);
    expect((await world.owner.post("/time", { clientId: world.ids.client, startedAt: anHourAgo(), minutes: 15, billable: true })).status).toBe(201);
    expect((await world.owner.post("/time", { taskId: task.id, startedAt: anHourAgo(), minutes: 40, billable: false })).status).toBe(201);
    expect((await world.owner.post(`/hour-bank/clients/${world.ids.client}/adjustments`, { minutes: 60, reason: "Launch week" })).status).toBe(200);

    const seen = await world.contact.get("/portal/hours");
    expect(seen.status).toBe(200);
    expect(seen.body.transparency).toBe("full");
    expect(seen.body.entries.find((e: any) => e.kind === "adjusted").reason).toBe("Launch week");
    // Billable time only, most used first; time logged without a task comes last, with no request.
    expect(seen.body.requests).toEqual([
      { reference: request.reference, minutes: 75, tasks: [{ reference: request.reference, title: "Quarterly report", minutes: 75 }] },
      { reference: null, minutes: 15, tasks: [{ reference: null, title: "", minutes: 15 }] },
    ]);
    const used = seen.body.periods.find((p: any) => p.period === seen.body.period).usedMinutes;
    expect(seen.body.requests.reduce((sum: number, r: any) => sum + r.minutes, 0)).toBe(used);
  });

  it("gives the totals only: the balance and periods, no entries and no requests", async () => {
    const set = await transparency("totals");
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ transparency: "totals" });
    const seen = await world.contact.get("/portal/hours");
    expect(seen.status).toBe(200);
    expect(seen.body.transparency).toBe("totals");
    expect(seen.body.entries).toEqual([]);
    expect(seen.body.requests).toEqual([]);
    expect(JSON.stringify(seen.body)).not.toContain("Launch week");
    const owner = await world.owner.get(`/hour-bank/clients/${world.ids.client}`);
    expect(owner.body.transparency).toBe("totals");
    expect(seen.body.balanceMinutes).toBe(owner.body.balanceMinutes);
    expect(owner.body.entries.length).toBeGreaterThan(0);
    expect(owner.body.requests.length).toBe(2);
  });

  it("hides the hours: the contact's answer is 404, the owner still sees the bank", async () => {
    expect((await transparency("hidden")).status).toBe(200);
    const seen = await world.contact.get("/portal/hours");
    expect(seen.status).toBe(404);
    expect(seen.body.error.code).toBe("not_found");
    const owner = await world.owner.get(`/hour-bank/clients/${world.ids.client}`);
    expect(owner.status).toBe(200);
    expect(owner.body.transparency).toBe("hidden");
    expect((await transparency("full")).status).toBe(200);
    expect((await world.contact.get("/portal/hours")).status).toBe(200);
  });

  it("refuses an unknown setting, a missing one, other agencies' clients and everyone but the owner", async () => {
    for (const body of [{ transparency: "everything" }, {}, { transparency: "full", extra: 1 }]) {
      const refused = await world.owner.patch(`/hour-bank/clients/${world.ids.client}/transparency`, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
    }
    const stranger = await createWorld(api, "Other Transparency Agency");
    expect((await stranger.owner.patch(`/hour-bank/clients/${world.ids.client}/transparency`, { transparency: "hidden" })).status).toBe(404);
    expect((await world.sub.patch(`/hour-bank/clients/${world.ids.client}/transparency`, { transparency: "hidden" })).status).toBe(403);
    expect((await world.contact.patch(`/hour-bank/clients/${world.ids.client}/transparency`, { transparency: "full" })).status).toBeGreaterThanOrEqual(401);
    expect((await world.owner.patch(`/hour-bank/clients/cli_${"x".repeat(300)}/transparency`, { transparency: "full" })).status).toBe(404);
    expect((await world.contact.get("/portal/hours")).body.transparency).toBe("full");
  });
});

describe("time per request adds up to the month's used hours", () => {
  it("counts time worked before the bank opened in the month its hours were taken from", async () => {
    // A client who switches to Baton with last month's work to log: the bank opens this month,
    // so those hours are used this month, and this month's per-request list shows them.
    const switching = await createWorld(api, "Switching Hours Agency");
    const client = await switching.owner.get(`/clients/${switching.ids.client}`);
    expect((await switching.owner.patch(`/clients/${switching.ids.client}`, { version: client.body.version, billing: { hourlyRate: 5000, retainer: { fee: 100000, includedMinutes: 600 } } })).status).toBe(200);
    const { request, task } = await acceptedTask(switching, { title: "Migrate the inbox" });
    const fortyDaysAgo = new Date(Date.now() - 40 * 86_400_000).toISOString();
    const earlier = await switching.owner.post("/time", { taskId: task.id, startedAt: fortyDaysAgo, minutes: 90, billable: true });
    expect(earlier.status).toBe(201);
    expect((await switching.owner.post("/time", { taskId: task.id, startedAt: anHourAgo(), minutes: 30, billable: true })).status).toBe(201);

    const seen = await switching.contact.get("/portal/hours");
    expect(seen.status).toBe(200);
    expect(earlier.body.usedPeriod).toBe(seen.body.period);
    const used = seen.body.periods.find((p: any) => p.period === seen.body.period).usedMinutes;
    expect(used).toBe(120);
    expect(seen.body.requests).toEqual([{ reference: request.reference, minutes: 120, tasks: [{ reference: request.reference, title: "Migrate the inbox", minutes: 120 }] }]);
  });
});
