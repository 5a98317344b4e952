import type { MemberItem } from "../member/entity.ts";
import { quadrant, type TaskStatus } from "../workflow/index.ts";
import { UNASSIGNED, type TaskItem } from "./entity.ts";
import { readerLocale, text } from "../i18n/index.ts";
import type { Viewer } from "../actor/viewer.ts";
import { can, type TaskActionName } from "./policy.ts";

// What each side sees of a task. The team sees everything but money; a client sees the
// deliverable only once QA has passed it, and nothing about who did it or how long it took.

/** Someone named on a task: a team member (or an API key), by id and the name people read. */
export type Named = { id: string; name: string };

export type ChecklistItem = { id: string; text: string; done: boolean; doneAt: string | null; doneBy: Named | null };

/** What turns the ids stored on tasks into names: the team, and the clients' names by id. */
export type Names = { team: ReadonlyMap<string, MemberItem>; clients: ReadonlyMap<string, string> };

export type Task = {
  id: string;
  reference: string;
  requestId: string;
  client: Named;
  title: string;
  description: string;
  estimateMinutes: number;
  dueAt: string;
  urgent: boolean;
  important: boolean;
  quadrant: ReturnType<typeof quadrant>;
  skills: string[];
  sop: { id: string; version: number; title: string } | null;
  checklist: ChecklistItem[];
  status: TaskStatus;
  assignee: { id: string; name: string; timeZone: string } | null;
  assignedAt: string | null;
  assignmentHistory: { memberId: string; name: string; at: string; by: Named }[];
  revisionCount: number;
  qaReturns: number;
  deliverable: { text: string; links: string[]; submittedAt: string; submittedBy: Named; round: number; clientNote: string | null } | null;
  /** Earlier submissions, oldest first. */
  deliverableHistory: { round: number; text: string; links: string[]; submittedAt: string; submittedBy: Named; clientNote: string | null }[];
  review: { decision: "approve" | "return"; rubric: number; notes: string | null; at: string; by: Named } | null;
  clientDecision: { decision: "approve" | "revision"; comment: string | null; at: string; by: { id: string; name: string } } | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** What the viewer may do to the task now (task/policy.ts): the apps show buttons from it. */
  can: TaskActionName[];
};

export type ClientTask = {
  id: string;
  reference: string;
  title: string;
  status: TaskStatus;
  dueAt: string;
  /** The note QA let through (edited or as submitted), once QA approved it. */
  deliverable: { text: string; links: string[]; submittedAt: string; round: number } | null;
  clientDecision: Task["clientDecision"];
  version: number;
  /** What the client may do now: approve it or ask for a revision while it waits for them. */
  can: TaskActionName[];
};

/** Every member id a task names (what `present` turns into names). */
export function memberIdsOf(item: TaskItem): string[] {
  return [
    item.assigneeId,
    ...(item.assignmentHistory ?? []).flatMap((entry) => [entry.memberId, entry.by]),
    ...(item.checklist ?? []).map((entry) => entry.doneBy ?? ""),
    item.deliverable?.submittedBy ?? "",
    ...(item.deliverableHistory ?? []).map((entry) => entry.submittedBy),
    item.review?.by ?? "",
  ].filter((id) => id.startsWith("mem_"));
}

/** A stored id as people read it: a member's name, the API integration, or "Former member". */
function named(id: string, team: Names["team"]): Named {
  if (id.startsWith("key_")) return { id, name: text(readerLocale(), "people.apiIntegration") };
  return { id, name: team.get(id)?.name ?? text(readerLocale(), "people.formerMember") };
}

export function present(item: TaskItem, { team, clients }: Names, viewer: Viewer): Task {
  const assignee = item.assigneeId !== UNASSIGNED ? team.get(item.assigneeId) : undefined;
  return {
    id: item.taskId,
    reference: item.reference,
    requestId: item.requestId,
    client: { id: item.clientId, name: clients.get(item.clientId) ?? "" },
    title: item.title,
    description: item.description ?? "",
    estimateMinutes: item.estimateMinutes,
    dueAt: item.dueAt,
    urgent: item.urgent,
    important: item.important,
    quadrant: quadrant(item),
    skills: item.skills ?? [],
    sop: item.sopId && item.sopVersion ? { id: item.sopId, version: item.sopVersion, title: item.sopTitle ?? "" } : null,
    checklist: (item.checklist ?? []).map((entry) => ({
      id: entry.itemId,
      text: entry.text,
      done: entry.done,
      doneAt: entry.doneAt ?? null,
      doneBy: entry.doneBy ? named(entry.doneBy, team) : null,
    })),
    status: item.status,
    assignee: item.assigneeId === UNASSIGNED ? null : { id: item.assigneeId, name: assignee?.name ?? text(readerLocale(), "people.formerMember"), timeZone: assignee?.timeZone ?? "UTC" },
    assignedAt: item.assignedAt ?? null,
    assignmentHistory: (item.assignmentHistory ?? []).map((entry) => ({
      memberId: entry.memberId,
      name: named(entry.memberId, team).name,
      at: entry.at,
      by: named(entry.by, team),
    })),
    revisionCount: item.revisionCount ?? 0,
    qaReturns: item.qaReturns ?? 0,
    deliverable: item.deliverable
      ? {
          text: item.deliverable.text,
          links: item.deliverable.links ?? [],
          submittedAt: item.deliverable.submittedAt,
          submittedBy: named(item.deliverable.submittedBy, team),
          round: item.deliverable.round ?? 1,
          clientNote: item.deliverable.clientNote ?? null,
        }
      : null,
    deliverableHistory: (item.deliverableHistory ?? []).map((entry) => ({
      round: entry.round,
      text: entry.text,
      links: entry.links ?? [],
      submittedAt: entry.submittedAt,
      submittedBy: named(entry.submittedBy, team),
      clientNote: entry.clientNote ?? null,
    })),
    review: item.review
      ? { decision: item.review.decision, rubric: item.review.rubric, notes: item.review.notes ?? null, at: item.review.at, by: named(item.review.by, team) }
      : null,
    clientDecision: clientDecision(item),
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
    can: can(viewer, item),
  };
}

function clientDecision(item: TaskItem): Task["clientDecision"] {
  const decision = item.clientDecision;
  if (!decision) return null;
  return {
    decision: decision.decision,
    comment: decision.comment ?? null,
    at: decision.at,
    by: { id: decision.by?.id ?? "", name: decision.by?.name ?? "" },
  };
}

const visibleToClient: readonly TaskStatus[] = ["client_review", "done"];

export function presentForClient(item: TaskItem, viewer: Viewer): ClientTask {
  const shown = visibleToClient.includes(item.status) && item.deliverable;
  return {
    id: item.taskId,
    reference: item.reference,
    title: item.title,
    status: item.status,
    dueAt: item.dueAt,
    deliverable: shown
      ? {
          text: item.deliverable!.clientNote ?? item.deliverable!.text,
          links: item.deliverable!.links ?? [],
          submittedAt: item.deliverable!.submittedAt,
          round: item.deliverable!.round ?? 1,
        }
      : null,
    clientDecision: clientDecision(item),
    version: item.version,
    can: can(viewer, item),
  };
}
