import { z } from "zod";
import type { ClientItem } from "../client/entity.ts";
import { assertOwner, forbidden, unauthenticated, useActor, useAgencyId } from "../actor/index.ts";
import { useViewer, type Viewer } from "../actor/viewer.ts";
import { Audit } from "../audit/index.ts";
import { responseDueAt as promisedBy } from "./deadline.ts";
import { staleWrite } from "../db/conflict.ts";
import { db, getTogether } from "../db/index.ts";
import { Identity } from "../identity/index.ts";
import { sameItem, shared } from "../db/scope.ts";
import { conditionalWrite, failedConditions } from "../db/transaction.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { pageQuery, version, type Page, idOf, oneLine, calendarDate, instant } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { createId, isId } from "../id/index.ts";
import { Notify } from "../notify/index.ts";
import { attachItem, forAttach, MAX_ATTACHMENTS, ofRequest } from "../file/attach.ts";
import { present as presentFile, type FileView } from "../file/present.ts";
import { Inbox } from "../inbox/index.ts";
import { clientSideOf } from "../message/recipients.ts";
import { People, type PersonRef } from "../people/index.ts";
import { Sop } from "../sop/index.ts";
import type { TaskItem } from "../task/entity.ts";
import { TaskStore } from "../task/store.ts";
import { SopStore } from "../sop/store.ts";
import { present as presentTask, presentForClient, type ClientTask, type Task } from "../task/present.ts";
import { assertRequestStatus, RequestStatuses, requestStatusFor, type TaskStatus } from "../workflow/index.ts";
import { Priorities, type RequestItem } from "./entity.ts";
import { ClientStore } from "../client/store.ts";
import * as Policy from "./policy.ts";
// The service catalog only, not the package editor and the onboarding kit behind it: every task call
// loads this module (issue 14: what a call loads).
import * as ServicePackages from "../service-package/catalog.ts";
import type { Brief } from "../service-package/catalog.ts";
import { workStateOf, workStatesOf } from "../hour-bank/work-state.ts";

export * as Request from "./index.ts";
import { record as recordEvent } from "../webhook/record.ts";
import { nameSopTools } from "../vault/sop-tools.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";
export { Priorities } from "./entity.ts";
// Who may do what to a request: one function decides both "may I" (`assertMay`) and "what can I" (`can`).
export { RequestActions, type RequestActionName } from "./policy.ts";

// A client's request, from the portal form to triage: accepted into tasks or declined.

export type Request = {
  id: string;
  reference: string;
  number: number;
  clientId: string;
  title: string;
  description: string;
  service: string;
  desiredDueDate: string | null;
  priority: RequestItem["priority"];
  links: string[];
  status: RequestItem["status"];
  submittedBy: PersonRef;
  responseDueAt: string;
  respondedAt: string | null;
  declineReason: string | null;
  completedAt: string | null;
  /** The catalog service asked for and its filled form; null for the generic form. */
  serviceId: string | null;
  brief: Brief | null;
  /**
   * Waiting in triage for hours: the client's retainer month is used up under the "pause new work"
   * rule (hour-bank/work-state.ts), so the request waits until hours are added or the month turns.
   */
  waitingForHours: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
};

/** A task accepting the request proposes: one per SOP of the service asked for. */
export type ProposedTask = { sopId: string; title: string; skills: string[]; checklistLength: number };

export type RequestDetail = {
  request: Request;
  client: { id: string; name: string; code: string; timeZone: string };
  /** Team members see the tasks they may see; a client sees deliverables once QA passed them. */
  tasks: Task[] | ClientTask[];
  /** The brief's files and the deliverables' (a client sees a deliverable's only after QA approved it). */
  files: FileView[];
  /** What the viewer may do to the request now (request/policy.ts); each task carries its own. */
  can: Policy.RequestActionName[];
  /** For the team: the tasks the service's SOPs propose on acceptance (empty without a service). */
  proposal: ProposedTask[];
};

