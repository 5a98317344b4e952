import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TaskActions, type TaskActionName } from "@baton/core/task";
import { RequestActions, type RequestActionName } from "@baton/core/request";
import { TaskStatuses, type TaskStatus } from "@baton/core/workflow";
import { ApiClient, startApi, type Reply, type Started } from "../support/http.ts";
import { uniqueEmail } from "../support/fixtures.ts";
import { acceptedTask, acceptInvitation, createWorld, type World } from "../support/world.ts";

// What a GET says the viewer `can` do is exactly what the server then lets them do. For every
// role on a task in every status, each action the policy knows (TaskActions, not a list written
// here) is tried over HTTP: one listed in `can` succeeds, one not listed is refused (403/404/409).

type Role = "owner" | "reviewer" | "assignee" | "other" | "client";
const roles: Role[] = ["owner", "reviewer", "assignee", "other", "client"];

let api: Started;
let world: World;
let other: ApiClient;
let otherId: string;
let sopId: string;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Policy Agency");
  const email = uniqueEmail("other");
  const made = await world.owner.post("/members", { email, name: "Olga Other", skills: [], timeZone: "Europe/Athens", weeklyCapacityHours: 20 });
  otherId = made.body.id;
  other = new ApiClient(api.baseUrl);
  await acceptInvitation(other, email);
  sopId = (await world.owner.post("/sops", { title: "Steps", category: "Ops", body: "Do it.", checklist: ["Draft"] })).body.id;
});
afterAll(() => api.close());

const callerOf = (role: Role): ApiClient =>
  ({ owner: world.owner, reviewer: world.reviewer, assignee: world.sub, other, client: world.contact })[role];

type Made = { id: string; requestId: string; version: number };

function ok(reply: Reply, what: string) {
  if (reply.status >= 300) throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.task ?? reply.body;
}

/** A fresh task brought to `status` the way people do it (the assignee is the world's `sub`). */
async function taskIn(status: TaskStatus): Promise<Made> {
  const { request, task } = await acceptedTask(world, { sopId, title: `Policy ${status}` });
  let t = task;
  const step = async (reply: Promise<Reply>, what: string) => {
    t = ok(await reply, what);
  };
  if (status === "todo") return { id: t.id, requestId: request.id, version: t.version };
  await step(world.owner.post(`/tasks/${t.id}/assign`, { version: t.version, memberId: world.ids.sub }), "assign");
  await step(world.sub.post(`/tasks/${t.id}/checklist/c1`, { version: t.version, done: true }), "tick");
  if (status !== "in_progress") {
    await step(world.sub.post(`/tasks/${t.id}/submit`, { version: t.version, text: "Here it is." }), "submit");
    if (status === "returned") await step(world.reviewer.post(`/tasks/${t.id}/review`, { version: t.version, decision: "return", rubric: 2, notes: "Again." }), "return");
    if (status === "client_review" || status === "done") await step(world.reviewer.post(`/tasks/${t.id}/review`, { version: t.version, decision: "approve", rubric: 5 }), "approve");
    if (status === "done") await step(world.contact.post(`/tasks/${t.id}/approve`, { version: t.version }), "client approve");
  }
  expect(t.status).toBe(status);
  return { id: t.id, requestId: request.id, version: t.version };
}

/** What the role reads it `can` do: the team from GET /tasks/:id, the client from its request (null: the task is hidden from them). */
async function canOf(role: Role, task: Made): Promise<TaskActionName[] | null> {
  if (role === "client") {
    const reply = await world.contact.get(`/requests/${task.requestId}`);
    expect(reply.status).toBe(200);
    return reply.body.tasks.find((t: { id: string }) => t.id === task.id).can;
  }
  const reply = await callerOf(role).get(`/tasks/${task.id}`);
  if (reply.status === 404) return null;
  expect(reply.status).toBe(200);
  return reply.body.task.can;
}

/** Takes `action` as `role`, with a body that is valid for it. */
async function attempt(role: Role, action: TaskActionName, task: Made, assigneeNow: string | null): Promise<Reply> {
  const caller = callerOf(role);
  const version = task.version;
  switch (action) {
    case "assign":
      return caller.post(`/tasks/${task.id}/assign`, { version, memberId: assigneeNow === world.ids.sub ? otherId : world.ids.sub });
    case "tick":
      return caller.post(`/tasks/${task.id}/checklist/c1`, { version, done: true });
    case "submit":
      return caller.post(`/tasks/${task.id}/submit`, { version, text: "Done." });
    case "qa_approve":
      return caller.post(`/tasks/${task.id}/review`, { version, decision: "approve", rubric: 4 });
    case "qa_return":
      return caller.post(`/tasks/${task.id}/review`, { version, decision: "return", rubric: 2, notes: "Fix it." });
    case "client_approve":
      return caller.post(`/tasks/${task.id}/approve`, { version });
    case "client_revision":
      return caller.post(`/tasks/${task.id}/revision`, { version, comment: "Change it." });
    case "log_time":
      return caller.post("/time", { taskId: task.id, startedAt: new Date(Date.now() - 3_600_000).toISOString(), minutes: 15 });
  }
}

