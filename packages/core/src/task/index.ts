import { z } from "zod";
import { assertMember, assertOwner, forbidden, unauthenticated, useActor, useAgencyId } from "../actor/index.ts";
import { useViewer, viewerOf, type Viewer } from "../actor/viewer.ts";
import { Audit } from "../audit/index.ts";
import { staleWrite } from "../db/conflict.ts";
import { db, type TransactionEntities } from "../db/index.ts";
import { Identity } from "../identity/index.ts";
import { applied } from "../db/commit.ts";
import { sameItem, shared } from "../db/scope.ts";
import { failedConditions } from "../db/transaction.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { version, idOf } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { isId } from "../id/index.ts";
import type { MemberItem } from "../member/entity.ts";
import { Notify } from "../notify/index.ts";
import { attachItem, byIds as filesByIds, forAttach, MAX_ATTACHMENTS, ofRequest, publishItem } from "../file/attach.ts";
import { present as presentFile, type FileView } from "../file/present.ts";
import type { FileItem } from "../file/entity.ts";
import { Inbox, type Recipient } from "../inbox/index.ts";
import { clientSideOf } from "../message/recipients.ts";
import { People, type PersonRef } from "../people/index.ts";
import type { RequestItem } from "../request/entity.ts";
import { Request } from "../request/index.ts";
import { Sop, type SopVersion } from "../sop/index.ts";
import { nextTaskStatus, openState, OpenTaskStatuses, requestStatusFor, TaskStatuses, type Party, type TaskAction, type TaskStatus } from "../workflow/index.ts";
import { UNASSIGNED, type TaskItem } from "./entity.ts";
import { memberIdsOf, present, presentForClient, type ClientTask, type Names, type Task as TaskView } from "./present.ts";
import { MemberStore } from "../member/store.ts";
import { RequestStore } from "../request/store.ts";
import { ClientStore } from "../client/store.ts";
import { workStateOf, workStatesOf, type WorkState } from "../hour-bank/work-state.ts";
import type { ClientItem } from "../client/entity.ts";
import { ContactStore } from "../contact/store.ts";
import { Notices } from "../notify/notice.ts";
import type { SopVersionItem } from "../sop/entity.ts";
import { stopTimerOnTask } from "../timesheet/timer-stop.ts";
import * as Policy from "./policy.ts";
import { TaskStore } from "./store.ts";
import { record as recordEvent } from "../webhook/record.ts";
import type { EventType } from "../webhook/catalogue.ts";

export * as Task from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";
export type { ClientTask, ChecklistItem } from "./present.ts";
export type Task = TaskView;
export { candidates, candidatesFor, rank, type Candidate } from "./ranking.ts";
export { workload, type Workload } from "./workload.ts";
// Who may do what to a task: one function decides both "may I" (below) and "what can I" (`can`).
export { TaskActions, type TaskActionName } from "./policy.ts";

// Tasks move along the pipeline in workflow/: assign → tick → submit → QA → client approval.
// Every move is one transaction: the task (conditional on the version the caller read), its
// request's status (conditional on the request's version) and the audit event.

export type TaskDetail = {
  task: Task;
  request: { id: string; reference: string; title: string; description: string; links: string[] };
  /** `hours`: where new work stands against the client's retainer hours (hour-bank/work-state.ts). */
  client: { id: string; name: string; timeZone: string; hours: WorkState };
  /** The SOP version the task was made from, rendered safely, or null. */
  sop: SopVersion | null;
  /** The deliverable's files, every round (`round` says which submission). */
  files: FileView[];
};

/** A task, read once per request (again after the request writes it). */
export async function load(agencyId: string, taskId: string): Promise<TaskItem | null> {
  if (!isId("task", taskId)) return null;
  const get = db.entities.task.get({ agencyId, taskId });
  const key = { pk: String(get.params().Key.pk), sk: String(get.params().Key.sk) };
  return shared(`task:${key.pk}:${key.sk}`, sameItem(key), async () => (await get.go({ consistent: true })).data);
}

type Relation = {
  task: TaskItem;
  parties: Set<Party>;
  viewer: Viewer;
  /** The acting member as read for this check (undefined for other actors). */
  me: MemberItem | null | undefined;
};

/** Who the actor is to this task (task/policy.ts); a task they may not see is "not found". */
async function relation(task: TaskItem | null): Promise<Relation> {
  const actor = useActor();
  if (!task) throw notFound("Task");
  const me = actor.type === "member" ? await Identity.member(actor.agencyId, actor.memberId) : undefined;
  const viewer = viewerOf(actor, me);
  const parties = Policy.partiesOf(viewer, task);
  if (!parties.size) throw notFound("Task");
  return { task, parties, viewer, me };
}

