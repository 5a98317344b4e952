import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Started } from "../support/http.ts";
import { download, samples, uploaded } from "../support/files.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// A deliverable's files: the subcontractor attaches them on submit, QA sees them, and the client
// sees them only once QA approved them — through no route earlier. A resubmission keeps the
// earlier version; QA may edit the note the client reads before approving.

let api: Started;
let world: World;
let task: { id: string; version: number };
let requestId: string;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Deliverables Agency");
  const accepted = await acceptedTask(world, { title: "Quarterly report" });
  requestId = accepted.request.id;
  const assigned = await world.owner.post(`/tasks/${accepted.task.id}/assign`, { version: accepted.task.version, memberId: world.ids.sub });
  task = assigned.body.task;
});
afterAll(() => api.close());

/** Every way a client could reach a file, and what each answers. */
async function clientReach(fileId: string) {
  const detail = await world.contact.get(`/requests/${requestId}`);
  const portal = await world.contact.get("/portal/files?limit=100");
  return {
    inRequest: detail.body.files.some((f: any) => f.id === fileId),
    inFilesPage: portal.body.items.some((f: any) => f.id === fileId),
    get: (await world.contact.get(`/files/${fileId}`)).status,
    download: (await world.contact.redirectOf(`/files/${fileId}/download`)).status,
    view: (await world.contact.redirectOf(`/files/${fileId}/view`)).status,
    task: (await world.contact.get(`/tasks/${task.id}`)).status,
  };
}
// A contact never reads the team's task record (refused by role, before any lookup); files it can't
// see are simply not found.
const hidden = { inRequest: false, inFilesPage: false, get: 404, download: 404, view: 404, task: 403 };

describe("a deliverable's files", () => {
  let first: string;

  it("the subcontractor attaches a file on submit; QA sees it; the client can't reach it", async () => {
    first = await uploaded(world.sub, { name: "Report v1.pdf", bytes: samples.pdf(), type: "application/pdf", place: "deliverable", targetId: task.id });
    expect(await clientReach(first)).toEqual(hidden);
    const submitted = await world.sub.post(`/tasks/${task.id}/submit`, { version: task.version, text: "Report attached. Internal: the numbers came from Q3 sheet.", fileIds: [first] });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.task.deliverable).toMatchObject({ round: 1 });
    task = submitted.body.task;
    const forQa = await world.reviewer.get(`/tasks/${task.id}`);
    expect(forQa.body.files.map((f: any) => [f.name, f.round, f.visibleToClient])).toEqual([["Report v1.pdf", 1, false]]);
    expect((await world.reviewer.redirectOf(`/files/${first}/download`)).status).toBe(302);
    expect(await clientReach(first)).toEqual(hidden);
  });

  it("QA edits the note the client reads and approves: now the client sees the file and the edited note", async () => {
    const approved = await world.reviewer.post(`/tasks/${task.id}/review`, { version: task.version, decision: "approve", rubric: 5, clientNote: "Your quarterly report is attached." });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    task = approved.body.task;
    expect(task).toMatchObject({ deliverable: { text: "Report attached. Internal: the numbers came from Q3 sheet.", clientNote: "Your quarterly report is attached." } });
    const reach = await clientReach(first);
    expect(reach).toMatchObject({ inRequest: true, inFilesPage: true, get: 200, download: 302 });
    const seen = await world.contact.get(`/requests/${requestId}`);
    expect(seen.body.tasks[0].deliverable.text).toBe("Your quarterly report is attached.");
    expect(JSON.stringify(seen.body)).not.toContain("Q3 sheet");
    const got = await download(world.contact, first);
    expect(got.object!.status).toBe(200);
  });

  it("a resubmission keeps the earlier version, and its new file waits for QA again", async () => {
    const revision = await world.contact.post(`/tasks/${task.id}/revision`, { version: task.version, comment: "Add a chart." });
    expect(revision.status).toBe(200);
    const current = (await world.sub.get(`/tasks/${task.id}`)).body.task;
    const second = await uploaded(world.sub, { name: "Report v2.pdf", bytes: samples.pdf(), place: "deliverable", targetId: task.id });
    const resubmitted = await world.sub.post(`/tasks/${task.id}/submit`, { version: current.version, text: "With the chart.", fileIds: [second] });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.task.deliverable.round).toBe(2);
    expect(resubmitted.body.task.deliverableHistory).toEqual([expect.objectContaining({ round: 1, text: "Report attached. Internal: the numbers came from Q3 sheet.", clientNote: "Your quarterly report is attached." })]);
    const team = await world.owner.get(`/tasks/${task.id}`);
    expect(team.body.files.map((f: any) => [f.name, f.round]).sort()).toEqual([["Report v1.pdf", 1], ["Report v2.pdf", 2]]);
    // The client still has version 1, and nothing of version 2 until QA approves it.
    expect(await clientReach(second)).toEqual(hidden);
    expect((await clientReach(first)).download).toBe(302);
    const approved = await world.owner.post(`/tasks/${task.id}/review`, { version: resubmitted.body.task.version, decision: "approve", rubric: 4 });
    expect(approved.status).toBe(200);
    expect((await clientReach(second)).download).toBe(302);
    const seen = await world.contact.get(`/requests/${requestId}`);
    expect(seen.body.tasks[0].deliverable).toMatchObject({ text: "With the chart.", round: 2 });
  });

  it("a QA return never shows the client the returned round's files", async () => {
    const other = await acceptedTask(world, { title: "Slides" });
    const assigned = await world.owner.post(`/tasks/${other.task.id}/assign`, { version: other.task.version, memberId: world.ids.sub });
    const file = await uploaded(world.sub, { name: "Slides.pptx", bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), place: "deliverable", targetId: other.task.id });
    const submitted = await world.sub.post(`/tasks/${other.task.id}/submit`, { version: assigned.body.task.version, text: "Slides", fileIds: [file] });
    const returned = await world.owner.post(`/tasks/${other.task.id}/review`, { version: submitted.body.task.version, decision: "return", rubric: 2, notes: "Typos." });
    expect(returned.body.task.status).toBe("returned");
    expect((await world.contact.get(`/files/${file}`)).status).toBe(404);
    const detail = await world.contact.get(`/requests/${other.request.id}`);
    expect(detail.body.files).toEqual([]);
  });

  it("only the assignee uploads for a deliverable, and only while working on it", async () => {
    expect((await world.reviewer.post("/files", { name: "x.pdf", size: 10, type: "", place: "deliverable", targetId: task.id })).status).toBe(403);
    const done = await world.sub.post("/files", { name: "x.pdf", size: 10, type: "", place: "deliverable", targetId: task.id });
    expect(done.status).toBe(409);
  });
});
