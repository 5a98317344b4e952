import { t } from "@baton/ui/i18n";
import { Loading } from "@baton/ui/Spinner";
import type { OnboardingQuestion } from "@baton/ui/types";
import { createSignal, onCleanup, onMount } from "solid-js";

// Heights in rem of the questionnaire form's parts (styles.css: .form, .field, .field-label,
// .field-hint, inputs), measured in Chromium; and an average glyph's width in em for guessing
// where a label or hint wraps.
const REM = { gap: 1, fieldGap: 0.3, label: 1.35, hint: 1.275, input: 2.5, textarea: 8.05, option: 2.5, optionGap: 0.4, note: 1.31, actions: 2.43, extra: 1 };
const LABEL_GLYPH = 0.9 * 0.6;
const SMALL_GLYPH = 0.85 * 0.5;

/** Lines a text of `length` characters takes at `em` rem a glyph in `width` rem. */
const lines = (length: number, em: number, width: number) => Math.max(1, Math.ceil((length * em) / width));

/** About the form's height in rem at `width` rem wide, from its questions: labels, hints, controls, the note and the buttons. */
export function questionnaireHeight(questions: readonly OnboardingQuestion[], width: number): number {
  const label = (q: OnboardingQuestion) => lines(q.label.length + (q.required ? 2 : 0), LABEL_GLYPH, width) * REM.label;
  const hint = (text: string | null | undefined) => (text ? REM.fieldGap + lines(text.length, SMALL_GLYPH, width) * REM.hint : 0);
  let rem = lines(t("onboarding.portal.requiredNote").length, SMALL_GLYPH, width) * REM.note + REM.gap + REM.actions + REM.extra;
  for (const q of questions) {
    rem += REM.gap + label(q) + REM.fieldGap;
    if (q.kind === "choice" || q.kind === "multi_choice") rem += q.options.length * REM.option + Math.max(0, q.options.length - 1) * REM.optionGap + hint(q.help);
    else if (q.kind === "long_text") rem += REM.textarea + hint(q.help);
    else if (q.kind === "date") rem += REM.input + hint(q.help ?? t("datePicker.hint", { example: "00/00/0000" }));
    else if (q.kind === "url") rem += REM.input + hint(q.help ?? t("onboarding.portal.urlHint"));
    else rem += REM.input + hint(q.help);
  }
  return rem;
}

/** Stands in for the questionnaire while its form's code loads: a loading line in about the form's room, so the steps below don't move when it appears. */
export function QuestionnairePending(props: { questions: readonly OnboardingQuestion[] }) {
  let el!: HTMLDivElement;
  const [width, setWidth] = createSignal<number>();
  // Observed, not read once: the page may still be held off-screen when this mounts, and the window may change.
  onMount(() => {
    const observer = new ResizeObserver(() => {
      if (el.clientWidth) setWidth(el.clientWidth / parseFloat(getComputedStyle(document.documentElement).fontSize));
    });
    observer.observe(el);
    onCleanup(() => observer.disconnect());
  });
  return (
    <div ref={el} class="onboarding-pending" style={{ "min-height": width() ? `${questionnaireHeight(props.questions, width()!)}rem` : undefined }} data-testid="questionnaire-pending">
      <Loading inline />
    </div>
  );
}
