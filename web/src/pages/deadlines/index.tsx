import { Boundary } from "@baton/ui/Boundary";
import { EmptyState } from "@baton/ui/EmptyState";
import { t, timeZoneLabel } from "@baton/ui/i18n";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { A, createAsync, revalidate } from "@solidjs/router";
import { For, Show } from "solid-js";
import { TaskStatusBadge } from "../../components/badges";
import { TaskClientName } from "../../components/ClientName";
import { DueDate } from "../../components/Due";
import { PlanningTabs } from "../../components/PlanningTabs";
import { now } from "../../lib/time";
import { expireOnLeave } from "../../lib/work";
import { getDeadlines } from "../tasks/data";

/** Every open task across clients by due date: the master deadline list. */
export default function Deadlines() {
  const { me } = useSession();
  const deadlines = createAsync(() => getDeadlines());
  expireOnLeave(() => getDeadlines.key);
  const overdue = () => (deadlines()?.items ?? []).filter((task) => Date.parse(task.dueAt) < now().getTime()).length;
  return (
    <section class="page">
      <Title>{t("deadlines.title")}</Title>
      <PageHeader title={t("deadlines.title")} intro={t("deadlines.intro", { zone: timeZoneLabel(me().timeZone) })} />
      <PlanningTabs />
      <Boundary onRetry={() => revalidate(getDeadlines.key)}>
        <Show when={deadlines()?.items.length} fallback={<EmptyState title={t("deadlines.emptyTitle")}>{t("deadlines.emptyBody")}</EmptyState>}>
          <Show when={overdue()}>
            <p class="summary-line text-danger">
              {t("deadlines.overdueCount", { count: overdue() })}
            </p>
          </Show>
          <div class="table-wrap">
            <table class="table table-stack">
              <caption class="sr-only">{t("deadlines.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("work.dueAt")}</th>
                  <th scope="col">{t("work.task")}</th>
                  <th scope="col">{t("work.client")}</th>
                  <th scope="col">{t("work.assignee")}</th>
                  <th scope="col">{t("field.status")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={deadlines()!.items}>
                  {(task) => (
                    <tr data-testid="task-row" data-reference={task.reference} classList={{ "row-overdue": Date.parse(task.dueAt) < now().getTime() }}>
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
                      <td data-label={t("work.assignee")}>{task.assignee?.name ?? <span class="muted">{t("work.unassigned")}</span>}</td>
                      <td data-label={t("field.status")}>
                        <TaskStatusBadge status={task.status} />
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <Show when={deadlines()!.more}>
            <p class="muted small">{t("deadlines.more")}</p>
          </Show>
        </Show>
      </Boundary>
    </section>
  );
}