export function present(item: RequestItem, paused = false): Request {
  return {
    id: item.requestId,
    reference: item.reference,
    number: item.number,
    clientId: item.clientId,
    title: item.title,
    description: item.description,
    service: item.service,
    desiredDueDate: item.desiredDueDate ?? null,
    priority: item.priority,
    links: item.links ?? [],
    status: item.status,
    submittedBy: { type: item.submittedByType, id: item.submittedById, name: item.submittedByName },
    responseDueAt: item.responseDueAt,
    respondedAt: item.respondedAt ?? null,
    declineReason: item.declineReason ?? null,
    completedAt: item.completedAt ?? null,
    serviceId: item.serviceId ?? null,
    brief: (item.brief as Brief | undefined) ?? null,
    waitingForHours: paused && item.status === "submitted",
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}

const link = z
  .string()
  .trim()
  .max(500, "Keep each link under 500 characters.")
  .regex(/^https?:\/\/\S+$/i, "Links start with https:// (or http://).");
const isoDate = calendarDate;

export const submitSchema = z.strictObject({
  /** Only the owner submits on a client's behalf; a contact's client comes from their session. */
  clientId: idOf("client", "Choose the client.").optional(),
  title: z.string({ error: "Give the request a title." }).overwrite(oneLine).min(1, "Give the request a title.").max(150, "Keep the title under 150 characters."),
  /** Required for the generic form; a service's own form may stand in for it. */
  description: z.string({ error: "Describe what you need." }).trim().max(10_000, "Keep the description under 10,000 characters.").default(""),
  /** The generic form's free-text service; a catalog request names its service by `serviceId`. */
  service: z.string({ error: "Choose a service." }).trim().max(60, "Keep the service under 60 characters.").optional(),
  /** A catalog service the client sees, with the form version they filled and the answers by question id. */
  serviceId: z.string({ error: "Choose a service from the catalog." }).max(60, "Choose a service from the catalog.").optional(),
  formVersion: z.number({ error: "Send the form version you filled." }).int().min(1).optional(),
  answers: ServicePackages.answersField.default({}),
  desiredDueDate: isoDate.optional(),
  priority: z.enum(Priorities, { error: "Choose low, normal, high or urgent." }).default("normal"),
  links: z.array(link, { error: "Links are a list of web addresses." }).max(10, "Add at most 10 links.").default([]),
  /** Files uploaded for this brief (place "request"), attached as it is submitted. */
  fileIds: z.array(idOf("file", "That file id is not valid."), { error: "List the files by id." }).max(MAX_ATTACHMENTS, `Attach at most ${MAX_ATTACHMENTS} files.`).default([]),
});

export const listSchema = pageQuery.extend({
  /** A status, or "all"; left out, the owner gets the triage inbox ("submitted"). */
  status: z.enum([...RequestStatuses, "all"], { error: "Unknown status." }).optional(),
  clientId: z.string().max(40).optional(),
});

const estimateHours = z
  .number({ error: "Estimate the hours." })
  .positive("The estimate must be more than zero.")
  .max(200, "Split work estimated over 200 hours into several tasks.")
  .multipleOf(0.25, "Use quarter hours.");

export const taskPlanSchema = z.strictObject({
  title: z.string({ error: "Give the task a title." }).overwrite(oneLine).min(1, "Give the task a title.").max(150, "Keep the title under 150 characters."),
  description: z.string().trim().max(10_000, "Keep the description under 10,000 characters.").default(""),
  estimateHours,
  dueAt: instant("Choose a due date and time."),
  urgent: z.boolean().default(false),
  important: z.boolean().default(true),
  sopId: idOf("sop", "Choose an SOP from the library.").optional(),
  skills: z.array(z.string().trim().min(1).max(40)).max(10, "List at most 10 skills.").default([]),
});

export const acceptSchema = z.strictObject({
  version,
  tasks: z.array(taskPlanSchema, { error: "Plan at least one task." }).min(1, "Plan at least one task.").max(10, "Plan at most 10 tasks at once."),
});

export const declineSchema = z.strictObject({
  version,
  reason: z.string({ error: "Tell the client why." }).trim().min(1, "Tell the client why.").max(2000, "Keep the reason under 2,000 characters."),
});

/** A request, read once per request (again after the request writes it). */
export async function load(agencyId: string, requestId: string): Promise<RequestItem | null> {
  if (!isId("request", requestId)) return null;
  const get = db.entities.request.get({ agencyId, requestId });
  const key = { pk: String(get.params().Key.pk), sk: String(get.params().Key.sk) };
  return shared(`request:${key.pk}:${key.sk}`, sameItem(key), () => getTogether<RequestItem>(db.entities.request, get, { consistent: true }));
}

/**
 * Loads a request the actor may see, with the tasks of it they may see: the owner any request
 * and all its tasks, a contact their own company's, a QA reviewer any (they review any task but
 * their own), another subcontractor one they hold a task of, and only their tasks. Anything else
 * is "not found", never "forbidden".
 */
export async function loadVisible(requestId: string): Promise<{ item: RequestItem; tasks: TaskItem[] }> {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  const item = await load(actor.agencyId, requestId);
  if (!item) throw notFound("Request");
  if (actor.type === "contact" && item.clientId !== actor.clientId) throw notFound("Request");
  const tasks = await tasksOf(item);
  if (actor.type === "member" && actor.role === "subcontractor") {
    const me = await Identity.member(actor.agencyId, actor.memberId);
    if (me?.reviewer && tasks.length) return { item, tasks };
    const theirs = tasks.filter((task) => task.assigneeId === actor.memberId);
    if (!theirs.length) throw notFound("Request");
    return { item, tasks: theirs };
  }
  return { item, tasks };
}

export async function tasksOf(item: RequestItem) {
  const tasks = await TaskStore.ofRequest(item.agencyId, item.clientId, item.requestId);
  // In plan order (ACME-7.1, ACME-7.2, … ACME-7.10): ids made in the same millisecond don't sort.
  return tasks.sort((a, b) => a.reference.localeCompare(b.reference, "en", { numeric: true }));
}

/** What accepting a request in triage proposes: its service's SOP tasks, else its recurring template's, else nothing. */
function proposalFor(item: RequestItem) {
  if (item.status !== "submitted") return [];
  if (item.serviceId) return ServicePackages.proposal(item.agencyId, item.serviceId);
  return ServicePackages.proposalOfSops(item.agencyId, item.sopIds ?? []);
}

export async function get(requestId: string): Promise<RequestDetail> {
  const actor = useActor();
  const { item, tasks } = await loadVisible(requestId);
  const viewer = await useViewer();
  const [client, files, rules] = await Promise.all([
    ClientStore.load(item.agencyId, item.clientId),
    visibleFiles(item, tasks),
    agencyRules(viewer, item.agencyId),
  ]);
  const clientView = { id: item.clientId, name: client?.name ?? "", code: client?.code ?? "", timeZone: client?.timeZone ?? "UTC" };
  const can = Policy.can(viewer, item, rules);
  const paused = item.status === "submitted" && client ? (await workStateOf(client)) === "paused" : false;
  if (actor.type === "contact") return { request: present(item, paused), client: clientView, tasks: tasks.map((task) => presentForClient(task, viewer)), files, can, proposal: [] };
  const [team, proposal] = await Promise.all([People.team(item.agencyId), proposalFor(item)]);
  const names = { team, clients: new Map([[item.clientId, clientView.name]]) };
  return { request: present(item, paused), client: clientView, tasks: tasks.map((task) => presentTask(task, names, viewer)), files, can, proposal };
}

/** The agency's rules a viewer's rights depend on, read only when they do (a subcontractor's). */
export async function agencyRules(viewer: Viewer, agencyId: string): Promise<Policy.AgencyRules> {
  if (!Policy.needsAgencyRules(viewer)) return { subcontractorsWriteToClients: false };
  return { subcontractorsWriteToClients: !!(await Identity.agency(agencyId))?.subcontractorsWriteToClients };
}

/** Why the acting viewer may not take `action` on a request they see now (request/policy.ts), or null. */
export async function refusalOf(item: RequestItem, action: Policy.RequestActionName): Promise<"party" | "state" | null> {
  const viewer = await useViewer();
  return Policy.refusal(viewer, item, await agencyRules(viewer, item.agencyId), action);
}

/** Throws 403 unless `action` is the viewer's to take, 409 (with the request as it is) unless its status allows it now. */
async function assertMay(item: RequestItem, action: "accept" | "decline") {
  if ((await refusalOf(item, action)) === "party") throw forbidden();
  assertRequestStatus(item.status, Policy.statusesFor(action), action === "accept" ? "accepted" : "declined", present(item));
}

/** The brief's files and those of the deliverables the viewer may see (not the threads': those come with their messages). */
async function visibleFiles(item: RequestItem, tasks: readonly TaskItem[]): Promise<FileView[]> {
  const forClient = useActor().type === "contact";
  const taskIds = new Set(tasks.map((task) => task.taskId));
  return (await ofRequest(item.agencyId, item.requestId))
    .filter((file) => file.status === "ready" && (file.place === "request" || (file.place === "deliverable" && taskIds.has(file.attachedTo ?? ""))))
    .filter((file) => !forClient || file.visibleToClient)
    .map((file) => presentFile(file, forClient));
}

/**
 * The owner's views: the triage inbox (submitted, soonest response due first) by default,
 * any status, or one client's requests newest first. A contact sees their company's requests.
 */
export const list = fn(listSchema, async (query): Promise<Page<Request>> => {
  const actor = useActor();
  const page = { limit: query.limit, cursor: query.cursor ?? null };
  const status = query.status === "all" ? undefined : query.status;
  // With a status filter, `count` reads on past the items it drops: a page is short only at the end.
  const filteredPage = { count: query.limit, cursor: query.cursor ?? null };
  const ofClient = async (agencyId: string, clientId: string) => {
    const base = db.entities.request.query.requestsOfClient({ agencyId, clientId });
    const result = status
      ? await base.where((attr, op) => op.eq(attr.status, status)).go({ ...filteredPage, order: "desc" })
      : await base.go({ ...page, order: "desc" });
    return { items: await presentHeld(agencyId, result.data), cursor: result.cursor };
  };
  if (actor.type === "contact") return ofClient(actor.agencyId, actor.clientId);
  const agencyId = assertOwner();
  if (query.clientId) {
    if (!isId("client", query.clientId)) return { items: [], cursor: null };
    return ofClient(agencyId, query.clientId);
  }
  if (query.status === "all") {
    // Request ids sort by time: the agency's partition read backwards is newest first.
    const result = await db.entities.request.query.requestById({ agencyId }).go({ ...page, order: "desc" });
    return { items: await presentHeld(agencyId, result.data), cursor: result.cursor };
  }
  const result = await db.entities.request.query
    .requestsByStatus({ agencyId, status: status ?? "submitted" })
    .go({ ...page, order: status && status !== "submitted" ? "desc" : "asc" });
  return { items: await presentHeld(agencyId, result.data), cursor: result.cursor };
});

/** Requests as listed, those in triage of a client whose hours are paused marked as waiting for hours. */
async function presentHeld(agencyId: string, items: RequestItem[]): Promise<Request[]> {
  const waiting = [...new Set(items.filter((item) => item.status === "submitted").map((item) => item.clientId))];
  const states = waiting.length ? await workStatesOf(await ClientStore.loadMany(agencyId, waiting)) : new Map();
  return items.map((item) => present(item, states.get(item.clientId) === "paused"));
}

/**
 * Takes the next number under the client's code: atomic, so two submissions never share one, and
 * counted per code (requestCounter), so a code that passes to another client carries on. A client
 * starts after its `requestSeq`: its last number under its previous code (set when the code
 * changed, request/counter.ts), or a count from before the counters.
 */
export async function nextNumber(agencyId: string, client: ClientItem): Promise<number> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const taken = await db.entities.requestCounter.update({ agencyId, code: client.code }).add({ seq: 1 }).go({ response: "all_new" });
    let number = taken.data.seq ?? 0;
    if (number <= (client.requestSeq ?? 0)) {
      const next = (client.requestSeq ?? 0) + 1;
      const moved = await conditionalWrite(db.entities.requestCounter.patch({ agencyId, code: client.code }).set({ seq: next }).where((attr, op) => op.eq(attr.seq, number)).go());
      if (!moved) continue; // another submission moved it meanwhile: take the next one
      number = next;
    }
    return number;
  }
  throw new VisibleError("conflict", "conflict", "Requests are being submitted right now. Please try again.");
}

