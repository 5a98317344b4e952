import { api, isApiError } from "@baton/ui/api";
import { Badge } from "@baton/ui/Badge";
import { Boundary } from "@baton/ui/Boundary";
import { Button, buttonClass } from "@baton/ui/Button";
import { EmptyState } from "@baton/ui/EmptyState";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { formatDateTime, t } from "@baton/ui/i18n";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { MyOnboarding } from "@baton/ui/types";
import { A, createAsync, revalidate } from "@solidjs/router";
import { createSignal, For, lazy, Match, Show, Suspense, Switch, type JSX } from "solid-js";
import { getOnboarding } from "./data";
import { RenderedMarkdown } from "@baton/ui/RenderedMarkdown";
import { QuestionnairePending } from "./QuestionnairePending";
import { SubmittedAnswers } from "./SubmittedAnswers";
import "./onboarding.css";

type StepName = keyof MyOnboarding["steps"];
const stepNames = ["questionnaire", "agreement", "packet"] as const satisfies readonly StepName[];
type Notice = "conflict" | "agreementChanged";

// Loaded when needed, not with the page: the questionnaire's form (its controls and date picker)
// only while the questionnaire is open, the confirmation dialog only once accepting starts.
const Questionnaire = lazy(() => import("./Questionnaire").then((m) => ({ default: m.Questionnaire })));
let signConfirm: Promise<typeof import("./SignConfirm")> | undefined;
/** The confirmation's code, asked for once (after a failure, again). */
const loadSignConfirm = () => (signConfirm ??= import("./SignConfirm").catch((e: unknown) => ((signConfirm = undefined), Promise.reject(e))));

/** Refetches the checklist, the nav entry and the home page's banner (their keys share this prefix). */
const refresh = () => revalidate("portal.onboarding");

/** Moves focus to a step's heading once the page shows the step's new state. */
const focusStep = (name: StepName | "complete") => setTimeout(() => document.getElementById(`onboarding-${name}`)?.focus(), 50);

/** A new client's onboarding checklist: answer the questionnaire, accept the agreement, read the welcome packet. */
export default function Onboarding() {
  const { me } = useSession();
  const onboarding = createAsync(() => getOnboarding());
  const [notice, setNotice] = createSignal<Notice>();
  // Bumped when the stored answers must replace the ones on screen (after someone else saved).
  const [generation, setGeneration] = createSignal(0);

  /** Runs one step's call; a stale version reloads the checklist and says why instead of failing. */
  async function act(call: (version: number) => Promise<unknown>, next: StepName | "complete") {
    const version = onboarding()!.version;
    try {
      await call(version);
      setNotice(undefined);
    } catch (e) {
      if (isApiError(e) && e.status === 409 && (e.code === "conflict" || e.code === "onboarding.agreement_changed")) {
        setNotice(e.code === "conflict" ? "conflict" : "agreementChanged");
        await refresh();
        setGeneration((g) => g + 1);
        return false;
      }
      // Any other refusal of a move (already accepted, completed): show the state it refers to, and why.
      if (isApiError(e) && e.status === 409) await refresh();
      throw e;
    }
    await refresh();
    focusStep(onboarding()?.completedAt ? "complete" : next);
    return true;
  }

  return (
    <section class="page onboarding">
      <Title>{t("onboarding.portal.title")}</Title>
      <PageHeader title={t("onboarding.portal.title")} intro={t("onboarding.portal.intro", { agency: me().agency.name })} />
      <Boundary onRetry={refresh} loadingLabel={t("onboarding.portal.loading")}>
        <Show when={onboarding()}>
          {(o) => (
            <Switch>
              <Match when={!o().startedAt}>
                <div class="card">
                  <EmptyState
                    title={t("onboarding.portal.noneTitle")}
                    action={
                      <A href="/" class={buttonClass("secondary")}>
                        {t("onboarding.portal.toRequests")}
                      </A>
                    }
                  >
                    {t("onboarding.portal.noneBody", { agency: me().agency.name })}
                  </EmptyState>
                </div>
              </Match>
              <Match when={true}>
                <Show when={notice()}>
                  {(which) => (
                    <p class="notice notice-warning status-notice" role="alert" data-testid="onboarding-notice">
                      {which() === "conflict" ? t("common.conflict") : t("onboarding.portal.agreementChanged")}
                    </p>
                  )}
                </Show>
                <Show when={o().completedAt}>
                  {(at) => (
                    <div class="notice notice-success status-notice" data-testid="onboarding-complete">
                      <h2 id="onboarding-complete" tabindex="-1" class="notice-title">
                        {t("onboarding.portal.completeTitle")}
                      </h2>
                      <p>{t("onboarding.portal.completeBody", { date: formatDateTime(at(), me().timeZone), agency: me().agency.name })}</p>
                      <A href="/" class={buttonClass("primary", "sm")}>
                        {t("onboarding.portal.toRequests")}
                      </A>
                    </div>
                  )}
                </Show>
                <div class="stack">
                  <Checklist onboarding={o()} />
                  <Step name="questionnaire" number={1} onboarding={o()}>
                    <Show
                      when={!o().steps.questionnaire.done}
                      fallback={
                        <>
                          <p class="muted">{t("onboarding.portal.questionnaireDone")}</p>
                          <SubmittedAnswers onboarding={o()} />
                        </>
                      }
                    >
                      <Show when={o().questions.length > 0} fallback={<p class="muted">{t("onboarding.portal.noQuestions")}</p>}>
                        <Suspense fallback={<QuestionnairePending questions={o().questions} />}>
                          <Show when={generation() + 1} keyed>
                            {(_generation) => (
                              <Questionnaire
                                onboarding={o()}
                                save={(answers, submit) =>
                                  act(async (version) => {
                                    await api.onboarding.saveAnswers({ version, answers, submit });
                                    toast(submit ? t("onboarding.portal.answersSubmitted") : t("onboarding.portal.draftSaved"));
                                  }, submit ? "agreement" : "questionnaire")
                                }
                              />
                            )}
                          </Show>
                        </Suspense>
                      </Show>
                    </Show>
                  </Step>
                  <Step name="agreement" number={2} onboarding={o()}>
                    <AgreementStep onboarding={o()} act={act} />
                  </Step>
                  <Step name="packet" number={3} onboarding={o()}>
                    <PacketStep onboarding={o()} act={act} />
                  </Step>
                </div>
              </Match>
            </Switch>
          )}
        </Show>
      </Boundary>
    </section>
  );
}

