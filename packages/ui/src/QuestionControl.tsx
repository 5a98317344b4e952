import { DateField } from "./DatePicker";
import { Field } from "./Field";
import { t } from "./i18n";
import type { OnboardingQuestion } from "./types";
import { createUniqueId, For, Match, Show, Switch } from "solid-js";
import "./question.css";

/** A question as both forms have it (the questionnaire's also names a client field, which no control shows). */
type FormQuestion = Omit<OnboardingQuestion, "field">;

// Shared by the portal (onboarding questionnaire, a catalog service's request form) and the team
// app (the owner filing a service request for a client): one control per question kind.

/** One question's control by its kind. */
export function QuestionControl(props: {
  question: FormQuestion;
  value: string | string[] | undefined;
  error: string | undefined;
  onValue: (value: string | string[]) => void;
}) {
  const text = () => (typeof props.value === "string" ? props.value : "");
  const list = () => (Array.isArray(props.value) ? props.value : []);
  const name = () => `answers.${props.question.id}`;
  const help = () => props.question.help ?? undefined;
  const required = () => (props.question.required ? ("true" as const) : undefined);
  return (
    <Switch>
      <Match when={props.question.kind === "choice" || props.question.kind === "multi_choice"}>
        <ChoiceGroup question={props.question} error={props.error} onValue={props.onValue} multiple={props.question.kind === "multi_choice"} selected={props.question.kind === "multi_choice" ? list() : text() ? [text()] : []} />
      </Match>
      <Match when={props.question.kind === "long_text"}>
        <Field label={props.question.label} hint={help()} error={props.error} required={props.question.required}>
          {(control) => <textarea id={control.id} name={name()} aria-required={required()} aria-invalid={control.invalid ? "true" : undefined} aria-describedby={control.describedBy} rows={5} maxlength={5000} value={text()} onInput={(e) => props.onValue(e.currentTarget.value)} />}
        </Field>
      </Match>
      <Match when={props.question.kind === "date"}>
        <DateField label={props.question.label} hint={help()} error={props.error} required={props.question.required} name={name()} value={text()} onValue={props.onValue} />
      </Match>
      <Match when={props.question.kind === "url"}>
        <Field label={props.question.label} hint={help() ?? t("onboarding.portal.urlHint")} error={props.error} required={props.question.required}>
          {(control) => (
            <input id={control.id} name={name()} aria-required={required()} aria-invalid={control.invalid ? "true" : undefined} aria-describedby={control.describedBy} type="url" inputmode="url" autocomplete="url" placeholder="https://" maxlength={2000} value={text()} onInput={(e) => props.onValue(e.currentTarget.value)} />
          )}
        </Field>
      </Match>
      <Match when={true}>
        <Field label={props.question.label} hint={help()} error={props.error} required={props.question.required}>
          {(control) => <input id={control.id} name={name()} aria-required={required()} aria-invalid={control.invalid ? "true" : undefined} aria-describedby={control.describedBy} type="text" maxlength={1000} value={text()} onInput={(e) => props.onValue(e.currentTarget.value)} />}
        </Field>
      </Match>
    </Switch>
  );
}

/** Radios for one choice, checkboxes for several: a fieldset whose legend is the question. */
function ChoiceGroup(props: {
  question: FormQuestion;
  error: string | undefined;
  multiple: boolean;
  selected: string[];
  onValue: (value: string | string[]) => void;
}) {
  const id = `q-${createUniqueId()}`;
  const describedBy = () => [props.question.help ? `${id}-hint` : "", props.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const toggle = (option: string, on: boolean) => {
    if (!props.multiple) return props.onValue(option);
    const next = props.question.options.filter((o) => (o === option ? on : props.selected.includes(o)));
    props.onValue(next);
  };
  return (
    <fieldset
      class="field choice-group"
      classList={{ "field-invalid": !!props.error }}
      aria-labelledby={`${id}-legend`}
      aria-describedby={describedBy()}
      aria-required={!props.multiple && props.question.required ? "true" : undefined}
      role={props.multiple ? undefined : "radiogroup"}
      data-testid="choice-group"
    >
      <legend class="field-label" id={`${id}-legend`}>
        {props.question.label}
        <Show when={props.question.required}>
          <span class="required" aria-hidden="true">
            {" *"}
          </span>
        </Show>
      </legend>
      <Show when={props.question.help}>
        <p class="field-hint" id={`${id}-hint`}>
          {props.question.help}
        </p>
      </Show>
      <div class="choice-options">
        <For each={props.question.options}>
          {(option, index) => (
            <label class="check">
              <input
                type={props.multiple ? "checkbox" : "radio"}
                name={`answers.${props.question.id}`}
                value={option}
                checked={props.selected.includes(option)}
                aria-invalid={props.error && index() === 0 ? "true" : undefined}
                onChange={(e) => toggle(option, e.currentTarget.checked)}
              />
              <span>{option}</span>
            </label>
          )}
        </For>
      </div>
      <Show when={props.error}>
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      </Show>
    </fieldset>
  );
}


/** A form's answers as the inputs hold them, by question id. */
export type Answers = Record<string, string | string[]>;

/** Each question's answer as the API takes it: a list for multiple choice, trimmed text otherwise; blanks left out. */
export function answersFor(form: readonly Pick<OnboardingQuestion, "id" | "kind">[], answers: Answers): Answers {
  const out: Answers = {};
  for (const q of form) {
    const value = answers[q.id];
    if (q.kind === "multi_choice") out[q.id] = Array.isArray(value) ? [...value] : [];
    else if (typeof value === "string" && value.trim()) out[q.id] = value.trim();
  }
  return out;
}