export const submit = fn(submitSchema, async (input): Promise<Request> => {
  const actor = useActor();
  let clientId: string;
  if (actor.type === "contact") {
    if (input.clientId && input.clientId !== actor.clientId) throw notFound("Client");
    clientId = actor.clientId;
  } else {
    assertOwner();
    if (!input.clientId) {
      throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { clientId: "Choose the client." } });
    }
    clientId = input.clientId;
  }
  const agencyId = actor.type === "public" ? "" : actor.agencyId;
  // Independent reads at once: the client (afresh: its code numbers the request), the agency,
  // the owners to tell, and the author (the identity already read for this request).
  const [client, agency, owners, author] = await Promise.all([
    ClientStore.load(agencyId, clientId, { consistent: true }),
    Identity.agency(agencyId),
    Notify.owners(agencyId),
    People.current(),
  ]);
  if (!client) throw notFound("Client");
  const brief = input.serviceId ? await ServicePackages.briefFor(agencyId, clientId, input.serviceId, input.formVersion, input.answers) : null;
  const missing: Record<string, string> = {};
  if (!brief && !input.service) missing.service = "Choose a service.";
  if (!brief && !input.description) missing.description = "Describe what you need.";
  if (Object.keys(missing).length) throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: missing });
  const number = await nextNumber(agencyId, client);
  const requestId = createId("request");
  const reference = `${client.code}-${number}`;
  // Under "pause new work" with the month's hours used up, it waits in triage, said to both sides.
  const paused = (await workStateOf(client)) === "paused";
  // The promise counts the agency's working week and holidays, in the agency's zone.
  const responseDueAt = promisedBy(new Date(), client, agency).toISOString();
  const { clientId: _ignored, desiredDueDate, fileIds, serviceId: _service, formVersion: _form, answers: _answers, ...rest } = input;
  const fields = { ...rest, service: brief ? brief.name.slice(0, 60) : rest.service! };
  const about = { agencyId, requestId, clientId, reference, title: input.title };
  // The owners' emails and unread counts are written with the request (one transaction, no
  // writes after it); the emails go out after the response.
  const [files, toOwners, receipt] = await Promise.all([
    forAttach(agencyId, fileIds, { place: "request", targetId: clientId }),
    Notify.prepare(
      agencyId,
      "requestSubmitted",
      owners,
      (person) => ({ reference, title: input.title, name: author.name, client: client.name, due: Notify.when(responseDueAt, person) }),
      Notify.links.webRequest(requestId),
    ),
    receiptFor(agencyId, author, { requestId, reference, title: input.title, responseDueAt }),
  ]);
  const notices = [...toOwners, ...receipt];
  let created: RequestItem | undefined;
  let sendNotices: () => Promise<void> = () => Promise.resolve();
  const transaction = db.transaction
    .write(({ request, ...tx }) => {
      const put = request
        .create({
          agencyId,
          requestId,
          clientId,
          number,
          reference,
          ...fields,
          ...(desiredDueDate ? { desiredDueDate } : {}),
          ...(brief ? { serviceId: brief.serviceId, brief } : {}),
          status: "submitted",
          submittedByType: author.type,
          submittedById: author.id,
          submittedByName: author.name,
          responseDueAt,
          taskStatuses: {},
        })
        .commit();
      // What the request will read back is what is written: kept instead of reading it again.
      created = db.entities.request.parse({ Item: (put as unknown as { Put: { Item: Record<string, unknown> } }).Put.Item }).data as RequestItem;
      const outbox = Notify.queueIn(tx, notices);
      sendNotices = outbox.after;
      return [
        put,
        ...files.map((f) => attachItem(tx, f, { parentId: requestId, requestId, attachedTo: requestId, visibleToClient: true })),
        Audit.item(tx, Audit.event("request.submitted", "request", requestId, { reference, by: author.name, files: files.length, ...(paused ? { waitingForHours: true } : {}) })),
        ...Inbox.updateItems(tx, about, owners.map((m) => ({ type: "member" as const, id: m.memberId })), created!.createdAt),
        ...outbox.items,
      ];
    })
    .go();
  // The client's last number is the code's counter's (request/counter.ts reads it when the code
  // moves on): no write to the client beside the transaction.
  const written = await transaction;
  if (failedConditions(written).length) {
    throw new VisibleError("conflict", "conflict", "One of the files changed while the request was sent. Check the attachments and send it again.");
  }
  const saved = created!;
  await sendNotices();
  await recordEvent(agencyId, "request.submitted", { id: requestId, clientId });
  return present(saved, paused);
});

