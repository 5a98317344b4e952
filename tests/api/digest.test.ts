import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Digest } from "@baton/core/digest";
import { emailsTo, type CapturedEmail } from "@baton/local/mailbox";
import { uniqueEmail } from "../support/fixtures.ts";
import { ApiClient, startApi, type Started } from "../support/http.ts";
import { parsedMime } from "../support/surveys.ts";
import { acceptedTask, acceptInvitation, createWorld, type World } from "../support/world.ts";

// The weekly status digest, seeded over HTTP and sent by the job at chosen moments: Monday
// 09:00 in the client's zone (New York here), once per week however often the job runs, in each
// contact's language and zone, with the sections a mail client shows in HTML and text alike.
// The tests run in order: the later ones count the emails the earlier ones caused.

const NY = "America/New_York";
const DAY = 86_400_000;
const MINUTE = 60_000;

let api: Started;
let world: World;
/** The first Monday 09:00 in New York after the work below is done: the digest that reports it. */
let sendAt: Date;
const people = {
  greek: { email: uniqueEmail("eleni"), name: "Eleni Papadopoulou" },
  beta: { email: uniqueEmail("bea"), name: "Bea Retainer" },
  quiet: { email: uniqueEmail("quinn"), name: "Quinn Quiet" },
  lead: { email: uniqueEmail("lee"), name: "Lee Lead" },
  gone: { email: uniqueEmail("gus"), name: "Gus Gone" },
};
const ids: Record<string, string> = {};
const work: { done?: any; progress?: any; progressTask?: any; awaiting?: any } = {};

const isDigest = (email: CapturedEmail) => /^(Your weekly update from|Η εβδομαδιαία ενημέρωσή σας από)/.test(email.subject);
const digestsTo = async (address: string) => (await emailsTo(inject("sesEndpoint"), address)).filter(isDigest);

async function ok(reply: Promise<{ status: number; body: any }>, status = 200) {
  const result = await reply;
  expect(result.status, JSON.stringify(result.body)).toBe(status);
  return result.body;
}

/** A client with one contact who has accepted the invitation; then set to `status`. */
async function clientWithContact(name: string, person: { email: string; name: string }, status: string, billing?: Record<string, unknown>) {
  const code = `DG${Math.floor(Math.random() * 1e6)}`;
  const client = await ok(world.owner.post("/clients", { name, code, timeZone: NY, currency: "USD", status: "active" }), 201);
  await ok(world.owner.post(`/clients/${client.id}/contacts`, { ...person, timeZone: NY }), 201);
  await acceptInvitation(new ApiClient(api.baseUrl, "portal"), person.email);
  const current = await ok(world.owner.get(`/clients/${client.id}`));
  await ok(world.owner.patch(`/clients/${client.id}`, { version: current.version, status, ...(billing ? { billing } : {}) }));
  return client.id as string;
}

const retainer = { hourlyRate: 6000, taxRate: 0, retainer: { fee: 100000, includedMinutes: 600 } };

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Digest Agency");
  const acme = await ok(world.owner.get(`/clients/${world.ids.client}`));
  await ok(world.owner.patch(`/clients/${world.ids.client}`, { version: acme.version, status: "active", billing: retainer }));

  // A second contact at Acme who reads Greek, in Athens.
  await ok(world.owner.post(`/clients/${world.ids.client}/contacts`, { ...people.greek, timeZone: NY }), 201);
  const greek = new ApiClient(api.baseUrl, "portal");
  await acceptInvitation(greek, people.greek.email);
  await ok(greek.patch("/me", { locale: "el", timeZone: "Europe/Athens" }));

  ids.beta = await clientWithContact("Beta Retainer Ltd", people.beta, "active", retainer);
  ids.quiet = await clientWithContact("Quiet Co", people.quiet, "active");
  // With retainers, so only their status keeps them from a digest.
  ids.lead = await clientWithContact("Lead Co", people.lead, "lead", retainer);
  ids.gone = await clientWithContact("Gone Ltd", people.gone, "inactive", retainer);

  // Acme's week: one request finished, one in progress (its title typed to break HTML), one
  // delivered and waiting for the client's approval.
  const done = await acceptedTask(world, { title: "Quarterly report" });
  const assigned = await ok(world.owner.post(`/tasks/${done.task.id}/assign`, { version: done.task.version, memberId: world.ids.sub }));
  const submitted = await ok(world.sub.post(`/tasks/${done.task.id}/submit`, { version: assigned.task.version, text: "Done", links: [] }));
  const reviewed = await ok(world.owner.post(`/tasks/${done.task.id}/review`, { version: submitted.task.version, decision: "approve", rubric: 5 }));
  await ok(world.contact.post(`/tasks/${done.task.id}/approve`, { version: reviewed.task.version }));
  work.done = done.request;

  const progress = await acceptedTask(world, { title: `<script>alert("x")</script> launch plan`, dueInDays: 3 });
  await ok(world.owner.post(`/tasks/${progress.task.id}/assign`, { version: progress.task.version, memberId: world.ids.sub }));
  work.progress = progress.request;
  work.progressTask = progress.task;

  const awaiting = await acceptedTask(world, { title: "Brand refresh" });
  const a2 = await ok(world.owner.post(`/tasks/${awaiting.task.id}/assign`, { version: awaiting.task.version, memberId: world.ids.sub }));
  const s2 = await ok(world.sub.post(`/tasks/${awaiting.task.id}/submit`, { version: a2.task.version, text: "New logo", links: [] }));
  await ok(world.owner.post(`/tasks/${awaiting.task.id}/review`, { version: s2.task.version, decision: "approve", rubric: 4 }));
  work.awaiting = awaiting.request;
  expect((await ok(world.owner.get(`/requests/${work.awaiting.id}`))).request.status).toBe("awaiting_approval");

  const now = new Date();
  sendAt = Digest.digestWeekOf(now, NY).sendAt;
  if (sendAt <= now) sendAt = Digest.digestWeekOf(new Date(sendAt.getTime() + 8 * DAY), NY).sendAt;
}, 120_000);
afterAll(() => api.close());

