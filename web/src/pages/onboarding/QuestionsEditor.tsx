import { isApiError } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import type { Submission } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { Select } from "@baton/ui/Select";
import { TextField } from "@baton/ui/TextField";
import type { OnboardingKitInput, OnboardingQuestion } from "@baton/ui/types";
import { createUniqueId, For, Show } from "solid-js";
import { produce, type SetStoreFunction } from "solid-js/store";
import { isChoice, questionKinds, type QuestionKind } from "./data";

type Option = { key: number; text: string };
export type QuestionValues = {
  key: number;
  /** The API's id; absent on a question added since the last save (the API gives it one). */
  id?: string;
  kind: QuestionKind;
  label: string;
  help: string;
  required: boolean;
  options: Option[];
  /** The client field the answer fills ("" for none). */
  field: OnboardingQuestion["field"] | "";
};

/** Which client fields a question of each kind can fill (the API says the same). */
const fieldsFor: Partial<Record<QuestionKind, NonNullable<OnboardingQuestion["field"]>[]>> = {
  url: ["website"],
  text: ["billingName", "billingAddress", "taxId"],
  long_text: ["billingAddress"],
};

let nextKey = 1;
const toOptions = (options: string[]): Option[] => options.map((text) => ({ key: nextKey++, text }));

export const toQuestionValues = (questions: OnboardingQuestion[]): QuestionValues[] =>
  questions.map((q) => ({ key: nextKey++, id: q.id, kind: q.kind, label: q.label, help: q.help ?? "", required: q.required, options: toOptions(q.options), field: q.field ?? "" }));

/** What the API takes: blank options left out, options only on choice questions, no help as null. */
export const toQuestionInputs = (questions: QuestionValues[]): OnboardingKitInput["questions"] =>
  questions.map((q) => ({
    ...(q.id ? { id: q.id } : {}),
    kind: q.kind,
    label: q.label,
    help: q.help.trim() || null,
    required: q.required,
    options: isChoice(q.kind) ? q.options.map((o) => o.text.trim()).filter(Boolean) : [],
    // A field the kind can't fill (the kind changed since) is dropped rather than refused.
    field: q.field && fieldsFor[q.kind]?.includes(q.field) ? q.field : null,
  }));

type Values = { questions: QuestionValues[] };

const focus = (selector: string) => queueMicrotask(() => document.querySelector<HTMLElement>(selector)?.focus());

/**
 * The questionnaire: add, remove, reorder with buttons (focus follows the question), and edit each
 * question. A catalog service's intake form uses it too: its errors come under `prefix` ("form")
 * and it fills no client field.
 */
