import { Badge, type Tone } from "@baton/ui/Badge";
import { formatDate, t } from "@baton/ui/i18n";
import type { ClientTask, Priority, RequestStatus } from "@baton/ui/types";

// Pieces the request pages share: status badges, the priority list, dates.

export const requestStatuses = ["submitted", "in_progress", "awaiting_approval", "completed", "declined"] as const satisfies readonly RequestStatus[];
type MissingStatus = Exclude<RequestStatus, (typeof requestStatuses)[number]>;
const everyStatusListed: [MissingStatus] extends [never] ? true : MissingStatus = true;
void everyStatusListed;

const requestTone: Record<RequestStatus, Tone> = {
  submitted: "info",
  in_progress: "info",
  awaiting_approval: "warning",
  completed: "success",
  declined: "neutral",
};

export function RequestStatusBadge(props: { status: RequestStatus }) {
  return <Badge tone={requestTone[props.status]}>{t(`portal.requestStatus.${props.status}`)}</Badge>;
}

type TaskStatus = ClientTask["status"];
const taskTone: Record<TaskStatus, Tone> = {
  todo: "neutral",
  in_progress: "info",
  in_qa: "info",
  returned: "info",
  client_review: "warning",
  done: "success",
};

export function TaskStatusBadge(props: { status: TaskStatus }) {
  return <Badge tone={taskTone[props.status]}>{t(`portal.taskStatus.${props.status}`)}</Badge>;
}

export const priorities = ["low", "normal", "high", "urgent"] as const satisfies readonly Priority[];
export const priorityOptions = () => priorities.map((value) => ({ value, label: t(`portal.priority.${value}`) }));

/** A calendar date ("2026-12-15") as the viewer writes dates; it has no time zone to convert. */
export const formatCalendarDate = (date: string) => formatDate(`${date}T12:00:00Z`, "UTC");
