import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { createSubmission } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { useNow } from "@baton/ui/time";
import type { Timer } from "@baton/ui/types";
import { A, createAsync, revalidate } from "@solidjs/router";
import { createEffect, createSignal, on, Show } from "solid-js";
import { getTaskTime, getTimer } from "../pages/time/data";
import { formatElapsed, formatMinutes } from "../pages/time/format";
import { startTimer, stopTimer, TimerRunning } from "../pages/time/timer";

/** Where a running timer's task lives: its page, or the timesheet for time on a client. */
export const timerHref = (timer: Timer) => (timer.taskId ? `/tasks/${encodeURIComponent(timer.taskId)}` : "/time");

/** The viewer's timer on this task, and the time logged on it against its estimate. */
export function TaskTimer(props: { taskId: string; done: boolean }) {
  return (
    <section class="card time-card" aria-labelledby="task-timer-title" data-testid="task-timer">
      <h2 id="task-timer-title">{t("time.timer")}</h2>
      <Boundary onRetry={() => revalidate([getTimer.key, getTaskTime.keyFor(props.taskId)])}>
        <TimerControls taskId={props.taskId} done={props.done} />
        <Logged taskId={props.taskId} />
      </Boundary>
    </section>
  );
}

function TimerControls(props: { taskId: string; done: boolean }) {
  const timer = createAsync(() => getTimer());
  const now = useNow(1000);
  const submission = createSubmission();
  // Set by a refused start: the timer that runs elsewhere.
  const [blocked, setBlocked] = createSignal<Timer | null>();
  // The page is reused when a link opens another task: a refusal on one task isn't the next one's.
  createEffect(on(() => props.taskId, () => setBlocked(undefined), { defer: true }));
  const running = () => timer()?.timer ?? null;
  const here = () => running()?.taskId === props.taskId;
  const elsewhere = () => (here() ? null : running());

  const start = () =>
    submission.run(async () => {
      setBlocked(undefined);
      try {
        await startTimer(props.taskId);
      } catch (e) {
        if (!(e instanceof TimerRunning)) throw e;
        setBlocked(e.current);
      }
    });
  const stop = () =>
    submission.run(async () => {
      setBlocked(undefined);
      await stopTimer();
    });

  return (
    <Show when={timer()}>
      <Show when={blocked() !== undefined}>
        <div class="notice notice-warning" role="alert" data-testid="timer-blocked">
          <p>{t("time.alreadyRunning")}</p>
          <Show when={blocked()}>
            {(other) => (
              <p>
                <A href={timerHref(other())}>{t("time.openRunning", { label: other().label })}</A>
              </p>
            )}
          </Show>
        </div>
      </Show>
      <ErrorMessage error={submission.error()} />
      <Show
        when={here() && running()}
        fallback={
          <div class="timer-row">
            <Show when={!props.done} fallback={<p class="muted small">{t("time.taskDone")}</p>}>
              <Button variant="primary" pending={submission.pending()} onClick={() => void start()}>
                {t("time.start")}
              </Button>
            </Show>
            <Show when={blocked() === undefined && elsewhere()}>
              {(other) => (
                <p class="muted small" data-testid="timer-elsewhere">
                  {t("time.runningOn")} <A href={timerHref(other())}>{other().label}</A>
                </p>
              )}
            </Show>
          </div>
        }
      >
        {(mine) => (
          <div class="timer-row">
            <span class="timer-clock" role="timer" aria-label={t("time.elapsed")} data-testid="timer-elapsed">
              {formatElapsed(now().getTime() - Date.parse(mine().startedAt))}
            </span>
            <Button variant="danger" pending={submission.pending()} onClick={() => void stop()}>
              {t("time.stop")}
            </Button>
          </div>
        )}
      </Show>
    </Show>
  );
}

function Logged(props: { taskId: string }) {
  const time = createAsync(() => getTaskTime(props.taskId));
  return (
    <Show when={time()}>
      {(spent) => (
        <div class="time-logged">
          <h3 class="subheading">{t("time.estimateVsLogged")}</h3>
          <p data-testid="task-logged">
            <Show when={spent().estimateMinutes > 0} fallback={t("time.loggedNoEstimate", { logged: formatMinutes(spent().loggedMinutes) })}>
              {t("time.loggedOfEstimate", { logged: formatMinutes(spent().loggedMinutes), estimate: formatMinutes(spent().estimateMinutes) })}
            </Show>
          </p>
          <Show when={spent().estimateMinutes > 0}>
            <progress
              class="time-progress"
              classList={{ "time-over": spent().loggedMinutes > spent().estimateMinutes }}
              max={spent().estimateMinutes}
              value={Math.min(spent().loggedMinutes, spent().estimateMinutes)}
              aria-label={t("time.estimateVsLogged")}
            />
            <Show when={spent().loggedMinutes > spent().estimateMinutes}>
              <p class="small text-danger">{t("time.overEstimate")}</p>
            </Show>
          </Show>
        </div>
      )}
    </Show>
  );
}