export function QuestionsEditor<T extends Values>(props: { questions: QuestionValues[]; set: SetStoreFunction<T>; submission: Submission; prefix?: string; clientFields?: boolean }) {
  const prefix = () => props.prefix ?? "questions";
  const id = createUniqueId();
  // The store setter typed for the part of the form this edits.
  const set = props.set as unknown as SetStoreFunction<Values>;
  const listError = () => {
    const e = props.submission.error();
    return isApiError(e) ? e.fields[prefix()] : undefined;
  };
  const add = () => {
    const key = nextKey++;
    set("questions", (list) => [...list, { key, kind: "text", label: "", help: "", required: false, options: [], field: "" }]);
    focus(`[data-question="${key}"] select`);
  };
  const remove = (index: number) => {
    const list = props.questions;
    const neighbour = list[index + 1] ?? list[index - 1];
    set("questions", (all) => all.filter((_, i) => i !== index));
    focus(neighbour ? `[data-question="${neighbour.key}"] select` : `#${id}-add`);
  };
  const move = (index: number, by: -1 | 1) => {
    const key = props.questions[index]!.key;
    set(
      "questions",
      produce((list) => {
        const [question] = list.splice(index, 1);
        list.splice(index + by, 0, question!);
      }),
    );
    const at = index + by;
    const last = props.questions.length - 1;
    const direction = (by === -1 && at === 0) || (by === 1 && at === last) ? (by === -1 ? "down" : "up") : by === -1 ? "up" : "down";
    focus(`[data-question="${key}"] [data-move="${direction}"]`);
  };

  return (
    <fieldset class="kit-questions" name={prefix()}>
      <legend class="sr-only">{t("onboarding.kit.questions")}</legend>
      <Show when={listError()}>
        <p class="field-error">{listError()}</p>
      </Show>
      <Show when={props.questions.length === 0}>
        <p class="muted" data-testid="no-questions">
          {t("onboarding.kit.noQuestions")}
        </p>
      </Show>
      <For each={props.questions}>
        {(question, index) => {
          const number = () => index() + 1;
          const error = (field: string) => props.submission.fieldError(`${prefix()}.${index()}.${field}`);
          return (
            <fieldset class="kit-question" data-question={question.key} data-testid="kit-question">
              <legend>{t("onboarding.kit.questionNumber", { number: number() })}</legend>
              <div class="field-row">
                <Select
                  label={t("onboarding.kit.kind")}
                  name={`${prefix()}.${index()}.kind`}
                  options={questionKinds.map((kind) => ({ value: kind, label: t(`onboarding.kind.${kind}`) }))}
                  value={question.kind}
                  onValue={(kind) => set("questions", index(), "kind", kind as QuestionKind)}
                  error={error("kind")}
                />
                <TextField
                  label={t("onboarding.kit.label")}
                  name={`${prefix()}.${index()}.label`}
                  required
                  autocomplete="off"
                  maxlength={300}
                  value={question.label}
                  onValue={(label) => set("questions", index(), "label", label)}
                  error={error("label")}
                />
              </div>
              <TextField
                label={t("onboarding.kit.help")}
                name={`${prefix()}.${index()}.help`}
                autocomplete="off"
                maxlength={1000}
                hint={t("onboarding.kit.helpHint")}
                value={question.help}
                onValue={(help) => set("questions", index(), "help", help)}
                error={error("help")}
              />
              <Show when={props.clientFields !== false && fieldsFor[question.kind]}>
                {(fields) => (
                  <Select
                    label={t("onboarding.kit.field")}
                    name={`${prefix()}.${index()}.field`}
                    hint={t("onboarding.kit.fieldHint")}
                    options={[{ value: "", label: t("onboarding.kit.fieldNone") }, ...fields().map((field) => ({ value: field, label: t(`onboarding.field.${field}`) }))]}
                    value={question.field && fields().includes(question.field) ? question.field : ""}
                    onValue={(field) => set("questions", index(), "field", field as QuestionValues["field"])}
                    error={error("field")}
                  />
                )}
              </Show>
              <Show when={isChoice(question.kind)}>
                <OptionsEditor
                  number={number()}
                  options={question.options}
                  error={error("options")}
                  onChange={(update) => set("questions", index(), "options", update)}
                />
              </Show>
              <div class="kit-question-bar">
                <label class="check">
                  <input
                    type="checkbox"
                    name={`${prefix()}.${index()}.required`}
                    checked={question.required}
                    onChange={(e) => set("questions", index(), "required", e.currentTarget.checked)}
                  />
                  <span>{t("onboarding.kit.required")}</span>
                </label>
                <div class="step-actions">
                  <Button size="sm" variant="ghost" data-move="up" aria-label={t("onboarding.kit.moveUp", { number: number() })} disabled={index() === 0} onClick={() => move(index(), -1)}>
                    ↑
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    data-move="down"
                    aria-label={t("onboarding.kit.moveDown", { number: number() })}
                    disabled={index() === props.questions.length - 1}
                    onClick={() => move(index(), 1)}
                  >
                    ↓
                  </Button>
                  <Button size="sm" variant="ghost" class="btn-danger-text" onClick={() => remove(index())}>
                    {t("onboarding.kit.removeQuestion", { number: number() })}
                  </Button>
                </div>
              </div>
            </fieldset>
          );
        }}
      </For>
      <div>
        <Button size="sm" id={`${id}-add`} onClick={add}>
          {t("onboarding.kit.addQuestion")}
        </Button>
      </div>
    </fieldset>
  );
}

/** A choice question's options; the API's message about them (too few, repeated) sits under the list. */
function OptionsEditor(props: { number: number; options: Option[]; error: string | undefined; onChange: (update: (options: Option[]) => Option[]) => void }) {
  const id = createUniqueId();
  const add = () => {
    const key = nextKey++;
    props.onChange((options) => [...options, { key, text: "" }]);
    focus(`[data-option="${key}"] input`);
  };
  const remove = (index: number) => {
    const neighbour = props.options[index + 1] ?? props.options[index - 1];
    props.onChange((options) => options.filter((_, i) => i !== index));
    focus(neighbour ? `[data-option="${neighbour.key}"] input` : `#${id}-add`);
  };
  return (
    <fieldset class="kit-options" classList={{ "field-invalid": !!props.error }} aria-describedby={props.error ? `${id}-error` : undefined} data-testid="kit-options">
      <legend class="field-label">{t("onboarding.kit.options")}</legend>
      <ol>
        <For each={props.options}>
          {(option, index) => (
            <li class="kit-option" data-option={option.key}>
              <TextField
                label={t("onboarding.kit.optionLabel", { number: index() + 1 })}
                autocomplete="off"
                maxlength={200}
                value={option.text}
                onValue={(text) => props.onChange((options) => options.map((o, i) => (i === index() ? { ...o, text } : o)))}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    add();
                  }
                }}
              />
              <Button size="sm" variant="ghost" class="btn-danger-text" aria-label={t("onboarding.kit.removeOption", { number: index() + 1, question: props.number })} onClick={() => remove(index())}>
                ×
              </Button>
            </li>
          )}
        </For>
      </ol>
      <Show when={props.error}>
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      </Show>
      <Button size="sm" id={`${id}-add`} onClick={add}>
        {t("onboarding.kit.addOption")}
      </Button>
    </fieldset>
  );
}
