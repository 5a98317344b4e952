import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// Time approval (issue 17, part 2) over HTTP: a subcontractor submits their week, the owner or a
// reviewer approves or returns it; only approved time counts against the retainer or is invoiced,
// and approved time is locked. After every test the hour bank's balance is the sum of its entries.

let api: Started;
let world: World;
let taskId: string;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Approval Agency");
  const client = await world.owner.get(`/clients/${world.ids.client}`);
  const retainer = await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, billing: { hourlyRate: 6000, retainer: { fee: 100000, includedMinutes: 20 * 60 } } });
  expect(retainer.status, JSON.stringify(retainer.body)).toBe(200);
  const { task } = await acceptedTask(world, { title: "Inbox care", dueInDays: 20 });
  const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
  expect(assigned.status).toBe(200);
  taskId = task.id;
});
afterAll(() => api.close());

afterEach(async () => {
  await bank();
});

/** The client's hour bank, with its balance checked against the sum of its entries. */
async function bank() {
  const read = await world.owner.get(`/hour-bank/clients/${world.ids.client}`);
  expect(read.status).toBe(200);
  const sum = read.body.entries.reduce((total: number, entry: any) => total + entry.minutes, 0);
  expect(read.body.balanceMinutes).toBe(sum);
  return read.body;
}

/** Every minute of approved use in the ledger, and the use entries of one time entry. */
async function used() {
  const view = await bank();
  return -view.entries.filter((entry: any) => entry.kind === "used").reduce((total: number, entry: any) => total + entry.minutes, 0);
}
async function usesOf(entryId: string) {
  return (await bank()).entries.filter((entry: any) => entry.key.endsWith(entryId));
}

let hoursBack = 1;
/** The subcontractor logs time on their task, a little earlier each time (never in the future). */
async function logBySub(minutes: number) {
  const logged = await world.sub.post("/time", { taskId, startedAt: new Date(Date.now() - hoursBack++ * 60_000 * 5).toISOString(), minutes });
  expect(logged.status, JSON.stringify(logged.body)).toBe(201);
  return logged.body;
}

/** The calendar date an entry started on in the subcontractor's zone: the week it belongs to. */
const subDate = (entry: { startedAt: string }) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(new Date(entry.startedAt));

async function submit(entry: { startedAt: string }) {
  const submitted = await world.sub.post("/time/week/submit", { date: subDate(entry) });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return submitted.body;
}

async function unbilledIds() {
  const unbilled = await world.owner.get(`/time/unbilled?clientId=${world.ids.client}`);
  expect(unbilled.status).toBe(200);
  return unbilled.body.items.map((entry: any) => entry.id);
}

describe("a subcontractor's week", () => {
  it("waits for approval: it counts against no retainer and can't be invoiced until the owner approves it", async () => {
    const before = await used();
    const entry = await logBySub(60);
    expect(entry.approval).toBe("open");
    expect(await used()).toBe(before);
    expect(await unbilledIds()).not.toContain(entry.id);

    const week = await submit(entry);
    expect(week.state).toBe("submitted");
    expect(week.can.submit).toBe(false);
    expect(week.entries.find((e: any) => e.id === entry.id).approval).toBe("submitted");

    const waiting = await world.owner.get("/time/approvals");
    expect(waiting.status).toBe(200);
    const mine = waiting.body.weeks.find((w: any) => w.member.id === world.ids.sub);
    expect(mine.member.timeZone).toBe("Asia/Kolkata");
    expect(mine.entries.map((e: any) => e.id)).toContain(entry.id);
    // The reviewer right sees the queue too; a subcontractor without it doesn't.
    expect((await world.reviewer.get("/time/approvals")).status).toBe(200);
    expect((await world.sub.get("/time/approvals")).status).toBe(403);

    const approved = await world.owner.post("/time/approvals/approve", { entryIds: [entry.id] });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.entries[0].approval).toBe("approved");
    expect(await used()).toBe(before + 60);
    expect(await unbilledIds()).toContain(entry.id);
    const after = await world.owner.get("/time/approvals");
    expect(after.body.weeks.flatMap((w: any) => w.entries.map((e: any) => e.id))).not.toContain(entry.id);

    // Approving again changes nothing: one use in the ledger.
    const again = await world.owner.post("/time/approvals/approve", { entryIds: [entry.id] });
    expect(again.status).toBe(200);
    expect(await used()).toBe(before + 60);
    expect(await usesOf(entry.id)).toHaveLength(1);
  });

  it("is approved by a member with the reviewer right, too", async () => {
    const before = await used();
    const entry = await logBySub(25);
    await submit(entry);
    const approved = await world.reviewer.post("/time/approvals/approve", { entryIds: [entry.id] });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(await used()).toBe(before + 25);
  });

  it("can't be approved before it is submitted, and a subcontractor can't approve", async () => {
    const entry = await logBySub(10);
    const early = await world.owner.post("/time/approvals/approve", { entryIds: [entry.id] });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("time.not_submitted");
    expect((await world.sub.post("/time/approvals/approve", { entryIds: [entry.id] })).status).toBe(403);
    // Tidy: submitted and approved, so later weeks start clean.
    await submit(entry);
    expect((await world.owner.post("/time/approvals/approve", { entryIds: [entry.id] })).status).toBe(200);
  });

  it("with nothing left to submit answers 409", async () => {
    const entry = await logBySub(5);
    await submit(entry);
    const twice = await world.sub.post("/time/week/submit", { date: subDate(entry) });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("time.nothing_to_submit");
    expect((await world.owner.post("/time/approvals/approve", { entryIds: [entry.id] })).status).toBe(200);
  });
});

