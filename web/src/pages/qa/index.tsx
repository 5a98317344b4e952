import { Boundary } from "@baton/ui/Boundary";
import { EmptyState } from "@baton/ui/EmptyState";
import { formatDateTime, t } from "@baton/ui/i18n";
import { Title } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { A, createAsync, revalidate } from "@solidjs/router";
import { For, Show } from "solid-js";
import { TaskClientName } from "../../components/ClientName";
import { DueDate } from "../../components/Due";
import { expireOnLeave } from "../../lib/work";
import { getQaQueue } from "../tasks/data";

/** Deliverables waiting for QA (never your own), the most pressing first. */
export default function QaQueue() {
  const queue = createAsync(() => getQaQueue());
  expireOnLeave(() => getQaQueue.key);
  return (
    <section class="page">
      <Title>{t("qa.title")}</Title>
      <PageHeader title={t("qa.title")} intro={t("qa.intro")} />
      <Boundary onRetry={() => revalidate(getQaQueue.key)}>
        <Show when={queue()?.items.length} fallback={<EmptyState title={t("qa.emptyTitle")}>{t("qa.emptyBody")}</EmptyState>}>
          <div class="table-wrap">
            <table class="table table-stack">
              <caption class="sr-only">{t("qa.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("work.task")}</th>
                  <th scope="col">{t("work.client")}</th>
                  <th scope="col">{t("work.assignee")}</th>
                  <th scope="col">{t("qa.submittedAt")}</th>
                  <th scope="col">{t("work.dueAt")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={queue()!.items}>
                  {(task) => (
                    <tr data-testid="task-row" data-reference={task.reference}>
                      <td data-label={t("work.task")}>
                        <A href={`/tasks/${encodeURIComponent(task.id)}`} class="cell-title">
                          {task.title}
                        </A>
                        <div class="cell-sub">
                          <code>{task.reference}</code>
                          <Show when={task.qaReturns > 0}> · {t("qa.returnsCount", { count: task.qaReturns })}</Show>
                        </div>
                      </td>
                      <td data-label={t("work.client")}>
                        <TaskClientName taskId={task.id} clientId={task.clientId} />
                      </td>
                      <td data-label={t("work.assignee")}>{task.assignee?.name ?? "—"}</td>
                      <td data-label={t("qa.submittedAt")}>{task.deliverable ? formatDateTime(task.deliverable.submittedAt) : "—"}</td>
                      <td data-label={t("work.dueAt")}>
                        <DueDate at={task.dueAt} />
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
