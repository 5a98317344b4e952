import { UnreadDot, useUnread } from "@baton/ui/Unread";
import { formatDateTime, formatNumber, t } from "@baton/ui/i18n";
import type { WorkTask } from "@baton/ui/types";
import { A } from "@solidjs/router";
import { For, Show, type JSX } from "solid-js";
import { now } from "../lib/time";
import { TaskStatusBadge } from "./badges";
import { DueDate } from "./Due";

/** Steps done of all, e.g. "2/5". */
export function ChecklistProgress(props: { task: WorkTask }) {
  const done = () => props.task.checklist.filter((item) => item.done).length;
  return (
    <Show when={props.task.checklist.length} fallback={<span class="muted">—</span>}>
      {/* aria-label isn't read on a plain span (and everything inside is hidden): hidden text says it instead. */}
      <span class="progress-inline">
        <progress max={props.task.checklist.length} value={done()} aria-hidden="true" />
        <span aria-hidden="true">
          {formatNumber(done())}/{formatNumber(props.task.checklist.length)}
        </span>
        <span class="sr-only">{t("tasks.stepsDone", { done: done(), count: props.task.checklist.length })}</span>
      </span>
    </Show>
  );
}

export type TaskColumn = "due" | "task" | "client" | "assignee" | "status" | "checklist" | "submitted";

const heading: Record<TaskColumn, () => string> = {
  due: () => t("work.dueAt"),
  task: () => t("work.task"),
  client: () => t("work.client"),
  assignee: () => t("work.assignee"),
  status: () => t("field.status"),
  checklist: () => t("tasks.checklist"),
  submitted: () => t("qa.submittedAt"),
};

function Cell(props: { column: TaskColumn; task: WorkTask }) {
  const task = () => props.task;
  // Threads are per request: a task is unread when its request has new messages or changes.
  const unread = useUnread();
  const cells: Record<TaskColumn, () => JSX.Element> = {
    due: () => <DueDate at={task().dueAt} />,
    task: () => (
      <>
        <A href={`/tasks/${encodeURIComponent(task().id)}`} class="cell-title">
          {task().title}
        </A>
        <Show when={unread.has(task().requestId)}>
          {" "}
          <UnreadDot label={t("unread.markNamed")} />
        </Show>
        <div class="cell-sub">
          <code>{task().reference}</code>
          <Show when={task().qaReturns > 0}> · {t("qa.returnsCount", { count: task().qaReturns })}</Show>
        </div>
      </>
    ),
    client: () => <span>{task().client.name || "—"}</span>,
    assignee: () => task().assignee?.name ?? <span class="muted">{t("work.unassigned")}</span>,
    status: () => <TaskStatusBadge status={task().status} />,
    checklist: () => <ChecklistProgress task={task()} />,
    submitted: () => (task().deliverable ? formatDateTime(task().deliverable!.submittedAt) : "—"),
  };
  return <td data-label={heading[props.column]()}>{cells[props.column]()}</td>;
}

/**
 * Tasks as a table (stacked into cards on narrow screens): each row links to the task, overdue
 * rows are marked, and `highlight` marks rows waiting on the viewer.
 */
export function TaskTable(props: { caption: string; tasks: WorkTask[]; columns: TaskColumn[]; highlight?: (task: WorkTask) => boolean }) {
  return (
    <div class="table-wrap">
      <table class="table table-stack">
        <caption class="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <For each={props.columns}>{(column) => <th scope="col">{heading[column]()}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.tasks}>
            {(task) => (
              <tr
                data-testid="task-row"
                data-reference={task.reference}
                classList={{
                  "row-overdue": task.status !== "done" && Date.parse(task.dueAt) < now().getTime(),
                  "row-action": props.highlight?.(task) ?? false,
                }}
              >
                <For each={props.columns}>{(column) => <Cell column={column} task={task} />}</For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
