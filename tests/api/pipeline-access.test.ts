import { parseFragment } from "parse5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, signIn, startApi, type Started } from "../support/http.ts";
import { createAgency, uniqueEmail } from "../support/fixtures.ts";
import { acceptedTask, acceptInvitation, createWorld, type World } from "../support/world.ts";

// Who may see and do what in the pipeline, and what happens when people act at once.

let api: Started;
let world: World;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Access Agency");
});
afterAll(() => api.close());

async function assignedTo(memberId: string, title = "Scoped work") {
  const { request, task } = await acceptedTask(world, { title });
  const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId });
  return { request, task: assigned.body.task };
}

describe("role isolation", () => {
  it("shows a subcontractor only their own tasks and requests", async () => {
    const theirs = await assignedTo(world.ids.sub, "Sam's task");
    const others = await assignedTo(world.ids.reviewer, "Maria's task");
    const mine = await world.sub.get("/tasks/mine");
    expect(mine.body.items.map((t: any) => t.id)).toContain(theirs.task.id);
    expect(mine.body.items.map((t: any) => t.id)).not.toContain(others.task.id);
    expect((await world.sub.get(`/tasks/${others.task.id}`)).status).toBe(404);
    expect((await world.sub.get(`/requests/${others.request.id}`)).status).toBe(404);
    expect((await world.sub.get(`/requests/${others.request.id}/messages`)).status).toBe(404);
    expect((await world.sub.post(`/requests/${others.request.id}/messages`, { body: "hi" })).status).toBe(404);
    expect((await world.sub.get(`/requests/${theirs.request.id}`)).status).toBe(200);
  });

  it("keeps owner screens, billing-free as they are, away from subcontractors and clients", async () => {
    for (const path of ["/requests", "/tasks/board", "/tasks/deadlines", "/tasks/workload", "/clients", "/members"]) {
      expect((await world.sub.get(path)).status, path).toBe(403);
    }
    for (const path of ["/tasks/board", "/tasks/deadlines", "/tasks/workload", "/tasks/mine", "/tasks/qa", "/sops", "/clients"]) {
      expect((await world.contact.get(path)).status, path).toBe(403);
    }
    // A subcontractor who is not a reviewer has no QA queue.
    expect((await world.sub.get("/tasks/qa")).status).toBe(403);
    expect((await world.reviewer.get("/tasks/qa")).status).toBe(200);
  });

  it("lets only the right person take each step", async () => {
    const { task } = await assignedTo(world.ids.sub, "Steps");
    const reassign = { version: task.version, memberId: world.ids.reviewer };
    expect((await world.sub.post(`/tasks/${task.id}/assign`, reassign)).status).toBe(403);
    expect((await world.contact.post(`/tasks/${task.id}/assign`, reassign)).status).toBe(403);
    // Only the assignee submits; the client cannot approve what QA has not passed.
    expect((await world.owner.post(`/tasks/${task.id}/submit`, { version: task.version, text: "x" })).status).toBe(403);
    const approve = await world.contact.post(`/tasks/${task.id}/approve`, { version: task.version });
    expect(approve.status).toBe(409);
    expect(approve.body.error.code).toBe("task.invalid_transition");
    const submitted = await world.sub.post(`/tasks/${task.id}/submit`, { version: task.version, text: "Done" });
    expect(submitted.status).toBe(200);
    // Nobody reviews their own work; a client cannot review.
    expect((await world.sub.post(`/tasks/${task.id}/review`, { version: submitted.body.task.version, decision: "approve", rubric: 5 })).status).toBe(403);
    expect((await world.contact.post(`/tasks/${task.id}/review`, { version: submitted.body.task.version, decision: "approve", rubric: 5 })).status).toBe(403);
    const returned = await world.reviewer.post(`/tasks/${task.id}/review`, { version: submitted.body.task.version, decision: "return", rubric: 3 });
    expect(returned.status).toBe(400);
    expect(returned.body.error.fields).toEqual({ notes: expect.any(String) });
  });

  it("shows a client only their own company's requests, and no internal detail", async () => {
    const { request } = await assignedTo(world.ids.sub, "Client view");
    const otherClient = await world.owner.post("/clients", { name: "Globex", code: `GX${Date.now() % 100000}`, timeZone: "Europe/London", currency: "GBP" });
    const otherEmail = uniqueEmail("globex");
    await world.owner.post(`/clients/${otherClient.body.id}/contacts`, { email: otherEmail, name: "Hank", timeZone: "Europe/London" });
    const globex = new ApiClient(api.baseUrl, "portal");
    await acceptInvitation(globex, otherEmail);
    expect((await globex.get(`/requests/${request.id}`)).status).toBe(404);
    expect((await globex.get(`/requests/${request.id}/history`)).status).toBe(404);
    expect((await globex.get("/requests")).body.items).toEqual([]);
    // Their own request cannot be filed under another client.
    const sneaky = await globex.post("/requests", { clientId: world.ids.client, title: "x", description: "y", service: "z" });
    expect(sneaky.status).toBe(404);
    const own = await world.contact.get(`/requests/${request.id}`);
    expect(own.body.tasks[0]).not.toHaveProperty("assignee");
    expect(own.body.tasks[0]).not.toHaveProperty("review");
    expect(own.body.tasks[0].deliverable).toBeNull();
    // Not even a conflict answer lets the client see inside the team's work.
    const task = own.body.tasks[0];
    const early = await world.contact.post(`/tasks/${task.id}/approve`, { version: task.version });
    expect(early.status).toBe(409);
    expect(Object.keys(early.body.current).sort()).toEqual(["can", "clientDecision", "deliverable", "dueAt", "id", "reference", "status", "title", "version"]);
    expect(early.body.current.deliverable).toBeNull();
    const stale = await world.contact.post(`/tasks/${task.id}/approve`, { version: task.version + 5 });
    expect(stale.status).toBe(409);
    expect(stale.body.current).not.toHaveProperty("assignee");
    // Their timeline names no one from the team.
    const history = await world.contact.get(`/requests/${request.id}/history`);
    expect(history.body.items.find((e: any) => e.action === "request.accepted").by).toBeNull();
    expect(history.body.items.find((e: any) => e.action === "request.submitted").by).toBe("Ada Client");
    // And they can filter their own list by status.
    const inProgress = await world.contact.get("/requests?status=in_progress");
    expect(inProgress.body.items.length).toBeGreaterThan(0);
    expect(inProgress.body.items.every((r: any) => r.status === "in_progress")).toBe(true);
  });

  it("hides everything from another agency behind 404", async () => {
    const { request, task } = await assignedTo(world.ids.sub, "Tenant");
    const sop = await world.owner.post("/sops", { title: "Private", category: "Ops", body: "secret" });
    const other = await createAgency("Other Agency");
    const stranger = new ApiClient(api.baseUrl);
    await signIn(stranger, other.ownerEmail);
    for (const path of [`/requests/${request.id}`, `/requests/${request.id}/messages`, `/requests/${request.id}/history`, `/tasks/${task.id}`, `/tasks/${task.id}/candidates`, `/sops/${sop.body.id}`]) {
      expect((await stranger.get(path)).status, path).toBe(404);
    }
    expect((await stranger.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub })).status).toBe(404);
    expect((await stranger.post(`/requests/${request.id}/decline`, { version: 1, reason: "x" })).status).toBe(404);
    expect((await stranger.get("/requests")).body.items).toEqual([]);
    expect((await stranger.get("/sops")).body.items).toEqual([]);
  });
});

