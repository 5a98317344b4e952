import { ulid } from "ulid";
import { IdPrefixes, type IdKind } from "@baton/core/id";
import { shardOf } from "@baton/core/db/shard";
import { Invoices } from "@baton/core/invoice";
import { requestStatusFor, type TaskStatus } from "@baton/core/workflow";
import type { ClientItem } from "../packages/core/src/client/entity.ts";
import type { InvoiceItem, PaymentItem } from "../packages/core/src/invoice/entity.ts";
import type { RequestItem } from "../packages/core/src/request/entity.ts";
import type { TaskItem } from "../packages/core/src/task/entity.ts";
import type { TimeEntryItem } from "../packages/core/src/timesheet/entity.ts";
import type { Shape } from "./shape.ts";

// A benchmark agency's history, made in memory as the domain's own items (bench/seed.ts writes
// them): requests of one or two tasks per client over the shape's months, the open work of each
// subcontractor, the time logged on the tasks, and each client's monthly invoices with payments.
// Deterministic for a shape (its own PRNG), except for the ids' random part and "now".

export const DAY = 86_400_000;

/** A domain-shaped id made at a past instant, so time-sorted lists see history in order. */
export const idAt = (kind: IdKind, at: number) => `${IdPrefixes[kind]}_${ulid(Math.floor(at)).toLowerCase()}`;

/** Small deterministic PRNG (mulberry32): the same shape seeds the same agency. */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}

export const ZONES = [
  ["America/New_York", "USD"],
  ["Europe/London", "GBP"],
  ["Europe/Berlin", "EUR"],
  ["Australia/Sydney", "AUD"],
  ["America/Los_Angeles", "USD"],
  ["Asia/Singapore", "SGD"],
] as const;
export const NAMES = ["Harbor", "Summit", "Juniper", "Atlas", "Bluebird", "Cedar", "Lumen", "Orchid", "Pioneer", "Quartz"];
export const KINDS = ["Analytics", "Studio", "Dental", "Coaching", "Realty", "Bakery", "Legal", "Fitness", "Travel", "Labs"];
export const SERVICES = ["Email management", "Calendar", "Research", "Social media", "Bookkeeping", "Travel", "Content", "Admin"];
export const VERBS = ["Draft", "Schedule", "Research", "Reconcile", "Book", "Clean up", "Summarise", "Plan", "Update", "Prepare"];
export const THINGS = ["the weekly newsletter", "Q3 supplier invoices", "flights to Denver", "the team offsite", "LinkedIn posts", "the CRM contacts", "the board deck", "podcast show notes", "the hiring pipeline", "customer replies"];
export const SKILLS = ["Inbox management", "Calendar", "Research", "Social media", "Design", "Bookkeeping", "Writing", "Travel"];
export const LOREM =
  "Please follow the client's notes and keep them posted in the thread. Anything that needs a decision goes to them as a short list, with a recommendation. Use the shared drive folder for drafts and final files.";

export type Sop = { id: string; latestVersion: number; title: string; current: { checklist: string[] } };

/** What the domain functions made first: the people, the clients (as stored) and the SOPs. */
export type Setup = {
  agencyId: string;
  ownerId: string;
  subIds: string[];
  clients: Array<{ id: string; code: string; contact: { id: string } }>;
  clientInfo: ClientItem[];
  sops: Sop[];
};

