import { TaskStatuses } from "@baton/kernel/workflow";
import { Badge, type Tone } from "@baton/ui/Badge";
import { t } from "@baton/ui/i18n";
import type { Priority, RequestStatus, TaskStatus, WorkTask } from "@baton/ui/types";

const taskTone: Record<TaskStatus, Tone> = {
  todo: "neutral",
  in_progress: "info",
  in_qa: "warning",
  returned: "danger",
  client_review: "info",
  done: "success",
};
const requestTone: Record<RequestStatus, Tone> = {
  submitted: "warning",
  declined: "neutral",
  in_progress: "info",
  awaiting_approval: "info",
  completed: "success",
};
const priorityTone: Record<Priority, Tone> = { low: "neutral", normal: "neutral", high: "warning", urgent: "danger" };
const quadrantTone: Record<WorkTask["quadrant"], Tone> = { do: "danger", schedule: "info", delegate: "warning", eliminate: "neutral" };

export function TaskStatusBadge(props: { status: TaskStatus }) {
  return <Badge tone={taskTone[props.status]}>{t(`taskStatus.${props.status}`)}</Badge>;
}

export function RequestStatusBadge(props: { status: RequestStatus }) {
  return <Badge tone={requestTone[props.status]}>{t(`requestStatus.${props.status}`)}</Badge>;
}

export function PriorityBadge(props: { priority: Priority }) {
  return <Badge tone={priorityTone[props.priority]}>{t(`priority.${props.priority}`)}</Badge>;
}

/** The Eisenhower quadrant, e.g. "Do first". */
export function QuadrantBadge(props: { quadrant: WorkTask["quadrant"] }) {
  return <Badge tone={quadrantTone[props.quadrant]}>{t(`quadrant.${props.quadrant}`)}</Badge>;
}

/** The quadrant of two flags, as the API computes it. */
export function quadrantOf(flags: { urgent: boolean; important: boolean }): WorkTask["quadrant"] {
  if (flags.urgent && flags.important) return "do";
  if (flags.important) return "schedule";
  if (flags.urgent) return "delegate";
  return "eliminate";
}

/** In the pipeline's order (the kernel's workflow table). */
export const taskStatuses = TaskStatuses;
export const requestStatuses = ["submitted", "in_progress", "awaiting_approval", "completed", "declined"] as const satisfies readonly RequestStatus[];