/** Whether an action leaves the task as it was (time is logged beside it): its success needs no fresh task. */
const leavesTask = (action: TaskActionName) => action === "log_time";

const seen: Record<string, TaskActionName[]> = {};

describe("a task's `can` is what the server accepts", () => {
  for (const status of TaskStatuses) {
    it(`for every role on a task ${status.replaceAll("_", " ")}`, async () => {
      const shared = await taskIn(status);
      const assigneeNow = status === "todo" ? null : world.ids.sub;
      for (const role of roles) {
        const can = await canOf(role, shared);
        seen[`${role} ${status}`] = can ?? [];
        for (const action of TaskActions) {
          const listed = !!can?.includes(action);
          // A success moves the task on: try it on a fresh one in the same status.
          const target = listed && !leavesTask(action) ? await taskIn(status) : shared;
          const reply = await attempt(role, action, target, assigneeNow);
          const label = `${role} ${action} on ${status}: ${reply.status} ${JSON.stringify(reply.body?.error ?? "")}`;
          if (listed) expect(reply.status, label).toBeLessThan(300);
          else expect([403, 404, 409], label).toContain(reply.status);
          // A task they can't see stays unseen whatever they try.
          if (can === null) expect(reply.status, label).not.toBe(409);
        }
      }
    });
  }

  it("is not vacuous: the workflow's parties each get their steps", () => {
    // A few anchors from the workflow table, so an empty `can` everywhere could not pass above.
    expect(seen["owner todo"]).toContain("assign");
    expect(seen["assignee in_progress"]).toEqual(expect.arrayContaining(["tick", "submit", "log_time"]));
    expect(seen["reviewer in_qa"]).toEqual(["qa_approve", "qa_return"]);
    expect(seen["assignee in_qa"]).not.toContain("qa_approve");
    expect(seen["client client_review"]).toEqual(["client_approve", "client_revision"]);
    expect(seen["other in_progress"]).toEqual([]);
    expect(seen["owner done"]).toEqual(["log_time"]);
  });
});

describe("a request's `can` is what the server accepts", () => {
  type Who = "owner" | "assignee" | "client";
  const caller = (who: Who) => ({ owner: world.owner, assignee: world.sub, client: world.contact })[who];

  async function submitted() {
    const made = await world.contact.post("/requests", { title: "Errand", description: "Please.", service: "Admin" });
    expect(made.status).toBe(201);
    return made.body as { id: string; version: number };
  }

  async function tryAction(who: Who, action: RequestActionName, request: { id: string; version: number }): Promise<Reply> {
    const dueAt = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
    switch (action) {
      case "accept":
        return caller(who).post(`/requests/${request.id}/accept`, { version: request.version, tasks: [{ title: "Do it", estimateHours: 1, dueAt }] });
      case "decline":
        return caller(who).post(`/requests/${request.id}/decline`, { version: request.version, reason: "Not now." });
      case "message_client":
        return caller(who).post(`/requests/${request.id}/messages`, { body: "Hello", thread: "client" });
      case "add_note":
        return caller(who).post(`/requests/${request.id}/messages`, { body: "Note", thread: "internal" });
    }
  }

  for (const writes of [false, true]) {
    it(`for the owner, the assignee and the client (subcontractors ${writes ? "write" : "don't write"} to clients)`, async () => {
      const agency = await world.owner.get("/agency");
      expect((await world.owner.patch("/agency", { version: agency.body.version, subcontractorsWriteToClients: writes })).status).toBe(200);
      // One request still waiting for triage (the assignee can't see it yet), one under way.
      const waiting = await submitted();
      const { request: underWay, task } = await acceptedTask(world, { title: "Under way" });
      expect((await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub })).status).toBe(200);
      for (const request of [waiting, underWay]) {
        for (const who of ["owner", "assignee", "client"] as Who[]) {
          const read = await caller(who).get(`/requests/${request.id}`);
          if (read.status === 404) continue; // not theirs to see (yet)
          const can: RequestActionName[] = read.body.can;
          for (const action of RequestActions) {
            // Triage changes the request: a success is tried on a fresh one.
            const target = can.includes(action) && (action === "accept" || action === "decline") ? await submitted() : read.body.request;
            const reply = await tryAction(who, action, target);
            const label = `${who} ${action} on ${read.body.request.status}: ${reply.status} ${JSON.stringify(reply.body?.error ?? "")}`;
            if (can.includes(action)) expect(reply.status, label).toBeLessThan(300);
            else expect([403, 404, 409], label).toContain(reply.status);
          }
        }
      }
      const assigneeCan = (await world.sub.get(`/requests/${underWay.id}`)).body.can;
      expect(assigneeCan.includes("message_client")).toBe(writes);
      expect((await world.owner.get(`/requests/${waiting.id}`)).body.can).toEqual(["accept", "decline", "message_client", "add_note"]);
      expect((await world.contact.get(`/requests/${waiting.id}`)).body.can).toEqual(["message_client"]);
    });
  }
});