async function visibleTask(taskId: string) {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  return relation(await load(actor.agencyId, taskId));
}

export async function get(taskId: string): Promise<TaskDetail> {
  const { task, parties, viewer } = await visibleTask(taskId);
  if (parties.has("client") && parties.size === 1) throw notFound("Task");
  const [team, request, client, sop, files] = await Promise.all([
    People.team(task.agencyId),
    Request.load(task.agencyId, task.requestId),
    ClientStore.load(task.agencyId, task.clientId),
    sopOf(task),
    ofRequest(task.agencyId, task.requestId),
  ]);
  return detailOf(task, { team, request, client, sop, files }, viewer);
}

type DetailParts = {
  team: Names["team"];
  request: RequestItem | null;
  client: Pick<ClientItem, "name" | "timeZone" | "retainerFee" | "retainerMinutes"> | null;
  sop: SopVersionItem | null;
  /** The request's files (every place): the task's deliverables are picked from them. */
  files: readonly FileItem[];
};

/** What GET /tasks/:id answers, from what was read (or written) already: no read of its own. */
async function detailOf(task: TaskItem, { team, request, client, sop, files }: DetailParts, viewer: Viewer): Promise<TaskDetail> {
  const hours = client && task.status !== "done" ? await workStateOf({ ...client, agencyId: task.agencyId, clientId: task.clientId }) : "ok";
  return {
    task: present(task, { team, clients: new Map([[task.clientId, client?.name ?? ""]]) }, viewer),
    request: {
      id: task.requestId,
      reference: request?.reference ?? "",
      title: request?.title ?? "",
      description: request?.description ?? "",
      links: request?.links ?? [],
    },
    client: { id: task.clientId, name: client?.name ?? "", timeZone: client?.timeZone ?? "UTC", hours },
    sop: sop ? await Sop.presentVersion(sop) : null,
    files: deliverablesOf(files, task).map((file) => presentFile(file)),
  };
}

/** The SOP version a task was made from, or null. */
function sopOf(task: TaskItem): Promise<SopVersionItem | null> {
  return task.sopId && task.sopVersion ? Sop.loadVersion(task.agencyId, task.sopId, task.sopVersion) : Promise.resolve(null);
}

/**
 * The files a task's deliverables may name: by key when every submission kept its files' ids (they
 * join the request's other single reads in one BatchGetItem), else every file of its request.
 */
async function deliverableFiles(task: TaskItem): Promise<FileItem[]> {
  const rounds = [...(task.deliverableHistory ?? []), ...(task.deliverable ? [task.deliverable] : [])];
  if (rounds.some((round) => !round.fileIds)) return ofRequest(task.agencyId, task.requestId);
  const ids = [...new Set(rounds.flatMap((round) => round.fileIds ?? []))];
  return filesByIds(task.agencyId, ids);
}

/** A task's deliverable files (ready ones) among its request's files, every round; `round` narrows to one submission. */
function deliverablesOf(files: readonly FileItem[], task: TaskItem, round?: number): FileItem[] {
  return files.filter(
    (file) => file.status === "ready" && file.place === "deliverable" && file.attachedTo === task.taskId && (round === undefined || file.round === round),
  );
}

const boardSchema = z.strictObject({ clientId: z.string().max(40).optional() });
const BOARD_LIMIT = 100;
/** The done column shows the latest this many (by due date): what a board is for, and what keeps its reads small. */
const BOARD_DONE_LIMIT = 50;

/**
 * A Kanban board: one client's tasks, or every client's, grouped by status. Each open column holds
 * the soonest-due tasks, at most BOARD_LIMIT of them, and the done column the latest due, at most
 * BOARD_DONE_LIMIT (`more` says when there are more);
 * `hours` names the clients of open cards whose retainer hours are used up under "ask first" or "pause".
 */
