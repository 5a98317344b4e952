import { withActor } from "@baton/core/actor";
import { Agency } from "@baton/core/agency";
import { Client } from "@baton/core/client";
import { Contact } from "@baton/core/contact";
import { db } from "@baton/core/db";
import { Member } from "@baton/core/member";
import { Onboarding } from "@baton/core/onboarding";
import { Request } from "@baton/core/request";
import { Sop } from "@baton/core/sop";
import { Task } from "@baton/core/task";
import { seedMoney } from "./seed-money.ts";
import { Message } from "@baton/core/message";
import { pdf, swatches, text, uploadAs } from "./demo-files.ts";

// The demo agency `npm start` creates on first start: an owner, two subcontractors and three
// clients in different time zones and currencies, each with a portal contact; work at every
// stage of the pipeline, and (seed-money.ts) rates, time and invoices.
export const DEMO = {
  agency: { name: "Northwind Virtual Assistants", timeZone: "Europe/London", currency: "GBP" },
  owner: { email: "owner@northwind.example", name: "Olivia Owens", timeZone: "Europe/London" },
  subcontractors: [
    { email: "sam@northwind.example", name: "Sam Patel", timeZone: "Asia/Kolkata", skills: ["Inbox management", "Calendar", "Research"], weeklyCapacityHours: 30 },
    { email: "maria@northwind.example", name: "Maria Papadopoulou", timeZone: "Europe/Athens", skills: ["Social media", "Design", "Bookkeeping"], weeklyCapacityHours: 20 },
  ],
  clients: [
    { name: "Acme Corp", code: "ACME", timeZone: "America/New_York", currency: "USD", status: "active", contact: { email: "ada@acme.example", name: "Ada Brooks", timeZone: "America/New_York" } },
    { name: "Kookaburra & Co", code: "KOOK", timeZone: "Australia/Sydney", currency: "AUD", status: "active", contact: { email: "kai@kookaburra.example", name: "Kai Wilson", timeZone: "Australia/Sydney" } },
    { name: "Sakura Studio", code: "SAKURA", timeZone: "Asia/Tokyo", currency: "JPY", status: "lead", contact: { email: "yui@sakura.example", name: "Yui Tanaka", timeZone: "Asia/Tokyo" } },
  ],
} as const;

/** Seeds the demo agency unless its owner already exists. Returns whether it seeded. */
export async function seedDemo(): Promise<boolean> {
  const existing = await db.collections.logins({ email: DEMO.owner.email }).go();
  if (existing.data.member.length) return false;

  const { agencyId, ownerId } = await Agency.create({ ...DEMO.agency, owner: DEMO.owner });
  const owner = { type: "member", agencyId, memberId: ownerId, role: "owner" } as const;
  const { subs, contacts } = await withActor(owner, async () => {
    const subs = [];
    for (const sub of DEMO.subcontractors) subs.push(await Member.invite({ ...sub, skills: [...sub.skills] }));
    const contacts = [];
    for (const { contact, ...client } of DEMO.clients) {
      const created = await Client.create(client);
      contacts.push({ ...(await Contact.invite(contact, created.id)), clientId: created.id });
    }
    return { subs, contacts };
  });
  const tasks = await seedPipeline(agencyId, owner, subs, contacts);
  await seedFolders(owner, contacts.map((contact) => contact.clientId) as [string, string, string]);
  const [sam, maria] = subs.map((member) => member.id) as [string, string];
  const [acme, kookaburra, sakura] = contacts.map((contact) => contact.clientId) as [string, string, string];
  await seedMoney(agencyId, owner, { sam, maria, acme, kookaburra, sakura, ...tasks });
  // Sakura Studio is new: its onboarding checklist waits for Yui in the portal.
  await withActor(owner, async () => {
    await Onboarding.saveKit({ version: 0, ...DEMO_KIT });
    await Onboarding.start(sakura);
  });
  return true;
}

