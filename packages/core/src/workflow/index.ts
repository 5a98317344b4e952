import { VisibleError } from "../error/index.ts";

// The pipeline's state machine, as data. Requests and tasks move only along these edges;
// the domain functions look a move up here before writing it (conditionally, on `version`).

export * as Workflow from "./index.ts";

export const RequestStatuses = ["submitted", "declined", "in_progress", "awaiting_approval", "completed"] as const;
export type RequestStatus = (typeof RequestStatuses)[number];

export const TaskStatuses = ["todo", "in_progress", "in_qa", "returned", "client_review", "done"] as const;
export type TaskStatus = (typeof TaskStatuses)[number];

/** Who may take a step: the owner (or a QA reviewer), the task's assignee, or the client's contact. */
export type Party = "owner" | "reviewer" | "assignee" | "client";

export type TaskAction = "assign" | "tick" | "submit" | "qa_approve" | "qa_return" | "client_approve" | "client_revision";

type Step = { from: readonly TaskStatus[]; to: TaskStatus | "same"; by: readonly Party[] };

export const taskSteps: Readonly<Record<TaskAction, Step>> = {
  // Assigning starts the work; reassigning keeps the status (and the history, in the audit log).
  assign: { from: ["todo", "in_progress", "returned"], to: "same", by: ["owner"] },
  tick: { from: ["in_progress", "returned"], to: "same", by: ["assignee", "owner"] },
  submit: { from: ["in_progress", "returned"], to: "in_qa", by: ["assignee"] },
  qa_approve: { from: ["in_qa"], to: "client_review", by: ["owner", "reviewer"] },
  qa_return: { from: ["in_qa"], to: "returned", by: ["owner", "reviewer"] },
  client_approve: { from: ["client_review"], to: "done", by: ["client"] },
  client_revision: { from: ["client_review"], to: "returned", by: ["client"] },
};

/** Where `action` takes a task in `status`; a 409 naming the current state if it can't. */
export function nextTaskStatus(action: TaskAction, status: TaskStatus, current?: unknown): TaskStatus {
  const step = taskSteps[action];
  if (!step.from.includes(status)) {
    throw new VisibleError("conflict", "task.invalid_transition", `This task is ${label(status)}, so it can't be ${pastTense[action]} now.`, {
      current,
    });
  }
  if (action === "assign") return status === "todo" ? "in_progress" : status;
  return step.to === "same" ? status : step.to;
}

/** Open work still needs someone; closed work is done. Indexes keep the two apart. */
export const openState = (status: TaskStatus): "open" | "closed" => (status === "done" ? "closed" : "open");

export const OpenTaskStatuses = TaskStatuses.filter((status) => status !== "done");

/**
 * A request's status follows its tasks once accepted: completed when every task is done,
 * awaiting the client's approval while any deliverable waits for it, otherwise in progress.
 */
export function requestStatusFor(taskStatuses: readonly TaskStatus[]): RequestStatus {
  if (taskStatuses.length === 0) return "in_progress";
  if (taskStatuses.every((status) => status === "done")) return "completed";
  if (taskStatuses.some((status) => status === "client_review")) return "awaiting_approval";
  return "in_progress";
}

export function assertRequestStatus(status: RequestStatus, allowed: readonly RequestStatus[], doing: string, current?: unknown) {
  if (!allowed.includes(status)) {
    throw new VisibleError("conflict", "request.invalid_transition", `This request is ${label(status)}, so it can't be ${doing} now.`, {
      current,
    });
  }
}

const label = (status: string) => status.replaceAll("_", " ");

const pastTense: Record<TaskAction, string> = {
  assign: "assigned",
  tick: "changed",
  submit: "submitted for QA",
  qa_approve: "approved in QA",
  qa_return: "returned from QA",
  client_approve: "approved",
  client_revision: "sent back for revision",
};

/** The Eisenhower quadrant of a task, from its two flags. */
export function quadrant(task: { urgent: boolean; important: boolean }): "do" | "schedule" | "delegate" | "eliminate" {
  if (task.urgent && task.important) return "do";
  if (task.important) return "schedule";
  if (task.urgent) return "delegate";
  return "eliminate";
}