export const board = fn(boardSchema, async (query) => {
  const agencyId = assertOwner();
  // The team (names on the cards) is read beside the columns, not after them.
  const team = People.team(agencyId);
  team.catch(() => {}); // a refusal below must not leave it unhandled; namesFor reads it again
  const found = Object.fromEntries(TaskStatuses.map((status) => [status, [] as TaskItem[]])) as Record<TaskStatus, TaskItem[]>;
  const more: Partial<Record<TaskStatus, boolean>> = {};
  /** The board's one client, when it is one client's (read with its work). */
  let loaded: ClientItem[] | undefined;
  if (query.clientId) {
    if (!isId("client", query.clientId)) throw notFound("Client");
    const clientId = query.clientId;
    // What is open of this client (bounded by its current work, not every client's columns) and
    // its latest done tasks, in one query of its own partition (`TaskStore.workOfClient`), never
    // the client's whole history: the board stays as fast as the client and the agency grow.
    // The client (for its hours' state) is read beside it, not after it.
    const [work, client] = await Promise.all([TaskStore.workOfClient(agencyId, clientId, BOARD_DONE_LIMIT), ClientStore.load(agencyId, clientId)]);
    loaded = client ? [client] : [];
    for (const item of work.open) found[item.status].push(item);
    found.done = work.done;
    if (work.moreDone) more.done = true;
  } else {
    await Promise.all(
      TaskStatuses.map(async (status) => {
        const result = await db.entities.task.query
          .tasksByStatus({ agencyId, status })
          .go(status === "done" ? { limit: BOARD_DONE_LIMIT, order: "desc" } : { limit: BOARD_LIMIT, order: "asc" });
        found[status] = result.data;
        if (result.cursor) more[status] = true;
      }),
    );
  }
  await team;
  const [names, viewer] = await Promise.all([People.namesFor(agencyId, Object.values(found).flat()), useViewer()]);
  const columns = Object.fromEntries(
    TaskStatuses.map((status) => [status, found[status].map((item) => present(item, names, viewer)).sort((a, b) => a.dueAt.localeCompare(b.dueAt))]),
  ) as Record<TaskStatus, Task[]>;
  // The clients of open cards whose retainer hours are used up under "ask first" or "pause": their cards say so.
  const openClients = [...new Set(TaskStatuses.filter((status) => status !== "done").flatMap((status) => found[status].map((item) => item.clientId)))];
  const clients = loaded ? loaded.filter((client) => openClients.includes(client.clientId)) : openClients.length ? await ClientStore.loadMany(agencyId, openClients) : [];
  const states = clients.length ? await workStatesOf(clients) : new Map<string, Exclude<WorkState, "ok">>();
  return { columns, more, hours: Object.fromEntries(states) };
});

/** A member's own open work, soonest due first. Nobody else's tasks ever appear here. */
export async function mine(): Promise<Task[]> {
  const actor = assertMember();
  // The team (names on the tasks) is read beside the tasks, not after them.
  const [result] = await Promise.all([
    db.entities.task.query.tasksOfAssignee({ agencyId: actor.agencyId, assigneeId: actor.memberId, state: "open" }).go({ pages: "all" }),
    People.team(actor.agencyId),
  ]);
  const [names, viewer] = await Promise.all([People.namesFor(actor.agencyId, result.data), useViewer()]);
  return result.data.map((item) => present(item, names, viewer));
}

/** Deliverables waiting for review, the most pressing first; for the owner and reviewers. */
export async function qaQueue(): Promise<Task[]> {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  const agencyId = actor.agencyId;
  let except: string | undefined;
  if (!(actor.type === "apikey" || (actor.type === "member" && actor.role === "owner"))) {
    if (actor.type !== "member") throw forbidden();
    const me = await Identity.member(agencyId, actor.memberId);
    if (!me?.reviewer) throw forbidden();
    except = actor.memberId;
  }
  const result = await db.entities.task.query.tasksByStatus({ agencyId, status: "in_qa" }).go({ pages: "all" });
  // Nobody reviews their own work.
  const queue = result.data.filter((item) => item.assigneeId !== except);
  const [names, viewer] = await Promise.all([People.namesFor(agencyId, queue), useViewer()]);
  return queue.map((item) => present(item, names, viewer));
}

const DEADLINES_LIMIT = 200;

/** Every open task across clients by due date: the master deadline list. */
export async function deadlines(): Promise<{ items: Task[]; cursor: null; more: boolean }> {
  const agencyId = assertOwner();
  const pages = await Promise.all(
    OpenTaskStatuses.map((status) => db.entities.task.query.tasksByStatus({ agencyId, status }).go({ limit: DEADLINES_LIMIT })),
  );
  const all = pages.flatMap((page) => page.data).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const shown = all.slice(0, DEADLINES_LIMIT);
  const [names, viewer] = await Promise.all([People.namesFor(agencyId, shown), useViewer()]);
  return { items: shown.map((item) => present(item, names, viewer)), cursor: null, more: all.length > DEADLINES_LIMIT || pages.some((p) => p.cursor) };
}