describe("approved time", () => {
  it("is locked: editing or deleting it answers 409 with the entry as it is", async () => {
    const entry = await logBySub(30);
    await submit(entry);
    const approved = (await world.owner.post("/time/approvals/approve", { entryIds: [entry.id] })).body.entries[0];
    const edit = await world.sub.patch(`/time/${entry.id}`, { version: approved.version, minutes: 300 });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe("time.approved");
    expect(edit.body.current).toMatchObject({ id: entry.id, minutes: 30, approval: "approved" });
    const byOwner = await world.owner.patch(`/time/${entry.id}`, { version: approved.version, minutes: 300 });
    expect(byOwner.status).toBe(409);
    const removed = await world.sub.delete(`/time/${entry.id}?version=${approved.version}`);
    expect(removed.status).toBe(409);
    expect(removed.body.current.id).toBe(entry.id);
  });

  it("written by two approvals at once is one ledger entry", async () => {
    const before = await used();
    const entry = await logBySub(40);
    await submit(entry);
    const [a, b] = await Promise.all([
      world.owner.post("/time/approvals/approve", { entryIds: [entry.id] }),
      world.reviewer.post("/time/approvals/approve", { entryIds: [entry.id] }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await usesOf(entry.id)).toHaveLength(1);
    expect(await used()).toBe(before + 40);
  });
});

describe("returning time", () => {
  it("needs a note, which the subcontractor sees; they fix the entry and submit the week again", async () => {
    const entry = await logBySub(90);
    await submit(entry);
    const noNote = await world.owner.post("/time/approvals/return", { entryIds: [entry.id], note: "  " });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.fields.note).toBeTruthy();

    const returned = await world.owner.post("/time/approvals/return", { entryIds: [entry.id], note: "This was the kickoff call: log it as 60 minutes." });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body.entries[0]).toMatchObject({ approval: "returned", returnNote: "This was the kickoff call: log it as 60 minutes." });

    const week = await world.sub.get(`/time/week?date=${subDate(entry)}`);
    expect(week.body.state).toBe("returned");
    expect(week.body.can.submit).toBe(true);
    const seen = week.body.entries.find((e: any) => e.id === entry.id);
    expect(seen.returnNote).toBe("This was the kickoff call: log it as 60 minutes.");

    const fixed = await world.sub.patch(`/time/${entry.id}`, { version: seen.version, minutes: 60 });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    const again = await submit(entry);
    expect(again.entries.find((e: any) => e.id === entry.id)).toMatchObject({ approval: "submitted", returnNote: null, minutes: 60 });
    const before = await used();
    expect((await world.owner.post("/time/approvals/approve", { entryIds: [entry.id] })).status).toBe(200);
    expect(await used()).toBe(before + 60);
  });

  it("takes approved time's use back out of the bank", async () => {
    const entry = await logBySub(35);
    await submit(entry);
    await world.owner.post("/time/approvals/approve", { entryIds: [entry.id] });
    const before = await used();
    const returned = await world.owner.post("/time/approvals/return", { entryIds: [entry.id], note: "Wrong client: this was Sakura's." });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(await used()).toBe(before - 35);
    expect(await usesOf(entry.id)).toHaveLength(0);
    expect(await unbilledIds()).not.toContain(entry.id);
    // Tidy: the subcontractor deletes the entry, as they would.
    const current = returned.body.entries[0];
    expect((await world.sub.delete(`/time/${entry.id}?version=${current.version}`)).status).toBe(204);
  });

  it("is refused once the time is invoiced, and a draft from time takes approved time only", async () => {
    const approvedEntry = await logBySub(50);
    await submit(approvedEntry);
    await world.owner.post("/time/approvals/approve", { entryIds: [approvedEntry.id] });
    const waitingEntry = await logBySub(15);
    await submit(waitingEntry);

    const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: true, lines: [] });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const invoiceOf = async (entry: any) => (await world.sub.get(`/time/week?date=${subDate(entry)}`)).body.entries.find((e: any) => e.id === entry.id).invoiceId;
    expect(await invoiceOf(approvedEntry)).toBe(draft.body.id);
    expect(await invoiceOf(waitingEntry)).toBeNull();

    const refused = await world.owner.post("/time/approvals/return", { entryIds: [approvedEntry.id], note: "Too late?" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("time.locked");
    expect(refused.body.current.invoiceId).toBe(draft.body.id);
    // Tidy: the waiting entry is approved.
    expect((await world.owner.post("/time/approvals/approve", { entryIds: [waitingEntry.id] })).status).toBe(200);
  });
});

describe("the agency's setting", () => {
  it("approves the owner's own time as logged, and everyone's when approval is off", async () => {
    expect((await world.owner.get("/agency")).body.timeNeedsApproval).toBe(true);
    const before = await used();
    const own = await world.owner.post("/time", { taskId, startedAt: new Date(Date.now() - 3_600_000).toISOString(), minutes: 20 });
    expect(own.status).toBe(201);
    expect(own.body.approval).toBe("approved");
    expect(await used()).toBe(before + 20);

    const agency = await world.owner.get("/agency");
    const off = await world.owner.patch("/agency", { version: agency.body.version, timeNeedsApproval: false });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body.timeNeedsApproval).toBe(false);
    const trusted = await logBySub(15);
    expect(trusted.approval).toBe("approved");
    expect(await used()).toBe(before + 35);
    await world.owner.patch("/agency", { version: off.body.version, timeNeedsApproval: true });
  });
});