function doneText(onboarding: MyOnboarding, name: StepName, timeZone: string) {
  const step = onboarding.steps[name];
  if (!step.done || !step.at) return t("onboarding.portal.todo");
  return step.by ? t("onboarding.portal.doneBy", { name: step.by, date: formatDateTime(step.at, timeZone) }) : t("onboarding.portal.doneAt", { date: formatDateTime(step.at, timeZone) });
}

/** The three steps at a glance, each linking to its section. */
function Checklist(props: { onboarding: MyOnboarding }) {
  const { me } = useSession();
  const done = () => stepNames.filter((name) => props.onboarding.steps[name].done).length;
  return (
    <section class="card onboarding-checklist" aria-labelledby="onboarding-checklist-title">
      <div class="card-header">
        <h2 id="onboarding-checklist-title">{t("onboarding.portal.checklist")}</h2>
        <span data-testid="onboarding-progress">{t("onboarding.progress", { done: done(), total: 3 })}</span>
      </div>
      <progress max={3} value={done()} aria-label={t("onboarding.progress", { done: done(), total: 3 })} />
      <ol class="onboarding-checklist-items">
        <For each={stepNames}>
          {(name) => {
            const isDone = () => props.onboarding.steps[name].done;
            return (
              <li classList={{ "onboarding-done": isDone() }} data-testid="checklist-item" data-step={name} data-done={isDone() ? "true" : "false"}>
                <span class="onboarding-mark" aria-hidden="true">
                  {isDone() ? "✓" : "○"}
                </span>
                <a href={`#onboarding-${name}`}>{t(`onboarding.step.${name}`)}</a>
                <span class="sr-only">: </span>
                <span class="muted small">{doneText(props.onboarding, name, me().timeZone)}</span>
              </li>
            );
          }}
        </For>
      </ol>
    </section>
  );
}

function Step(props: { name: StepName; number: number; onboarding: MyOnboarding; children: JSX.Element }) {
  const { me } = useSession();
  const done = () => props.onboarding.steps[props.name].done;
  return (
    <section class="card onboarding-step" aria-labelledby={`onboarding-${props.name}`} data-testid={`step-${props.name}`}>
      <div class="card-header">
        <h2 id={`onboarding-${props.name}`} tabindex="-1">
          {t("onboarding.portal.stepHeading", { number: props.number, step: t(`onboarding.step.${props.name}`) })}
        </h2>
        <Show when={done()} fallback={<Badge tone="warning">{t("onboarding.portal.todo")}</Badge>}>
          <Badge tone="success">{t("onboarding.portal.done")}</Badge>
        </Show>
      </div>
      <Show when={done()}>
        <p class="muted small">{doneText(props.onboarding, props.name, me().timeZone)}</p>
      </Show>
      {props.children}
    </section>
  );
}

type Act = (call: (version: number) => Promise<unknown>, next: StepName | "complete") => Promise<boolean>;