/**
 * The client's receipt for a request they sent themselves: its reference and the date and time
 * the team replies by, in their own zone, as the new-request page and confirmation said. A
 * request the team entered for the client sends none (the client didn't ask).
 */
async function receiptFor(
  agencyId: string,
  author: { type: string; id: string },
  about: { requestId: string; reference: string; title: string; responseDueAt: string },
): Promise<Notify.Prepared> {
  if (author.type !== "contact") return [];
  const contact = await Identity.contact(agencyId, author.id);
  return Notify.prepare(
    agencyId,
    "requestReceived",
    [contact],
    (person) => ({ reference: about.reference, title: about.title, due: Notify.when(about.responseDueAt, person) }),
    Notify.links.portalRequest(about.requestId),
  );
}

/** Accepts a submitted request as one or more tasks, each following an SOP version if chosen. */
export const accept = fn(acceptSchema, async (input, requestId: string): Promise<RequestDetail> => (await acceptPlanned(input, requestId, "viewer"))!);

/**
 * Accepts a submitted request the client has accepted a quote for (quote/answer.ts): on the
 * quote's authority, as the system, with the tasks the quote's services propose. Answers null when
 * the request is no longer waiting for triage (the owner planned it meanwhile).
 */
export async function acceptByQuote(requestId: string, tasks: z.input<typeof taskPlanSchema>[]): Promise<void> {
  const item = await load(useAgencyId(), requestId);
  if (!item || item.status !== "submitted") return;
  await acceptPlanned(acceptSchema.parse({ version: item.version, tasks }), requestId, "quote");
}

