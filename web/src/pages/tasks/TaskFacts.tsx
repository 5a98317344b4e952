import { LinkList } from "@baton/ui/LinkList";
import { formatClock, t } from "@baton/ui/i18n";
import { OtherPartyTime } from "@baton/ui/OtherPartyTime";
import type { TaskDetail, WorkTask } from "@baton/ui/types";
import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { QuadrantBadge } from "../../components/badges";
import { DueDate } from "../../components/Due";
import { formatMinutes } from "@baton/ui/time";
import { now } from "../../lib/time";
import { SendToCalendar } from "./SendToCalendar";

/**
 * The task's facts: client, due, estimate, quadrant, assignee, skills and its request. Everyone
 * who sees a task (the owner, its assignee, a QA reviewer) also reads its request and thread.
 */
export function TaskFacts(props: { detail: TaskDetail; task: WorkTask }) {
  return (
    <section class="card" aria-labelledby="task-details-title">
      <h2 id="task-details-title">{t("tasks.details")}</h2>
      <dl class="facts">
        <div>
          <dt>{t("work.client")}</dt>
          <dd>
            {props.detail.client.name}
            <span class="muted"> · {t("clients.localTime", { time: formatClock(now(), props.detail.client.timeZone) })}</span>
          </dd>
        </div>
        <div>
          <dt>{t("work.dueAt")}</dt>
          <dd class="due-stack">
            <DueDate at={props.task.dueAt} done={props.task.status === "done"} />
            <OtherPartyTime at={props.task.dueAt} timeZone={props.detail.client.timeZone} name={props.detail.client.name} />
            <SendToCalendar task={props.task} />
          </dd>
        </div>
        <div>
          <dt>{t("work.estimate")}</dt>
          <dd>{formatMinutes(props.task.estimateMinutes)}</dd>
        </div>
        <div>
          <dt>{t("work.quadrant")}</dt>
          <dd>
            <QuadrantBadge quadrant={props.task.quadrant} /> <span class="muted small">{t(`quadrantHint.${props.task.quadrant}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t("work.assignee")}</dt>
          <dd data-testid="task-assignee">
            <Show when={props.task.assignee} fallback={<span class="muted">{t("work.unassigned")}</span>}>
              {(assignee) => (
                <>
                  {assignee().name}
                  <span class="muted"> · {t("clients.localTime", { time: formatClock(now(), assignee().timeZone) })}</span>
                </>
              )}
            </Show>
          </dd>
        </div>
        <Show when={props.task.skills.length}>
          <div>
            <dt>{t("field.skills")}</dt>
            <dd>
              <ul class="chips">
                <For each={props.task.skills}>{(skill) => <li class="chip">{skill}</li>}</For>
              </ul>
            </dd>
          </div>
        </Show>
        <div>
          <dt>{t("tasks.request")}</dt>
          <dd>
            <A href={`/requests/${encodeURIComponent(props.task.requestId)}`}>
              {props.detail.request.reference} · {props.detail.request.title}
            </A>
            <div>
              <A href={`/requests/${encodeURIComponent(props.task.requestId)}#thread`} class="small">
                {t("tasks.openThread")}
              </A>
            </div>
          </dd>
        </div>
        <Show when={props.detail.request.links.length}>
          <div>
            <dt>{t("work.links")}</dt>
            <dd>
              <LinkList links={props.detail.request.links} />
            </dd>
          </div>
        </Show>
      </dl>
      <Show when={props.task.description}>
        <h3 class="subheading">{t("work.description")}</h3>
        <p class="prewrap">{props.task.description}</p>
      </Show>
    </section>
  );
}
