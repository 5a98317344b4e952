import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@baton/core/actor";
import { Schedules } from "@baton/core/schedule";
import { ApiClient, signIn, startApi, type Started } from "../support/http.ts";
import { createAgency } from "../support/fixtures.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// "The SOP lists which tools it needs" (issue 23): the owner sets an SOP's tools; a task made
// from it (the accept dialog, a recurring occurrence) names the client's vault entries of those
// tools, so its assignee may reveal them while assigned, and nobody else on the team may.

let api: Started;
let world: World;
let sop: { id: string; version: number };
const entries: Record<string, string> = {};
const secrets: Record<string, string> = {};

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "SOP Tools Agency");
  const made = await world.owner.post("/sops", { title: "Month-end books", category: "Bookkeeping", body: "Reconcile the month.", checklist: ["Match the bank feed"] });
  expect(made.status).toBe(201);
  sop = made.body;
  // The client's own spelling of a tool needn't match the SOP's: case and spacing aside.
  for (const tool of ["GMAIL", "QuickBooks", "Canva"]) {
    secrets[tool] = `${tool}-${randomBytes(9).toString("base64url")}`;
    const added = await world.contact.post("/vault", { tool, kind: "password", secret: secrets[tool] });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    entries[tool] = added.body.id;
  }
});
afterAll(() => api.close());

const reveal = (who: ApiClient, entryId: string, taskId: string) => who.post(`/vault/${entryId}/reveal`, { reason: "Month-end books", taskId });
const named = async (taskId: string) => ((await world.owner.get(`/vault/tasks/${taskId}`)).body.items as { id: string }[]).map((item) => item.id).sort();

describe("an SOP's tools", () => {
  it("are set by the owner from the version read, each once, and shown to the team on the SOP", async () => {
    const set = await world.owner.request("PUT", `/sops/${sop.id}/tools`, { version: sop.version, tools: ["Gmail", " quickbooks ", "gmail", "Quick Books"] });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.tools).toEqual(["Gmail", "quickbooks", "Quick Books"]);
    // Not a new version of the procedure.
    expect(set.body.latestVersion).toBe(1);
    expect(set.body.version).toBe(sop.version + 1);
    const stale = await world.owner.request("PUT", `/sops/${sop.id}/tools`, { version: sop.version, tools: [] });
    expect(stale.status).toBe(409);
    expect(stale.body.current.version).toBe(set.body.version);
    const seen = await world.sub.get(`/sops/${sop.id}`);
    expect(seen.body.tools).toEqual(["Gmail", "quickbooks", "Quick Books"]);
    // Editing the procedure keeps them.
    const edited = await world.owner.patch(`/sops/${sop.id}`, { version: set.body.version, title: "Month-end books", category: "Bookkeeping", body: "Reconcile the month, then report.", checklist: ["Match the bank feed"] });
    expect(edited.status).toBe(200);
    expect(edited.body.tools).toEqual(["Gmail", "quickbooks", "Quick Books"]);
    sop = edited.body;
  });

  it("refuses a list that isn't one, blank or long names and too many, naming the field", async () => {
    for (const [tools, field] of [
      ["Gmail", "tools"],
      [[""], "tools.0"],
      [["x".repeat(81)], "tools.0"],
      [Array.from({ length: 21 }, (_, i) => `Tool ${i}`), "tools"],
    ] as const) {
      const reply = await world.owner.request("PUT", `/sops/${sop.id}/tools`, { version: sop.version, tools });
      expect(reply.status, JSON.stringify(tools).slice(0, 40)).toBe(400);
      expect(Object.keys(reply.body.error.fields)).toContain(field);
    }
    expect((await world.sub.request("PUT", `/sops/${sop.id}/tools`, { version: sop.version, tools: [] })).status).toBe(403);
    const other = await createAgency("Other SOP Tools Agency");
    const otherOwner = new ApiClient(api.baseUrl);
    await signIn(otherOwner, other.ownerEmail);
    expect((await otherOwner.request("PUT", `/sops/${sop.id}/tools`, { version: sop.version, tools: [] })).status).toBe(404);
    expect((await world.owner.get(`/sops/${sop.id}`)).body.tools).toEqual(["Gmail", "quickbooks", "Quick Books"]);
  });
});

