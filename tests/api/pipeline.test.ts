import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, waitForEmail, type Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// The whole chain over HTTP, each step by the person who takes it, with the emails between.

let api: Started;
let world: World;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api);
});
afterAll(() => api.close());

describe("the work pipeline, end to end", () => {
  it("takes a request from the portal to the client's approval", async () => {
    const { owner, sub, reviewer, contact } = world;

    // The owner keeps an SOP; the task will pin its current version.
    const sop = await owner.post("/sops", {
      title: "Newsletter",
      category: "Content",
      body: "# Newsletter\n\nWrite it **clearly**.",
      checklist: ["Draft", "Proofread"],
    });
    expect(sop.status).toBe(201);
    expect(sop.body.current.bodyHtml).toContain("<strong>clearly</strong>");

    // 1. The client submits through the portal and gets a per-client number.
    const submitted = await contact.post("/requests", {
      title: "December newsletter",
      description: "Please draft and schedule it.",
      service: "Content",
      desiredDueDate: "2026-12-15",
      priority: "high",
      links: ["https://docs.example/brief"],
    });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ reference: `${world.code}-1`, number: 1, status: "submitted", priority: "high" });
    expect(Date.parse(submitted.body.responseDueAt)).toBeGreaterThan(Date.now());
    const requestId = submitted.body.id;
    const ownerMail = await waitForEmail(world.agency.ownerEmail, (e) => e.subject.includes(submitted.body.reference));
    expect(ownerMail.body.text).toContain(`/requests/${requestId}`);

    // 2. It is in the owner's triage inbox; the owner accepts it as a task following the SOP.
    const inbox = await owner.get("/requests");
    expect(inbox.body.items.map((r: any) => r.id)).toContain(requestId);
    await owner.patch(`/sops/${sop.body.id}`, { version: sop.body.version, ...{ title: "Newsletter", category: "Content", body: "v2", checklist: ["Draft", "Proofread", "Schedule"] } });
    const dueAt = new Date(Date.now() + 5 * 24 * 3600_000).toISOString();
    const accepted = await owner.post(`/requests/${requestId}/accept`, {
      version: submitted.body.version,
      tasks: [{ title: "Write the newsletter", estimateHours: 3, dueAt, urgent: true, important: true, sopId: sop.body.id, skills: ["Writing"] }],
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.request.status).toBe("in_progress");
    const task = accepted.body.tasks[0];
    expect(task).toMatchObject({ status: "todo", quadrant: "do", sop: { id: sop.body.id, version: 2 }, estimateMinutes: 180 });
    expect(task.checklist.map((c: any) => c.text)).toEqual(["Draft", "Proofread", "Schedule"]);

    // 3. The assign dialog ranks the writer first; the owner assigns, the writer is emailed.
    const candidates = await owner.get(`/tasks/${task.id}/candidates`);
    expect(candidates.body.items[0].member.id).toBe(world.ids.sub);
    expect(candidates.body.items[0]).toMatchObject({ skillMatch: 1, fits: true });
    const assigned = await owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
    expect(assigned.status).toBe(200);
    expect(assigned.body.task).toMatchObject({ status: "in_progress", assignee: { id: world.ids.sub, name: "Sam Writer" } });
    // Who did what is named, not just an id.
    expect(assigned.body.task.assignmentHistory).toEqual([
      { memberId: world.ids.sub, name: "Sam Writer", at: expect.any(String), by: { id: expect.stringMatching(/^mem_/), name: "Owner Person" } },
    ]);
    const assignMail = await waitForEmail(world.people.sub.email, (e) => e.subject.includes("New task"));
    expect(assignMail.body.text).toContain(`/tasks/${task.id}`);

    // 4. The writer sees it in My work, ticks the checklist and submits for QA.
    const mine = await sub.get("/tasks/mine");
    expect(mine.body.items.map((t: any) => t.id)).toEqual([task.id]);
    // A subcontractor may not list clients; each task names its own.
    expect(mine.body.items[0].client).toEqual({ id: world.ids.client, name: "Acme Corp" });
    let version = assigned.body.task.version;
    const early = await sub.post(`/tasks/${task.id}/submit`, { version, text: "Done", links: [] });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe("task.checklist_open");
    for (const item of task.checklist) {
      const ticked = await sub.post(`/tasks/${task.id}/checklist/${item.id}`, { version, done: true });
      expect(ticked.status).toBe(200);
      version = ticked.body.task.version;
    }
    const submittedTask = await sub.post(`/tasks/${task.id}/submit`, { version, text: "Draft in the doc", links: ["https://docs.example/draft"] });
    expect(submittedTask.status).toBe(200);
    expect(submittedTask.body.task.status).toBe("in_qa");
    expect(submittedTask.body.task.deliverable.submittedBy).toEqual({ id: world.ids.sub, name: "Sam Writer" });
    expect(submittedTask.body.task.checklist.every((item: any) => item.doneBy?.name === "Sam Writer")).toBe(true);

    // 5. The reviewer returns it with changes; it goes back to the writer, who is emailed.
    const queue = await reviewer.get("/tasks/qa");
    expect(queue.body.items.map((t: any) => t.id)).toContain(task.id);
    expect(queue.body.items.find((t: any) => t.id === task.id).client.name).toBe("Acme Corp");
    // The reviewer reads the request and its thread to judge the work against the ask.
    const asReviewer = await reviewer.get(`/requests/${requestId}`);
    expect(asReviewer.status).toBe(200);
    expect(asReviewer.body.tasks.map((t: any) => t.id)).toEqual([task.id]);
    expect((await reviewer.get(`/requests/${requestId}/messages`)).status).toBe(200);
    const returned = await reviewer.post(`/tasks/${task.id}/review`, { version: submittedTask.body.task.version, decision: "return", rubric: 2, notes: "Shorten the intro." });
    expect(returned.status).toBe(200);
    expect(returned.body.task).toMatchObject({ status: "returned", revisionCount: 1, qaReturns: 1 });
    expect(returned.body.task.review.by).toEqual({ id: world.ids.reviewer, name: "Maria Reviewer" });
    const returnMail = await waitForEmail(world.people.sub.email, (e) => e.subject.includes("Changes needed"));
    expect(returnMail.body.text).toContain("Shorten the intro.");

    // 6. Resubmitted and approved in QA: now the client is asked to approve.
    const resubmitted = await sub.post(`/tasks/${task.id}/submit`, { version: returned.body.task.version, text: "Shorter intro", links: [] });
    expect(resubmitted.body.task.status).toBe("in_qa");
    const approvedQa = await owner.post(`/tasks/${task.id}/review`, { version: resubmitted.body.task.version, decision: "approve", rubric: 5 });
    expect(approvedQa.body.task.status).toBe("client_review");
    await waitForEmail(world.people.contact.email, (e) => e.subject.includes("Ready for your approval"));
    const forClient = await contact.get(`/requests/${requestId}`);
    expect(forClient.body.request.status).toBe("awaiting_approval");
    expect(forClient.body.tasks[0]).toMatchObject({ status: "client_review", deliverable: { text: "Shorter intro" } });
    expect(forClient.body.tasks[0]).not.toHaveProperty("assignee");
    expect(forClient.body.tasks[0]).not.toHaveProperty("estimateMinutes");

    // 7. The client asks for a revision; the team takes it round again.
    const revision = await contact.post(`/tasks/${task.id}/revision`, { version: approvedQa.body.task.version, comment: "Add the holiday hours." });
    expect(revision.status).toBe(200);
    expect(revision.body.status).toBe("returned");
    await waitForEmail(world.people.sub.email, (e) => e.subject.includes("asked for a revision"));
    const again = await sub.post(`/tasks/${task.id}/submit`, { version: revision.body.version, text: "With holiday hours", links: [] });
    const qaAgain = await reviewer.post(`/tasks/${task.id}/review`, { version: again.body.task.version, decision: "approve", rubric: 4 });
    expect(qaAgain.body.task.status).toBe("client_review");

    // 8. The client approves: recorded with who and when; the request is complete.
    const approved = await contact.post(`/tasks/${task.id}/approve`, { version: qaAgain.body.task.version });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: "done", clientDecision: { decision: "approve", by: { name: "Ada Client" } } });
    const done = await owner.get(`/requests/${requestId}`);
    expect(done.body.request.status).toBe("completed");
    expect(done.body.request.completedAt).toEqual(expect.any(String));
    expect(done.body.tasks[0]).toMatchObject({ revisionCount: 2, qaReturns: 1, sop: { version: 2 } });

    // The audit log tells the whole story, in order; the client sees its own part of it.
    const history = await owner.get(`/requests/${requestId}/history`);
    expect(history.body.items.map((e: any) => e.action)).toEqual([
      "request.submitted",
      "request.accepted",
      "task.assigned",
      "task.step_done",
      "task.step_done",
      "task.step_done",
      "task.submitted",
      "task.qa_returned",
      "task.submitted",
      "task.qa_approved",
      "task.client_revision",
      "task.submitted",
      "task.qa_approved",
      "task.client_approved",
      "request.completed",
    ]);
    const clientHistory = await contact.get(`/requests/${requestId}/history`);
    expect(clientHistory.body.items.map((e: any) => e.action)).not.toContain("task.qa_returned");
    expect(clientHistory.body.items.map((e: any) => e.action)).toContain("task.client_approved");

    // QA metrics: one task approved, not at the first review, one return.
    const writer = await owner.get(`/members/${world.ids.sub}`);
    expect(writer.body.qa).toEqual({ approved: 2, firstPassRate: 0, averageReturns: 0.5 });
  });

  it("shares one thread between the client and the team", async () => {
    const { request } = await acceptedTask(world, { title: "Thread test" });
    const asked = await world.contact.post(`/requests/${request.id}/messages`, { body: "Any update?" });
    expect(asked.status).toBe(201);
    const answered = await world.owner.post(`/requests/${request.id}/messages`, { body: "Tomorrow." });
    expect(answered.body.author).toMatchObject({ type: "member" });
    const thread = await world.contact.get(`/requests/${request.id}/messages`);
    expect(thread.body.items.map((m: any) => [m.author.name, m.body])).toEqual([
      ["Ada Client", "Any update?"],
      ["Owner Person", "Tomorrow."],
    ]);
  });

  it("declines a request with a reason the client sees and is emailed", async () => {
    const submitted = await world.contact.post("/requests", { title: "Out of scope", description: "Build a rocket.", service: "Engineering" });
    const declined = await world.owner.post(`/requests/${submitted.body.id}/decline`, { version: submitted.body.version, reason: "We don't build rockets." });
    // An action answers what the resource's GET answers.
    expect(declined.body.request).toMatchObject({ status: "declined", declineReason: "We don't build rockets." });
    expect(declined.body).toMatchObject({ client: { id: world.ids.client }, tasks: [] });
    const seen = await world.contact.get(`/requests/${submitted.body.id}`);
    expect(seen.body.request.declineReason).toBe("We don't build rockets.");
    const mail = await waitForEmail(world.people.contact.email, (e) => e.subject.includes("was declined"));
    expect(mail.body.text).toContain("We don't build rockets.");
    const again = await world.owner.post(`/requests/${submitted.body.id}/accept`, { version: declined.body.request.version, tasks: [{ title: "x", estimateHours: 1, dueAt: new Date().toISOString() }] });
    expect(again.status).toBe(409);
    expect(again.body.current.status).toBe("declined");
  });
});