async function acceptPlanned(input: z.output<typeof acceptSchema>, requestId: string, authority: "viewer" | "quote"): Promise<RequestDetail | null> {
  const agencyId = useAgencyId();
  const item = await load(agencyId, requestId);
  if (!item) throw notFound("Request");
  if (authority === "viewer") await assertMay(item, "accept");
  const author = await People.current();
  const now = new Date().toISOString();
  const planned = await Promise.all(
    input.tasks.map(async (plan, index) => {
      let sop: { sopId: string; sopVersion: number; sopTitle: string; checklist: string[] } | undefined;
      if (plan.sopId) {
        const head = await SopStore.load(agencyId, plan.sopId, { consistent: true });
        if (!head) {
          throw new VisibleError("validation", "validation_failed", "Some fields need attention.", {
            fields: { [`tasks.${index}.sopId`]: "That SOP does not exist." },
          });
        }
        const pinned = (await Sop.loadVersion(agencyId, head.sopId, head.latestVersion))!;
        sop = { sopId: head.sopId, sopVersion: pinned.number, sopTitle: pinned.title, checklist: pinned.checklist ?? [] };
      }
      const taskId = createId("task");
      const suffix = input.tasks.length > 1 ? `.${index + 1}` : "";
      return {
        agencyId,
        taskId,
        requestId,
        clientId: item.clientId,
        reference: `${item.reference}${suffix}`,
        title: plan.title,
        description: plan.description,
        estimateMinutes: Math.round(plan.estimateHours * 60),
        dueAt: plan.dueAt,
        urgent: plan.urgent,
        important: plan.important,
        skills: plan.skills,
        ...(sop ? { sopId: sop.sopId, sopVersion: sop.sopVersion, sopTitle: sop.sopTitle } : {}),
        checklist: (sop?.checklist ?? []).map((text, i) => ({ itemId: `c${i + 1}`, text, done: false })),
        status: "todo" as TaskStatus,
        state: "open" as const,
      };
    }),
  );
  const taskStatuses = Object.fromEntries(planned.map((task) => [task.taskId, task.status]));
  const result = await db.transaction
    .write(({ request, ...tx }) => [
      request
        .patch({ agencyId, requestId })
        .set({ status: requestStatusFor(Object.values(taskStatuses)), responseDueAt: item.responseDueAt, respondedAt: now, taskStatuses })
        .add({ version: 1 })
        .where((attr, op) => `${op.eq(attr.version, input.version)} AND ${op.eq(attr.status, "submitted")}`)
        .commit(),
      ...planned.map((plan) => TaskStore.createItem(tx, plan)),
      Audit.item(tx, Audit.event("request.accepted", "request", requestId, { by: author.name, tasks: planned.map((t) => ({ id: t.taskId, title: t.title })) })),
    ])
    .go();
  if (failedConditions(result).length) {
    const current = await load(agencyId, requestId);
    throw staleWrite("Request", current && present(current));
  }
  // The client's logins of the tools each task's SOP needs, named on it (the owner may change them).
  await nameSopTools(agencyId, planned);
  await tellClient(item, "requestAccepted", { reference: item.reference, title: item.title });
  await recordEvent(agencyId, "request.accepted", { id: requestId, clientId: item.clientId });
  // The quote answers with itself: the request as a viewer reads it is not asked for.
  return authority === "quote" ? null : get(requestId);
}