describe("a task made from the SOP", () => {
  it("names the client's entries of its tools; the assignee may reveal them, another subcontractor may not", async () => {
    const { task } = await acceptedTask(world, { sopId: sop.id, title: "November books" });
    expect(await named(task.id)).toEqual([entries.GMAIL, entries["QuickBooks"]].sort());
    const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
    expect(assigned.status).toBe(200);
    const onTask = await world.sub.get(`/vault/tasks/${task.id}`);
    expect(onTask.status).toBe(200);
    expect(onTask.body.items.map((item: { tool: string }) => item.tool).sort()).toEqual(["GMAIL", "QuickBooks"]);
    const shown = await reveal(world.sub, entries.GMAIL!, task.id);
    expect(shown.status, JSON.stringify(shown.body)).toBe(200);
    expect(shown.body.value).toBe(secrets.GMAIL);
    // Not a tool the SOP lists: not on the task, not for the assignee.
    expect((await reveal(world.sub, entries.Canva!, task.id)).status).toBe(403);
    // The other subcontractor isn't assigned.
    const other = await reveal(world.reviewer, entries.GMAIL!, task.id);
    expect(other.status).toBe(403);
    expect(JSON.stringify(other.body)).not.toContain(secrets.GMAIL);
    // The access log says which task it was for.
    const log = await world.contact.get("/vault/log");
    expect(log.body.items[0]).toMatchObject({ entryId: entries.GMAIL, by: { id: world.ids.sub }, task: { id: task.id } });
  });

  it("lets the owner still add and remove entries on it", async () => {
    const { task } = await acceptedTask(world, { sopId: sop.id, title: "December books" });
    await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
    const changed = await world.owner.request("PUT", `/vault/tasks/${task.id}`, { vaultEntryIds: [entries["QuickBooks"], entries.Canva] });
    expect(changed.status).toBe(200);
    expect(await named(task.id)).toEqual([entries["QuickBooks"], entries.Canva].sort());
    const removed = await reveal(world.sub, entries.GMAIL!, task.id);
    expect(removed.status).toBe(403);
    expect(removed.body.error.code).toBe("vault.not_on_task");
    expect((await reveal(world.sub, entries.Canva!, task.id)).status).toBe(200);
  });

  it("names nothing for a task without an SOP, or from an SOP that lists no tools", async () => {
    const plain = await acceptedTask(world, { title: "No SOP" });
    expect(await named(plain.task.id)).toEqual([]);
    const bare = await world.owner.post("/sops", { title: "Tidy the drive", category: "Admin", body: "Tidy." });
    const fromBare = await acceptedTask(world, { sopId: bare.body.id, title: "Drive" });
    expect(await named(fromBare.task.id)).toEqual([]);
  });

  it("names them on a recurring occurrence's task too, for the usual person", async () => {
    const schedule = await world.owner.post("/schedules", { clientId: world.ids.client, title: "Weekly books", rule: "weekly", days: [1], time: "09:00", startDate: "2026-01-01", sopIds: [sop.id], assigneeId: world.ids.sub, estimateHours: 1 });
    expect(schedule.status, JSON.stringify(schedule.body)).toBe(201);
    const at = new Date(Date.parse(schedule.body.nextAt) + 5 * 60_000);
    const result = await withActor({ type: "system", agencyId: world.agency.agencyId }, () => Schedules.runDueFor(world.agency.agencyId, at));
    expect(result.created).toBe(1);
    const requests = (await world.owner.get(`/requests?clientId=${world.ids.client}&status=all`)).body.items as { id: string; title: string }[];
    const request = requests.find((each) => each.title === "Weekly books")!;
    const detail = await world.owner.get(`/requests/${request.id}`);
    const taskId = detail.body.tasks[0].id as string;
    expect(await named(taskId)).toEqual([entries.GMAIL, entries["QuickBooks"]].sort());
    expect((await reveal(world.sub, entries["QuickBooks"]!, taskId)).status).toBe(200);
    expect((await reveal(world.reviewer, entries["QuickBooks"]!, taskId)).status).toBe(403);
  });
});