describe("lists", () => {
  it("fills every page of a filtered list; only the last one is short", async () => {
    const client = await world.owner.post("/clients", { name: "Pager Co", code: `PG${Date.now() % 100000}`, timeZone: "Europe/London", currency: "GBP" });
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const made = await world.owner.post("/requests", { clientId: client.body.id, title: `Errand ${i}`, description: "d", service: "Admin" });
      expect(made.status).toBe(201);
      ids.push(made.body.id);
      // Declined: errands 1, 3 and 5, so a page read without filling would skip some.
      if (i % 2) expect((await world.owner.post(`/requests/${made.body.id}/decline`, { version: made.body.version, reason: "No" })).status).toBe(200);
    }
    const first = await world.owner.get(`/requests?clientId=${client.body.id}&status=declined&limit=2`);
    expect(first.body.items.map((r: any) => r.title)).toEqual(["Errand 5", "Errand 3"]);
    const second = await world.owner.get(`/requests?clientId=${client.body.id}&status=declined&limit=2&cursor=${encodeURIComponent(first.body.cursor)}`);
    expect(second.body.items.map((r: any) => r.title)).toEqual(["Errand 1"]);

    // "All statuses" across clients: every request, newest first.
    const all = await world.owner.get("/requests?status=all&limit=100");
    expect(all.status).toBe(200);
    const ours = all.body.items.filter((r: any) => ids.includes(r.id)).map((r: any) => r.id);
    expect(ours).toEqual([...ids].reverse());
    expect(new Set(all.body.items.map((r: any) => r.status)).size).toBeGreaterThan(1);

    // The same for an SOP search: matches are spread between SOPs that don't match.
    for (let i = 1; i <= 4; i++) {
      await world.owner.post("/sops", { title: `Pager ${i}`, category: "Paging", body: i % 2 ? "Mentions the okapi." : "Nothing here." });
    }
    const sops = await world.owner.get("/sops?q=okapi&limit=1");
    expect(sops.body.items.map((sop: any) => sop.title)).toHaveLength(1);
    const rest = await world.owner.get(`/sops?q=okapi&limit=1&cursor=${encodeURIComponent(sops.body.cursor)}`);
    expect([...sops.body.items, ...rest.body.items].map((sop: any) => sop.title).sort()).toEqual(["Pager 1", "Pager 3"]);
  });
});

