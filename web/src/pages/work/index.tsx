import { Boundary } from "@baton/ui/Boundary";
import { buttonClass } from "@baton/ui/Button";
import { EmptyState } from "@baton/ui/EmptyState";
import { formatNumber, t, timeZoneLabel } from "@baton/ui/i18n";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import type { WorkTask } from "@baton/ui/types";
import { A, createAsync, revalidate } from "@solidjs/router";
import { For, Show } from "solid-js";
import { TaskStatusBadge } from "../../components/badges";
import { TaskClientName } from "../../components/ClientName";
import { DueDate } from "../../components/Due";
import { now } from "../../lib/time";
import { expireOnLeave } from "../../lib/work";
import { getMine } from "../tasks/data";

/** Steps done of all, e.g. "2/5". */
export function ChecklistProgress(props: { task: WorkTask }) {
  const done = () => props.task.checklist.filter((item) => item.done).length;
  return (
    <Show when={props.task.checklist.length} fallback={<span class="muted">—</span>}>
      <span class="progress-inline" aria-label={t("tasks.stepsDone", { done: done(), count: props.task.checklist.length })}>
        <progress max={props.task.checklist.length} value={done()} aria-hidden="true" />
        <span aria-hidden="true">
          {formatNumber(done())}/{formatNumber(props.task.checklist.length)}
        </span>
      </span>
    </Show>
  );
}

/** A member's open tasks, soonest due first, in their own time zone: the home of a subcontractor. */
export default function MyWork() {
  const { me } = useSession();
  const mine = createAsync(() => getMine());
  expireOnLeave(() => getMine.key);
  const needsAction = (task: WorkTask) => task.status === "in_progress" || task.status === "returned";
  const overdue = () => (mine()?.items ?? []).filter((task) => Date.parse(task.dueAt) < now().getTime()).length;

  return (
    <section class="page">
      <Title>{t("work.title")}</Title>
      <PageHeader title={t("work.title")} intro={t("work.intro", { zone: timeZoneLabel(me().timeZone) })} />
      <Boundary onRetry={() => revalidate(getMine.key)}>
        <Show
          when={mine()?.items.length}
          fallback={
            <EmptyState
              title={t("work.emptyTitle")}
              action={
                <A href="/sops" class={buttonClass("secondary")}>
                  {t("work.browseSops")}
                </A>
              }
            >
              {t("work.emptyBody")}
            </EmptyState>
          }
        >
          <p class="summary-line">
            {t("work.summary", { count: mine()!.items.length })}
            <Show when={overdue()}> · <span class="text-danger">{t("work.summaryOverdue", { count: overdue() })}</span></Show>
          </p>
          <div class="table-wrap">
            <table class="table table-stack">
              <caption class="sr-only">{t("work.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("work.dueAt")}</th>
                  <th scope="col">{t("work.task")}</th>
                  <th scope="col">{t("work.client")}</th>
                  <th scope="col">{t("field.status")}</th>
                  <th scope="col">{t("tasks.checklist")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={mine()!.items}>
                  {(task) => (
                    <tr
                      data-testid="task-row"
                      data-reference={task.reference}
                      classList={{ "row-overdue": Date.parse(task.dueAt) < now().getTime(), "row-action": needsAction(task) }}
                    >
                      <td data-label={t("work.dueAt")}>
                        <DueDate at={task.dueAt} />
                      </td>
                      <td data-label={t("work.task")}>
                        <A href={`/tasks/${encodeURIComponent(task.id)}`} class="cell-title">
                          {task.title}
                        </A>
                        <div class="cell-sub">
                          <code>{task.reference}</code>
                        </div>
                      </td>
                      <td data-label={t("work.client")}>
                        <TaskClientName taskId={task.id} clientId={task.clientId} />
                      </td>
                      <td data-label={t("field.status")}>
                        <TaskStatusBadge status={task.status} />
                      </td>
                      <td data-label={t("tasks.checklist")}>
                        <ChecklistProgress task={task} />
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </Boundary>
    </section>
  );
}