function AgreementStep(props: { onboarding: MyOnboarding; act: Act }) {
  const { me } = useSession();
  // Empty, never filled in for them: typing the name is the signature.
  const [fullName, setFullName] = createSignal("");
  // Signing is a step of its own: the form asks first what signing means, then signs.
  const [confirming, setConfirming] = createSignal(false);
  const submission = createSubmission();
  // The dialog's code: asked for when the name field is first used, so it is there by the click.
  const [dialog, setDialog] = createSignal<typeof import("./SignConfirm")>();
  const [opening, setOpening] = createSignal(false);
  const prepareDialog = () => loadSignConfirm().then((m) => setDialog(() => m));
  const openConfirmation = () => {
    if (dialog()) return setConfirming(true);
    setOpening(true);
    prepareDialog()
      .then(() => setConfirming(true))
      // Not there (offline, say): said above the form rather than nothing opening. The next click asks
      // again, though a browser that keeps the failed module answers the same until a reload.
      .catch((e: unknown) => submission.setError(e))
      .finally(() => setOpening(false));
  };
  const agreement = () => props.onboarding.steps.agreement;
  const accept = () =>
    submission.run(async () => {
      // The digest of the text on screen: if the agency changed it meanwhile, the API refuses and the new text loads.
      const sha256 = props.onboarding.agreementSha256;
      await props.act(async (version) => {
        await api.onboarding.acceptAgreement({ version, fullName: fullName().trim(), sha256 });
        toast(t("onboarding.portal.accepted"));
      }, "packet");
    });
  return (
    <>
      <p class="muted small">{t("onboarding.portal.agreementIntro")}</p>
      <div class="onboarding-document" role="region" tabindex="0" aria-label={t("onboarding.portal.agreementText")} data-testid="agreement-text">
        {/* Once accepted, the text stays in the language it was accepted in. */}
        <div lang={props.onboarding.agreementLocale ?? undefined}>
          <RenderedMarkdown html={props.onboarding.agreementHtml} />
        </div>
      </div>
      <Show
        when={!agreement().done}
        fallback={
          <div class="onboarding-signed">
            <p data-testid="agreement-accepted">
              {t("onboarding.portal.acceptedAs", { name: agreement().fullName ?? "", date: agreement().at ? formatDateTime(agreement().at!, me().timeZone) : "" })}
            </p>
            <a href={api.onboarding.signedPdfUrl()} download="" class={buttonClass("secondary", "sm")} data-testid="agreement-pdf">
              {t("onboarding.signedCopy")}
            </a>
          </div>
        }
      >
        <Form submission={submission} onSubmit={openConfirmation} aria-label={t("onboarding.step.agreement")} data-testid="agreement-form">
          <TextField
            label={t("onboarding.portal.fullName")}
            name="fullName"
            required
            autocomplete="off"
            maxlength={200}
            hint={t("onboarding.portal.signHint", { name: me().name })}
            value={fullName()}
            onValue={setFullName}
            onFocus={() => void prepareDialog().catch(() => undefined)}
            error={submission.fieldError("fullName")}
          />
          <p class="muted small">{t("onboarding.portal.evidenceNote")}</p>
          <FormActions>
            <Button type="submit" variant="primary" pending={submission.pending() || opening()}>
              {t("onboarding.portal.accept")}
            </Button>
          </FormActions>
        </Form>
        <Show when={dialog()}>
          {(m) => {
            const SignConfirm = m().SignConfirm;
            return (
              <SignConfirm
                open={confirming()}
                fullName={fullName().trim()}
                onConfirm={() => {
                  setConfirming(false);
                  void accept();
                }}
                onClose={() => setConfirming(false)}
              />
            );
          }}
        </Show>
      </Show>
    </>
  );
}

function PacketStep(props: { onboarding: MyOnboarding; act: Act }) {
  const submission = createSubmission();
  const read = () =>
    submission.run(() =>
      props.act(async (version) => {
        await api.onboarding.readPacket(version);
        toast(t("onboarding.portal.packetRead"));
      }, "complete"),
    );
  return (
    <>
      <div class="onboarding-document" role="region" tabindex="0" aria-label={t("onboarding.step.packet")} data-testid="welcome-packet">
        <Show when={props.onboarding.welcomePacket.trim()} fallback={<p class="muted">{t("onboarding.portal.packetEmpty")}</p>}>
          <RenderedMarkdown html={props.onboarding.welcomePacketHtml} />
        </Show>
      </div>
      <Show when={!props.onboarding.steps.packet.done}>
        <Form submission={submission} onSubmit={() => void read()} aria-label={t("onboarding.step.packet")}>
          <FormActions>
            <Button type="submit" variant="primary" pending={submission.pending()}>
              {t("onboarding.portal.haveRead")}
            </Button>
          </FormActions>
        </Form>
      </Show>
    </>
  );
}
