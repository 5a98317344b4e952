import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// The owner's team week (issue 22 item 7) over HTTP: each member's hours in the week holding a
// date, Monday to Sunday in the member's own zone, against their capacity; the owner only.

let api: Started;
let world: World;
let taskId: string;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Team Week Agency");
  const { task } = await acceptedTask(world, { title: "Inbox care", dueInDays: 20 });
  const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
  expect(assigned.status).toBe(200);
  taskId = task.id;
  // Sam (Asia/Kolkata, 30 h): 90 + 45 min on Wednesday 25 November, and 30 min at Sunday 29th 20:00 UTC,
  // which is already Monday 30th in Kolkata: next week for Sam.
  for (const [startedAt, minutes, billable] of [
    ["2026-11-25T10:00:00.000Z", 90, true],
    ["2026-11-25T12:00:00.000Z", 45, false],
    ["2026-11-29T20:00:00.000Z", 30, true],
  ] as const) {
    const logged = await world.sub.post("/time", { taskId, startedAt, minutes, billable });
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
  }
  // The owner's own time (UTC, the agency's default zone) at the same Sunday evening: still her week.
  const own = await world.owner.post("/time", { clientId: world.ids.client, startedAt: "2026-11-29T20:00:00.000Z", minutes: 60, billable: true });
  expect(own.status, JSON.stringify(own.body)).toBe(201);
});
afterAll(() => api.close());

const rowOf = (body: any, memberId: string) => body.members.find((row: any) => row.member.id === memberId);

describe("GET /time/team", () => {
  it("gives each member's hours in their own week against their capacity, the owner first", async () => {
    const read = await world.owner.get("/time/team?date=2026-11-25");
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body.date).toBe("2026-11-25");
    expect(read.body.members[0].member.role).toBe("owner");
    const sam = rowOf(read.body, world.ids.sub);
    expect(sam).toMatchObject({ weekOf: "2026-11-23", totalMinutes: 135, billableMinutes: 90, capacityMinutes: 30 * 60, state: "open" });
    expect(sam.member).toMatchObject({ name: world.people.sub.name, timeZone: "Asia/Kolkata" });
    expect(rowOf(read.body, world.ids.reviewer)).toMatchObject({ totalMinutes: 0, capacityMinutes: 20 * 60, state: "empty" });
    const owner = read.body.members[0];
    expect(owner.totalMinutes).toBe(60);
    expect(read.body.totalMinutes).toBe(135 + 60);
    expect(read.body.capacityMinutes).toBe(read.body.members.reduce((sum: number, row: any) => sum + row.capacityMinutes, 0));
  });

  it("counts a member's time in the week of their own zone", async () => {
    const next = await world.owner.get("/time/team?date=2026-11-30");
    expect(next.status).toBe(200);
    expect(rowOf(next.body, world.ids.sub)).toMatchObject({ weekOf: "2026-11-30", totalMinutes: 30, billableMinutes: 30 });
    expect(next.body.members[0].totalMinutes).toBe(0);
  });

  it("agrees with each member's own timesheet", async () => {
    const team = await world.owner.get("/time/team?date=2026-11-25");
    const week = await world.owner.get(`/time/week?memberId=${world.ids.sub}&date=2026-11-25`);
    expect(week.status).toBe(200);
    expect(rowOf(team.body, world.ids.sub).totalMinutes).toBe(week.body.totalMinutes);
  });

  it("drops removed members", async () => {
    const member = await world.owner.post("/members", { email: `gone-${Date.now()}@example.com`, name: "Gone Member", skills: [], timeZone: "UTC", weeklyCapacityHours: 10 });
    expect(member.status, JSON.stringify(member.body)).toBe(201);
    expect(rowOf((await world.owner.get("/time/team")).body, member.body.id)).toBeTruthy();
    const removed = await world.owner.delete(`/members/${member.body.id}`);
    expect(removed.status, JSON.stringify(removed.body)).toBeLessThan(300);
    expect(rowOf((await world.owner.get("/time/team")).body, member.body.id)).toBeUndefined();
  });

  it("is the owner's only", async () => {
    expect((await world.sub.get("/time/team")).status).toBe(403);
    expect((await world.reviewer.get("/time/team")).status).toBe(403);
    expect([401, 403]).toContain((await world.contact.get("/time/team")).status);
  });

  it("refuses a date that isn't one with a 400 naming the field", async () => {
    for (const date of ["2026-02-30", "yesterday", "2026-1-5"]) {
      const read = await world.owner.get(`/time/team?date=${date}`);
      expect(read.status).toBe(400);
      expect(read.body.error.fields).toHaveProperty("date");
    }
  });
});
