import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Started } from "../support/http.ts";
import { backdateTimer } from "../support/timer.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// A timer can't leak (issue 17, part 5): handing a task to QA stops its timer and records the
// time; a timer on another task keeps running.

let api: Started;
let world: World;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Timer Agency");
});
afterAll(() => api.close());

async function assignedTask(title: string) {
  const { task } = await acceptedTask(world, { title });
  const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
  expect(assigned.status).toBe(200);
  return assigned.body.task;
}

describe("submitting a task for QA", () => {
  it("stops the submitter's timer on that task and records its time", async () => {
    const task = await assignedTask("Timed work");
    expect((await world.sub.post("/time/timer/start", { taskId: task.id })).status).toBe(201);
    await backdateTimer(world.agency.agencyId, world.ids.sub, 25);
    const submitted = await world.sub.post(`/tasks/${task.id}/submit`, { version: task.version, text: "Done", links: [] });
    expect(submitted.status).toBe(200);
    expect((await world.sub.get("/time/timer")).body.timer).toBeNull();
    const logged = await world.sub.get(`/time/task/${task.id}`);
    expect(logged.status).toBe(200);
    expect(logged.body.entries.map((e: any) => e.minutes)).toEqual([25]);
  });

  it("discards a timer under a minute, and leaves a timer on another task running", async () => {
    const quick = await assignedTask("Quick work");
    await world.sub.post("/time/timer/start", { taskId: quick.id });
    const done = await world.sub.post(`/tasks/${quick.id}/submit`, { version: quick.version, text: "Done", links: [] });
    expect(done.status).toBe(200);
    expect((await world.sub.get("/time/timer")).body.timer).toBeNull();
    expect((await world.sub.get(`/time/task/${quick.id}`)).body.entries).toEqual([]);

    const running = await assignedTask("Still running");
    const other = await assignedTask("Handed in");
    await world.sub.post("/time/timer/start", { taskId: running.id });
    expect((await world.sub.post(`/tasks/${other.id}/submit`, { version: other.version, text: "Done", links: [] })).status).toBe(200);
    expect((await world.sub.get("/time/timer")).body.timer.taskId).toBe(running.id);
  });
});
