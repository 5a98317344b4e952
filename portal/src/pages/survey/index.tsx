import { isApiError } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { Title } from "@baton/ui/session";
import { Loading } from "@baton/ui/Spinner";
import { TextArea } from "@baton/ui/TextField";
import { useParams, useSearchParams } from "@solidjs/router";
import { createEffect, createSignal, For, Match, on, onMount, Show, Switch } from "solid-js";
import { addComment, answer, parseScore, view, type SurveyPage } from "./data";
import "./survey.css";

type State =
  | { phase: "loading" | "saving" }
  /** Not answered yet: the score buttons (with the link's score, if any, chosen and waiting to be sent). */
  | { phase: "open"; page: SurveyPage; chosen?: number }
  /** Answered just now, by this visit. */
  | { phase: "thanks"; page: SurveyPage }
  /** Answered before (a link used again). */
  | { phase: "answered"; page: SurveyPage }
  | { phase: "expired"; page?: SurveyPage }
  | { phase: "invalid" }
  | { phase: "failed"; error: unknown };

/**
 * A feedback survey, opened from a score link in an email: no sign-in, the link's token is the
 * credential. A link with `?score=` arrives with that score chosen, and nothing is recorded until
 * the person presses Send: mail gateways open links (some run their scripts) to check them, and
 * must not cast the vote for the client. Then an optional comment.
 */
export default function Survey() {
  const params = useParams<{ token: string }>();
  const [search, setSearch] = useSearchParams<{ score?: string }>();
  const [state, setState] = createSignal<State>({ phase: "loading" });
  let heading: HTMLHeadingElement | undefined;

  const settle = (error: unknown, page?: SurveyPage): State => {
    if (!isApiError(error)) return { phase: "failed", error };
    if (error.code === "survey.answered") return { phase: "answered", page: (error.body as { current: SurveyPage }).current };
    if (error.status === 410) return { phase: "expired", ...(page ? { page } : {}) };
    if (error.status === 404) return { phase: "invalid" };
    return { phase: "failed", error };
  };

  async function load(chosen?: number) {
    try {
      const page = await view(params.token);
      const valid = chosen !== undefined && chosen >= page.scale.min && chosen <= page.scale.max ? chosen : undefined;
      setState(page.status === "open" ? { phase: "open", page, ...(valid !== undefined ? { chosen: valid } : {}) } : page.status === "answered" ? { phase: "answered", page } : { phase: "expired", page });
    } catch (error) {
      setState(settle(error));
    }
  }

  async function record(score: number, page?: SurveyPage) {
    setState({ phase: "saving" });
    try {
      setState({ phase: "thanks", page: await answer(params.token, score) });
    } catch (error) {
      // A score off the scale (edited by hand): show the scale instead.
      if (isApiError(error) && error.code === "validation_failed") return load();
      setState(settle(error, page));
    }
  }

  onMount(() => {
    const score = parseScore(search.score);
    // Only chosen, never sent on arrival; the score stays in the address until it is sent.
    void load(score ?? undefined);
  });

  async function send(score: number, page: SurveyPage) {
    // Sent: the score leaves the address, so a reload shows the answer instead of offering it again.
    setSearch({ score: undefined }, { replace: true });
    await record(score, page);
  }

  // Each new state is announced by moving focus to its heading.
  createEffect(on(() => state().phase, (phase) => phase !== "loading" && phase !== "saving" && heading?.focus(), { defer: true }));

  const page = () => {
    const current = state();
    return "page" in current ? current.page : undefined;
  };

  return (
    <div class="auth-page survey-page">
      <Title>{t("survey.pageTitle")}</Title>
      <main class="auth-card survey-card">
        <p class="auth-app">{page()?.agency ?? t("app.portal")}</p>
        <Switch>
          <Match when={state().phase === "loading"}>
            <Loading label={t("survey.loading")} />
          </Match>
          <Match when={state().phase === "saving"}>
            <Loading label={t("survey.saving")} />
          </Match>
          <Match when={state().phase === "open" && page()}>
            {(open) => (
              <>
                <h1 ref={heading} tabindex="-1" id="survey-question">
                  {open().question}
                </h1>
                <Show when={(state() as { chosen?: number }).chosen}>
                  {(chosen) => (
                    <div class="survey-confirm stack">
                      <p data-testid="survey-chosen">{t("survey.chosenHint", { score: chosen(), max: open().scale.max })}</p>
                      <Button variant="primary" onClick={() => void send(chosen(), open())}>
                        {t("survey.sendChosen", { score: chosen(), max: open().scale.max })}
                      </Button>
                    </div>
                  )}
                </Show>
                <Scale page={open()} chosen={(state() as { chosen?: number }).chosen} onScore={(score) => void send(score, open())} />
              </>
            )}
          </Match>
          <Match when={state().phase === "thanks" && page()}>
            {(answered) => (
              <>
                <h1 ref={heading} tabindex="-1">
                  {t("survey.thanksTitle")}
                </h1>
                <p data-testid="survey-thanks">{t("survey.thanks", { score: answered().score ?? "", max: answered().scale.max })}</p>
                <Comment token={params.token} page={answered()} onSaved={(saved) => setState({ phase: "thanks", page: saved })} />
              </>
            )}
          </Match>
          <Match when={state().phase === "answered" && page()}>
            {(answered) => (
              <>
                <h1 ref={heading} tabindex="-1">
                  {t("survey.answeredTitle")}
                </h1>
                <p data-testid="survey-answered">{t("survey.answered", { score: answered().score ?? "" })}</p>
                <Comment token={params.token} page={answered()} onSaved={(saved) => setState({ phase: "answered", page: saved })} />
              </>
            )}
          </Match>
          <Match when={state().phase === "expired"}>
            <h1 ref={heading} tabindex="-1">
              {t("survey.expiredTitle")}
            </h1>
            <p data-testid="survey-expired">{t("survey.expired")}</p>
          </Match>
          <Match when={state().phase === "invalid"}>
            <h1 ref={heading} tabindex="-1">
              {t("survey.invalidTitle")}
            </h1>
            <p data-testid="survey-invalid">{t("survey.invalid")}</p>
          </Match>
          <Match when={state().phase === "failed"}>
            <h1 ref={heading} tabindex="-1">
              {t("survey.pageTitle")}
            </h1>
            <ErrorMessage error={(state() as { error: unknown }).error} onRetry={() => void load()} />
          </Match>
        </Switch>
      </main>
    </div>
  );
}