/** The demo's onboarding kit: what every new client answers, accepts and reads. */
const DEMO_KIT: Omit<Onboarding.KitInput, "version"> = {
  questions: [
    { kind: "text", label: "Who should we contact about invoices?", help: "Name and email.", required: true, options: [] },
    { kind: "long_text", label: "What takes most of your time today?", help: null, required: true, options: [] },
    { kind: "choice", label: "How should we reach you first?", help: null, required: true, options: ["Email", "Phone", "Chat"] },
    { kind: "multi_choice", label: "Which services do you want?", help: null, required: false, options: ["Inbox", "Calendar", "Social media", "Bookkeeping"] },
    { kind: "date", label: "When should we start?", help: null, required: false, options: [] },
    { kind: "url", label: "Your website", help: null, required: false, options: [] },
  ],
  agreement: {
    scope: "Northwind provides remote administrative support: inbox and calendar management, research, social media and bookkeeping, as requested through the client portal.",
    deliverables: "Each request is delivered through the portal for your approval, with a weekly status email every Monday morning.",
    paymentTerms: "Time is invoiced monthly at the agreed hourly rate; packages are invoiced with a 50% deposit. Invoices are due 15 days after they are sent.",
    confidentiality: "Everything we see of your business stays confidential, during our work together and after it ends.",
  },
  welcomePacket: "# Welcome to Northwind\n\nWe're glad you're here. A few things to know:\n\n- **Send every request through the portal**, so nothing gets lost.\n- We answer new requests within your promised business hours.\n- You'll get a short status email every Monday at 09:00 your time.\n",
};

const day = 24 * 3600_000;
const at = (days: number, hourUtc = 16) => {
  const date = new Date(Date.now() + days * day);
  date.setUTCHours(hourUtc, 0, 0, 0);
  return date.toISOString();
};

/**
 * Work at every stage, so the demo shows the pipeline: an SOP library, a request waiting for
 * triage, a task in progress and one waiting in the QA queue.
 */
async function seedPipeline(
  agencyId: string,
  owner: Parameters<typeof withActor>[0],
  subs: Array<{ id: string }>,
  contacts: Array<{ id: string; clientId: string }>,
) {
  const [sam, maria] = subs as [{ id: string }, { id: string }];
  const [acme, kookaburra] = contacts as [{ id: string; clientId: string }, { id: string; clientId: string }];
  const asContact = <R>(contact: { id: string; clientId: string }, run: () => Promise<R>) =>
    withActor({ type: "contact", agencyId, contactId: contact.id, clientId: contact.clientId, clientActive: true }, run);
  const asMember = <R>(memberId: string, run: () => Promise<R>) =>
    withActor({ type: "member", agencyId, memberId, role: "subcontractor" }, run);

  const [inboxSop, socialSop] = await withActor(owner, () =>
    Promise.all([
      Sop.create({
        title: "Inbox triage",
        category: "Email management",
        body: "## Goal\n\nLeave the client's inbox at **zero unread**, with nothing important lost.\n\n1. Archive newsletters and receipts.\n2. Flag anything that needs the client.\n3. Draft replies for routine requests.\n\nSee the client's notes for VIP senders.",
        checklist: ["Archive newsletters and receipts", "Flag messages that need the client", "Draft routine replies", "Send the client a summary"],
      }),
      Sop.create({
        title: "Monthly social calendar",
        category: "Social media",
        body: "Plan a month of posts in the client's **brand voice**. Use the shared content calendar.",
        checklist: ["Collect dates and launches", "Draft 12 posts", "Schedule in the publishing tool"],
      }),
    ]),
  );

  const contactActor = (contact: { id: string; clientId: string }) => ({ type: "contact", agencyId, contactId: contact.id, clientId: contact.clientId, clientActive: true }) as const;
  const memberActor = (memberId: string) => ({ type: "member", agencyId, memberId, role: "subcontractor" }) as const;

  // Waiting for triage, with the travellers' preferences attached.
  const preferences = await uploadAs(contactActor(acme), {
    name: "Travel preferences.pdf",
    bytes: pdf("Travel preferences", ["Ada Brooks: aisle seat, vegetarian meal", "Sam Brooks: window seat", "Frequent flyer: UA 1234 5678", "Budget: under $600 each"]),
    place: "request",
  });
  await asContact(acme, () =>
    Request.submit({ title: "Book flights to Denver", description: "Two travellers, 14–17 January, aisle seats, under $600 each.", service: "Travel", priority: "high", links: [], fileIds: [preferences] }),
  );

  // In progress with Maria: a brief with the brand colours (an image preview) and the sale dates.
  const palette = await uploadAs(contactActor(kookaburra), {
    name: "Brand colours.png",
    bytes: swatches([[16, 42, 67], [242, 169, 59], [233, 79, 55], [246, 241, 233]]),
    place: "request",
  });
  const saleDates = await uploadAs(contactActor(kookaburra), { name: "Summer sale dates.csv", bytes: text("Date,Event\n2027-01-08,Sale starts\n2027-01-15,Mid-sale push\n2027-01-22,Last day\n"), place: "request" });
  const social = await asContact(kookaburra, () =>
    Request.submit({ title: "January social posts", description: "A month of posts for Instagram and LinkedIn, including our summer sale.", service: "Social media", priority: "normal", links: [], fileIds: [palette, saleDates] }),
  );
  const planned = await withActor(owner, () =>
    Request.accept({ version: social.version, tasks: [{ title: "Plan January social calendar", estimateHours: 6, dueAt: at(6), sopId: socialSop.id, skills: ["Social media"] }] }, social.id),
  );
  const socialTask = planned.tasks[0]!;
  await withActor(owner, () => Task.assign({ version: socialTask.version, memberId: maria.id }, socialTask.id));
  // The conversation: the owner to the client, Maria's internal note to the team.
  await withActor(owner, () => Message.post({ body: "Thanks Kai! Maria is on it; first drafts by Friday.", thread: "client", fileIds: [] }, social.id));
  await asMember(maria.id, () =>
    Message.post({ body: "The palette's orange is brighter than on their website. I'll use the website's hex codes unless someone objects.", thread: "internal", fileIds: [] }, social.id),
  );
  await asContact(kookaburra, () => Message.post({ body: "Great, thank you. Could the sale posts go out at 7 pm Sydney time?", thread: "client", fileIds: [] }, social.id));

  // Done by Sam and waiting in the QA queue.
  const inbox = await asContact(acme, () =>
    Request.submit({ title: "Clean up my inbox before the holidays", description: "I have 2,000 unread emails. Please get me to zero and tell me what needs me.", service: "Email management", priority: "urgent", links: [] }),
  );
  const accepted = await withActor(owner, () =>
    Request.accept({ version: inbox.version, tasks: [{ title: "Inbox zero for Ada", estimateHours: 4, dueAt: at(2), urgent: true, sopId: inboxSop.id, skills: ["Inbox management"] }] }, inbox.id),
  );
  let task = (await withActor(owner, () => Task.assign({ version: accepted.tasks[0]!.version, memberId: sam.id }, accepted.tasks[0]!.id))).task;
  await asMember(sam.id, async () => {
    for (const item of task.checklist) task = (await Task.tick({ version: task.version, done: true }, task.id, item.id)).task;
  });
  // The deliverable's summary: QA sees it now, Ada only once QA approves it.
  const summary = await uploadAs(memberActor(sam.id), {
    name: "Inbox summary.pdf",
    bytes: pdf("Inbox summary for Ada", ["2,014 unread at the start; 0 now.", "14 messages flagged in 'Needs Ada'.", "9 draft replies waiting in Drafts.", "312 newsletters unsubscribed."]),
    place: "deliverable",
    targetId: task.id,
  });
  await asMember(sam.id, async () => {
    await Task.submit({ version: task.version, text: "Inbox at zero. 14 messages flagged for you in the 'Needs Ada' folder; 9 draft replies are waiting in Drafts.", links: [], fileIds: [summary] }, task.id);
  });
  // The social media SOP's template.
  await uploadAs(owner as Parameters<typeof uploadAs>[0], {
    name: "Content calendar template.csv",
    bytes: text("Date,Channel,Post,Link,Status\n,Instagram,,,Draft\n,LinkedIn,,,Draft\n"),
    place: "sop",
    targetId: socialSop.id,
  });
  return { samTask: task.id, mariaTask: socialTask.id };
}

