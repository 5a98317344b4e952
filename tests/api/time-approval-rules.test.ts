import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@baton/core/actor";
import { DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { client, db } from "@baton/core/db";
import { HourBank } from "@baton/core/hour-bank";
import { startApi, type Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// Rules of time approval that meet the hour bank's months (issue 17): time approved after its
// retainer month closed lands in the first open month, and says which; once that month closes too
// it can't be returned; time logged before approval existed (no approval state) counts as approved
// and can't be returned either (its use is in the month's old total). The balance is the sum of
// the entries after each.

let api: Started;
let world: World;
let taskId: string;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Approval Rules Agency");
  const client = await world.owner.get(`/clients/${world.ids.client}`);
  const retainer = await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, billing: { hourlyRate: 6000, retainer: { fee: 100000, includedMinutes: 10 * 60 } } });
  expect(retainer.status, JSON.stringify(retainer.body)).toBe(200);
  const { task } = await acceptedTask(world, { title: "Travel bookings", dueInDays: 20 });
  expect((await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub })).status).toBe(200);
  taskId = task.id;
});
afterAll(() => api.close());

const closeAt = (now: string) => withActor({ type: "system", agencyId: world.agency.agencyId }, () => HourBank.settleClient(world.ids.client, new Date(now)));

async function bank() {
  const read = await world.owner.get(`/hour-bank/clients/${world.ids.client}`);
  expect(read.status).toBe(200);
  expect(read.body.balanceMinutes).toBe(read.body.entries.reduce((total: number, entry: any) => total + entry.minutes, 0));
  for (const period of read.body.periods.filter((p: any) => p.closed)) {
    expect(read.body.entries.filter((e: any) => e.period === period.period).reduce((t: number, e: any) => t + e.minutes, 0), period.period).toBe(0);
  }
  return read.body;
}

describe("time approved after its month closed", () => {
  it("lands once in the first open month, which the entry names; returned after that month closed too, it answers 409", async () => {
    await closeAt("2025-03-02T17:00:00Z"); // the bank opens in March 2025
    const logged = await world.sub.post("/time", { taskId, startedAt: "2025-03-20T15:00:00Z", minutes: 50 });
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    expect((await world.sub.post("/time/week/submit", { date: "2025-03-20" })).status).toBe(200);
    expect((await closeAt("2025-04-01T17:00:00Z")).closed).toBe(1); // March closes with the week still waiting

    const approved = await world.owner.post("/time/approvals/approve", { entryIds: [logged.body.id] });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.entries[0]).toMatchObject({ approval: "approved", usedPeriod: "2025-04" });
    const again = await world.owner.post("/time/approvals/approve", { entryIds: [logged.body.id] });
    expect(again.body.entries[0].usedPeriod).toBe("2025-04");

    const view = await bank(); // reading settles up to now: April closes with the use in it
    const uses = view.entries.filter((entry: any) => entry.key.endsWith(logged.body.id));
    expect(uses).toMatchObject([{ kind: "used", period: "2025-04", minutes: -50 }]);
    expect(view.periods.find((p: any) => p.period === "2025-03").usedMinutes).toBe(0);
    expect(view.periods.find((p: any) => p.period === "2025-04").usedMinutes).toBe(50);

    const returned = await world.owner.post("/time/approvals/return", { entryIds: [logged.body.id], note: "Wrong task." });
    expect(returned.status).toBe(409);
    expect(returned.body.error.code).toBe("hour_bank.period_closed");
    const after = await bank();
    expect(after.entries.filter((entry: any) => entry.key.endsWith(logged.body.id))).toHaveLength(1);
  });
});

describe("time logged before approval existed", () => {
  it("counts as approved and can't be returned when billable: 409 time.pre_approval with the entry, nothing changes", async () => {
    // An entry as Baton wrote them before approval: written as today, then its approval state (and
    // the index key made of it) taken off, as the items from before have none.
    const logged = await world.owner.post("/time", { taskId, startedAt: new Date(Date.now() - 86_400_000).toISOString(), minutes: 45 });
    expect(logged.status).toBe(201);
    const entryId = logged.body.id as string;
    const { Key, TableName } = db.entities.timeEntry.get({ agencyId: world.agency.agencyId, entryId }).params() as { Key: Record<string, string>; TableName: string };
    await DynamoDBDocumentClient.from(client).send(new UpdateCommand({ TableName, Key, UpdateExpression: "REMOVE approval, approvedBy, gsi4pk, gsi4sk" }));
    const before = await bank();

    const returned = await world.owner.post("/time/approvals/return", { entryIds: [entryId], note: "Please split this." });
    expect(returned.status).toBe(409);
    expect(returned.body.error.code).toBe("time.pre_approval");
    expect(returned.body.current).toMatchObject({ id: entryId, approval: "approved", minutes: 45 });
    expect(returned.body.error.message).toContain("before time approval");
    // Nobody edits it either: it counts as approved.
    const edit = await world.owner.patch(`/time/${entryId}`, { version: logged.body.version, minutes: 5 });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe("time.approved");
    expect((await bank()).entries).toEqual(before.entries);
  });
});
