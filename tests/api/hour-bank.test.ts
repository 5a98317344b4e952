import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@baton/core/actor";
import { HourBank } from "@baton/core/hour-bank";
import { startApi, type Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// The retainer hour bank over HTTP, and its period close run as the jobs run it at chosen
// moments (in the past, so time can be logged in those months). After every step the balance is
// the sum of the ledger's entries, and every closed period sums to zero.

let api: Started;
let world: World;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Hours Agency");
});
afterAll(() => api.close());

let codes = 0;
async function retainerClient(timeZone: string, includedHours = 10) {
  const created = await world.owner.post("/clients", { name: `Retainer ${timeZone}`, code: `HB${++codes}${Math.floor(Math.random() * 1000)}`, timeZone, currency: "USD", status: "active" });
  expect(created.status).toBe(201);
  const saved = await world.owner.patch(`/clients/${created.body.id}`, { version: created.body.version, billing: { hourlyRate: 5000, retainer: { fee: 100000, includedMinutes: includedHours * 60 } } });
  expect(saved.status).toBe(200);
  return created.body.id as string;
}

const agencyId = () => world.agency.agencyId;

/** The job's settle for one client at `now`, as the job runs it (the agency's system actor). */
async function settleAt(clientId: string, now: string) {
  return withActor({ type: "system", agencyId: agencyId() }, () => HourBank.settleClient(clientId, new Date(now)));
}

async function bank(clientId: string) {
  const read = await world.owner.get(`/hour-bank/clients/${clientId}`);
  expect(read.status).toBe(200);
  assertSums(read.body);
  return read.body;
}

function assertSums(view: any) {
  const sum = view.entries.reduce((total: number, entry: any) => total + entry.minutes, 0);
  expect(view.balanceMinutes).toBe(sum);
  for (const period of view.periods.filter((p: any) => p.closed)) {
    expect(view.entries.filter((e: any) => e.period === period.period).reduce((t: number, e: any) => t + e.minutes, 0)).toBe(0);
  }
}

async function log(clientId: string, startedAt: string, minutes: number) {
  const logged = await world.owner.post("/time", { clientId, startedAt, minutes, billable: true });
  expect(logged.status).toBe(201);
}

const entriesOf = (view: any, period: string) => view.entries.filter((e: any) => e.period === period).map((e: any) => [e.kind, e.minutes, e.origin]).sort();

describe("the period boundary is the client's month", () => {
  it("puts the same UTC instant in October for a Sydney client and in September for a New York one", async () => {
    const sydney = await retainerClient("Australia/Sydney");
    const newYork = await retainerClient("America/New_York");
    await settleAt(sydney, "2026-09-10T00:00:00Z");
    await settleAt(newYork, "2026-09-10T00:00:00Z");
    // 15:00 UTC on 30 September: 01:00 on 1 October in Sydney, 11:00 on 30 September in New York.
    await log(sydney, "2026-09-30T15:00:00Z", 90);
    await log(newYork, "2026-09-30T15:00:00Z", 90);
    await settleAt(sydney, "2026-09-30T15:30:00Z");
    await settleAt(newYork, "2026-09-30T15:30:00Z");
    const [s, n] = await Promise.all([bank(sydney), bank(newYork)]);
    expect(s.periods.find((p: any) => p.period === "2026-09").usedMinutes).toBe(0);
    expect(s.periods.find((p: any) => p.period === "2026-10").usedMinutes).toBe(90);
    expect(n.periods.find((p: any) => p.period === "2026-09").usedMinutes).toBe(90);
    expect(n.periods.find((p: any) => p.period === "2026-10").usedMinutes).toBe(0);
  });
});

