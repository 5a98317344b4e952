import { Badge } from "@baton/ui/Badge";
import { formatDateTime, t } from "@baton/ui/i18n";
import type { WorkTask } from "@baton/ui/types";
import { Show } from "solid-js";

/** The client's decision on the deliverable: approved, or sent back with a comment. */
export function ClientDecision(props: { task: WorkTask }) {
  return (
    <Show when={props.task.clientDecision}>
      {(decision) => (
        <section class="card" aria-labelledby="client-decision-title">
          <h2 id="client-decision-title">{t("tasks.clientDecision")}</h2>
          <p>
            <Badge tone={decision().decision === "approve" ? "success" : "warning"}>
              {decision().decision === "approve" ? t("tasks.clientApproved") : t("tasks.clientRevision")}
            </Badge>{" "}
            <span class="muted small">
              {decision().by.name} · {formatDateTime(decision().at)}
            </span>
          </p>
          <Show when={decision().comment}>
            <p class="prewrap">{decision().comment}</p>
          </Show>
        </section>
      )}
    </Show>
  );
}
