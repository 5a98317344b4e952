import type { WorkTask } from "@baton/ui/types";

// Which of a subcontractor's open tasks their home puts first: work QA sent back (it waits on
// them and holds up the client), then work already under way, then what is still to start;
// soonest due first within each. Tasks waiting on someone else (in QA, with the client) are not next.
const ORDER: Partial<Record<WorkTask["status"], number>> = { returned: 0, in_progress: 1, todo: 2 };

export function nextTask(tasks: readonly WorkTask[]): WorkTask | undefined {
  return tasks
    .filter((task) => ORDER[task.status] !== undefined)
    .sort((a, b) => ORDER[a.status]! - ORDER[b.status]! || a.dueAt.localeCompare(b.dueAt))[0];
}

/** The tasks QA returned to them, soonest due first. */
export const returnedTasks = (tasks: readonly WorkTask[]) => tasks.filter((task) => task.status === "returned").sort((a, b) => a.dueAt.localeCompare(b.dueAt));

/** The share of the week's capacity used, 0–100 (more than the capacity shows full). */
export const capacityShare = (minutes: number, capacityHours: number | undefined) =>
  capacityHours ? Math.min(100, Math.round((minutes / (capacityHours * 60)) * 100)) : 0;
