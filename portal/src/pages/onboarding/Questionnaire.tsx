import { ApiError, isApiError } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { createSubmission, FormActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { QuestionControl } from "@baton/ui/QuestionControl";
import type { ClientOnboarding, OnboardingQuestion } from "@baton/ui/types";
import { createSignal, For } from "solid-js";
// Not used here, imported for the bundle's shape: a lazy part that reaches only some of the app's
// shared modules makes the bundler split the first load's shared chunk (measured +1.6 KB gzip);
// through the session it reaches all of them, as every page does.
import "@baton/ui/session";

// Loaded by the page only while the questionnaire is open (see index.tsx): a client past it never
// downloads the form, its controls or the date picker.

type Answers = Record<string, string | string[]>;

const isEmpty = (value: string | string[] | undefined) => (Array.isArray(value) ? value.length === 0 : !value?.trim());

/** Every question's answer, trimmed; a blank one is sent blank so a cleared draft answer is cleared. */
function toInput(questions: OnboardingQuestion[], answers: Answers): Answers {
  const out: Answers = {};
  for (const q of questions) {
    const value = answers[q.id];
    out[q.id] = q.kind === "multi_choice" ? (Array.isArray(value) ? [...value] : []) : typeof value === "string" ? value.trim() : "";
  }
  return out;
}

/**
 * The intake questionnaire: one control per question kind, saved as a draft or submitted. A
 * submit with required questions left blank is stopped here, each message beside its question;
 * the API checks again and its messages land in the same places.
 */
export function Questionnaire(props: {
  onboarding: ClientOnboarding;
  save: (answers: Answers, submit: boolean) => Promise<unknown>;
}) {
  const initial: Answers = {};
  for (const q of props.onboarding.questions) {
    const value = props.onboarding.answers[q.id];
    initial[q.id] = q.kind === "multi_choice" ? (Array.isArray(value) ? [...value] : []) : typeof value === "string" ? value : "";
  }
  // A signal per question (not solid's store, which this part would load for this alone): typing
  // in one control updates that control only.
  const fields = new Map(props.onboarding.questions.map((q) => [q.id, createSignal(initial[q.id]!)] as const));
  const answers = (): Answers => Object.fromEntries([...fields].map(([id, [value]]) => [id, value()]));
  const draft = createSubmission();
  const submission = createSubmission();
  let form!: HTMLFormElement;

  // One error on screen at a time: the latest action's.
  const error = () => submission.error() ?? draft.error();
  const fieldError = (id: string) => submission.fieldError(`answers.${id}`) ?? draft.fieldError(`answers.${id}`);
  const known = () => new Set(props.onboarding.questions.map((q) => `answers.${q.id}`));
  const unshown = (): [string, string][] => {
    const e = error();
    return isApiError(e) ? Object.entries(e.fields).filter(([name]) => !known().has(name)) : [];
  };
  const focusFirstInvalid = () => queueMicrotask(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const saveDraft = () => {
    submission.clear();
    void draft.run(() => props.save(toInput(props.onboarding.questions, answers()), false)).then(focusFirstInvalid);
  };
  const submit = () => {
    draft.clear();
    void submission
      .run(async () => {
        const missing = props.onboarding.questions.filter((q) => q.required && isEmpty(answers()[q.id]));
        if (missing.length) {
          const fields = Object.fromEntries(missing.map((q) => [`answers.${q.id}`, t("onboarding.portal.requiredAnswer")]));
          throw new ApiError(400, "validation_failed", t("error.validation_failed"), fields);
        }
        await props.save(toInput(props.onboarding.questions, answers()), true);
      })
      .then(focusFirstInvalid);
  };

  return (
    <form
      ref={form}
      class="form"
      novalidate
      aria-label={t("onboarding.step.questionnaire")}
      data-testid="questionnaire-form"
      aria-busy={draft.pending() || submission.pending() ? "true" : undefined}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <ErrorMessage error={error()} fields={unshown()} />
      <p class="muted small">{t("onboarding.portal.requiredNote")}</p>
      <For each={props.onboarding.questions}>
        {(question) => (
          <QuestionControl
            question={question}
            value={fields.get(question.id)![0]()}
            error={fieldError(question.id)}
            onValue={(value) => fields.get(question.id)![1](value)}
          />
        )}
      </For>
      <FormActions>
        <Button pending={draft.pending()} disabled={submission.pending()} onClick={saveDraft}>
          {t("onboarding.portal.saveDraft")}
        </Button>
        <Button type="submit" variant="primary" pending={submission.pending()} disabled={draft.pending()}>
          {t("onboarding.portal.submitAnswers")}
        </Button>
      </FormActions>
    </form>
  );
}
