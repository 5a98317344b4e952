import { Badge } from "@baton/ui/Badge";
import { formatDateTime, t } from "@baton/ui/i18n";
import { A } from "@solidjs/router";
import { Show, type JSX } from "solid-js";
import type { SurveyResponse } from "./data";

// One survey answer as the owner reads it: the score, who gave it about what, the comment, the follow-up.

export const kindLabel = (item: SurveyResponse) => (item.kind === "csat" ? t("satisfaction.kindCsat") : t("satisfaction.kindNps"));

export function ResponseItem(props: { item: SurveyResponse; action?: JSX.Element }) {
  const item = () => props.item;
  const max = () => (item().kind === "csat" ? 5 : 10);
  return (
    <li class="sat-response" data-testid="survey-response" data-kind={item().kind} data-score={item().score}>
      <div class="sat-response-score" classList={{ "sat-low": item().low }}>
        <span class="sat-kind">{kindLabel(item())}</span>
        <strong>{t("satisfaction.scoreOf", { score: item().score, max: max() })}</strong>
        <Show when={item().low}>
          <Badge tone="danger">{t("satisfaction.low")}</Badge>
        </Show>
      </div>
      <div class="sat-response-body">
        <p class="sat-response-who">
          {t("satisfaction.fromContact", { name: item().contact.name, client: item().client.name })}
          <span class="muted small"> · {formatDateTime(item().respondedAt)}</span>
        </p>
        <Show when={item().request}>
          {(request) => (
            <p class="small">
              <A href={`/requests/${encodeURIComponent(request().id)}`}>{t("satisfaction.about", { reference: request().reference, title: request().title })}</A>
              <Show when={item().subcontractors.length}>
                <span class="muted"> · {t("satisfaction.doneBy", { names: item().subcontractors.map((s) => s.name).join(", ") })}</span>
              </Show>
            </p>
          )}
        </Show>
        <Show when={item().comment} fallback={<p class="muted small">{t("satisfaction.noComment")}</p>}>
          <blockquote class="sat-comment">{item().comment}</blockquote>
        </Show>
        <Show when={item().followUp.status === "done"}>
          <p class="muted small">
            {t("satisfaction.followedUpBy", { name: item().followUp.by ?? "" })}
            <Show when={item().followUp.note}> — {item().followUp.note}</Show>
          </p>
        </Show>
      </div>
      <Show when={props.action}>
        <div class="sat-response-action">{props.action}</div>
      </Show>
    </li>
  );
}
