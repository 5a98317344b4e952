import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@baton/core/actor";
import { HourBank } from "@baton/core/hour-bank";
import { startApi, type Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// A period closed while time in it is approved (issue 17, "a period closed while an entry is
// approved"): the close job and the approval race, month after month, and every approved entry's
// use lands in exactly one stated period: its own when the approval won, the next open one when
// the close won. Whatever the order, a closed period sums to zero (its close saw every use in it)
// and the balance is the sum of the entries.

let api: Started;
let world: World;
let taskId: string;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Close Race Agency");
  const client = await world.owner.get(`/clients/${world.ids.client}`);
  const retainer = await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, billing: { hourlyRate: 6000, retainer: { fee: 100000, includedMinutes: 10 * 60 } } });
  expect(retainer.status, JSON.stringify(retainer.body)).toBe(200);
  // A cap, so what each close rolls over depends on the use it saw.
  expect((await world.owner.patch(`/hour-bank/clients/${world.ids.client}/policy`, { policy: { mode: "cap", maxMinutes: 20 * 60 } })).status).toBe(200);
  const { task } = await acceptedTask(world, { title: "Bookkeeping", dueInDays: 20 });
  expect((await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub })).status).toBe(200);
  taskId = task.id;
});
afterAll(() => api.close());

/** The close job for the client at `now`, as the scheduled job runs it. */
const closeAt = (now: string) => withActor({ type: "system", agencyId: world.agency.agencyId }, () => HourBank.settleClient(world.ids.client, new Date(now)));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const month = (year: number, index: number) => `${year}-${String(index).padStart(2, "0")}`;

/** The subcontractor logs `minutes` on the 15th of `period` (New York noon) and submits that week. */
async function submitted(period: string, minutes: number) {
  const logged = await world.sub.post("/time", { taskId, startedAt: `${period}-15T16:00:00Z`, minutes });
  expect(logged.status, JSON.stringify(logged.body)).toBe(201);
  const week = await world.sub.post("/time/week/submit", { date: `${period}-15` });
  expect(week.status, JSON.stringify(week.body)).toBe(200);
  return logged.body.id as string;
}

describe("a period closed while an entry in it is approved", () => {
  it("puts each entry's use in one stated period, and every closed period sums to zero", async () => {
    await closeAt("2025-01-05T17:00:00Z"); // the bank opens in January 2025
    const approvals: Array<{ id: string; period: string; minutes: number; usedPeriod: string }> = [];
    for (let m = 1; m <= 10; m++) {
      const period = month(2025, m);
      const next = month(2025, m + 1);
      const minutes = 30 + m;
      const id = await submitted(period, minutes);
      // The approval and the close of its month at once, the close run several times a few
      // milliseconds apart (the job run twice, the owner's read settling too), so some close reads
      // the month before the approval's write and commits after it, whichever wins.
      const [approved] = await Promise.all([
        world.owner.post("/time/approvals/approve", { entryIds: [id] }),
        ...[0, 4, 8, 12, 16, 24, 32, 48].map((delay) => sleep(delay + m).then(() => closeAt(`${next}-01T17:00:00Z`))),
      ]);
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      const entry = approved.body.entries[0];
      expect(entry.approval).toBe("approved");
      // Its own month when the approval won, the next when the close did: never anything else.
      expect([period, next]).toContain(entry.usedPeriod);
      approvals.push({ id, period, minutes, usedPeriod: entry.usedPeriod });
      // Approving again (a retry after a timeout) changes nothing.
      const again = await world.owner.post("/time/approvals/approve", { entryIds: [id] });
      expect(again.status).toBe(200);
      expect(again.body.entries[0].usedPeriod).toBe(entry.usedPeriod);
    }

    const read = await world.owner.get(`/hour-bank/clients/${world.ids.client}`);
    expect(read.status).toBe(200);
    const view = read.body;
    expect(view.balanceMinutes).toBe(view.entries.reduce((total: number, entry: any) => total + entry.minutes, 0));
    for (const period of view.periods.filter((p: any) => p.closed)) {
      const sum = view.entries.filter((e: any) => e.period === period.period).reduce((t: number, e: any) => t + e.minutes, 0);
      expect(sum, `closed period ${period.period} sums to zero`).toBe(0);
    }
    for (const approval of approvals) {
      const uses = view.entries.filter((e: any) => e.kind === "used" && e.key.endsWith(approval.id));
      expect(uses, approval.id).toHaveLength(1);
      expect(uses[0]).toMatchObject({ period: approval.usedPeriod, minutes: -approval.minutes });
    }
  }, 180_000);
});