type Move = {
  action: TaskAction;
  /** Attributes to set besides the status and the keys. */
  set?: (task: TaskItem) => Partial<TaskItem>;
  /** Counters to add to on the task. */
  add?: Partial<Record<"revisionCount" | "qaReturns", number>>;
  audit: (task: TaskItem, by: PersonRef) => { action: string; data?: Record<string, unknown> };
  /** QA outcome counters for the assignee's metrics. */
  memberStats?: (task: TaskItem) => Partial<Record<"qaApproved" | "qaFirstPass" | "qaReturns", number>>;
  /** Files this step attaches (a submission) or shows the client (QA approval), in the same transaction. */
  files?: (tx: Pick<TransactionEntities, "file">, task: TaskItem) => Array<ReturnType<typeof attachItem>>;
  /** Names the caller read already (else read here). */
  names?: Names;
  /** The hand-off's unread marks and emails, in the same transaction; `after` runs once it committed (sends the emails after the response). */
  handOff?: (tx: Pick<TransactionEntities, "unread" | "outboxEmail" | "outboxNotice">) => { items: Array<ReturnType<typeof attachItem>>; after: () => Promise<void> };
};

/**
 * Throws 404 unless the actor sees the task, 403 unless `action` is theirs to take (task/policy.ts).
 * A route checks it before reading the body; whether the task's status allows it now is the
 * move's to say (409, with the task as it is).
 */
export async function assertMayAct(taskId: string, action: Policy.TaskActionName): Promise<void> {
  const { task, viewer } = await visibleTask(taskId);
  if (Policy.refusal(viewer, task, action) === "party") throw forbidden();
}

/**
 * Applies one step of the workflow. The caller's `expected` version must still be current: of
 * many simultaneous attempts exactly one wins and the rest get 409 with the task as it is now.
 */
async function move(taskId: string, expected: number, step: Move): Promise<{ saved: TaskItem; names: Names; request: RequestItem; viewer: Viewer }> {
  const { task: first, parties, viewer, me } = await visibleTask(taskId);
  // The policy decides (task/policy.ts); a step not in this status is refused below with the task as it is.
  if (Policy.refusal(viewer, first, step.action) === "party") throw forbidden();
  // A client is shown what a client may see, even of the task a conflict reports.
  const asClient = parties.has("client") && parties.size === 1;
  const [by, names] = await Promise.all([
    People.current(me),
    step.names ? Promise.resolve(step.names) : asClient ? Promise.resolve({ team: new Map(), clients: new Map() }) : People.namesFor(first.agencyId, [first]),
    // Read here beside the rest, kept for the request (the loop below asks for it).
    Request.load(first.agencyId, first.requestId),
  ]);
  let task = first;
  // Re-read and retry only when another task of the same request moved at the same moment.
  for (let attempt = 0; attempt < 4; attempt++) {
    const seen = asClient ? presentForClient(task, viewer) : present(task, names, viewer);
    if (task.version !== expected) throw staleWrite("Task", seen);
    const status = nextTaskStatus(step.action, task.status, seen);
    const request = (await Request.load(task.agencyId, task.requestId))!;
    const extra = step.set?.(task) ?? {};
    const assigneeId = (extra.assigneeId as string | undefined) ?? task.assigneeId;
    const taskStatuses = { ...(request.taskStatuses as Record<string, TaskStatus>), [task.taskId]: status };
    const requestStatus = requestStatusFor(Object.values(taskStatuses));
    const event = step.audit(task, by);
    const stats = step.memberStats?.(task);
    // What the transaction writes is what the call answers with: no read back.
    let written: { task: TaskItem; request: RequestItem } | undefined;
    let after = () => Promise.resolve();
    const result = await db.transaction
      .write(({ task: tasks, ...tx }) => {
        const handOff = step.handOff?.(tx);
        if (handOff) after = handOff.after;
        const taskSet = { ...extra, status, state: openState(status), assigneeId, dueAt: task.dueAt };
        const taskAdd = { version: 1, ...(step.add ?? {}) };
        const taskCommit = tasks
          .patch({ agencyId: task.agencyId, taskId: task.taskId })
          .set(taskSet)
          .add(taskAdd)
          .where((attr, op) => op.eq(attr.version, expected))
          .commit();
        const requestSet = {
          taskStatuses,
          status: requestStatus,
          responseDueAt: request.responseDueAt,
          ...(requestStatus === "completed" && request.status !== "completed" ? { completedAt: new Date().toISOString() } : {}),
        };
        const requestCommit = RequestStore.changeItem(tx, request, requestSet);
        written = {
          task: applied(task, { set: taskSet, add: taskAdd, commit: taskCommit }),
          request: applied(request, { set: requestSet, add: { version: 1 }, commit: requestCommit }),
        };
        return [
        taskCommit,
        requestCommit,
        Audit.item(tx,
            Audit.event(event.action, "request", task.requestId, {
              taskId: task.taskId,
              taskTitle: task.title,
              reference: task.reference,
              by: by.name,
              from: task.status,
              to: status,
              ...event.data,
            }),
          ),
        ...(stats && Object.keys(stats).length && task.assigneeId !== UNASSIGNED
          ? [MemberStore.addStatsItem(tx, task.agencyId, task.assigneeId, stats)]
          : []),
        ...(step.files?.(tx, task) ?? []),
        ...(handOff?.items ?? []),
        ];
      })
      .go();
    const failed = failedConditions(result);
    if (!failed.length) {
      const saved = written!.task;
      if (requestStatus === "completed" && request.status !== "completed") await recordCompletion(request, by);
      await after();
      // Outgoing webhooks: recorded now, delivered after the response.
      const happened = taskEvents[step.action];
      if (happened) await recordEvent(task.agencyId, happened, { id: task.taskId, clientId: task.clientId });
      if (requestStatus === "completed" && request.status !== "completed") await recordEvent(task.agencyId, "request.completed", { id: request.requestId, clientId: request.clientId });
      return { saved, names, request: written!.request, viewer };
    }
    const current = await load(task.agencyId, task.taskId);
    if (!current) throw notFound("Task");
    task = current;
  }
  throw new VisibleError("conflict", "conflict", "This request is busy right now. Please try again.");
}

