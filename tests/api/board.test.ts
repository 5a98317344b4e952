import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// The owner's board for one client: every open column, and the client's latest done work,
// read without going through the client's whole history.

let api: Started;
let world: World;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Board Agency");
});
afterAll(() => api.close());

async function doneTask(title: string) {
  const { task } = await acceptedTask(world, { title });
  const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
  const submitted = await world.sub.post(`/tasks/${task.id}/submit`, { version: assigned.body.task.version, text: "Done", links: [] });
  const reviewed = await world.owner.post(`/tasks/${task.id}/review`, { version: submitted.body.task.version, decision: "approve", rubric: 5 });
  const approved = await world.contact.post(`/tasks/${task.id}/approve`, { version: reviewed.body.task.version });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return task;
}

describe("a client's board", () => {
  it("shows the client's open tasks by status and its done ones, and no other client's", async () => {
    const finished = await doneTask("Finished work");
    const { task: waiting } = await acceptedTask(world, { title: "Waiting work" });
    const { task: started } = await acceptedTask(world, { title: "Started work" });
    const assigned = await world.owner.post(`/tasks/${started.id}/assign`, { version: started.version, memberId: world.ids.sub });
    expect(assigned.status).toBe(200);
    // Another client's open task.
    const other = await world.owner.post("/clients", { name: "Other Co", code: `OT${Date.now() % 100000}`, timeZone: "UTC", currency: "EUR", status: "active" });
    const otherRequest = await world.owner.post("/requests", { clientId: other.body.id, title: "Theirs", description: "D", service: "Admin" });
    const otherTask = await world.owner.post(`/requests/${otherRequest.body.id}/accept`, {
      version: otherRequest.body.version,
      tasks: [{ title: "Theirs", estimateHours: 1, dueAt: new Date(Date.now() + 86_400_000).toISOString() }],
    });
    expect(otherTask.status).toBe(200);

    const board = await world.owner.get(`/tasks/board?clientId=${world.ids.client}`);
    expect(board.status).toBe(200);
    const ids = (status: string) => board.body.columns[status].map((t: { id: string }) => t.id);
    expect(ids("done")).toContain(finished.id);
    expect(ids("todo")).toContain(waiting.id);
    expect([...ids("todo"), ...ids("in_progress")]).toContain(started.id);
    const everything = Object.values(board.body.columns).flat() as Array<{ id: string; client: { id: string } }>;
    expect(everything.every((t) => t.client.id === world.ids.client)).toBe(true);
    expect(everything.map((t) => t.id)).not.toContain(otherTask.body.tasks[0].id);

    // The other client's board has theirs.
    const theirs = await world.owner.get(`/tasks/board?clientId=${other.body.id}`);
    expect(Object.values(theirs.body.columns).flat().map((t: any) => t.id)).toEqual([otherTask.body.tasks[0].id]);
  });
});
