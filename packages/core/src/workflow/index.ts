import { taskMove, type RequestStatus, type TaskAction, type TaskStatus } from "@baton/kernel/workflow";
import { VisibleError } from "../error/index.ts";

// The pipeline's state machine: the table is the kernel's (@baton/kernel/workflow), shared with
// the apps; here a move the table refuses becomes the 409 the API answers.

export * as Workflow from "./index.ts";

export {
  OpenTaskStatuses,
  openState,
  quadrant,
  RequestStatuses,
  requestStatusFor,
  TaskStatuses,
  taskSteps,
  type Party,
  type RequestStatus,
  type TaskAction,
  type TaskStatus,
} from "@baton/kernel/workflow";

/** Where `action` takes a task in `status`; a 409 naming the current state if it can't. */
export function nextTaskStatus(action: TaskAction, status: TaskStatus, current?: unknown): TaskStatus {
  const next = taskMove(action, status);
  if (next === undefined) {
    throw new VisibleError("conflict", "task.invalid_transition", `This task is ${label(status)}, so it can't be ${pastTense[action]} now.`, {
      current,
    });
  }
  return next;
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