/** The webhook event each move is (a QA approval hands the task to the client: it is approved when the client approves it). */
const taskEvents: Partial<Record<TaskAction, EventType>> = {
  assign: "task.assigned",
  submit: "task.submitted",
  client_approve: "task.approved",
  qa_return: "task.returned",
  client_revision: "task.returned",
};

async function recordCompletion(request: RequestItem, by: PersonRef) {
  await Audit.record(Audit.event("request.completed", "request", request.requestId, { reference: request.reference, by: by.name }));
  // Ask the client how it went (never throws: a survey can't fail the approval). Imported here, on
  // the rare call that completes a request: the survey area stays out of the task routes' cold start.
  const { Surveys } = await import("../survey/index.ts");
  await Surveys.afterCompletion(request);
}

export const assignSchema = z.strictObject({ version, memberId: idOf("member", "Choose who does it.") });

/** Gives the task to a team member (or passes it on); they are emailed. */
export const assign = fn(assignSchema, async (input, taskId: string): Promise<TaskDetail> => {
  await assertMayAct(taskId, "assign");
  const agencyId = useAgencyId();
  const assignee = isId("member", input.memberId) ? await MemberStore.load(agencyId, input.memberId) : null;
  if (!assignee || assignee.status === "removed") {
    throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { memberId: "Choose a current team member." } });
  }
  const at = new Date().toISOString();
  const { saved, names, request } = await move(taskId, input.version, {
    action: "assign",
    set: (task) => {
      if (task.assigneeId === assignee.memberId) {
        throw new VisibleError("rule", "task.already_assigned", `${assignee.name} already has this task.`);
      }
      return {
        assigneeId: assignee.memberId,
        assignedAt: at,
        assignmentHistory: [...(task.assignmentHistory ?? []), { memberId: assignee.memberId, at, by: useActorId() }],
      };
    },
    audit: (task) => ({
      action: task.assigneeId === UNASSIGNED ? "task.assigned" : "task.reassigned",
      data: { assignee: assignee.name, previous: task.assigneeId === UNASSIGNED ? null : task.assigneeId },
    }),
  });
  await Notify.send(
    agencyId,
    "taskAssigned",
    [assignee],
    (person) => ({ reference: saved.reference, title: saved.title, due: Notify.when(saved.dueAt, person) }),
    Notify.links.webTask(saved.taskId),
  );
  await tellInbox(request, [{ type: "member", id: assignee.memberId }]);
  // An action answers what GET /tasks/:id answers, so a screen shows the result as it reads it.
  return get(saved.taskId);
});

