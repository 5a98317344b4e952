import { t } from "@baton/ui/i18n";
import type { TaskDetail, WorkTask } from "@baton/ui/types";
import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { Checklist } from "./Checklist";

/** The SOP version the task follows: its checklist (ticked by whoever the task's `can` lets) and its procedure. */
export function SopPanel(props: { detail: TaskDetail; task: WorkTask; onChange: (task: WorkTask) => void; onStale: (error: unknown) => boolean }) {
  return (
    <section class="card" aria-labelledby="sop-title" data-testid="sop-panel">
      <Show
        when={props.detail.sop}
        fallback={
          <>
            <h2 id="sop-title">{t("tasks.sop")}</h2>
            <p class="muted">{t("tasks.noSop")}</p>
          </>
        }
      >
        {(sop) => (
          <>
            <div class="card-header">
              <h2 id="sop-title">{t("tasks.sopTitle", { title: sop().title, number: sop().number })}</h2>
              <A href={`/sops/${encodeURIComponent(sop().sopId)}?version=${sop().number}`} class="small">
                {t("tasks.openSop")}
              </A>
            </div>
            <p class="muted small">{t("tasks.sopPinned", { number: sop().number })}</p>
            <Show when={props.task.checklist.length}>
              <h3 class="subheading">{t("tasks.checklist")}</h3>
              <Checklist task={props.task} editable={props.task.can.includes("tick")} onChange={props.onChange} onStale={props.onStale} />
            </Show>
            <h3 class="subheading">{t("tasks.procedure")}</h3>
            {/* Rendered and sanitised by the API (no raw HTML, allow-listed URLs): safe as it is. */}
            <div class="prose" data-testid="sop-body" innerHTML={sop().bodyHtml} />
          </>
        )}
      </Show>
    </section>
  );
}