describe("concurrency", () => {
  it("lets exactly one of 20 simultaneous QA approvals win; the rest get 409 with the current task", async () => {
    const { task } = await assignedTo(world.ids.sub, "Race");
    const submitted = await world.sub.post(`/tasks/${task.id}/submit`, { version: task.version, text: "Done" });
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => world.owner.post(`/tasks/${task.id}/review`, { version: submitted.body.task.version, decision: "approve", rubric: 5 })),
    );
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    for (const reply of replies.filter((r) => r.status !== 200)) {
      expect(reply.status).toBe(409);
      expect(reply.body.current).toMatchObject({ id: task.id, status: "client_review", version: submitted.body.task.version + 1 });
    }
    const history = await world.owner.get(`/requests/${task.requestId}/history`);
    expect(history.body.items.filter((e: any) => e.action === "task.qa_approved")).toHaveLength(1);
    const member = await world.owner.get(`/members/${world.ids.sub}`);
    expect(member.body.qa.approved).toBeGreaterThanOrEqual(1);
  });

  it("moves two tasks of one request at the same time without losing either", async () => {
    const submitted = await world.contact.post("/requests", { title: "Two parts", description: "d", service: "Admin" });
    const dueAt = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
    const accepted = await world.owner.post(`/requests/${submitted.body.id}/accept`, {
      version: submitted.body.version,
      tasks: [
        { title: "Part one", estimateHours: 1, dueAt },
        { title: "Part two", estimateHours: 1, dueAt },
      ],
    });
    const [one, two] = accepted.body.tasks;
    expect([one.reference, two.reference]).toEqual([`${accepted.body.request.reference}.1`, `${accepted.body.request.reference}.2`]);
    const replies = await Promise.all([
      world.owner.post(`/tasks/${one.id}/assign`, { version: one.version, memberId: world.ids.sub }),
      world.owner.post(`/tasks/${two.id}/assign`, { version: two.version, memberId: world.ids.reviewer }),
    ]);
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    const detail = await world.owner.get(`/requests/${submitted.body.id}`);
    expect(detail.body.tasks.map((t: any) => t.status)).toEqual(["in_progress", "in_progress"]);
  });

  it("numbers concurrent requests of one client without duplicates", async () => {
    const replies = await Promise.all(
      Array.from({ length: 8 }, (_, i) => world.contact.post("/requests", { title: `Batch ${i}`, description: "d", service: "Admin" })),
    );
    const numbers = replies.map((r) => r.body.number);
    expect(replies.every((r) => r.status === 201)).toBe(true);
    expect(new Set(numbers).size).toBe(8);
  });
});

