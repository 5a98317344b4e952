import { withActor, type Actor } from "@baton/core/actor";
import { Agency } from "@baton/core/agency";
import { Client } from "@baton/core/client";
import { Contact } from "@baton/core/contact";
import { db } from "@baton/core/db";
import { Member } from "@baton/core/member";
import { Sop } from "@baton/core/sop";
import type { RequestItem } from "../packages/core/src/request/entity.ts";
import type { TaskItem } from "../packages/core/src/task/entity.ts";
import { DAY, history, idAt, KINDS, LOREM, NAMES, random, SERVICES, SKILLS, taskItem, ZONES } from "./history.ts";
import type { Shape } from "./shape.ts";

// Seeds one benchmark agency in the table the core is configured for. The few setup steps go
// through the domain functions (agency, team, clients, contacts, SOPs), so their items, claims and
// audit events are exactly what the product writes; the bulk (history: requests, tasks, time,
// invoices, payments) is written as the domain's own entities in BatchWriteItem chunks of 25, with
// the same keys and index attributes, because 100,000 one-by-one domain calls would take hours
// and seeding is not what is measured. Audit events for the bulk history are left out.

export type Person = { id: string; email: string };

export type Manifest = {
  table: string;
  shape: Shape;
  agencyId: string;
  owner: Person;
  subcontractors: Array<Person & { reviewer: boolean }>;
  clients: Array<{ id: string; code: string; contact: Person }>;
  /** The client whose board is measured (an average client: tasks are spread evenly). */
  boardClientId: string;
  /** The subcontractor whose "my work" is measured. */
  myWorkMemberId: string;
  counts: Record<string, number>;
  seededAt: string;
  seedSeconds: number;
};

export async function seedAgency(shape: Shape, log: (line: string) => void): Promise<Manifest> {
  const started = Date.now();
  const rng = random(shape.tasks * 31 + shape.clients);
  const domain = `${shape.table.replace(/[^a-z0-9]+/gi, "-")}.bench.example`;
  const now = Date.now();

  // ---- Setup through the domain ----
  log(`${shape.name}: agency, ${shape.subcontractors} subcontractors, ${shape.clients} clients (domain functions)`);
  const ownerEmail = `owner@${domain}`;
  const { agencyId, ownerId } = await Agency.create({
    name: `Bench Agency (${shape.name})`,
    timeZone: "Europe/London",
    currency: "GBP",
    owner: { email: ownerEmail, name: "Olivia Owner", timeZone: "Europe/London" },
  });
  const owner: Actor = { type: "member", agencyId, memberId: ownerId, role: "owner" };
  const setup = await withActor(owner, async () => {
    const subs: Manifest["subcontractors"] = [];
    for (let i = 0; i < shape.subcontractors; i++) {
      const email = `sub${i + 1}@${domain}`;
      const invited = await Member.invite({
        email,
        name: `Sub ${i + 1} ${rng.pick(NAMES)}`,
        skills: [rng.pick(SKILLS), rng.pick(SKILLS)].filter((s, j, all) => all.indexOf(s) === j),
        timeZone: rng.pick(ZONES)[0],
        weeklyCapacityHours: 30,
        costRate: rng.int(15, 30) * 100,
      });
      // The first subcontractor is the one whose "my work" is measured; reviewers come after.
      const reviewer = i >= 1 && i <= shape.reviewers;
      if (reviewer) await Member.update({ version: invited.version, reviewer: true }, invited.id);
      subs.push({ id: invited.id, email, reviewer });
    }
    const clients: Manifest["clients"] = [];
    for (let i = 0; i < shape.clients; i++) {
      const [timeZone, currency] = ZONES[i % ZONES.length]!;
      const code = `C${String(i + 1).padStart(3, "0")}`;
      const client = await Client.create({
        name: `${NAMES[i % NAMES.length]} ${KINDS[Math.floor(i / NAMES.length) % KINDS.length]} ${i + 1}`,
        code,
        timeZone,
        currency,
        status: "active",
        responseHours: 24,
        billing: { hourlyRate: rng.int(40, 95) * 100, paymentTermsDays: rng.pick([14, 15, 30]), taxRate: rng.pick([0, 1000, 2000]), taxName: "Tax" },
      });
      const email = `contact${i + 1}@${domain}`;
      const contact = await Contact.invite({ email, name: `Contact ${i + 1}`, timeZone }, client.id);
      clients.push({ id: client.id, code, contact: { id: contact.id, email } });
    }
    const sops = [];
    for (const [title, category, checklist] of [
      ["Inbox triage", "Email management", ["Archive newsletters", "Flag what needs the client", "Draft routine replies", "Send the summary"]],
      ["Monthly social calendar", "Social media", ["Collect dates", "Draft posts", "Schedule them"]],
      ["Bookkeeping close", "Bookkeeping", ["Reconcile the bank feed", "Chase missing receipts", "Send the P&L"]],
    ] as const) {
      sops.push(await Sop.create({ title, category, body: `## ${title}\n\n${LOREM}`, checklist: [...checklist] }));
    }
    return { subs, clients, sops };
  });
  // Everyone has accepted their invitation (what redeeming it does).
  for (const sub of setup.subs) await db.entities.member.patch({ agencyId, memberId: sub.id }).set({ status: "active" }).add({ version: 1 }).go();
  for (const client of setup.clients) await db.entities.contact.patch({ agencyId, contactId: client.contact.id }).set({ status: "active" }).add({ version: 1 }).go();

  // ---- History, in memory (bench/history.ts) ----
  const clientInfo = await Promise.all(setup.clients.map(async (c) => (await db.entities.client.get({ agencyId, clientId: c.id }).go()).data!));
  const { requests, tasks, entries, invoices, payments, requestSeq } = history(
    shape,
    { agencyId, ownerId, subIds: setup.subs.map((sub) => sub.id), clients: setup.clients, clientInfo, sops: setup.sops },
    rng,
    now,
  );


  // ---- Bulk writes ----
  await putAll("requests", requests, (chunk) => db.entities.request.put(chunk).go({ concurrency: 4 }), log);
  await putAll("tasks", tasks, (chunk) => db.entities.task.put(chunk).go({ concurrency: 4 }), log);
  await putAll("time entries", entries, (chunk) => db.entities.timeEntry.put(chunk).go({ concurrency: 4 }), log);
  await putAll("invoices", invoices, (chunk) => db.entities.invoice.put(chunk).go({ concurrency: 4 }), log);
  await putAll("payments", payments, (chunk) => db.entities.payment.put(chunk).go({ concurrency: 4 }), log);
  // Counters the domain keeps: the next request number per client, the next invoice number.
  for (const [index, client] of setup.clients.entries()) await db.entities.client.patch({ agencyId, clientId: client.id }).set({ requestSeq: requestSeq[index]! }).go();
  await db.entities.agency.patch({ agencyId }).set({ invoiceSeq: invoices.length }).go();

  return {
    table: shape.table,
    shape,
    agencyId,
    owner: { id: ownerId, email: ownerEmail },
    subcontractors: setup.subs,
    clients: setup.clients,
    boardClientId: setup.clients[0]!.id,
    myWorkMemberId: setup.subs[0]!.id,
    counts: { requests: requests.length, tasks: tasks.length, openTasks: tasks.filter((t) => t.state === "open").length, timeEntries: entries.length, invoices: invoices.length, payments: payments.length },
    seededAt: new Date().toISOString(),
    seedSeconds: Math.round((Date.now() - started) / 100) / 10,
  };
}


