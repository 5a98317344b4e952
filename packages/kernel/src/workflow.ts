// The pipeline's state machine, as data: which statuses there are, which step moves a task from
// which statuses to which, and who may take it. The domain looks a move up here before writing it
// (and turns a refused one into a 409); the apps read the same table.

export const RequestStatuses = ["submitted", "declined", "in_progress", "awaiting_approval", "completed"] as const;
export type RequestStatus = (typeof RequestStatuses)[number];

export const TaskStatuses = ["todo", "in_progress", "in_qa", "returned", "client_review", "done"] as const;
export type TaskStatus = (typeof TaskStatuses)[number];

/** Who may take a step: the owner (or a QA reviewer), the task's assignee, or the client's contact. */
export type Party = "owner" | "reviewer" | "assignee" | "client";

export type TaskAction = "assign" | "tick" | "submit" | "qa_approve" | "qa_return" | "client_approve" | "client_revision";

export type Step = { from: readonly TaskStatus[]; to: TaskStatus | "same"; by: readonly Party[] };

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

/** Where `action` takes a task in `status`; undefined if the table has no such move. */
export function taskMove(action: TaskAction, status: TaskStatus): TaskStatus | undefined {
  const step = taskSteps[action];
  if (!step.from.includes(status)) return undefined;
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

/** The Eisenhower quadrant of a task, from its two flags. */
export function quadrant(task: { urgent: boolean; important: boolean }): "do" | "schedule" | "delegate" | "eliminate" {
  if (task.urgent && task.important) return "do";
  if (task.important) return "schedule";
  if (task.urgent) return "delegate";
  return "eliminate";
}