describe("SOPs", () => {
  it("versions every edit and keeps tasks on the version they were made from", async () => {
    const created = await world.owner.post("/sops", { title: "Inbox", category: "Email", body: "Sort it.", checklist: ["Archive"] });
    const { task } = await acceptedTask(world, { sopId: created.body.id, title: "Pinned" });
    const edited = await world.owner.patch(`/sops/${created.body.id}`, {
      version: created.body.version,
      title: "Inbox zero",
      category: "Email",
      body: "Sort it daily.",
      checklist: ["Archive", "Reply"],
      note: "Daily now",
    });
    expect(edited.body).toMatchObject({ latestVersion: 2, title: "Inbox zero", current: { number: 2, note: "Daily now" } });
    const stale = await world.owner.patch(`/sops/${created.body.id}`, { version: created.body.version, title: "x", category: "y", body: "z", checklist: [] });
    expect(stale.status).toBe(409);
    const versions = await world.owner.get(`/sops/${created.body.id}/versions`);
    expect(versions.body.items.map((v: any) => [v.number, v.title, v.createdBy.name])).toEqual([
      [2, "Inbox zero", "Owner Person"],
      [1, "Inbox", "Owner Person"],
    ]);
    const pinned = await world.owner.get(`/tasks/${task.id}`);
    expect(pinned.body.sop).toMatchObject({ number: 1, title: "Inbox", checklist: ["Archive"] });
    expect(pinned.body.task.checklist.map((c: any) => c.text)).toEqual(["Archive"]);
  });

  it("finds SOPs by words in their title, category or body, and by category", async () => {
    await world.owner.post("/sops", { title: "Travel booking", category: "Travel", body: "Use the **corporate** portal." });
    await world.owner.post("/sops", { title: "Expense reports", category: "Finance", body: "Monthly." });
    expect((await world.sub.get("/sops?q=corporate")).body.items.map((s: any) => s.title)).toEqual(["Travel booking"]);
    expect((await world.owner.get("/sops?category=Finance")).body.items.map((s: any) => s.title)).toEqual(["Expense reports"]);
    expect((await world.sub.post("/sops", { title: "x", category: "y", body: "z" })).status).toBe(403);
  });

  it("renders Markdown with no way to run a script", async () => {
    const payloads = [
      "<script>alert(1)</script>",
      '<img src=x onerror="alert(1)">',
      "[click](javascript:alert(1))",
      "[click](JaVaScRiPt:alert(1))",
      "![x](javascript:alert(1))",
      "<a href=\"javascript:alert(1)\">x</a>",
      "<svg onload=alert(1)>",
      "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    ];
    const sop = await world.owner.post("/sops", { title: "XSS", category: "Security", body: payloads.join("\n\n"), checklist: ["<script>alert(2)</script>"] });
    const html: string = sop.body.current.bodyHtml;
    // Read it the way a browser does: which elements and attributes would exist?
    const elements: Array<{ tag: string; attrs: Array<{ name: string; value: string }> }> = [];
    const walk = (node: any) => {
      if (node.tagName) elements.push({ tag: node.tagName, attrs: node.attrs ?? [] });
      for (const child of node.childNodes ?? []) walk(child);
    };
    walk(parseFragment(html));
    expect(elements.map((e) => e.tag).filter((tag) => ["script", "svg", "iframe", "img", "style"].includes(tag))).toEqual([]);
    for (const { attrs } of elements) {
      for (const attr of attrs) {
        expect(attr.name).not.toMatch(/^on/i);
        if (attr.name === "href" || attr.name === "src") expect(attr.value.trim()).not.toMatch(/^(javascript|data|vbscript):/i);
      }
    }
    // The payloads are still there, as text a reader can see.
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});
