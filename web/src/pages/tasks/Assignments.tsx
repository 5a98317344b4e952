import { formatDateTime, t } from "@baton/ui/i18n";
import type { WorkTask } from "@baton/ui/types";
import { For, Show } from "solid-js";

/** Who has held the task, newest first, and who gave it to them. */
export function Assignments(props: { task: WorkTask }) {
  return (
    <section class="card" aria-labelledby="assignments-title">
      <h2 id="assignments-title">{t("tasks.assignments")}</h2>
      <Show when={props.task.assignmentHistory.length} fallback={<p class="muted">{t("tasks.noAssignments")}</p>}>
        <ol class="timeline">
          <For each={[...props.task.assignmentHistory].reverse()}>
            {(entry) => (
              <li class="timeline-entry">
                <time class="muted small" datetime={entry.at}>
                  {formatDateTime(entry.at)}
                </time>
                <span>
                  {entry.name} <span class="muted small">{t("tasks.assignedBy", { name: entry.by.name })}</span>
                </span>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
