import { api } from "@baton/ui/api";
import { errorText } from "@baton/ui/ErrorMessage";
import { formatDateTime, t } from "@baton/ui/i18n";
import { toast } from "@baton/ui/Toast";
import type { WorkTask } from "@baton/ui/types";
import { createSignal, For, Show } from "solid-js";

type ChecklistItem = WorkTask["checklist"][number];

/**
 * The task's checklist. Ticks go one at a time: each answers with the task's new version,
 * which the next tick must send.
 */
export function Checklist(props: { task: WorkTask; editable: boolean; onChange: (task: WorkTask) => void; onStale: (error: unknown) => boolean }) {
  const [ticking, setTicking] = createSignal<string>();
  const done = () => props.task.checklist.filter((item) => item.done).length;

  async function tick(item: ChecklistItem, input: HTMLInputElement) {
    const wanted = input.checked;
    setTicking(item.id);
    try {
      props.onChange((await api.tasks.tick(props.task.id, item.id, props.task.version, wanted)).task);
    } catch (e) {
      input.checked = item.done;
      if (!props.onStale(e)) toast(errorText(e), "error");
    } finally {
      setTicking(undefined);
    }
  }

  return (
    <div class="checklist" aria-busy={ticking() ? "true" : undefined}>
      <div class="checklist-progress">
        <span id="checklist-progress-label">{t("tasks.stepsDone", { done: done(), count: props.task.checklist.length })}</span>
        <progress max={props.task.checklist.length} value={done()} aria-labelledby="checklist-progress-label" />
      </div>
      <Show when={!props.editable}>
        <p class="muted small">{t("tasks.checklistLocked")}</p>
      </Show>
      <ul class="checklist-items">
        <For each={props.task.checklist}>
          {(item) => (
            <li class="checklist-item" classList={{ "checklist-done": item.done }} data-testid="checklist-item" data-done={item.done ? "true" : "false"}>
              <label class="check">
                <input
                  type="checkbox"
                  checked={item.done}
                  disabled={!props.editable}
                  // Ignored (not disabled, so focus stays put) while another tick is on its way.
                  onClick={(e) => {
                    if (ticking()) e.preventDefault();
                  }}
                  onChange={(e) => void tick(item, e.currentTarget)}
                />
                <span>{item.text}</span>
              </label>
              <Show when={item.done && item.doneAt}>
                {(at) => <span class="muted small checklist-when">{t("tasks.doneAt", { date: formatDateTime(at()) })}</span>}
              </Show>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
