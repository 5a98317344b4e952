import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@baton/core/actor";
import { Schedules } from "@baton/core/schedule";
import { startApi, type Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// What a client's used-up hours do to new work (issue 17, part 4), over HTTP: under "pause new
// work" a request sent once the month's hours are used up waits in triage, marked for the owner
// and said to the client, and a recurring schedule's occurrence waits there too instead of being
// accepted; under "ask first" the board and the task page (for the subcontractor too) say the
// client's hours are used up. After every test the hour bank's balance is the sum of its entries.

let api: Started;
let world: World;
let taskId: string;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Hold Agency");
  const client = await world.owner.get(`/clients/${world.ids.client}`);
  const retainer = await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, billing: { hourlyRate: 6000, retainer: { fee: 50_000, includedMinutes: 60 } } });
  expect(retainer.status, JSON.stringify(retainer.body)).toBe(200);
  const { task } = await acceptedTask(world, { title: "Inbox care", dueInDays: 20 });
  const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
  expect(assigned.status).toBe(200);
  taskId = task.id;
});
afterAll(() => api.close());

afterEach(async () => {
  const read = await world.owner.get(`/hour-bank/clients/${world.ids.client}`);
  expect(read.status).toBe(200);
  expect(read.body.balanceMinutes).toBe(read.body.entries.reduce((total: number, entry: any) => total + entry.minutes, 0));
});

async function overage(body: Record<string, unknown> | null) {
  const reply = await world.owner.patch(`/hour-bank/clients/${world.ids.client}/overage`, { overage: body });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
}

/** The owner's own time on the client's task: approved as logged, so it uses the month's hours at once. */
async function useHours(minutes: number) {
  const logged = await world.owner.post("/time", { taskId, startedAt: new Date(Date.now() - 30 * 60_000).toISOString(), minutes });
  expect(logged.status, JSON.stringify(logged.body)).toBe(201);
  expect(logged.body.approval).toBe("approved");
}

async function headroom() {
  return (await world.owner.get(`/hour-bank/clients/${world.ids.client}`)).body.usage.headroomMinutes as number;
}

async function send(title: string) {
  const reply = await world.contact.post("/requests", { title, description: "Please do this.", service: "Admin" });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

const triage = async () => (await world.owner.get("/requests")).body.items as any[];

describe("pause new work", () => {
  it("lets requests in as usual while hours are left", async () => {
    await overage({ mode: "pause" });
    expect(await headroom()).toBeGreaterThan(0);
    const request = await send("Before the hours ran out");
    expect(request).toMatchObject({ status: "submitted", waitingForHours: false });
  });

  it("holds a request sent once the hours are used up in triage: marked for the owner, said to the client", async () => {
    await useHours(60);
    expect(await headroom()).toBe(0);
    const request = await send("After the hours ran out");
    // Never accepted on its own: it is in triage, waiting for hours.
    expect(request).toMatchObject({ status: "submitted", waitingForHours: true });
    const inbox = await triage();
    expect(inbox.find((each) => each.id === request.id)).toMatchObject({ waitingForHours: true });
    // One that came in before the hours ran out waits now too: nobody has accepted it.
    expect(inbox.find((each) => each.title === "Before the hours ran out")).toMatchObject({ waitingForHours: true });
    const seen = await world.contact.get(`/requests/${request.id}`);
    expect(seen.body.request).toMatchObject({ status: "submitted", waitingForHours: true });
    const mine = await world.contact.get("/requests");
    expect(mine.body.items.find((each: any) => each.id === request.id)).toMatchObject({ waitingForHours: true });
    const owners = await world.owner.get(`/requests/${request.id}`);
    expect(owners.body.request.waitingForHours).toBe(true);
  });

  it("lets the waiting requests go once the owner adds hours, and under the bill rule", async () => {
    const added = await world.owner.post(`/hour-bank/clients/${world.ids.client}/adjustments`, { minutes: 30, reason: "Extra hours agreed" });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect((await triage()).filter((each) => each.waitingForHours)).toEqual([]);
    await useHours(30);
    expect((await triage()).filter((each) => each.waitingForHours).length).toBeGreaterThan(0);
    await overage({ mode: "bill" });
    expect((await triage()).filter((each) => each.waitingForHours)).toEqual([]);
    await overage({ mode: "pause" });
  });

  it("puts a recurring occurrence in triage, waiting for hours, where it would have been accepted into tasks", async () => {
    const run = (now: Date) => withActor({ type: "system", agencyId: world.agency.agencyId }, () => Schedules.runDueFor(world.agency.agencyId, now));
    const weekly = (title: string) => ({ clientId: world.ids.client, title, rule: "weekly", days: [1], time: "09:00", startDate: "2026-01-01", assigneeId: world.ids.sub, estimateHours: 1 });
    // Under the bill rule, the usual person takes it at once.
    await overage({ mode: "bill" });
    const billed = (await world.owner.post("/schedules", weekly("Weekly books"))).body;
    expect(await run(new Date(Date.parse(billed.nextAt) + 60_000))).toMatchObject({ created: 1, triaged: 0 });
    // Paused with no hours left: the same kind of occurrence waits in triage.
    await overage({ mode: "pause" });
    expect(await headroom()).toBe(0);
    const paused = (await world.owner.post("/schedules", weekly("Weekly inbox"))).body;
    expect(await run(new Date(Date.parse(paused.nextAt) + 60_000))).toMatchObject({ created: 0, triaged: 1 });
    const all = (await world.owner.get(`/requests?clientId=${world.ids.client}&status=all`)).body.items as any[];
    expect(all.find((each) => each.title === "Weekly books")).toMatchObject({ status: "in_progress", waitingForHours: false });
    const held = all.find((each) => each.title === "Weekly inbox");
    expect(held).toMatchObject({ status: "submitted", waitingForHours: true });
    expect((await world.owner.get(`/requests/${held.id}`)).body.tasks).toEqual([]);
  });
});

describe("ask first", () => {
  it("marks the client's open tasks on the board and on the task page, for the subcontractor too", async () => {
    await overage({ mode: "ask", askMinutes: 120 });
    expect(await headroom()).toBe(0);
    const board = await world.owner.get("/tasks/board");
    expect(board.status).toBe(200);
    expect(board.body.hours).toEqual({ [world.ids.client]: "askFirst" });
    expect(Object.values(board.body.columns).flat().some((task: any) => task.id === taskId)).toBe(true);
    const ofClient = await world.owner.get(`/tasks/board?clientId=${world.ids.client}`);
    expect(ofClient.body.hours).toEqual({ [world.ids.client]: "askFirst" });
    const asSub = await world.sub.get(`/tasks/${taskId}`);
    expect(asSub.status).toBe(200);
    expect(asSub.body.client.hours).toBe("askFirst");
    // Requests are not held under ask first: the client approves more hours instead.
    expect((await send("Under ask first")).waitingForHours).toBe(false);
  });

  it("drops the mark once the client approves more hours", async () => {
    const bank = await world.contact.get("/portal/hours");
    const approved = await world.contact.post("/portal/hours/consent", { minutes: 60, fullName: "Ada Client", locale: "en", availableMinutes: bank.body.usage.availableMinutes });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect((await world.owner.get("/tasks/board")).body.hours).toEqual({});
    expect((await world.sub.get(`/tasks/${taskId}`)).body.client.hours).toBe("ok");
  });
});
