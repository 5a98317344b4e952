import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Inbox } from "@baton/core/inbox";
import { emailsTo } from "@baton/local/mailbox";
import { inject } from "vitest";
import { startApi, waitForEmail, type Started } from "../support/http.ts";
import { samples, uploaded } from "../support/files.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// Conversations that reach people: the client thread and the internal notes, who may write
// where, unread marks and counts, the cheap "anything new?" call, and emails about new messages
// (several within a few minutes in one, respecting opt-outs and language), read from the SES emulator.

let api: Started;
let world: World;
let requestId: string;
let reference: string;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Conversations Agency");
  const accepted = await acceptedTask(world, { title: "Plan the launch" });
  requestId = accepted.request.id;
  reference = accepted.request.reference;
  await world.owner.post(`/tasks/${accepted.task.id}/assign`, { version: accepted.task.version, memberId: world.ids.sub });
  // Start every test with nothing unread.
  for (const who of [world.owner, world.sub, world.contact]) await who.post(`/requests/${requestId}/read`);
});
afterAll(() => api.close());

const inbox = async (who: World["owner"]) => (await who.get("/inbox")).body as { total: number; items: any[] };
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);
const mailsAbout = async (email: string, text: string) => (await emailsTo(inject("sesEndpoint"), email)).filter((e) => e.subject.includes(text));

describe("two threads", () => {
  it("keeps internal notes from the client: not listed, not readable, their files unreachable", async () => {
    const file = await uploaded(world.sub, { name: "Costs.xlsx", bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 9]), place: "internal", targetId: requestId });
    const note = await world.sub.post(`/requests/${requestId}/messages`, { body: "Vendor charges 20% more than quoted.", thread: "internal", fileIds: [file] });
    expect(note.status, JSON.stringify(note.body)).toBe(201);
    expect(note.body).toMatchObject({ thread: "internal", files: [expect.objectContaining({ name: "Costs.xlsx" })] });
    const teamNotes = await world.owner.get(`/requests/${requestId}/messages?thread=internal`);
    expect(teamNotes.body.items.map((m: any) => m.body)).toContain("Vendor charges 20% more than quoted.");
    expect((await world.contact.get(`/requests/${requestId}/messages?thread=internal`)).status).toBe(404);
    const clientThread = await world.contact.get(`/requests/${requestId}/messages`);
    expect(JSON.stringify(clientThread.body)).not.toContain("Vendor");
    expect((await world.contact.get(`/files/${file}`)).status).toBe(404);
    expect((await world.contact.post(`/requests/${requestId}/messages`, { body: "Sneaky", thread: "internal" })).status).toBe(404);
    expect(JSON.stringify((await world.contact.get(`/requests/${requestId}/history`)).body)).not.toContain("request.note");
  });

  it("lets subcontractors write to the client only when the agency allows it (off by default)", async () => {
    const refused = await world.sub.post(`/requests/${requestId}/messages`, { body: "Hi Ada!" });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("message.internal_only");
    const agency = (await world.owner.get("/agency")).body;
    expect(agency.subcontractorsWriteToClients).toBe(false);
    const allowed = await world.owner.patch("/agency", { version: agency.version, subcontractorsWriteToClients: true });
    expect((await world.sub.post(`/requests/${requestId}/messages`, { body: "Hi Ada!" })).status).toBe(201);
    await world.owner.patch("/agency", { version: allowed.body.version, subcontractorsWriteToClients: false });
    expect((await world.sub.post(`/requests/${requestId}/messages`, { body: "Hi again" })).status).toBe(403);
  });

  it("sends a message of files only, and refuses one of nothing", async () => {
    const file = await uploaded(world.contact, { name: "Photo.png", bytes: samples.png(), place: "thread", targetId: requestId });
    const sent = await world.contact.post(`/requests/${requestId}/messages`, { body: "", fileIds: [file] });
    expect(sent.status).toBe(201);
    const empty = await world.contact.post(`/requests/${requestId}/messages`, { body: "   " });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields.body).toBe("Write a message.");
    const listed = await world.owner.get(`/requests/${requestId}/messages`);
    expect(listed.body.items.find((m: any) => m.id === sent.body.id).files).toEqual([expect.objectContaining({ id: file, preview: true })]);
  });
});

describe("unread", () => {
  it("marks the request unread for the team when the client writes, and clears it when read", async () => {
    for (const who of [world.owner, world.sub, world.contact]) await who.post(`/requests/${requestId}/read`);
    const before = await world.owner.get(`/requests/${requestId}/activity`);
    await world.contact.post(`/requests/${requestId}/messages`, { body: "Can we move the date?" });
    const owner = await inbox(world.owner);
    expect(owner.total).toBe(1);
    expect(owner.items[0]).toMatchObject({ requestId, reference, clientMessages: 1, fromClient: 1, last: { authorName: "Ada Client", excerpt: "Can we move the date?", thread: "client" } });
    expect((await inbox(world.sub)).items[0]).toMatchObject({ requestId, clientMessages: 1 });
    // The author has nothing unread; the conversation's stamp moved.
    expect((await inbox(world.contact)).total).toBe(0);
    const after = await world.owner.get(`/requests/${requestId}/activity?since=${encodeURIComponent(before.body.stamp)}`);
    expect(after.body.changed).toBe(true);
    const same = await world.owner.get(`/requests/${requestId}/activity?since=${encodeURIComponent(after.body.stamp)}`);
    expect(same.body.changed).toBe(false);
    await world.owner.post(`/requests/${requestId}/read`);
    expect((await inbox(world.owner)).total).toBe(0);
    expect((await inbox(world.sub)).total).toBe(1);
  });

  it("never tells the client about internal notes, not even by a changed stamp", async () => {
    await world.contact.post(`/requests/${requestId}/read`);
    const stamp = (await world.contact.get(`/requests/${requestId}/activity`)).body.stamp;
    await world.owner.post(`/requests/${requestId}/messages`, { body: "Internal only", thread: "internal" });
    expect((await world.contact.get(`/requests/${requestId}/activity?since=${encodeURIComponent(stamp)}`)).body.changed).toBe(false);
    expect((await inbox(world.contact)).total).toBe(0);
    expect((await inbox(world.sub)).items.find((i) => i.requestId === requestId)).toMatchObject({ internalMessages: expect.any(Number) });
  });

  it("marks a hand-off unread for whom it concerns", async () => {
    const other = await acceptedTask(world, { title: "Hand-off" });
    await world.sub.post(`/requests/${other.request.id}/read`);
    await world.owner.post(`/tasks/${other.task.id}/assign`, { version: other.task.version, memberId: world.ids.sub });
    expect((await inbox(world.sub)).items.find((i) => i.requestId === other.request.id)).toMatchObject({ updates: 1 });
  });
});