async function putAll<T>(what: string, items: T[], put: (chunk: T[]) => Promise<{ unprocessed: unknown[] }>, log: (line: string) => void) {
  const started = Date.now();
  const CHUNK = 1_000;
  let lastLog = 0;
  for (let i = 0; i < items.length; i += CHUNK) {
    const { unprocessed } = await put(items.slice(i, i + CHUNK));
    if (unprocessed.length) throw new Error(`${unprocessed.length} ${what} were not written (BatchWriteItem left them unprocessed)`);
    const done = Math.min(items.length, i + CHUNK);
    if (Date.now() - lastLog > 5_000 || done === items.length) {
      lastLog = Date.now();
      const rate = Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
      log(`  ${what}: ${done.toLocaleString("en")}/${items.length.toLocaleString("en")} (${rate.toLocaleString("en")} items/s)`);
    }
  }
}

/**
 * Deliverables waiting in QA, one per request, for a run of "QA approve" calls: each call needs a
 * task of its own still in QA. Spread over every client but the measured board's and every
 * subcontractor but the measured "my work" one, so the runs don't change what they measure.
 */
export async function createQaPool(manifest: Manifest, count: number): Promise<Array<{ taskId: string; version: number }>> {
  const { agencyId } = manifest;
  const clients = manifest.clients.filter((c) => c.id !== manifest.boardClientId);
  const assignees = manifest.subcontractors.filter((s) => s.id !== manifest.myWorkMemberId);
  const perClient = new Map<string, number>();
  for (let i = 0; i < count; i++) perClient.set(clients[i % clients.length]!.id, (perClient.get(clients[i % clients.length]!.id) ?? 0) + 1);
  // Take request numbers the way Request.submit does (an atomic ADD on the client).
  const numbers = new Map<string, number[]>();
  for (const [clientId, n] of perClient) {
    const { data } = await db.entities.client.patch({ agencyId, clientId }).add({ requestSeq: n }).go({ response: "updated_new" });
    const last = data.requestSeq!;
    numbers.set(clientId, Array.from({ length: n }, (_, k) => last - n + 1 + k));
  }
  const rng = random(Date.now());
  const now = Date.now();
  const tasks: TaskItem[] = [];
  const requests: RequestItem[] = [];
  for (let i = 0; i < count; i++) {
    const client = clients[i % clients.length]!;
    const number = numbers.get(client.id)!.shift()!;
    const createdAt = now - rng.int(2, 6) * DAY + i;
    const requestId = idAt("request", createdAt - 3_600_000);
    const task = taskItem({ agencyId, ownerId: manifest.owner.id, requestId, clientId: client.id, reference: `${client.code}-${number}`, plan: { createdAt, status: "in_qa", assignee: assignees[i % assignees.length]!.id }, sop: undefined, rng, now });
    tasks.push(task);
    requests.push({
      agencyId,
      requestId,
      clientId: client.id,
      number,
      reference: `${client.code}-${number}`,
      title: task.title,
      description: LOREM,
      service: rng.pick(SERVICES),
      priority: "normal",
      links: [],
      status: "in_progress",
      submittedByType: "contact",
      submittedById: client.contact.id,
      submittedByName: "Contact",
      responseDueAt: new Date(createdAt + DAY).toISOString(),
      respondedAt: new Date(createdAt).toISOString(),
      taskStatuses: { [task.taskId]: "in_qa" },
      createdAt: new Date(createdAt - 3_600_000).toISOString(),
      updatedAt: new Date(createdAt).toISOString(),
      version: 5,
    });
  }
  const quiet = () => {};
  await putAll("QA pool requests", requests, (chunk) => db.entities.request.put(chunk).go({ concurrency: 4 }), quiet);
  await putAll("QA pool tasks", tasks, (chunk) => db.entities.task.put(chunk).go({ concurrency: 4 }), quiet);
  return tasks.map((task) => ({ taskId: task.taskId, version: task.version }));
}
