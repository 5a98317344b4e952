import { isRealDate } from "@baton/kernel/dates";
import { formatDate } from "@baton/ui/i18n";
import type { ClientOnboarding, OnboardingQuestion } from "@baton/ui/types";
import { For } from "solid-js";

/** What was submitted, read-only: a date in words, choices in a row. */
export function SubmittedAnswers(props: { onboarding: ClientOnboarding }) {
  const text = (question: OnboardingQuestion) => {
    const value = props.onboarding.answers[question.id];
    if (Array.isArray(value)) return value.join(", ");
    if (!value) return "";
    // A calendar date, not an instant: read at noon UTC so no zone moves it a day.
    if (question.kind === "date" && isRealDate(value)) return formatDate(`${value}T12:00:00Z`, "UTC");
    return value;
  };
  return (
    <dl class="facts onboarding-answers" data-testid="submitted-answers">
      <For each={props.onboarding.questions}>
        {(question) => (
          <div>
            <dt>{question.label}</dt>
            <dd class="prose-text">{text(question) || <span class="muted">—</span>}</dd>
          </div>
        )}
      </For>
    </dl>
  );
}
