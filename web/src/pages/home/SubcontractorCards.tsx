import { Boundary } from "@baton/ui/Boundary";
import { EmptyState } from "@baton/ui/EmptyState";
import { t } from "@baton/ui/i18n";
import { useSession } from "@baton/ui/session";
import { useNow } from "@baton/ui/time";
import { A, createAsync, revalidate } from "@solidjs/router";
import { For, Show, type JSX } from "solid-js";
import { DueDate } from "../../components/Due";
import { getTimer, getWeek } from "../time/data";
import { formatElapsed, formatMinutes } from "../time/format";
import { getMine } from "../tasks/data";
import { capacityShare, nextTask, returnedTasks } from "./next-task";

// A subcontractor's home (issue 22 item 7): what to do next, the timer running, the week's hours
// against their capacity, and the work QA sent back. Each card loads and fails on its own.

function Card(props: { id: string; title: string; href: string; link: string; onRetry: () => unknown; children: JSX.Element }) {
  return (
    <article class="card home-card" aria-labelledby={`${props.id}-title`} data-testid={props.id}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <Boundary onRetry={props.onRetry}>{props.children}</Boundary>
      <p class="home-card-link">
        <A href={props.href}>{props.link}</A>
      </p>
    </article>
  );
}

export function NextTaskCard() {
  const mine = createAsync(() => getMine());
  const next = () => nextTask(mine()?.items ?? []);
  return (
    <Card id="home-next" title={t("subHome.nextTitle")} href="/work" link={t("home.workLink")} onRetry={() => revalidate(getMine.key)}>
      <Show when={mine()}>
        <Show when={next()} fallback={<EmptyState title={t("subHome.nextEmpty")}>{t("subHome.nextEmptyBody")}</EmptyState>}>
          {(task) => (
            <div class="home-next">
              <A href={`/tasks/${encodeURIComponent(task().id)}`} class="home-row-title" data-testid="home-next-task">
                {task().title}
              </A>
              <span class="home-row-meta">
                <code>{task().reference}</code>
                <span>{task().client.name}</span>
                <DueDate at={task().dueAt} />
              </span>
              <Show when={task().status === "returned"}>
                <p class="small text-danger">{t("subHome.nextReturned")}</p>
              </Show>
            </div>
          )}
        </Show>
      </Show>
    </Card>
  );
}

export function TimerCard() {
  const state = createAsync(() => getTimer());
  const now = useNow(1000);
  return (
    <Card id="home-timer" title={t("subHome.timerTitle")} href="/time" link={t("subHome.timerLink")} onRetry={() => revalidate(getTimer.key)}>
      <Show when={state()}>
        <Show when={state()!.timer} fallback={<p class="muted">{t("subHome.timerNone")}</p>}>
          {(timer) => (
            <div class="home-next">
              <Show when={timer().taskId} fallback={<span class="home-row-title" data-testid="home-timer-task">{timer().label}</span>}>
                {(taskId) => (
                  <A href={`/tasks/${encodeURIComponent(taskId())}`} class="home-row-title" data-testid="home-timer-task">
                    {timer().label}
                  </A>
                )}
              </Show>
              <time class="home-timer-elapsed" data-testid="home-timer-elapsed">
                {formatElapsed(now().getTime() - Date.parse(timer().startedAt))}
              </time>
            </div>
          )}
        </Show>
      </Show>
    </Card>
  );
}

export function WeekCard() {
  const { me } = useSession();
  const week = createAsync(() => getWeek("", ""));
  const capacity = () => me().weeklyCapacityHours;
  return (
    <Card id="home-week" title={t("subHome.weekTitle")} href="/time" link={t("subHome.weekLink")} onRetry={() => revalidate(getWeek.key)}>
      <Show when={week()}>
        {(sheet) => (
          <>
            <p class="stat-value" data-testid="home-week-hours">
              <Show when={capacity()} fallback={formatMinutes(sheet().totalMinutes)}>
                {t("subHome.weekOf", { logged: formatMinutes(sheet().totalMinutes), capacity: formatMinutes(capacity()! * 60) })}
              </Show>
            </p>
            <Show when={capacity()}>
              <div
                class="home-capacity"
                role="meter"
                aria-label={t("subHome.weekTitle")}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={capacityShare(sheet().totalMinutes, capacity())}
              >
                <span style={{ width: `${capacityShare(sheet().totalMinutes, capacity())}%` }} />
              </div>
            </Show>
          </>
        )}
      </Show>
    </Card>
  );
}

export function ReturnsCard() {
  const mine = createAsync(() => getMine());
  const returned = () => returnedTasks(mine()?.items ?? []);
  return (
    <Card id="home-returns" title={t("subHome.returnsTitle")} href="/work" link={t("home.workLink")} onRetry={() => revalidate(getMine.key)}>
      <Show when={mine()}>
        <Show when={returned().length} fallback={<p class="muted">{t("subHome.returnsNone")}</p>}>
          <ul class="home-list">
            <For each={returned().slice(0, 5)}>
              {(task) => (
                <li>
                  <A href={`/tasks/${encodeURIComponent(task.id)}`} class="home-row-title">
                    {task.title}
                  </A>
                  <span class="home-row-meta">
                    <span>{task.client.name}</span>
                    <DueDate at={task.dueAt} />
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </Card>
  );
}