describe("emails about new messages", () => {
  it("batches several messages within a few minutes into one email per person, none to the author", async () => {
    for (const who of [world.owner, world.sub, world.contact]) await who.post(`/requests/${requestId}/read`);
    await Inbox.sendDue(later(60)); // anything still owed from earlier tests
    const ownerBefore = (await emailsTo(inject("sesEndpoint"), world.agency.ownerEmail)).length;
    for (const body of ["First thought", "Second thought", "Third thought: the venue is booked"]) {
      expect((await world.contact.post(`/requests/${requestId}/messages`, { body })).status).toBe(201);
    }
    // Not yet: the email waits a few minutes for more.
    expect((await Inbox.sendDue(new Date())).sent).toBe(0);
    const outcome = await Promise.all([Inbox.sendDue(later(5)), Inbox.sendDue(later(5))]);
    expect(outcome.reduce((sum, o) => sum + o.sent, 0)).toBe(2); // the owner and the subcontractor, once each
    const mail = await waitForEmail(world.agency.ownerEmail, (e) => e.subject.includes(`3 new messages on ${reference}`));
    expect(mail.body.text).toContain("Third thought: the venue is booked");
    expect(mail.body.text).toContain(`/requests/${requestId}#thread`);
    expect((await emailsTo(inject("sesEndpoint"), world.agency.ownerEmail)).length).toBe(ownerBefore + 1);
    await waitForEmail(world.people.sub.email, (e) => e.subject.includes(`3 new messages on ${reference}`));
    expect(await mailsAbout(world.people.contact.email, "new message")).toEqual([]);
    // Nothing new since: no second email.
    expect((await Inbox.sendDue(later(10))).sent).toBe(0);
  });

  it("sends none when the messages were read in time, or to someone who turned message emails off", async () => {
    await Inbox.sendDue(later(60));
    await world.owner.post(`/requests/${requestId}/messages`, { body: "Read me quickly" });
    await world.contact.post(`/requests/${requestId}/read`);
    await world.sub.patch("/me", { messageEmails: false });
    const before = (await mailsAbout(world.people.sub.email, "Read me")).length;
    const outcome = await Inbox.sendDue(later(5));
    expect(outcome.sent).toBe(0);
    expect((await mailsAbout(world.people.contact.email, "Read me")).length).toBe(0);
    expect((await mailsAbout(world.people.sub.email, "Read me")).length).toBe(before);
    await world.sub.patch("/me", { messageEmails: true });
  });

  it("writes to each person in their language, with the client's link to the portal", async () => {
    await Inbox.sendDue(later(60));
    await world.contact.patch("/me", { locale: "el" });
    await world.owner.post(`/requests/${requestId}/messages`, { body: "Η αίθουσα κλείστηκε." });
    await Inbox.sendDue(later(5));
    const mail = await waitForEmail(world.people.contact.email, (e) => e.subject.includes("νέο μήνυμα"));
    expect(mail.subject).toBe(`1 νέο μήνυμα στο ${reference}: Plan the launch`);
    expect(mail.body.text).toContain(`/portal/requests/${requestId}#thread`);
    expect(mail.body.html).toContain('lang="el"');
    await world.contact.patch("/me", { locale: "en" });
  });

  it("emails the client when their request is accepted, and QA when a deliverable is submitted", async () => {
    const submitted = await world.contact.post("/requests", { title: "Book a venue", description: "For 20.", service: "Events" });
    const accepted = await world.owner.post(`/requests/${submitted.body.id}/accept`, {
      version: submitted.body.version,
      tasks: [{ title: "Find venues", estimateHours: 2, dueAt: later(3 * 24 * 60).toISOString() }],
    });
    const mail = await waitForEmail(world.people.contact.email, (e) => e.subject.includes(`${submitted.body.reference} is under way`));
    expect(mail.body.text).toContain(`/portal/requests/${submitted.body.id}`);
    const taskId = accepted.body.tasks[0].id;
    const assigned = await world.owner.post(`/tasks/${taskId}/assign`, { version: accepted.body.tasks[0].version, memberId: world.ids.sub });
    await world.sub.post(`/tasks/${taskId}/submit`, { version: assigned.body.task.version, text: "Three venues." });
    await waitForEmail(world.people.other.email, (e) => e.subject.includes(`Ready for QA: ${assigned.body.task.reference}`));
    await waitForEmail(world.agency.ownerEmail, (e) => e.subject.includes(`Ready for QA: ${assigned.body.task.reference}`));
  });
});
