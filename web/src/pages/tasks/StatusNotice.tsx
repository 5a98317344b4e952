import { t } from "@baton/ui/i18n";
import type { WorkTask } from "@baton/ui/types";
import { Show } from "solid-js";

/** What happens next, in one sentence, and what QA or the client asked for when it came back. */
export function StatusNotice(props: { task: WorkTask }) {
  const returnedBy = () => {
    const review = props.task.review?.decision === "return" ? props.task.review : null;
    const client = props.task.clientDecision?.decision === "revision" ? props.task.clientDecision : null;
    if (review && client) return Date.parse(client.at) > Date.parse(review.at) ? "client" : "qa";
    return client ? "client" : review ? "qa" : null;
  };
  return (
    <Show
      when={props.task.status === "returned"}
      fallback={
        <Show when={props.task.status === "in_qa" || props.task.status === "client_review" || props.task.status === "done" || props.task.status === "todo"}>
          <p class="notice status-notice" role="status" id="task-status" tabindex="-1">
            {t(`tasks.next.${props.task.status as "in_qa" | "client_review" | "done" | "todo"}`)}
          </p>
        </Show>
      }
    >
      <div class="notice notice-warning status-notice" role="status" id="task-status" tabindex="-1" data-testid="returned-notice">
        <p class="notice-title">{returnedBy() === "client" ? t("tasks.returnedByClient") : t("tasks.returnedByQa")}</p>
        <Show when={returnedBy() === "client" ? props.task.clientDecision?.comment : props.task.review?.notes}>
          {(text) => <p class="prewrap">{text()}</p>}
        </Show>
        <Show when={props.task.can.includes("submit")}>
          <p class="small">{t("tasks.returnedHint")}</p>
        </Show>
      </div>
    </Show>
  );
}
