import type { Viewer } from "../actor/viewer.ts";
import { taskSteps, TaskStatuses, type Party, type TaskAction, type TaskStatus } from "../workflow/index.ts";
import { UNASSIGNED, type TaskItem } from "./entity.ts";

// Who may do what to a task, in one place. The workflow table says from which statuses a step
// is taken and by whom (`by`); this reads it against who the viewer is to the task. The same
// answer tells a mutation whether it may go ahead and tells the apps which buttons to show.

/** Everything one can do to a task: the workflow's steps, and logging time on it. */
export const TaskActions = ["assign", "tick", "submit", "qa_approve", "qa_return", "client_approve", "client_revision", "log_time"] as const;
export type TaskActionName = (typeof TaskActions)[number];

type Rule = { from: readonly TaskStatus[]; by: readonly Party[] };

const rules: Readonly<Record<TaskActionName, Rule>> = {
  ...(taskSteps as Readonly<Record<TaskAction, Rule>>),
  // Time is logged by whoever does or runs the work, whatever its status (late entries too).
  log_time: { from: TaskStatuses, by: ["owner", "assignee"] },
};

/**
 * Who the viewer is to the task: the owner (or their API key), its assignee, a QA reviewer (never
 * of their own work) or its client's contact. No party at all means the task is not theirs to see.
 */
export function partiesOf(viewer: Viewer, task: Pick<TaskItem, "assigneeId" | "clientId">): Set<Party> {
  const parties = new Set<Party>();
  const assignee = viewer.memberId !== null && task.assigneeId !== UNASSIGNED && task.assigneeId === viewer.memberId;
  if (viewer.owner) parties.add("owner");
  if (assignee) parties.add("assignee");
  if (viewer.reviewer && !assignee) parties.add("reviewer");
  if (viewer.clientId !== null && task.clientId === viewer.clientId) parties.add("client");
  return parties;
}

/** The viewer sees the task (on the team's side: a client sees it only through their request). */
export const sees = (viewer: Viewer, task: Pick<TaskItem, "assigneeId" | "clientId">) => partiesOf(viewer, task).size > 0;

/** Why `action` is refused to the viewer now: not one of theirs ("party", 403), or not in this status ("state", 409); null when they may. */
export function refusal(viewer: Viewer, task: Pick<TaskItem, "assigneeId" | "clientId" | "status">, action: TaskActionName): "party" | "state" | null {
  const rule = rules[action];
  const parties = partiesOf(viewer, task);
  if (!viewer.writes || !rule.by.some((party) => parties.has(party))) return "party";
  if (!rule.from.includes(task.status)) return "state";
  return null;
}

/** What the viewer may do to the task now, in the order of TaskActions. */
export function can(viewer: Viewer, task: Pick<TaskItem, "assigneeId" | "clientId" | "status">): TaskActionName[] {
  return TaskActions.filter((action) => refusal(viewer, task, action) === null);
}