export function history(shape: Shape, setup: Setup, rng: ReturnType<typeof random>, now: number) {
  const { agencyId, ownerId, subIds, clients, clientInfo, sops } = setup;
  const windowStart = now - shape.months * 30.44 * DAY;
  type Plan = { clientIndex: number; createdAt: number; status: TaskStatus; assignee: string };
  const plans: Plan[] = [];
  const openCount = shape.openPerMember * shape.subcontractors + shape.unassigned;
  const doneCount = Math.max(0, shape.tasks - openCount);
  for (let i = 0; i < doneCount; i++) {
    plans.push({ clientIndex: rng.int(0, shape.clients - 1), createdAt: windowStart + rng.next() * (now - 14 * DAY - windowStart), status: "done", assignee: rng.pick(subIds) });
  }
  const openStatuses: TaskStatus[] = ["in_progress", "in_progress", "in_progress", "in_progress", "in_qa", "in_qa", "returned", "client_review", "client_review", "client_review"];
  for (const memberId of subIds) {
    for (let i = 0; i < shape.openPerMember; i++) {
      plans.push({ clientIndex: rng.int(0, shape.clients - 1), createdAt: now - rng.next() * 14 * DAY, status: openStatuses[i % openStatuses.length]!, assignee: memberId });
    }
  }
  for (let i = 0; i < shape.unassigned; i++) {
    plans.push({ clientIndex: rng.int(0, shape.clients - 1), createdAt: now - rng.next() * 3 * DAY, status: "todo", assignee: "unassigned" });
  }
  plans.sort((a, b) => a.createdAt - b.createdAt);

  const tasks: TaskItem[] = [];
  const requests: RequestItem[] = [];
  const requestSeq = new Array<number>(shape.clients).fill(0);
  const byClient = new Map<number, Plan[]>();
  for (const plan of plans) {
    if (!byClient.has(plan.clientIndex)) byClient.set(plan.clientIndex, []);
    byClient.get(plan.clientIndex)!.push(plan);
  }
  for (const [clientIndex, list] of byClient) {
    const client = clients[clientIndex]!;
    for (let i = 0; i < list.length; ) {
      // Finished work came in as one- or two-task requests; open work as one task each.
      const size = list[i]!.status === "done" && list[i + 1]?.status === "done" && rng.next() < 0.35 ? 2 : 1;
      const group = list.slice(i, i + size);
      i += size;
      const number = ++requestSeq[clientIndex]!;
      const submittedAt = group[0]!.createdAt - rng.int(2, 20) * 3_600_000;
      const requestId = idAt("request", submittedAt);
      const reference = `${client.code}-${number}`;
      const service = rng.pick(SERVICES);
      const taskStatuses: Record<string, TaskStatus> = {};
      group.forEach((plan, index) => {
        const task = taskItem({ agencyId, ownerId, requestId, clientId: client.id, reference: size > 1 ? `${reference}.${index + 1}` : reference, plan, sop: rng.next() < 0.5 ? rng.pick(sops) : undefined, rng, now });
        taskStatuses[task.taskId] = task.status;
        tasks.push(task);
      });
      const status = requestStatusFor(Object.values(taskStatuses));
      const lastDue = Math.max(...tasks.slice(-size).map((t) => Date.parse(t.dueAt)));
      requests.push({
        agencyId,
        requestId,
        clientId: client.id,
        number,
        reference,
        title: `${rng.pick(VERBS)} ${rng.pick(THINGS)}`,
        description: `${LOREM} Deadline matters: see the desired date.`,
        service,
        priority: rng.pick(["low", "normal", "normal", "high", "urgent"] as const),
        links: [],
        status,
        submittedByType: "contact",
        submittedById: client.contact.id,
        submittedByName: `Contact ${clientIndex + 1}`,
        responseDueAt: new Date(submittedAt + DAY).toISOString(),
        respondedAt: new Date(submittedAt + rng.int(1, 8) * 3_600_000).toISOString(),
        taskStatuses,
        ...(status === "completed" ? { completedAt: new Date(Math.min(lastDue, now - DAY)).toISOString() } : {}),
        createdAt: new Date(submittedAt).toISOString(),
        updatedAt: new Date(submittedAt).toISOString(),
        version: 2 + size * 4,
      });
    }
  }
  // A request per client waiting for triage.
  clients.forEach((client, clientIndex) => {
    const submittedAt = now - rng.int(1, 20) * 3_600_000;
    const number = ++requestSeq[clientIndex]!;
    requests.push({
      agencyId,
      requestId: idAt("request", submittedAt),
      clientId: client.id,
      number,
      reference: `${client.code}-${number}`,
      title: `${rng.pick(VERBS)} ${rng.pick(THINGS)}`,
      description: LOREM,
      service: rng.pick(SERVICES),
      priority: "normal",
      links: [],
      status: "submitted",
      submittedByType: "contact",
      submittedById: client.contact.id,
      submittedByName: `Contact ${clientIndex + 1}`,
      responseDueAt: new Date(submittedAt + DAY).toISOString(),
      taskStatuses: {},
      createdAt: new Date(submittedAt).toISOString(),
      updatedAt: new Date(submittedAt).toISOString(),
      version: 1,
    });
  });

  // Time: spread over the tasks someone worked on, within each task's working days.
  const worked = tasks.filter((task) => task.assigneeId !== "unassigned");
  const entries: TimeEntryItem[] = [];
  for (let i = 0; i < shape.timeEntries && worked.length; i++) {
    const task = worked[i % worked.length]!;
    const from = Date.parse(task.createdAt);
    const to = Math.min(Date.parse(task.dueAt), now - 3_600_000);
    const startedAt = new Date(from + rng.next() * Math.max(3_600_000, to - from)).toISOString();
    entries.push({
      agencyId,
      entryId: idAt("time", Date.parse(startedAt)),
      memberId: task.assigneeId,
      clientId: task.clientId,
      taskId: task.taskId,
      label: `${task.reference} · ${task.title}`,
      startedAt,
      minutes: rng.int(3, 24) * 5,
      billable: rng.next() < 0.9,
      ...(rng.next() < 0.3 ? { note: "Progress update sent to the client" } : {}),
      invoiceId: "unbilled",
      // History is reviewed time (time approval): only approved time is invoiced.
      approval: "approved",
      createdAt: startedAt,
      updatedAt: startedAt,
      version: 1,
    });
  }

  // Invoices: each client's billable time of every finished month (at most 95 entries each, the
  // product's limit), sent on the 2nd of the next month; older ones paid.
  const monthOf = (iso: string) => iso.slice(0, 7);
  const thisMonth = monthOf(new Date(now).toISOString());
  const groups = new Map<string, TimeEntryItem[]>();
  for (const entry of entries) {
    if (!entry.billable || monthOf(entry.startedAt) >= thisMonth) continue;
    const key = `${entry.clientId}#${monthOf(entry.startedAt)}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(entry);
  }
  const drafts: Array<{ clientIndex: number; issuedAt: number; entries: TimeEntryItem[] }> = [];
  for (const [key, list] of groups) {
    const [clientId, month] = key.split("#") as [string, string];
    const clientIndex = clients.findIndex((c) => c.id === clientId);
    const [year, monthNumber] = month.split("-").map(Number) as [number, number];
    const issuedAt = Date.UTC(year, monthNumber, 2, 9) + rng.int(0, 3_600_000);
    for (let i = 0; i < list.length; i += Invoices.MAX_ENTRIES) drafts.push({ clientIndex, issuedAt: issuedAt + i, entries: list.slice(i, i + Invoices.MAX_ENTRIES) });
  }
  drafts.sort((a, b) => a.issuedAt - b.issuedAt);
  const invoices: InvoiceItem[] = [];
  const payments: PaymentItem[] = [];
  drafts.forEach((draft, index) => {
    const client = clientInfo[draft.clientIndex]!;
    const invoiceId = idAt("invoice", draft.issuedAt - 3_600_000);
    const lines = Invoices.timeLines(draft.entries, client.hourlyRate ?? 5000);
    const sums = Invoices.totals(lines, client.taxRate);
    const issuedAt = new Date(draft.issuedAt).toISOString();
    const dueMs = draft.issuedAt + client.paymentTermsDays * DAY;
    const dueAt = new Date(dueMs).toISOString();
    const age = now - draft.issuedAt;
    const status = age > 45 * DAY ? "paid" : age > 20 * DAY ? (rng.next() < 0.7 ? "paid" : "partially_paid") : "sent";
    const amountPaid = status === "paid" ? sums.total : status === "partially_paid" ? Math.floor(sums.total / 2) : 0;
    const owing = status === "paid" ? "no" : "yes";
    invoices.push({
      agencyId,
      invoiceId,
      clientId: client.clientId,
      currency: client.currency,
      kind: "standard",
      number: index + 1,
      status,
      lines,
      ...sums,
      taxName: client.taxName,
      taxRate: client.taxRate,
      amountPaid,
      paymentTermsDays: client.paymentTermsDays,
      entryCount: draft.entries.length,
      depositIds: [],
      issuedAt,
      issuedSort: issuedAt,
      dueAt,
      ...(status === "paid" ? { paidAt: new Date(Math.min(dueMs, now)).toISOString() } : {}),
      remindersSent: 0,
      owing,
      owingSince: owing === "yes" ? dueAt : "-",
      shard: shardOf(invoiceId),
      createdAt: new Date(draft.issuedAt - 3_600_000).toISOString(),
      updatedAt: issuedAt,
      version: status === "sent" ? 2 : 3,
    });
    for (const entry of draft.entries) Object.assign(entry, { invoiceId, version: 2 });
    if (amountPaid) {
      const receivedAt = Math.min(dueMs - DAY, now - DAY);
      payments.push({
        agencyId,
        invoiceId,
        paymentId: idAt("payment", receivedAt),
        amount: amountPaid,
        currency: client.currency,
        method: "bank_transfer",
        reference: `REMIT-${index + 1}`,
        receivedAt: new Date(receivedAt).toISOString(),
        recordedBy: ownerId,
        createdAt: new Date(receivedAt).toISOString(),
        updatedAt: new Date(receivedAt).toISOString(),
      });
    }
  });

  return { requests, tasks, entries, invoices, payments, requestSeq };
}

export function taskItem(input: {
  agencyId: string;
  ownerId: string;
  requestId: string;
  clientId: string;
  reference: string;
  plan: { createdAt: number; status: TaskStatus; assignee: string };
  sop: { id: string; latestVersion: number; title: string; current: { checklist: string[] } } | undefined;
  rng: ReturnType<typeof random>;
  now: number;
}): TaskItem {
  const { plan, rng, sop } = input;
  const createdAt = new Date(plan.createdAt).toISOString();
  const dueMs = plan.status === "done" ? plan.createdAt + rng.int(1, 10) * DAY : input.now + rng.int(1, 21) * DAY;
  const at = (offset: number) => new Date(Math.min(plan.createdAt + offset, input.now - 60_000)).toISOString();
  const submitted = ["in_qa", "client_review", "done"].includes(plan.status);
  const assigned = plan.assignee !== "unassigned";
  const finished = plan.status === "done";
  return {
    agencyId: input.agencyId,
    taskId: idAt("task", plan.createdAt),
    requestId: input.requestId,
    clientId: input.clientId,
    reference: input.reference,
    title: `${rng.pick(VERBS)} ${rng.pick(THINGS)}`,
    description: LOREM,
    estimateMinutes: rng.int(2, 16) * 30,
    dueAt: new Date(dueMs).toISOString(),
    urgent: rng.next() < 0.15,
    important: rng.next() < 0.8,
    skills: [rng.pick(SKILLS)],
    ...(sop ? { sopId: sop.id, sopVersion: sop.latestVersion, sopTitle: sop.title } : {}),
    checklist: (sop?.current.checklist ?? []).map((text, i) =>
      finished || submitted ? { itemId: `c${i + 1}`, text, done: true, doneAt: at(DAY / 2), doneBy: plan.assignee } : { itemId: `c${i + 1}`, text, done: false },
    ),
    status: plan.status,
    state: finished ? "closed" : "open",
    assigneeId: plan.assignee,
    ...(assigned ? { assignedAt: at(3_600_000), assignmentHistory: [{ memberId: plan.assignee, at: at(3_600_000), by: input.ownerId }] } : { assignmentHistory: [] }),
    revisionCount: plan.status === "returned" ? 1 : 0,
    qaReturns: plan.status === "returned" ? 1 : 0,
    ...(submitted ? { deliverable: { text: "Done: see the shared folder; notes for the client inside.", links: ["https://drive.example.com/folder"], submittedAt: at(DAY), submittedBy: plan.assignee, fileIds: [] } } : {}),
    ...(plan.status === "client_review" || finished ? { review: { decision: "approve" as const, rubric: rng.int(3, 5), at: at(DAY + 7_200_000), by: input.ownerId } } : {}),
    ...(finished ? { clientDecision: { decision: "approve" as const, at: at(2 * DAY), by: { type: "contact", id: "client", name: "Client contact" } } } : {}),
    createdAt,
    updatedAt: createdAt,
    version: finished ? 6 : assigned ? 3 : 1,
  } as TaskItem;
}
