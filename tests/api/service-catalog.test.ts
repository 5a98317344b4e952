import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Started } from "../support/http.ts";
import { samples, uploaded } from "../support/files.ts";
import { createWorld, type World } from "../support/world.ts";

// The service catalog over HTTP (issue 18, parts 1 and 2): the owner's services (the package
// library grown into the catalog) with a price model, turnaround, SOPs, an intake form and who
// sees them; a client requests a visible one through its form. Each rule of the brief: an answer
// that doesn't fit its kind is 400 naming the field, a hidden service 404, a form changed since it
// was read 409 with the current form; accepting proposes the SOPs' tasks.

let api: Started;
let world: World;
let sopId: string;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Catalog Agency");
  const sop = await world.owner.post("/sops", { title: "Inbox clean-up", category: "Admin", body: "Sort, archive, reply.", checklist: ["Archive newsletters", "Flag invoices"] });
  expect(sop.status).toBe(201);
  sopId = sop.body.id;
});
afterAll(() => api.close());

const form = [
  { kind: "text", label: "Which mailbox?", required: true },
  { kind: "choice", label: "How often?", required: true, options: ["Once", "Weekly"] },
  { kind: "date", label: "Start on" },
  { kind: "url", label: "Shared folder" },
];

async function service(extra: Record<string, unknown> = {}) {
  const created = await world.owner.post("/packages", {
    name: `Inbox zero ${Math.random().toString(36).slice(2, 7)}`,
    description: "We empty your inbox.",
    category: "Admin",
    priceModel: "hourly",
    prices: [{ currency: "USD", amount: 4000 }],
    turnaroundDays: 2,
    sopIds: [sopId],
    form,
    visibility: "all",
    ...extra,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

const answersOf = (svc: { form: Array<{ id: string }> }, values: Array<string | string[] | undefined>) =>
  Object.fromEntries(svc.form.flatMap((q, i) => (values[i] === undefined ? [] : [[q.id, values[i]]])));

describe("the owner's catalog", () => {
  it("keeps a service's category, price model, turnaround, SOPs, form and visibility; the form carries a version", async () => {
    const svc = await service();
    expect(svc).toMatchObject({ category: "Admin", priceModel: "hourly", turnaroundDays: 2, sopIds: [sopId], visibility: "all", clientIds: [], formVersion: 1 });
    expect(svc.form.map((q: any) => q.kind)).toEqual(["text", "choice", "date", "url"]);
    expect(svc.form.every((q: any) => /^q_/.test(q.id))).toBe(true);

    // A change to anything but the form keeps its version; a changed form moves it on.
    const renamed = await world.owner.patch(`/packages/${svc.id}`, { version: svc.version, name: "Inbox zero, renamed", form: svc.form });
    expect(renamed.body.formVersion).toBe(1);
    const reformed = await world.owner.patch(`/packages/${svc.id}`, { version: renamed.body.version, form: [...svc.form, { kind: "long_text", label: "Anything to keep?" }] });
    expect(reformed.status).toBe(200);
    expect(reformed.body.formVersion).toBe(2);
    const cleared = await world.owner.patch(`/packages/${svc.id}`, { version: reformed.body.version, category: null, turnaroundDays: null });
    expect(cleared.body).toMatchObject({ category: null, turnaroundDays: null });
  });

  it("a package saved the old way is a fixed-price service hidden from clients, with no form", async () => {
    const old = await world.owner.post("/packages", { name: "Website care", prices: [{ currency: "USD", amount: 50000 }] });
    expect(old.body).toMatchObject({ priceModel: "fixed", visibility: "hidden", form: [], formVersion: 1, sopIds: [], category: null, turnaroundDays: null });
  });

  it("a service quoted on request needs no price; the others do", async () => {
    const quoted = await world.owner.post("/packages", { name: "Custom project", priceModel: "quote" });
    expect(quoted.status).toBe(201);
    expect(quoted.body.prices).toEqual([]);
    const unpriced = await world.owner.post("/packages", { name: "Hours", priceModel: "hourly" });
    expect(unpriced.status).toBe(400);
    expect(Object.keys(unpriced.body.error.fields)).toContain("prices");
  });

  it("refuses a form, SOP or visibility that can't be kept, naming the field", async () => {
    for (const [body, field] of [
      [{ form: [{ kind: "choice", label: "Pick", options: ["Only one"] }] }, "form.0.options"],
      [{ form: [{ kind: "colour", label: "Pick" }] }, "form.0.kind"],
      [{ form: [{ kind: "text", label: "" }] }, "form.0.label"],
      [{ form: [{ id: "q_a", kind: "text", label: "A" }, { id: "q_a", kind: "text", label: "B" }] }, "form.1.id"],
      [{ sopIds: ["sop_01kbz0000000000000000000zz"] }, "sopIds.0"],
      [{ sopIds: ["not-an-sop"] }, "sopIds.0"],
      [{ visibility: "friends" }, "visibility"],
      [{ priceModel: "barter" }, "priceModel"],
      [{ turnaroundDays: 1.5 }, "turnaroundDays"],
      [{ clientIds: ["cli_nope"] }, "clientIds.0"],
    ] as const) {
      const reply = await world.owner.post("/packages", { name: "Bad", prices: [{ currency: "USD", amount: 100 }], ...body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(reply.body.error.fields), JSON.stringify(body)).toContain(field);
    }
  });
});

describe("a client's catalog", () => {
  it("lists the active services their company sees, with the price in their currency", async () => {
    const visible = await service({ prices: [{ currency: "USD", amount: 4000 }, { currency: "EUR", amount: 3700 }] });
    const hidden = await service({ visibility: "hidden" });
    const chosenForThem = await service({ visibility: "chosen", clientIds: [world.ids.client] });
    const other = await world.owner.post("/clients", { name: "Other Co", code: `OT${Math.floor(Math.random() * 9999)}`, timeZone: "UTC", currency: "EUR" });
    const chosenForOthers = await service({ visibility: "chosen", clientIds: [other.body.id] });
    const archived = await service();
    await world.owner.patch(`/packages/${archived.id}`, { version: archived.version, status: "archived" });

    const listed = await world.contact.get("/catalog");
    expect(listed.status).toBe(200);
    const ids = listed.body.items.map((s: any) => s.id);
    expect(ids).toEqual(expect.arrayContaining([visible.id, chosenForThem.id]));
    for (const id of [hidden.id, chosenForOthers.id, archived.id]) expect(ids).not.toContain(id);
    const shown = listed.body.items.find((s: any) => s.id === visible.id);
    expect(shown).toMatchObject({ name: visible.name, category: "Admin", priceModel: "hourly", prices: [{ currency: "USD", amount: 4000 }], turnaroundDays: 2, formVersion: 1 });
    expect(shown.form).toHaveLength(4);
    // The owner's own fields (who sees it, its SOPs) are not the client's to read.
    expect(shown).not.toHaveProperty("clientIds");
    expect(shown).not.toHaveProperty("sopIds");

    expect((await world.contact.get(`/catalog/${visible.id}`)).status).toBe(200);
    for (const id of [hidden.id, chosenForOthers.id, archived.id, "pkg_" + "x".repeat(900)]) expect((await world.contact.get(`/catalog/${id}`)).status).toBe(404);
  });
});

describe("requesting a service", () => {
  it("keeps the answers structured on the request, and the team reads them as a brief", async () => {
    const svc = await service();
    const sent = await world.contact.post("/requests", {
      title: svc.name,
      serviceId: svc.id,
      formVersion: svc.formVersion,
      answers: answersOf(svc, ["ada@acme.test ", "Weekly", "2026-12-14", "https://drive.example/inbox"]),
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body).toMatchObject({ serviceId: svc.id, service: svc.name, description: "" });
    expect(sent.body.brief).toMatchObject({ serviceId: svc.id, name: svc.name, formVersion: 1 });
    expect(sent.body.brief.answers).toEqual(answersOf(svc, ["ada@acme.test", "Weekly", "2026-12-14", "https://drive.example/inbox"]));
    expect(sent.body.brief.questions.map((q: any) => q.label)).toEqual(form.map((q) => q.label));

    const seen = await world.owner.get(`/requests/${sent.body.id}`);
    expect(seen.body.request.brief.answers[svc.form[1].id]).toBe("Weekly");
    // Accepting proposes the service's SOPs as tasks, each with its skill.
    expect(seen.body.proposal).toEqual([{ sopId, title: "Inbox clean-up", skills: ["Admin"], checklistLength: 2 }]);
    // The brief stays as it was filled when the service's form changes later.
    await world.owner.patch(`/packages/${svc.id}`, { version: svc.version, form: [{ kind: "text", label: "New question" }] });
    expect((await world.owner.get(`/requests/${sent.body.id}`)).body.request.brief.questions).toHaveLength(4);

    const accepted = await world.owner.post(`/requests/${sent.body.id}/accept`, {
      version: seen.body.request.version,
      tasks: seen.body.proposal.map((task: any) => ({ title: task.title, estimateHours: 1, dueAt: "2026-12-20T17:00:00Z", sopId: task.sopId, skills: task.skills })),
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.tasks[0]).toMatchObject({ title: "Inbox clean-up", skills: ["Admin"] });
    expect(accepted.body.tasks[0].checklist.map((c: any) => c.text)).toEqual(["Archive newsletters", "Flag invoices"]);
    expect(accepted.body.proposal).toEqual([]);
    // The client sees their own brief too, never the proposal.
    const theirs = await world.contact.get(`/requests/${sent.body.id}`);
    expect(theirs.body.request.brief.name).toBe(svc.name);
    expect(theirs.body.proposal).toEqual([]);
  });

  it("answers that don't fit their question's kind are 400, each naming its question", async () => {
    const svc = await service();
    const [mailbox, often, start, folder] = svc.form.map((q: any) => q.id);
    const send = (answers: Record<string, unknown>) => world.contact.post("/requests", { title: "X", serviceId: svc.id, formVersion: 1, answers });
    for (const [answers, field] of [
      [{ [often]: "Weekly" }, `answers.${mailbox}`],
      [{ [mailbox]: "a", [often]: "Daily" }, `answers.${often}`],
      [{ [mailbox]: "a", [often]: ["Weekly"] }, `answers.${often}`],
      [{ [mailbox]: "a", [often]: "Once", [start]: "2026-02-30" }, `answers.${start}`],
      [{ [mailbox]: "a", [often]: "Once", [folder]: "javascript:alert(1)" }, `answers.${folder}`],
      [{ [mailbox]: "a", [often]: "Once", q_unknown: "x" }, "answers.q_unknown"],
      [{ [mailbox]: "x".repeat(501), [often]: "Once" }, `answers.${mailbox}`],
    ] as const) {
      const reply = await send(answers);
      expect(reply.status, JSON.stringify(answers)).toBe(400);
      expect(reply.body.error.code).toBe("validation_failed");
      expect(Object.keys(reply.body.error.fields), JSON.stringify(answers)).toContain(field);
    }
    const wrongShape = await world.contact.post("/requests", { title: "X", serviceId: svc.id, formVersion: 1, answers: "all of them" });
    expect(wrongShape.status).toBe(400);
    expect(Object.keys(wrongShape.body.error.fields)).toContain("answers");
  });

  it("a service the client can't see is 404, as if it did not exist", async () => {
    const hidden = await service({ visibility: "hidden" });
    for (const serviceId of [hidden.id, "pkg_01kbz0000000000000000000zz", "nonsense"]) {
      const reply = await world.contact.post("/requests", { title: "X", serviceId, formVersion: 1, answers: {} });
      expect(reply.status, serviceId).toBe(404);
    }
  });

  it("a form changed between reading and sending is 409 with the current form", async () => {
    const svc = await service();
    const read = (await world.contact.get(`/catalog/${svc.id}`)).body;
    await world.owner.patch(`/packages/${svc.id}`, { version: svc.version, form: [{ kind: "text", label: "Only this now", required: true }] });
    const stale = await world.contact.post("/requests", { title: "X", serviceId: svc.id, formVersion: read.formVersion, answers: answersOf(read, ["a", "Once"]) });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ id: svc.id, formVersion: 2 });
    expect(stale.body.current.form.map((q: any) => q.label)).toEqual(["Only this now"]);
    const missingVersion = await world.contact.post("/requests", { title: "X", serviceId: svc.id, answers: {} });
    expect(missingVersion.status).toBe(409);
    const again = await world.contact.post("/requests", { title: "X", serviceId: svc.id, formVersion: 2, answers: { [stale.body.current.form[0].id]: "Done" } });
    expect(again.status).toBe(201);
  });

  it("'something else' keeps the generic form: a service and a description are still needed", async () => {
    const generic = await world.contact.post("/requests", { title: "Other", service: "Research", description: "Find three venues." });
    expect(generic.status).toBe(201);
    expect(generic.body).toMatchObject({ serviceId: null, brief: null });
    const bare = await world.contact.post("/requests", { title: "Other" });
    expect(bare.status).toBe(400);
    expect(Object.keys(bare.body.error.fields)).toEqual(expect.arrayContaining(["service", "description"]));
  });
});

describe("the owner files a service request for a client", () => {
  it("reads the client's catalog as the client sees it; only the owner may, and an unknown client is 404", async () => {
    const other = await world.owner.post("/clients", { name: "Elsewhere", code: `EL${Math.floor(Math.random() * 10_000)}`, timeZone: "UTC", currency: "EUR" });
    const theirs = await service({ visibility: "chosen", clientIds: [other.body.id], prices: [{ currency: "EUR", amount: 3000 }, { currency: "USD", amount: 3300 }] });
    const everyone = await service();
    const hidden = await service({ visibility: "hidden" });
    const forWorld = (await world.owner.get(`/catalog/clients/${world.ids.client}`)).body.items.map((s: any) => s.id);
    expect(forWorld).toEqual(expect.arrayContaining([everyone.id]));
    expect(forWorld).not.toContain(theirs.id);
    expect(forWorld).not.toContain(hidden.id);
    const forOther = (await world.owner.get(`/catalog/clients/${other.body.id}`)).body.items;
    expect(forOther.find((s: any) => s.id === theirs.id)).toMatchObject({ prices: [{ currency: "EUR", amount: 3000 }], form: expect.any(Array), formVersion: 1 });
    // The same list the client's own catalog answers.
    expect(forWorld.sort()).toEqual((await world.contact.get("/catalog")).body.items.map((s: any) => s.id).sort());
    expect((await world.contact.get(`/catalog/clients/${world.ids.client}`)).status).toBe(403);
    expect((await world.sub.get(`/catalog/clients/${world.ids.client}`)).status).toBe(403);
    expect((await world.owner.get("/catalog/clients/cli_01kbz0000000000000000000zz")).status).toBe(404);
    expect((await world.owner.get("/catalog/clients/not-a-client")).status).toBe(404);
  });

  it("with the portal's checks: answers by kind (400), a service the client can't see (404), a changed form (409); a good one keeps the brief and the files", async () => {
    const svc = await service();
    const [mailbox, often] = svc.form.map((q: any) => q.id);
    const send = (body: Record<string, unknown>) => world.owner.post("/requests", { clientId: world.ids.client, title: "For them", serviceId: svc.id, formVersion: 1, ...body });
    const bad = await send({ answers: { [mailbox]: "a", [often]: "Daily" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toContain(`answers.${often}`);
    const noClient = await world.owner.post("/requests", { title: "For them", serviceId: svc.id, formVersion: 1, answers: { [mailbox]: "a", [often]: "Once" } });
    expect(noClient.status).toBe(400);
    expect(Object.keys(noClient.body.error.fields)).toContain("clientId");
    const hidden = await service({ visibility: "hidden" });
    expect((await send({ serviceId: hidden.id, answers: {} })).status).toBe(404);
    expect((await send({ formVersion: 7, answers: { [mailbox]: "a", [often]: "Once" } })).status).toBe(409);

    const fileId = await uploaded(world.owner, { name: "Brief.pdf", bytes: samples.pdf(), type: "application/pdf", place: "request", targetId: world.ids.client });
    const good = await send({ answers: { [mailbox]: "ada@acme.test", [often]: "Weekly" }, fileIds: [fileId], priority: "high" });
    expect(good.status, JSON.stringify(good.body)).toBe(201);
    expect(good.body).toMatchObject({ serviceId: svc.id, priority: "high", status: "submitted", submittedBy: { type: "member" } });
    const seen = (await world.owner.get(`/requests/${good.body.id}`)).body;
    expect(seen.request.brief.answers).toEqual({ [mailbox]: "ada@acme.test", [often]: "Weekly" });
    expect(seen.files.map((f: any) => f.id)).toEqual([fileId]);
    expect(seen.proposal).toEqual([{ sopId, title: "Inbox clean-up", skills: ["Admin"], checklistLength: 2 }]);
    // The client sees the request the owner filed for them.
    expect((await world.contact.get(`/requests/${good.body.id}`)).status).toBe(200);
  });
});
