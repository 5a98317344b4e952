import { Boundary } from "@baton/ui/Boundary";
import { formatDateTime, formatNumber, t } from "@baton/ui/i18n";
import type { TimelineEntry } from "@baton/ui/types";
import { createAsync, revalidate } from "@solidjs/router";
import { For, Show } from "solid-js";
import { getHistory } from "./data";

const text = (value: unknown) => (typeof value === "string" ? value : typeof value === "number" ? formatNumber(value) : "");

/** One sentence per event: who did what to which task. */
export function describe(entry: TimelineEntry): string {
  const d = entry.data;
  const by = entry.by ?? t("timeline.someone");
  const ref = text(d.reference) || text(d.taskTitle);
  switch (entry.action) {
    case "request.submitted":
      return t("timeline.submitted", { by });
    case "request.accepted":
      return t("timeline.accepted", { by, count: Array.isArray(d.tasks) ? d.tasks.length : 1 });
    case "request.declined":
      return t("timeline.declined", { by, reason: text(d.reason) });
    case "request.message":
      return t("timeline.message", { by });
    case "request.note":
      return t("timeline.note", { by });
    case "request.completed":
      return t("timeline.completed");
    case "task.assigned":
      return t("timeline.assigned", { by, task: ref, assignee: text(d.assignee) });
    case "task.reassigned":
      return t("timeline.reassigned", { by, task: ref, assignee: text(d.assignee) });
    case "task.step_done":
      return t("timeline.stepDone", { by, task: ref, step: text(d.step) });
    case "task.step_undone":
      return t("timeline.stepUndone", { by, task: ref, step: text(d.step) });
    case "task.submitted":
      return t("timeline.taskSubmitted", { by, task: ref });
    case "task.qa_approved":
      return t("timeline.qaApproved", { by, task: ref, score: text(d.rubric) || "—" });
    case "task.qa_returned":
      return t("timeline.qaReturned", { by, task: ref, notes: text(d.notes) });
    case "task.client_approved":
      return t("timeline.clientApproved", { by, task: ref });
    case "task.client_revision":
      return t("timeline.clientRevision", { by, task: ref, comment: text(d.comment) });
    default:
      return t("timeline.other", { by, action: entry.action.replace(/[._]/g, " ") });
  }
}

/** The request's history, oldest first. */
export function Timeline(props: { requestId: string }) {
  const history = createAsync(() => getHistory(props.requestId));
  return (
    <section class="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t("timeline.title")}</h2>
      <Boundary onRetry={() => revalidate(getHistory.keyFor(props.requestId))}>
        <Show when={history()?.items.length} fallback={<p class="muted">{t("timeline.empty")}</p>}>
          <ol class="timeline">
            <For each={history()?.items}>
              {(entry) => (
                <li class="timeline-entry" data-testid="timeline-entry" data-action={entry.action}>
                  <time class="muted small" datetime={entry.at}>
                    {formatDateTime(entry.at)}
                  </time>
                  <span>{describe(entry)}</span>
                </li>
              )}
            </For>
          </ol>
        </Show>
      </Boundary>
    </section>
  );
}
