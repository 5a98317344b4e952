import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@baton/core/actor";
import { Schedules } from "@baton/core/schedule";
import { emailsTo } from "@baton/local/mailbox";
import { inject } from "vitest";
import { ApiClient, signIn, startApi, type Started } from "../support/http.ts";
import { createAgency } from "../support/fixtures.ts";
import { createWorld, type World } from "../support/world.ts";

// Recurring work over HTTP (issue 18, part 5): schedules' bad input, the job creating each
// occurrence's request and tasks once (two runs at once, a rerun, a late run), the usual person
// when they have capacity, triage otherwise, pause and resume.

let api: Started;
let world: World;
let sopId: string;
let codes = 0;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Recurring Agency");
  const sop = await world.owner.post("/sops", { title: "Inbox clean-up", category: "Admin", body: "Sort the inbox.", checklist: ["Archive newsletters", "Flag invoices"] });
  sopId = sop.body.id;
});
afterAll(() => api.close());

const DAY = 86_400_000;
const run = (now: Date) => withActor({ type: "system", agencyId: world.agency.agencyId }, () => Schedules.runDueFor(world.agency.agencyId, now));

async function newClient(timeZone: string) {
  const client = await world.owner.post("/clients", { name: `Client ${++codes}`, code: `RC${codes}${Math.floor(Math.random() * 1000)}`, timeZone, currency: "USD", status: "active" });
  return client.body.id as string;
}
const requestsOf = async (clientId: string) => (await world.owner.get(`/requests?clientId=${clientId}&status=all`)).body.items as any[];
const weekly = (clientId: string, extra: Record<string, unknown> = {}) => ({ clientId, title: "Weekly inbox clean-up", rule: "weekly", days: [1], time: "09:00", startDate: "2026-01-01", sopIds: [sopId], assigneeId: world.ids.sub, estimateHours: 1, ...extra });

describe("bad input", () => {
  it("answers 400 naming the field: day 0 or 32, no weekdays, end before start", async () => {
    const clientId = await newClient("UTC");
    for (const [body, field] of [
      [{ ...weekly(clientId), rule: "monthly", dayOfMonth: 0 }, "dayOfMonth"],
      [{ ...weekly(clientId), rule: "monthly", dayOfMonth: 32 }, "dayOfMonth"],
      [{ ...weekly(clientId), rule: "monthly" }, "dayOfMonth"],
      [{ ...weekly(clientId), days: [] }, "days"],
      [{ ...weekly(clientId), days: [0] }, "days.0"],
      [{ ...weekly(clientId), startDate: "2026-12-10", endDate: "2026-12-09" }, "endDate"],
      [{ ...weekly(clientId), time: "24:00" }, "time"],
    ] as const) {
      const reply = await world.owner.post("/schedules", body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.code).toBe("validation_failed");
      expect(Object.keys(reply.body.error.fields), JSON.stringify(reply.body)).toContain(field);
    }
  });

  it("answers 400 for an unknown service, member or client, and another agency's", async () => {
    const clientId = await newClient("UTC");
    const other = await createAgency("Other Recurring Agency");
    const otherOwner = new ApiClient(api.baseUrl);
    await signIn(otherOwner, other.ownerEmail);
    const theirClient = (await otherOwner.post("/clients", { name: "Theirs", code: "THR", timeZone: "UTC", currency: "USD" })).body.id;
    for (const [body, field] of [
      [weekly(clientId, { serviceId: "pkg_01kbz0000000000000000000zz" }), "serviceId"],
      [weekly(clientId, { assigneeId: "mem_01kbz0000000000000000000zz" }), "assigneeId"],
      [weekly("cli_01kbz0000000000000000000zz"), "clientId"],
      [weekly(theirClient), "clientId"],
      [weekly(clientId, { sopIds: ["sop_01kbz0000000000000000000zz"] }), "sopIds.0"],
    ] as const) {
      const reply = await world.owner.post("/schedules", body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(reply.body.error.fields)).toContain(field);
    }
    // Another agency's schedule, an id that can't be one, and an over-long one: 404.
    const theirs = await otherOwner.post("/schedules", { clientId: theirClient, title: "Theirs", rule: "weekdays", time: "09:00", startDate: "2026-01-01" });
    expect(theirs.status).toBe(201);
    expect((await world.owner.get(`/schedules/${theirs.body.id}`)).status).toBe(404);
    expect((await world.owner.patch(`/schedules/${theirs.body.id}`, { version: 1, title: "Mine" })).status).toBe(404);
    expect((await world.owner.request("DELETE", `/schedules/${theirs.body.id}`)).status).toBe(404);
    expect((await world.owner.get(`/schedules/sch_${"x".repeat(1000)}`)).status).toBe(404);
    // A subcontractor and a contact are refused.
    expect((await world.sub.get("/schedules")).status).toBe(403);
    expect([403, 404]).toContain((await world.contact.get("/schedules")).status);
  });
});