function useActorId() {
  const actor = useActor();
  return actor.type === "member" ? actor.memberId : actor.type === "apikey" ? actor.apiKeyId : "system";
}

export const tickSchema = z.strictObject({ version, done: z.boolean({ error: "Say whether the step is done." }) });

/** Ticks (or unticks) one checklist step while the work is under way. */
export const tick = fn(tickSchema, async (input, taskId: string, itemId: string): Promise<TaskDetail> => {
  const { saved, names } = await move(taskId, input.version, {
    action: "tick",
    set: (task) => {
      const checklist = task.checklist ?? [];
      if (!checklist.some((entry) => entry.itemId === itemId)) throw notFound("Checklist step");
      const at = new Date().toISOString();
      return {
        checklist: checklist.map((entry) =>
          entry.itemId !== itemId
            ? entry
            : input.done
              ? { itemId: entry.itemId, text: entry.text, done: true, doneAt: at, doneBy: useActorId() }
              : { itemId: entry.itemId, text: entry.text, done: false },
        ),
      };
    },
    audit: (task) => ({
      action: input.done ? "task.step_done" : "task.step_undone",
      data: { step: task.checklist?.find((entry) => entry.itemId === itemId)?.text ?? itemId },
    }),
  });
  // An action answers what GET /tasks/:id answers, so a screen shows the result as it reads it.
  return get(saved.taskId);
});

const links = z
  .array(z.string().trim().max(500).regex(/^https?:\/\/\S+$/i, "Links start with https:// (or http://)."), { error: "Links are a list of web addresses." })
  .max(10, "Add at most 10 links.")
  .default([]);

export const submitSchema = z.strictObject({
  version,
  text: z.string({ error: "Describe the deliverable." }).trim().min(1, "Describe the deliverable.").max(10_000, "Keep it under 10,000 characters."),
  links,
  /** Files uploaded for this deliverable (place "deliverable"), attached as it is submitted. */
  fileIds: z.array(idOf("file", "That file id is not valid."), { error: "List the files by id." }).max(MAX_ATTACHMENTS, `Attach at most ${MAX_ATTACHMENTS} files.`).default([]),
});

/** Hands the deliverable to QA. Every checklist step must be done first; an earlier submission is kept as a version. */
export const submit = fn(submitSchema, async (input, taskId: string): Promise<TaskDetail> => {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  const files = await forAttach(actor.agencyId, input.fileIds, { place: "deliverable", targetId: taskId });
  const { saved, names, request } = await move(taskId, input.version, {
    action: "submit",
    set: (task) => {
      const open = (task.checklist ?? []).filter((entry) => !entry.done);
      if (open.length) {
        throw new VisibleError("rule", "task.checklist_open", `Finish the checklist first: ${open.length} step${open.length === 1 ? "" : "s"} left.`);
      }
      const previous = task.deliverable;
      const round = previous ? (previous.round ?? 1) + 1 : 1;
      return {
        // The files' ids ride on the task, so QA reads them by key with the rest (no query of the request's files).
        deliverable: { text: input.text, links: input.links, submittedAt: new Date().toISOString(), submittedBy: useActorId(), round, fileIds: files.map((f) => f.fileId) },
        ...(previous
          ? {
              deliverableHistory: [
                ...(task.deliverableHistory ?? []),
                {
                  round: previous.round ?? 1,
                  text: previous.text,
                  links: previous.links ?? [],
                  submittedAt: previous.submittedAt,
                  submittedBy: previous.submittedBy,
                  ...(previous.clientNote ? { clientNote: previous.clientNote } : {}),
                  ...(previous.fileIds ? { fileIds: previous.fileIds } : {}),
                },
              ],
            }
          : {}),
      };
    },
    audit: () => ({ action: "task.submitted", data: { files: files.length } }),
    files: (tx, task) => {
      const round = task.deliverable ? (task.deliverable.round ?? 1) + 1 : 1;
      return files.map((f) => attachItem(tx, f, { parentId: task.requestId, requestId: task.requestId, attachedTo: task.taskId, round, visibleToClient: false }));
    },
  });
  // Handed to QA: the submitter's timer on this task stops (issue 17, part 5).
  if (actor.type === "member") await stopTimerOnTask(actor.agencyId, actor.memberId, taskId);
  const reviewers = (await People.team(saved.agencyId)).values();
  const qa = [...reviewers].filter((m) => m.status !== "removed" && (m.role === "owner" || m.reviewer) && m.memberId !== saved.assigneeId);
  const by = names.team.get(saved.assigneeId)?.name ?? "";
  await Notify.send(saved.agencyId, "readyForQa", qa, { reference: saved.reference, title: saved.title, name: by }, Notify.links.webTask(saved.taskId));
  await tellInbox(request, qa.map((m) => ({ type: "member", id: m.memberId })));
  // An action answers what GET /tasks/:id answers, so a screen shows the result as it reads it.
  return get(saved.taskId);
});