/** What an unread entry says about a request. */
export const aboutOf = (item: RequestItem) => ({ agencyId: item.agencyId, requestId: item.requestId, clientId: item.clientId, reference: item.reference, title: item.title });

/** A status change the client hears about: an email to the people of the request on the client side, and an unread mark. */
async function tellClient(item: RequestItem, kind: "requestAccepted" | "requestDeclined", params: Record<string, string>) {
  const people = await clientSideOf(item);
  const contacts = await Promise.all(people.map((person) => Notify.contact(item.agencyId, person.id)));
  await Notify.send(item.agencyId, kind, contacts, params, Notify.links.portalRequest(item.requestId));
  await Inbox.record(aboutOf(item), people, { kind: "update", at: new Date().toISOString() });
}

export const decline = fn(declineSchema, async (input, requestId: string): Promise<RequestDetail> => {
  const agencyId = useAgencyId();
  const item = await load(agencyId, requestId);
  if (!item) throw notFound("Request");
  await assertMay(item, "decline");
  const author = await People.current();
  const result = await db.transaction
    .write(({ request, ...tx }) => [
      request
        .patch({ agencyId, requestId })
        .set({ status: "declined", responseDueAt: item.responseDueAt, respondedAt: new Date().toISOString(), declineReason: input.reason })
        .add({ version: 1 })
        .where((attr, op) => op.eq(attr.version, input.version))
        .commit(),
      Audit.item(tx, Audit.event("request.declined", "request", requestId, { by: author.name, reason: input.reason })),
    ])
    .go();
  const current = await load(agencyId, requestId);
  if (failedConditions(result).length) throw staleWrite("Request", current && present(current));
  await tellClient(item, "requestDeclined", { reference: item.reference, title: item.title, reason: input.reason });
  return get(requestId);
});