describe("a weekly schedule for a client in Sydney", () => {
  let clientId: string;
  let schedule: any;

  beforeAll(async () => {
    clientId = await newClient("Australia/Sydney");
    const reply = await world.owner.post("/schedules", weekly(clientId));
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    schedule = reply.body;
  });

  it("is due next on a Monday at 09:00 in the client's zone, and listed for the client", async () => {
    expect(schedule.timeZone).toBe("Australia/Sydney");
    expect(new Date(`${schedule.nextDate}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(Date.parse(schedule.nextAt)).toBe(Schedules.instantOn(schedule.nextDate, "09:00", "Australia/Sydney").getTime());
    const list = await world.owner.get(`/schedules?clientId=${clientId}`);
    expect(list.body.items.map((s: any) => s.id)).toEqual([schedule.id]);
    expect(list.body.items[0]).toMatchObject({ clientName: expect.stringMatching(/^Client /), assigneeName: "Sam Writer", rule: "weekly", days: [1] });
  });

  it("creates the occurrence's request and task once when two runs go at once, and nothing on a rerun", async () => {
    const at = new Date(Date.parse(schedule.nextAt) + 5 * 60_000);
    const results = await Promise.all([run(at), run(at)]);
    expect(results.reduce((sum, r) => sum + r.created, 0)).toBe(1);
    expect(results.reduce((sum, r) => sum + r.failed, 0)).toBe(0);
    expect((await run(at)).created).toBe(0);
    const requests = await requestsOf(clientId);
    expect(requests).toHaveLength(1);
    // Accepted at once into its task, as the owner would: in progress.
    expect(requests[0]).toMatchObject({ title: "Weekly inbox clean-up", status: "in_progress" });
    const detail = await world.owner.get(`/requests/${requests[0].id}`);
    expect(detail.body.tasks).toHaveLength(1);
    const task = await world.owner.get(`/tasks/${detail.body.tasks[0].id}`);
    expect(task.body.task).toMatchObject({ title: "Inbox clean-up", skills: ["Admin"], assignee: { id: world.ids.sub } });
    expect(task.body.sop).not.toBeNull();
    expect(task.body.task.checklist.map((c: any) => c.text)).toEqual(["Archive newsletters", "Flag invoices"]);
    // Sam heard of it once, as from an assignment, though two runs went at once.
    const told = (await emailsTo(inject("sesEndpoint"), world.people.sub.email)).filter((e) => e.subject === "New task for you: Inbox clean-up");
    expect(told).toHaveLength(1);
    // On the subcontractor's own list.
    const mine = await world.sub.get("/tasks/mine");
    expect(mine.body.items.map((t: any) => t.id)).toContain(task.body.task.id);
    const after = await world.owner.get(`/schedules/${schedule.id}`);
    expect(after.body.lastDate).toBe(schedule.nextDate);
    expect(after.body.nextDate).toBe(new Date(Date.parse(`${schedule.nextDate}T00:00:00Z`) + 7 * DAY).toISOString().slice(0, 10));
  });

  it("catches up missed occurrences of the last 3 days once each after the job was down, and skips older ones", async () => {
    const before = await world.owner.get(`/schedules/${schedule.id}`);
    // Down for 23 days: of the three Mondays missed, only one is within 3 days of the run.
    const late = new Date(Date.parse(before.body.nextAt) + 14 * DAY + 2 * 3600_000);
    const [a, b] = await Promise.all([run(late), run(late)]);
    expect(a.created + b.created).toBe(1);
    const requests = await requestsOf(clientId);
    expect(requests).toHaveLength(2);
    const after = await world.owner.get(`/schedules/${schedule.id}`);
    expect(Date.parse(after.body.nextAt)).toBeGreaterThan(late.getTime());
  });

  it("pauses (nothing is created) and resumes from the next occurrence after now", async () => {
    const current = (await world.owner.get(`/schedules/${schedule.id}`)).body;
    const paused = await world.owner.post(`/schedules/${schedule.id}/pause`, { version: current.version });
    expect(paused.body).toMatchObject({ status: "paused", nextAt: null });
    expect((await run(new Date(Date.parse(current.nextAt) + 60_000))).created).toBe(0);
    const stale = await world.owner.post(`/schedules/${schedule.id}/resume`, { version: current.version });
    expect(stale.status).toBe(409);
    expect(stale.body.current.status).toBe("paused");
    const resumed = await world.owner.post(`/schedules/${schedule.id}/resume`, { version: paused.body.version });
    expect(resumed.body.status).toBe("active");
    expect(Date.parse(resumed.body.nextAt)).toBeGreaterThan(Date.now());
  });
});

describe("the usual person's capacity", () => {
  it("leaves the occurrence in triage when the usual person hasn't the capacity", async () => {
    const clientId = await newClient("America/New_York");
    const created = await world.owner.post("/schedules", weekly(clientId, { estimateHours: 40, rule: "weekdays", days: [] }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await run(new Date(Date.parse(created.body.nextAt) + 60_000))).triaged).toBe(1);
    const [request] = await requestsOf(clientId);
    expect(request.status).toBe("submitted");
    const triage = await world.owner.get("/requests");
    expect(triage.body.items.map((r: any) => r.id)).toContain(request.id);
  });

  it("leaves it in triage when there is no usual person", async () => {
    const clientId = await newClient("America/New_York");
    const created = await world.owner.post("/schedules", { clientId, title: "Monthly books", rule: "monthly", dayOfMonth: 31, time: "02:30", startDate: "2026-01-01" });
    expect(created.status).toBe(201);
    expect(Number(created.body.nextDate.slice(8))).toBe(new Date(Date.UTC(Number(created.body.nextDate.slice(0, 4)), Number(created.body.nextDate.slice(5, 7)), 0)).getUTCDate());
    // Other clients' schedules of the agency are due too by then: this client's requests are counted.
    await run(new Date(Date.parse(created.body.nextAt) + 60_000));
    expect((await requestsOf(clientId)).map((r) => r.status)).toEqual(["submitted"]);
  });
});

describe("accepting an occurrence left in triage", () => {
  const acceptProposal = async (request: any) =>
    world.owner.post(`/requests/${request.request.id}/accept`, {
      version: request.request.version,
      tasks: request.proposal.map((task: any) => ({ title: task.title, estimateHours: 1, dueAt: new Date(Date.now() + 3 * DAY).toISOString(), sopId: task.sopId, skills: task.skills })),
    });

  it("proposes the template's SOPs, one task each with its checklist and skill, and accepts them", async () => {
    const clientId = await newClient("Europe/Athens");
    const second = await world.owner.post("/sops", { title: "Calendar tidy", category: "Calendar", body: "Tidy the week.", checklist: ["Decline clashes"] });
    const created = await world.owner.post("/schedules", weekly(clientId, { assigneeId: undefined, sopIds: [sopId, second.body.id] }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await run(new Date(Date.parse(created.body.nextAt) + 60_000))).triaged).toBe(1);
    const [listed] = await requestsOf(clientId);
    const seen = (await world.owner.get(`/requests/${listed.id}`)).body;
    expect(seen.request).toMatchObject({ status: "submitted", serviceId: null });
    expect(seen.proposal).toEqual([
      { sopId, title: "Inbox clean-up", skills: ["Admin"], checklistLength: 2 },
      { sopId: second.body.id, title: "Calendar tidy", skills: ["Calendar"], checklistLength: 1 },
    ]);
    const accepted = await acceptProposal(seen);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.tasks.map((task: any) => [task.title, task.skills, task.checklist.map((c: any) => c.text)])).toEqual([
      ["Inbox clean-up", ["Admin"], ["Archive newsletters", "Flag invoices"]],
      ["Calendar tidy", ["Calendar"], ["Decline clashes"]],
    ]);
    // Accepted: nothing is proposed any more.
    expect(accepted.body.proposal).toEqual([]);
  });

  it("proposes the service's SOPs for a schedule on a catalog service", async () => {
    const clientId = await newClient("Europe/Athens");
    const service = await world.owner.post("/packages", { name: `Inbox care ${++codes}`, priceModel: "retainer", prices: [{ currency: "USD", amount: 30000 }], sopIds: [sopId] });
    expect(service.status, JSON.stringify(service.body)).toBe(201);
    const created = await world.owner.post("/schedules", weekly(clientId, { assigneeId: undefined, sopIds: [], serviceId: service.body.id }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await run(new Date(Date.parse(created.body.nextAt) + 60_000));
    const [listed] = await requestsOf(clientId);
    const seen = (await world.owner.get(`/requests/${listed.id}`)).body;
    expect(seen.request).toMatchObject({ status: "submitted", serviceId: service.body.id });
    expect(seen.proposal).toEqual([{ sopId, title: "Inbox clean-up", skills: ["Admin"], checklistLength: 2 }]);
  });
});

describe("edit and delete", () => {
  it("edits from the version read (409 with the current one when stale), and deletes", async () => {
    const clientId = await newClient("UTC");
    const created = (await world.owner.post("/schedules", weekly(clientId))).body;
    const edited = await world.owner.patch(`/schedules/${created.id}`, { version: created.version, rule: "monthly", dayOfMonth: 15, time: "10:30", endDate: null });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ rule: "monthly", dayOfMonth: 15, time: "10:30" });
    expect(edited.body.nextDate.slice(8)).toBe("15");
    const stale = await world.owner.patch(`/schedules/${created.id}`, { version: created.version, title: "Late" });
    expect(stale.status).toBe(409);
    expect(stale.body.current.rule).toBe("monthly");
    const broken = await world.owner.patch(`/schedules/${created.id}`, { version: edited.body.version, rule: "weekly", days: [] });
    expect(broken.status).toBe(400);
    expect(Object.keys(broken.body.error.fields)).toContain("days");
    expect((await world.owner.request("DELETE", `/schedules/${created.id}`)).status).toBe(204);
    expect((await world.owner.get(`/schedules/${created.id}`)).status).toBe(404);
  });
});