/** An unread mark on the task's request for the people a hand-off concerns. */
/** Tells the people an update happened on the request (as the transition left it). */
async function tellInbox(request: RequestItem, people: Recipient[]) {
  await Inbox.record(Request.aboutOf(request), people, { kind: "update", at: new Date().toISOString() });
}

export const reviewSchema = z.strictObject({
  version,
  decision: z.enum(["approve", "return"], { error: "Approve it or return it." }),
  rubric: z.number({ error: "Score it from 1 to 5." }).int("Score it from 1 to 5.").min(1, "Score it from 1 to 5.").max(5, "Score it from 1 to 5."),
  notes: z.string().trim().max(5000, "Keep the notes under 5,000 characters.").optional(),
  /** On approval: the deliverable's note as the client will read it (QA may edit it; left out, the text as submitted). */
  clientNote: z.string({ error: "Write the note to the client." }).trim().min(1, "Write the note to the client, or leave it as submitted.").max(10_000, "Keep it under 10,000 characters.").optional(),
});

/** At most this many unread marks and emails ride in a review's transaction (DynamoDB takes 100 items); more are written after it. */
const HAND_OFF_IN_TRANSACTION = 40;

/** QA: approve (→ the client reviews it) or return with the changes required (→ the assignee). */
export const review = fn(reviewSchema, async (input, taskId: string): Promise<TaskDetail> => {
  if (input.decision === "return" && !input.notes) {
    throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { notes: "Say what needs to change." } });
  }
  const approving = input.decision === "approve";
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  const agencyId = actor.agencyId;
  // Two reading steps: the task (the route's check read it already), then at once all that the
  // review and its answer need. The single items among them (the request, the members the task
  // names, the SOP version, the agency for the notices' brand) come in one BatchGetItem.
  const current = await load(agencyId, taskId);
  if (!current) throw notFound("Task");
  const [team, request, client, files, sop] = await Promise.all([
    People.members(agencyId, [...memberIdsOf(current), useActorId()]),
    Request.load(agencyId, current.requestId),
    // The client (its name and zone); whom of its people to email is read after the commit (Notices).
    ClientStore.load(agencyId, current.clientId),
    deliverableFiles(current),
    sopOf(current),
    Identity.agency(agencyId),
  ]);
  // The files of the submission under review: the client sees them once it is approved.
  const round = current.deliverable?.round ?? 1;
  const publish = approving && current.deliverable ? deliverablesOf(files, current, round) : [];
  const names: Names = { team, clients: new Map([[current.clientId, client?.name ?? ""]]) };
  // Who hears of it: the client side of an approval, the assignee of a return; their unread
  // marks and emails are written with the review (no writes after it) unless there are many.
  // The client's contacts are read only for a request nobody of the client has written in.
  const people: Recipient[] = approving ? await clientSideOf(request!) : [{ type: "member", id: current.assigneeId }];
  const approval = { reference: current.reference, title: current.title };
  const notices = approving
    ? []
    : await Notify.prepare(agencyId, "taskReturned", [current.assigneeId.startsWith("mem_") ? team.get(current.assigneeId) : null], { reference: current.reference, title: current.title, notes: input.notes ?? "" }, Notify.links.webTask(current.taskId));
  const inTransaction = request !== null && people.length + notices.length <= HAND_OFF_IN_TRANSACTION;
  const at = new Date().toISOString();
  let published = new Set<string>();
  const { saved, request: written, viewer } = await move(taskId, input.version, {
    action: approving ? "qa_approve" : "qa_return",
    names,
    set: (task) => ({
      review: { decision: input.decision, rubric: input.rubric, ...(input.notes ? { notes: input.notes } : {}), at: new Date().toISOString(), by: useActorId() },
      ...(approving && input.clientNote && task.deliverable ? { deliverable: { ...task.deliverable, clientNote: input.clientNote } } : {}),
    }),
    files: (tx, task) => {
      const shown = approving && task.deliverable && (task.deliverable.round ?? 1) === round ? publish : [];
      published = new Set(shown.map((f) => f.fileId));
      return shown.map((f) => publishItem(tx, f));
    },
    add: approving ? {} : { revisionCount: 1, qaReturns: 1 },
    audit: () => ({ action: approving ? "task.qa_approved" : "task.qa_returned", data: { rubric: input.rubric, notes: input.notes ?? null } }),
    memberStats: (task) =>
      approving ? { qaApproved: 1, qaFirstPass: (task.qaReturns ?? 0) === 0 ? 1 : 0 } : { qaReturns: 1 },
    ...(inTransaction
      ? {
          handOff: (tx: Pick<TransactionEntities, "unread" | "outboxEmail" | "outboxNotice">) => {
            const outbox = approving
              ? Notices.toClientIn(tx, agencyId, current.clientId, "readyForApproval", approval, Notify.links.portalRequest(current.requestId))
              : Notify.queueIn(tx, notices);
            return { items: [...Inbox.updateItems(tx, Request.aboutOf(request!), people, at), ...outbox.items] as Array<ReturnType<typeof attachItem>>, after: outbox.after };
          },
        }
      : {}),
  });
  if (!inTransaction) {
    const emails = approving ? Notify.send(agencyId, "readyForApproval", await ContactStore.ofClient(agencyId, current.clientId), approval, Notify.links.portalRequest(current.requestId)) : Notify.sendPrepared(notices);
    await Promise.all([emails, tellInbox(written, people)]);
  }
  // An action answers what GET /tasks/:id answers, built from what was read and written (no read back).
  const filesNow = files.map((file) => (published.has(file.fileId) ? { ...file, visibleToClient: true, version: file.version + 1 } : file));
  return detailOf(saved, { team, request: written, client, sop, files: filesNow }, viewer);
});

