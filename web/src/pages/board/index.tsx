import { Boundary } from "@baton/ui/Boundary";
import { formatNumber, t } from "@baton/ui/i18n";
import { Title } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import type { Board as BoardData, TaskStatus } from "@baton/ui/types";
import { A, createAsync, revalidate, useSearchParams } from "@solidjs/router";
import { For, Show } from "solid-js";
import { taskStatuses } from "../../components/badges";
import { ClientFilter } from "../../components/ClientFilter";
import { DueDate } from "../../components/Due";
import { PlanningTabs } from "../../components/PlanningTabs";
import { expireOnLeave } from "../../lib/work";
import { parseClientId } from "../requests/data";
import { getBoard } from "../tasks/data";
import { OverageBadge } from "../../components/OverageBadge";

/** Kanban: every task by status, one column per step of the pipeline. `?client=` narrows it to one client. */
export default function Board() {
  const [params, setParams] = useSearchParams<{ client?: string }>();
  const clientId = () => parseClientId(params.client);
  const board = createAsync(() => getBoard(clientId()));
  expireOnLeave(() => getBoard.key);
  return (
    <section class="page page-wide">
      <Title>{t("board.title")}</Title>
      <PageHeader title={t("board.title")} intro={t("board.intro")} />
      <PlanningTabs />
      <div class="toolbar">
        <ClientFilter value={clientId()} onValue={(value) => setParams({ client: value || undefined })} />
      </div>
      <Boundary onRetry={() => revalidate(getBoard.key)}>
        <Show when={board()}>{(data) => <Columns board={data()} />}</Show>
      </Boundary>
    </section>
  );
}

function Columns(props: { board: BoardData }) {
  const tasks = (status: TaskStatus) => props.board.columns[status] ?? [];
  return (
    <div class="board" data-testid="board">
      <For each={taskStatuses}>
        {(status) => (
          <section class={`board-column board-${status}`} aria-labelledby={`col-${status}`} data-status={status}>
            <h2 id={`col-${status}`} class="board-heading">
              <span>{t(`taskStatus.${status}`)}</span>
              {/* aria-label isn't read on a plain span: the spoken count is hidden text instead. */}
              <span class="board-count">
                <span aria-hidden="true">
                  {formatNumber(tasks(status).length)}
                  {props.board.more[status] ? "+" : ""}
                </span>
                <span class="sr-only">{t("board.count", { count: tasks(status).length })}</span>
              </span>
            </h2>
            <Show when={tasks(status).length} fallback={<p class="muted small board-empty">{t("board.emptyColumn")}</p>}>
              <ul class="board-cards">
                <For each={tasks(status)}>
                  {(task) => (
                    <li class="board-card" data-testid="task-card" data-reference={task.reference}>
                      <A href={`/tasks/${encodeURIComponent(task.id)}`} class="board-card-title">
                        {task.title}
                      </A>
                      <div class="cell-sub">
                        <code>{task.reference}</code>
                      </div>
                      <div class="cell-sub">{task.assignee?.name ?? t("work.unassigned")}</div>
                      <div class="small">
                        <DueDate at={task.dueAt} done={status === "done"} hideLeft />
                      </div>
                      <Show when={status !== "done" && props.board.hours[task.client.id]}>
                        {(state) => (
                          <div>
                            <OverageBadge state={state()} />
                          </div>
                        )}
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
              <Show when={props.board.more[status]}>
                <p class="muted small">{status === "done" ? t("board.moreDone", { count: tasks(status).length }) : t("board.more")}</p>
              </Show>
            </Show>
          </section>
        )}
      </For>
    </div>
  );
}
