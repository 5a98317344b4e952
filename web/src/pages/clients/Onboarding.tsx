import { isRealDate } from "@baton/kernel/dates";
import { api, isApiError } from "@baton/ui/api";
import { Badge } from "@baton/ui/Badge";
import { Boundary } from "@baton/ui/Boundary";
import { Button, buttonClass } from "@baton/ui/Button";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { createSubmission } from "@baton/ui/Form";
import { formatDate, formatDateTime, t } from "@baton/ui/i18n";
import { safeUrl } from "@baton/ui/LinkList";
import { toast } from "@baton/ui/Toast";
import type { Client, ClientOnboarding, OnboardingQuestion } from "@baton/ui/types";
import { A, createAsync, revalidate } from "@solidjs/router";
import { For, Match, Show, Switch } from "solid-js";
import { getClientOnboarding, stepsDone } from "../onboarding/data";
import { Markdown } from "@baton/ui/Markdown";
import { getAllClients, getClient, getClients } from "./data";
import "../onboarding/onboarding.css";

type Answer = ClientOnboarding["answers"][string];
type StepName = keyof ClientOnboarding["steps"];
const stepNames = ["questionnaire", "agreement", "packet"] as const satisfies readonly StepName[];

/** A client's onboarding: start it for a lead, then follow the contact's three steps and read what they gave. */
export function OnboardingPanel(props: { client: Client }) {
  const onboarding = createAsync(() => getClientOnboarding(props.client.id));
  return (
    <section class="card" aria-labelledby="client-onboarding-title" data-testid="client-onboarding">
      <div class="card-header">
        <h2 id="client-onboarding-title">{t("onboarding.client.title")}</h2>
        <A href="/onboarding" class={buttonClass("ghost", "sm")}>
          {t("onboarding.client.kitLink")}
        </A>
      </div>
      <Boundary onRetry={() => revalidate(getClientOnboarding.keyFor(props.client.id))}>
        <Show when={onboarding()}>
          {(o) => (
            <Show when={o().startedAt} fallback={<NotStarted client={props.client} />}>
              <Progress onboarding={o()} />
            </Show>
          )}
        </Show>
      </Boundary>
    </section>
  );
}

function NotStarted(props: { client: Client }) {
  const submission = createSubmission();
  const start = () =>
    submission.run(async () => {
      await api.onboarding.start(props.client.id);
      toast(t("onboarding.client.started", { name: props.client.name }));
      await revalidate([getClientOnboarding.keyFor(props.client.id), getClient.keyFor(props.client.id), getClients.key, getAllClients.key]);
    });
  const kitIncomplete = () => {
    const e = submission.error();
    return isApiError(e) && e.code === "onboarding.kit_incomplete";
  };
  return (
    <Show when={props.client.status === "lead"} fallback={<p class="muted">{t("onboarding.client.notStartedOther")}</p>}>
      <p>{t("onboarding.client.startIntro")}</p>
      <p class="muted small">{t("onboarding.client.startNote")}</p>
      <ErrorMessage error={submission.error()} />
      <Show when={kitIncomplete()}>
        <p>
          <A href="/onboarding">{t("onboarding.client.completeKit")}</A>
        </p>
      </Show>
      <Button variant="primary" pending={submission.pending()} onClick={() => void start()}>
        {t("onboarding.client.start")}
      </Button>
    </Show>
  );
}