describe("rollover and expiry", () => {
  it("rolls hours over for one period and expires them after it, over three periods, and a second run changes nothing", async () => {
    const clientId = await retainerClient("America/New_York", 10);
    const policy = await world.owner.patch(`/hour-bank/clients/${clientId}/policy`, { policy: { mode: "expire", afterPeriods: 1 } });
    expect(policy.status).toBe(200);
    expect(policy.body.policySource).toBe("client");

    await settleAt(clientId, "2026-06-05T12:00:00Z");
    await log(clientId, "2026-06-10T14:00:00Z", 4 * 60); // June: 10 h included, 4 used → 6 roll into July
    await log(clientId, "2026-07-10T14:00:00Z", 3 * 60); // July: 3 used, taken from June's 6 first → 3 of June's left
    await log(clientId, "2026-08-10T14:00:00Z", 12 * 60); // August: June's 3 expired at July's close (used within one period after); 10 + July's 10 − 12

    // Each close run twice, the second in the same instant: the ledger is the same.
    for (const now of ["2026-07-01T12:00:00Z", "2026-08-01T12:00:00Z", "2026-09-01T12:00:00Z"]) {
      const first = await settleAt(clientId, now);
      const again = await settleAt(clientId, now);
      expect(first.closed).toBe(1);
      expect(again.closed).toBe(0);
    }
    const view = await bank(clientId);
    expect(entriesOf(view, "2026-06")).toEqual([["included", 600, "2026-06"], ["rolledOver", -360, "2026-06"], ["used", -240, "2026-06"]].sort());
    expect(entriesOf(view, "2026-07")).toEqual(
      [["expired", -180, "2026-06"], ["included", 600, "2026-07"], ["rolledOver", -600, "2026-07"], ["rolledOver", 360, "2026-06"], ["used", -180, "2026-07"]].sort(),
    );
    // August: July's 10 rolled-in hours are used first (oldest first), then 2 of August's: the 8 left are August's and roll to September.
    expect(entriesOf(view, "2026-08")).toEqual([["included", 600, "2026-08"], ["rolledOver", -480, "2026-08"], ["rolledOver", 600, "2026-07"], ["used", -720, "2026-08"]].sort());
    // What each period carried into the next is the ledger's own figure, not the apps' sum.
    const carried = (period: string) => view.periods.find((p: any) => p.period === period).rolledOutMinutes;
    expect([carried("2026-06"), carried("2026-07"), carried("2026-08")]).toEqual([360, 600, 480]);

    // Reading again (the API settles up to now) writes nothing twice.
    const reread = await bank(clientId);
    const shape = (v: any) => v.entries.map((e: any) => [e.key, e.minutes]);
    expect(shape(reread)).toEqual(shape(view));
  });

  it("caps what rolls over, and bills time beyond every hour as overage", async () => {
    const clientId = await retainerClient("Europe/Athens", 10);
    await world.owner.patch(`/hour-bank/clients/${clientId}/policy`, { policy: { mode: "cap", maxMinutes: 120 } });
    await settleAt(clientId, "2026-03-05T12:00:00Z");
    await log(clientId, "2026-03-06T10:00:00Z", 60);
    await log(clientId, "2026-04-06T10:00:00Z", 15 * 60);
    await settleAt(clientId, "2026-05-02T12:00:00Z");
    const view = await bank(clientId);
    expect(entriesOf(view, "2026-03")).toEqual([["expired", -420, "2026-03"], ["included", 600, "2026-03"], ["rolledOver", -120, "2026-03"], ["used", -60, "2026-03"]].sort());
    expect(entriesOf(view, "2026-04")).toEqual([["included", 600, "2026-04"], ["overage", 180, "2026-04"], ["rolledOver", 120, "2026-03"], ["used", -900, "2026-04"]].sort());
  });

  it("takes the agency's default policy when the client has none", async () => {
    expect((await world.owner.get("/hour-bank/policy")).body.policy).toEqual({ mode: "none" });
    const set = await world.owner.patch("/hour-bank/policy", { mode: "cap", maxMinutes: 300 });
    expect(set.status).toBe(200);
    const clientId = await retainerClient("UTC");
    const view = await bank(clientId);
    expect(view.policy).toEqual({ mode: "cap", maxMinutes: 300 });
    expect(view.policySource).toBe("agency");
    await world.owner.patch("/hour-bank/policy", { mode: "none" });
  });
});

describe("adjustments", () => {
  it("moves the balance the owner's way, with the reason kept, and the client sees it", async () => {
    const before = await world.contact.get("/portal/hours");
    expect(before.status).toBe(200);
    expect(before.body.retainer).toBe(false);
    expect(before.body.balanceMinutes).toBe(0);

    await world.owner.patch(`/clients/${world.ids.client}`, { version: (await world.owner.get(`/clients/${world.ids.client}`)).body.version, billing: { retainer: { fee: 50000, includedMinutes: 600 } } });
    const opened = await world.contact.get("/portal/hours");
    expect(opened.body.retainer).toBe(true);
    assertSums(opened.body);
    const start = opened.body.balanceMinutes;

    const added = await world.owner.post(`/hour-bank/clients/${world.ids.client}/adjustments`, { minutes: 90, reason: "Goodwill for the late launch" });
    expect(added.status).toBe(200);
    assertSums(added.body);
    expect(added.body.balanceMinutes).toBe(start + 90);
    expect(added.body.entries.find((e: any) => e.kind === "adjusted").reason).toBe("Goodwill for the late launch");

    const seen = await world.contact.get("/portal/hours");
    expect(seen.body.balanceMinutes).toBe(start + 90);
    await log(world.ids.client, new Date(Date.now() - 60_000).toISOString(), 30);
    const afterLog = await world.contact.get("/portal/hours");
    assertSums(afterLog.body);
    expect(afterLog.body.balanceMinutes).toBe(start + 60);
  });

  it("refuses an adjustment without a reason, of zero, negative-absurd or absurd hours, and another agency's client", async () => {
    const url = `/hour-bank/clients/${world.ids.client}/adjustments`;
    for (const [body, field] of [
      [{ minutes: 60 }, "reason"],
      [{ minutes: 60, reason: "   " }, "reason"],
      [{ minutes: 0, reason: "x" }, "minutes"],
      [{ minutes: -1_000_000, reason: "x" }, "minutes"],
      [{ minutes: 10_000_000, reason: "x" }, "minutes"],
      [{ minutes: 1.5, reason: "x" }, "minutes"],
      [{ minutes: "60", reason: "x" }, "minutes"],
    ] as const) {
      const refused = await world.owner.post(url, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.fields[field]).toBeTruthy();
    }
    const badPolicy = await world.owner.patch(`/hour-bank/clients/${world.ids.client}/policy`, { policy: { mode: "cap", maxMinutes: -5 } });
    expect(badPolicy.status).toBe(400);

    const stranger = await createWorld(api, "Other Hours Agency");
    expect((await stranger.owner.get(`/hour-bank/clients/${world.ids.client}`)).status).toBe(404);
    expect((await stranger.owner.post(url, { minutes: 60, reason: "Not mine" })).status).toBe(404);
    // The client's contacts and subcontractors don't reach the owner's routes.
    expect((await world.contact.get(`/hour-bank/clients/${world.ids.client}`)).status).toBeGreaterThanOrEqual(401);
    expect((await world.sub.post(url, { minutes: 60, reason: "x" })).status).toBe(403);
  });

  it("answers 422 for adjusting a client without a retainer", async () => {
    const created = await world.owner.post("/clients", { name: "Hourly only", code: `HO${Math.floor(Math.random() * 100000)}`, timeZone: "UTC", currency: "USD", status: "active" });
    const refused = await world.owner.post(`/hour-bank/clients/${created.body.id}/adjustments`, { minutes: 60, reason: "x" });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("hour_bank.no_retainer");
  });
});