describe("timing", () => {
  it("sends nothing a minute before Monday 09:00 in the client's zone", async () => {
    expect(await Digest.weekly(new Date(sendAt.getTime() - MINUTE))).toEqual({ sent: 0, skipped: 0, failed: 0 });
    expect(await digestsTo(world.people.contact.email)).toEqual([]);
  });

  it("sends once at 09:00 however many runs race: to every active contact of every active client with news or a retainer", async () => {
    const runs = await Promise.all([0, 1, 2].map(() => Digest.weekly(new Date(sendAt.getTime() + MINUTE))));
    // Ada and Eleni at Acme, Bea at Beta (a retainer's quiet week); Quiet Co, with nothing to
    // report and no retainer, is skipped; the lead and the inactive client are not considered.
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(3);
    expect(runs.reduce((sum, run) => sum + run.skipped, 0)).toBe(1);
    for (const address of [world.people.contact.email, people.greek.email, people.beta.email]) expect(await digestsTo(address)).toHaveLength(1);
    for (const person of [people.quiet, people.lead, people.gone]) expect(await digestsTo(person.email)).toEqual([]);
  });

  it("sends nothing more that week: later runs, even within the catch-up day", async () => {
    for (const later of [15 * MINUTE, 3 * 3_600_000, DAY - MINUTE, 3 * DAY]) {
      expect(await Digest.weekly(new Date(sendAt.getTime() + later))).toEqual({ sent: 0, skipped: 0, failed: 0 });
    }
    expect(await digestsTo(world.people.contact.email)).toHaveLength(1);
    // One claim, one audit event per client and week: sent for Acme, skipped for Quiet Co.
    const log = (await ok(world.owner.get("/audit?limit=100"))).items.filter((event: any) => event.action.startsWith("digest."));
    expect(log.map((event: any) => [event.action, event.subject.id]).sort()).toEqual(
      [["digest.sent", world.ids.client], ["digest.sent", ids.beta], ["digest.skipped", ids.quiet]].sort(),
    );
    expect(log.find((event: any) => event.subject.id === world.ids.client).data).toMatchObject({ done: 1, inProgress: 1, awaiting: 1, usedMinutes: 0 });
  });
});