function Progress(props: { onboarding: ClientOnboarding }) {
  const o = () => props.onboarding;
  const agreement = () => o().steps.agreement;
  return (
    <div class="stack">
      <p class="onboarding-meta" data-testid="onboarding-progress">
        <Show when={o().completedAt} fallback={<Badge tone="warning">{t("onboarding.client.inProgress")}</Badge>}>
          <Badge tone="success">{t("onboarding.client.complete")}</Badge>
        </Show>
        <span>{t("onboarding.progress", { done: stepsDone(o()), total: 3 })}</span>
        <span class="muted small">{t("onboarding.client.startedAt", { date: formatDateTime(o().startedAt!) })}</span>
      </p>
      <ol class="onboarding-steps">
        <For each={stepNames}>
          {(name) => {
            const step = () => o().steps[name];
            return (
              <li class="onboarding-step" data-testid="onboarding-step" data-step={name} data-done={step().done ? "true" : "false"}>
                <span>{t(`onboarding.step.${name}`)}</span>
                <Show when={step().done && step().at} fallback={<Badge>{t("onboarding.client.waiting")}</Badge>}>
                  {(at) => (
                    <span class="muted small">
                      <Badge tone="success">{t("onboarding.client.done")}</Badge>{" "}
                      {step().by ? t("onboarding.client.doneBy", { name: step().by!, date: formatDateTime(at()) }) : formatDateTime(at())}
                    </span>
                  )}
                </Show>
              </li>
            );
          }}
        </For>
      </ol>

      <Show when={agreement().done}>
        <div>
          <h3 class="subheading">{t("onboarding.client.evidence")}</h3>
          <dl class="facts" data-testid="agreement-evidence">
            <div>
              <dt>{t("onboarding.client.typedName")}</dt>
              <dd>{agreement().fullName}</dd>
            </div>
            <div>
              <dt>{t("onboarding.client.acceptedAt")}</dt>
              <dd>
                <Show when={agreement().at}>{(at) => <time datetime={at()}>{formatDateTime(at())}</time>}</Show>
              </dd>
            </div>
            <div>
              <dt>{t("onboarding.client.ip")}</dt>
              <dd>
                <code>{agreement().ip ?? "—"}</code>
              </dd>
            </div>
            <div>
              <dt>{t("onboarding.client.sha256")}</dt>
              <dd class="onboarding-hash" data-testid="agreement-sha256">
                {agreement().sha256}
              </dd>
            </div>
          </dl>
          <a href={api.onboarding.signedPdfUrl(o().clientId)} download="" class={buttonClass("secondary", "sm")} data-testid="agreement-pdf">
            {t("onboarding.signedCopy")}
          </a>
        </div>
      </Show>
      <details>
        <summary>{t("onboarding.client.agreementText")}</summary>
        {/* Once accepted, the text is in the language the contact accepted it in. */}
        <div lang={o().agreementLocale ?? undefined} data-testid="agreement-text">
          <Markdown source={o().agreementText} />
        </div>
      </details>

      <div>
        <h3 class="subheading">{t("onboarding.client.answers")}</h3>
        <Show when={o().questions.length > 0} fallback={<p class="muted">{t("onboarding.client.noQuestions")}</p>}>
          <dl class="facts" data-testid="onboarding-answers">
            <For each={o().questions}>
              {(question) => (
                <div>
                  <dt>{question.label}</dt>
                  <dd class="onboarding-answer">
                    <AnswerText question={question} answer={o().answers[question.id]} />
                    <Show when={question.field && o().steps.questionnaire.done && o().answers[question.id] ? question.field : undefined}>
                      {(field) => (
                        <span class="muted small onboarding-fills" data-testid="answer-fills">
                          {" "}
                          {t("onboarding.client.fills", { field: t(`onboarding.field.${field()}`) })}
                        </span>
                      )}
                    </Show>
                  </dd>
                </div>
              )}
            </For>
          </dl>
        </Show>
      </div>
    </div>
  );
}

/** An answer as its kind reads best: a date in words, a web address as a link, choices in a row. */
function AnswerText(props: { question: OnboardingQuestion; answer: Answer | undefined }) {
  const text = () => {
    const a = props.answer;
    if (Array.isArray(a)) return a.join(", ");
    return a ?? "";
  };
  return (
    <Switch fallback={<span>{text()}</span>}>
      <Match when={!text()}>
        <span class="muted">{t("onboarding.client.noAnswer")}</span>
      </Match>
      <Match when={props.question.kind === "date" && isRealDate(text())}>
        {/* A calendar date, not an instant: read it at noon UTC so no zone moves it a day. */}
        <time datetime={text()}>{formatDate(`${text()}T12:00:00Z`, "UTC")}</time>
      </Match>
      <Match when={props.question.kind === "url" && safeUrl(text())}>
        {(href) => (
          <a href={href()} target="_blank" rel="noopener noreferrer nofollow">
            {text()}
          </a>
        )}
      </Match>
    </Switch>
  );
}
