import { isRealDate } from "@baton/kernel/dates";
import { formatDate, t } from "@baton/ui/i18n";
import { LinkList } from "@baton/ui/LinkList";
import type { FormQuestion, ServiceBrief } from "@baton/ui/types";
import { For, Match, Switch } from "solid-js";

/** A service request's answers as a readable brief: each question of the form as it was filled, then its answer. */
export function Brief(props: { brief: ServiceBrief }) {
  const answer = (question: FormQuestion) => props.brief.answers[question.id];
  return (
    <section aria-label={t("requests.brief")} data-testid="request-brief">
      <h3 class="subheading">{t("requests.brief")}</h3>
      <p class="muted small">{t("requests.briefService", { name: props.brief.name })}</p>
      <dl class="facts">
        <For each={props.brief.questions}>
          {(question) => (
            <div data-testid="brief-answer">
              <dt>{question.label}</dt>
              <dd class="prewrap">
                <Switch fallback={<span class="muted">{t("requests.briefUnanswered")}</span>}>
                  <Match when={Array.isArray(answer(question)) && (answer(question) as string[]).length > 0}>{(answer(question) as string[]).join(", ")}</Match>
                  <Match when={question.kind === "date" && typeof answer(question) === "string" && isRealDate(answer(question) as string)}>
                    {/* A calendar date, not an instant: read at noon UTC so no zone moves it a day. */}
                    {formatDate(`${answer(question) as string}T12:00:00Z`, "UTC")}
                  </Match>
                  <Match when={question.kind === "url" && typeof answer(question) === "string"}>
                    <LinkList links={[answer(question) as string]} />
                  </Match>
                  <Match when={typeof answer(question) === "string"}>{answer(question) as string}</Match>
                </Switch>
              </dd>
            </div>
          )}
        </For>
      </dl>
    </section>
  );
}