/** One button per score, in a labelled group; the ends of the scale say what they mean. */
function Scale(props: { page: SurveyPage; chosen?: number | undefined; onScore: (score: number) => void }) {
  const scores = () => Array.from({ length: props.page.scale.max - props.page.scale.min + 1 }, (_, i) => props.page.scale.min + i);
  const ends = () => (props.page.kind === "csat" ? [t("survey.csatLow"), t("survey.csatHigh")] : [t("survey.npsLow"), t("survey.npsHigh")]);
  return (
    <div role="group" aria-labelledby="survey-question" aria-describedby="survey-ends" class="survey-scale">
      <p class="sr-only">{t("survey.scale", { min: props.page.scale.min, max: props.page.scale.max })}</p>
      <div class="survey-scores" classList={{ "survey-scores-wide": scores().length > 5 }}>
        <For each={scores()}>
          {(score) => (
            <button type="button" class="survey-score" classList={{ "survey-score-chosen": props.chosen === score }} aria-pressed={props.chosen === score} aria-label={t("survey.scoreButtonLabel", { score, max: props.page.scale.max })} onClick={() => props.onScore(score)}>
              {t("survey.scoreButton", { score })}
            </button>
          )}
        </For>
      </div>
      <p id="survey-ends" class="survey-ends muted small">
        <span>{ends()[0]}</span>
        <span>{ends()[1]}</span>
      </p>
    </div>
  );
}

/** The optional comment: once, within 24 hours of the score. */
function Comment(props: { token: string; page: SurveyPage; onSaved: (page: SurveyPage) => void }) {
  const [text, setText] = createSignal("");
  const [closed, setClosed] = createSignal(false);
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      try {
        props.onSaved(await addComment(props.token, text()));
      } catch (error) {
        if (isApiError(error) && error.code === "survey.commented") return props.onSaved((error.body as { current: SurveyPage }).current);
        if (isApiError(error) && error.code === "survey.comment_closed") return void setClosed(true);
        throw error;
      }
    });
  return (
    <Show
      when={props.page.commentOpen && !closed()}
      fallback={
        <Show when={props.page.comment} fallback={<Show when={closed()}><p class="muted">{t("survey.commentClosed")}</p></Show>}>
          {(comment) => (
            <div role="status">
              <p class="notice notice-success" data-testid="survey-comment-thanks">
                {t("survey.commentThanks")}
              </p>
              <p class="muted small survey-comment">{t("survey.yourComment", { comment: comment() })}</p>
            </div>
          )}
        </Show>
      }
    >
      <Form submission={submission} onSubmit={submit} aria-label={t("survey.commentForm")}>
        <TextArea
          label={t("survey.commentLabel")}
          hint={t("survey.commentHint", { agency: props.page.agency })}
          name="comment"
          rows={4}
          maxlength={2000}
          value={text()}
          onValue={setText}
          error={submission.fieldError("comment")}
        />
        <FormActions>
          <Button type="submit" variant="primary" pending={submission.pending()}>
            {t("survey.commentSend")}
          </Button>
        </FormActions>
      </Form>
    </Show>
  );
}