describe("the email", () => {
  const portal = () => `${api.baseUrl}/portal/requests`;

  it("has HTML and text parts with the week's sections, links to the portal and the due date on the contact's clock", async () => {
    const [mail] = await digestsTo(world.people.contact.email);
    const mime = await parsedMime(mail!);
    const text = mime.text!;
    const html = mime.html as string;
    expect(typeof html).toBe("string");
    const week = new Intl.DateTimeFormat("en", { day: "numeric", month: "long", timeZone: "UTC" }).format(Date.parse(`${Digest.digestWeekOf(sendAt, NY).weekStart}T12:00:00Z`));
    expect(mime.subject).toBe(`Your weekly update from Digest Agency: week of ${week}`);

    const due = new Intl.DateTimeFormat("en", { timeZone: NY, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short" }).format(
      new Date(work.progressTask.dueAt),
    );
    expect(text).toContain(`1 request finished in the past week\n- ${work.done.reference} Quarterly report\n  ${portal()}/${work.done.id}`);
    expect(text).toContain(`1 request in progress\n- ${work.progress.reference} <script>alert("x")</script> launch plan · due ${due}`);
    expect(text).toContain(`1 request waiting for your approval\n- ${work.awaiting.reference} Brand refresh\n  Review and approve: ${portal()}/${work.awaiting.id}`);
    expect(text).toContain("Retainer hours this month\n0 min used of the 10 h your retainer includes this month.");
    expect(text).not.toContain("beyond the included hours");

    for (const part of ["1 request finished in the past week", "Quarterly report", "1 request in progress", `due ${due}`, "1 request waiting for your approval", "Brand refresh"]) {
      expect(html).toContain(part);
    }
    expect(html).toContain(`<a href="${portal()}/${work.awaiting.id}"`);
    expect(html).toContain("Review and approve</a>");
    expect(html).toContain("0 min used of the 10 h your retainer includes this month.");
  });

  it("escapes the client-typed title in HTML: no script element reaches the mail client", async () => {
    const [mail] = await digestsTo(world.people.contact.email);
    const html = (await parsedMime(mail!)).html as string;
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; launch plan");
    expect(html).not.toMatch(/<script/i);
  });

  it("speaks Greek to the Greek contact, with the due date on Athens time", async () => {
    const [mail] = await digestsTo(people.greek.email);
    const mime = await parsedMime(mail!);
    const text = mime.text!;
    expect(mime.subject).toMatch(/^Η εβδομαδιαία ενημέρωσή σας από το γραφείο Digest Agency: εβδομάδα από \d+ \p{L}+$/u);
    const due = new Intl.DateTimeFormat("el", { timeZone: "Europe/Athens", weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short" }).format(
      new Date(work.progressTask.dueAt),
    );
    expect(text).toContain("Γεια σας, Eleni Papadopoulou.");
    expect(text).toContain(`1 αίτημα ολοκληρώθηκε την τελευταία εβδομάδα\n- ${work.done.reference} Quarterly report`);
    expect(text).toContain(`1 αίτημα σε εξέλιξη\n- ${work.progress.reference} <script>alert("x")</script> launch plan · προθεσμία ${due}`);
    expect(text).toContain("1 αίτημα περιμένει την έγκρισή σας");
    expect(text).toContain("Έλεγχος και έγκριση");
    for (const english of ["finished in the past week", "in progress", "waiting for your approval", "Retainer hours"]) expect(text).not.toContain(english);
    expect(mime.html as string).toContain('<html lang="el">');
  });

  it("tells a retainer client with a quiet week so, with its hours", async () => {
    const [mail] = await digestsTo(people.beta.email);
    const text = (await parsedMime(mail!)).text!;
    expect(text).toContain("A quiet week: nothing was finished, and nothing is in progress or waiting for your approval.");
    expect(text).toContain("Retainer hours this month");
    expect(text).not.toContain("Quarterly report");
  });
});

describe("retainer hours", () => {
  it("counts this month's billable, uninvoiced time in the client's zone up to the run, against the included hours", async () => {
    // Logged by the owner for Beta directly. Counted: 2 × 5.5 h in November (New York time).
    // Not counted: October's (31 Oct 23:30 in New York, though 1 Nov in UTC), the unbillable
    // hour, and time after the run.
    const entries = [
      { startedAt: "2026-11-10T14:00:00Z", minutes: 330 },
      { startedAt: "2026-11-11T14:00:00Z", minutes: 330 },
      { startedAt: "2026-11-01T03:30:00Z", minutes: 120 },
      { startedAt: "2026-11-12T14:00:00Z", minutes: 60, billable: false },
      { startedAt: "2026-11-16T16:00:00Z", minutes: 45 },
    ];
    for (const entry of entries) await ok(world.owner.post("/time", { clientId: ids.beta, ...entry }), 201);

    // Monday 16 November, 09:01 in New York (EST): that week's digest, for every due client.
    const result = await Digest.weekly(new Date("2026-11-16T14:01:00Z"));
    expect(result).toEqual({ sent: 3, skipped: 1, failed: 0 });
    const mails = await digestsTo(people.beta.email);
    const november = mails.find((mail) => mail.subject.endsWith("week of November 16"));
    expect(november, mails.map((mail) => mail.subject).join()).toBeTruthy();
    const mime = await parsedMime(november!);
    expect(mime.text).toContain("11 h used of the 10 h your retainer includes this month.\nThat is 1 h beyond the included hours.");
    expect(mime.html as string).toContain("That is 1 h beyond the included hours.");

    // Acme's digest for that week reports its open work as it is, but nothing finished: the
    // request was completed after that Monday 09:00, so it belongs to a later week.
    const acme = (await digestsTo(world.people.contact.email)).find((mail) => mail.subject.endsWith("week of November 16"));
    const acmeText = (await parsedMime(acme!)).text!;
    expect(acmeText).toContain("1 request in progress");
    expect(acmeText).not.toContain("finished in the past week");
  });
});