/** What the owner shares in each client's folder: agreements, a report (in two versions), a welcome letter. */
async function seedFolders(owner: Parameters<typeof uploadAs>[0], [acme, kookaburra, sakura]: [string, string, string]) {
  const report = await uploadAs(owner, {
    name: "November report.pdf",
    bytes: pdf("Acme Corp: November report", ["Requests completed: 6", "Hours: 14.5 of 20 included", "Next month: holiday travel, year-end inbox"]),
    place: "client",
    targetId: acme,
  });
  await uploadAs(owner, {
    name: "November report (corrected).pdf",
    bytes: pdf("Acme Corp: November report", ["Requests completed: 7", "Hours: 15.25 of 20 included", "Next month: holiday travel, year-end inbox"]),
    place: "client",
    targetId: acme,
    replaces: report,
  });
  await uploadAs(owner, {
    name: "Service agreement.pdf",
    bytes: pdf("Service agreement: Northwind and Kookaburra & Co", ["Scope: social media and bookkeeping support.", "Rate: AUD 95 per hour, invoiced monthly.", "Either party may end it with 30 days' notice."]),
    place: "client",
    targetId: kookaburra,
  });
  await uploadAs(owner, {
    name: "Welcome to Northwind.pdf",
    bytes: pdf("Welcome to Northwind", ["Send every request through the portal.", "You'll get a status email every Monday at 09:00.", "Your files are here, on the Files page."]),
    place: "client",
    targetId: sakura,
  });
}
