import { Badge } from "@baton/ui/Badge";
import { formatDateTime, t } from "@baton/ui/i18n";
import type { WorkTask } from "@baton/ui/types";
import { Show } from "solid-js";

/** QA's last review: the decision, the score and the notes. */
export function LastReview(props: { task: WorkTask }) {
  return (
    <Show when={props.task.review}>
      {(review) => (
        <section class="card" aria-labelledby="last-review-title" data-testid="last-review">
          <h2 id="last-review-title">{t("qa.lastReview")}</h2>
          <p>
            <Badge tone={review().decision === "approve" ? "success" : "danger"}>
              {review().decision === "approve" ? t("qa.decisionApprove") : t("qa.decisionReturn")}
            </Badge>{" "}
            {t("qa.scoreOf", { score: review().rubric })}
          </p>
          <Show when={review().notes}>
            <p class="prewrap">{review().notes}</p>
          </Show>
          <p class="muted small">
            {t("qa.reviewedByOn", { name: review().by.name, date: formatDateTime(review().at) })}
            <Show when={props.task.qaReturns > 0}> · {t("qa.returnsCount", { count: props.task.qaReturns })}</Show>
          </p>
        </section>
      )}
    </Show>
  );
}
