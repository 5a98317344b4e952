import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// Writes answer with the state they wrote instead of reading it back: what they answer must be
// exactly what a read of the same thing answers afterwards, stamps and versions included.

let api: Started;
let world: World;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Written State Agency");
});
afterAll(() => api.close());

describe("a write's answer is what was stored", () => {
  it("request submit", async () => {
    const submitted = await world.contact.post("/requests", { title: "Quarterly report", description: "Compile Q4 numbers.", service: "Research" });
    expect(submitted.status).toBe(201);
    const read = await world.contact.get(`/requests/${submitted.body.id}`);
    expect(read.body.request).toEqual(submitted.body);
  });

  // A task action answers what GET /tasks/:id answers (the API contract): the task with its request, client, SOP and files.
  it("every task transition, and its request's state", async () => {
    const { task } = await acceptedTask(world);
    const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
    expect(assigned.status).toBe(200);
    expect((await world.owner.get(`/tasks/${task.id}`)).body).toEqual(assigned.body);
    const submitted = await world.sub.post(`/tasks/${task.id}/submit`, { version: assigned.body.task.version, text: "Draft", links: [] });
    expect(submitted.status).toBe(200);
    // Read back by the one who acted: the answer's `can` is the caller's own.
    expect((await world.sub.get(`/tasks/${task.id}`)).body).toEqual(submitted.body);
    const returned = await world.reviewer.post(`/tasks/${task.id}/review`, { version: submitted.body.task.version, decision: "return", rubric: 2, notes: "Shorter." });
    expect(returned.status).toBe(200);
    expect((await world.reviewer.get(`/tasks/${task.id}`)).body).toEqual(returned.body);
    const again = await world.sub.post(`/tasks/${task.id}/submit`, { version: returned.body.task.version, text: "Shorter draft", links: [] });
    const approved = await world.owner.post(`/tasks/${task.id}/review`, { version: again.body.task.version, decision: "approve", rubric: 5 });
    expect(approved.status).toBe(200);
    expect((await world.owner.get(`/tasks/${task.id}`)).body).toEqual(approved.body);
    const request = (await world.owner.get(`/requests/${approved.body.task.requestId}`)).body.request;
    expect(request.status).toBe("awaiting_approval");
  });
});