export type TimelineEntry = { id: string; at: string; action: string; by: string | null; data: Record<string, unknown> };

/** Client-facing steps of a request; the owner also sees the internal ones (assignments, QA). */
const clientVisible = new Set([
  "request.submitted",
  "request.accepted",
  "request.declined",
  "task.qa_approved",
  "task.client_approved",
  "task.client_revision",
  "request.completed",
]);

/** The request's history, oldest first: every state change, assignment and approval. */
export async function history(requestId: string): Promise<TimelineEntry[]> {
  const actor = useActor();
  const { item, tasks } = await loadVisible(requestId);
  const events = await Audit.itemsOfSubject(item.agencyId, requestId);
  const isOwner = actor.type === "apikey" || (actor.type === "member" && actor.role === "owner");
  // A subcontractor follows the request and their own tasks, not their colleagues'.
  const mine = new Set(actor.type === "member" ? tasks.filter((task) => task.assigneeId === actor.memberId).map((task) => task.taskId) : []);
  const visible = (event: { action: string; data?: unknown }) => {
    if (isOwner) return true;
    if (actor.type === "contact") return clientVisible.has(event.action);
    const taskId = (event.data as { taskId?: string } | undefined)?.taskId;
    return taskId ? mine.has(taskId) : true;
  };
  return events
    .filter(visible)
    .map((event) => {
      const data = (event.data ?? {}) as Record<string, unknown>;
      const { by, ...rest } = data;
      const shown = actor.type === "contact" ? pick(rest, ["reference", "reason", "comment", "taskTitle"]) : rest;
      // Clients see their own people's names; the team's steps are the agency's.
      const named = typeof by === "string" && (actor.type !== "contact" || event.actorType === "contact");
      return { id: event.eventId, at: event.at, action: event.action, by: named ? (by as string) : null, data: shown };
    });
}

function pick(data: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(Object.entries(data).filter(([key]) => keys.includes(key)));
}