export const clientApproveSchema = z.strictObject({ version });
export const clientRevisionSchema = z.strictObject({
  version,
  comment: z.string({ error: "Say what should change." }).trim().min(1, "Say what should change.").max(5000, "Keep it under 5,000 characters."),
});

/** The client approves a deliverable; who and when are recorded. */
export const clientApprove = fn(clientApproveSchema, async (input, taskId: string): Promise<ClientTask> => {
  const by = await People.current();
  const { saved, request } = await move(taskId, input.version, {
    action: "client_approve",
    set: () => ({ clientDecision: { decision: "approve" as const, at: new Date().toISOString(), by } }),
    audit: () => ({ action: "task.client_approved" }),
  });
  await Notify.send(
    saved.agencyId,
    "approved",
    [...(await Notify.owners(saved.agencyId)), await Notify.member(saved.agencyId, saved.assigneeId)],
    { reference: saved.reference, title: saved.title, name: by.name },
    Notify.links.webTask(saved.taskId),
  );
  await tellInbox(request, await teamToTell(saved));
  return presentForClient(saved, await useViewer());
});

/** The client asks for changes: the task goes back to its assignee with the comment. */
export const clientRevision = fn(clientRevisionSchema, async (input, taskId: string): Promise<ClientTask> => {
  const by = await People.current();
  const { saved, request } = await move(taskId, input.version, {
    action: "client_revision",
    set: () => ({ clientDecision: { decision: "revision" as const, comment: input.comment, at: new Date().toISOString(), by } }),
    add: { revisionCount: 1 },
    audit: () => ({ action: "task.client_revision", data: { comment: input.comment } }),
  });
  await Notify.send(
    saved.agencyId,
    "revisionRequested",
    [...(await Notify.owners(saved.agencyId)), await Notify.member(saved.agencyId, saved.assigneeId)],
    { reference: saved.reference, title: saved.title, name: by.name, comment: input.comment },
    Notify.links.webTask(saved.taskId),
  );
  await tellInbox(request, await teamToTell(saved));
  return presentForClient(saved, await useViewer());
});

/** The owners and the task's assignee: whom a client's decision concerns. */
async function teamToTell(task: TaskItem): Promise<Recipient[]> {
  const owners = await Notify.owners(task.agencyId);
  return [...owners.map((m) => m.memberId), ...(task.assigneeId !== UNASSIGNED ? [task.assigneeId] : [])].map((id) => ({ type: "member" as const, id }));
}

/** A task the actor may open on its page (the same rule as `get`), or "not found": what search shows. */
export async function openable(taskId: string): Promise<TaskItem> {
  const { task, parties } = await visibleTask(taskId);
  if (parties.has("client") && parties.size === 1) throw notFound("Task");
  return task;
}
