import { isApiError } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import type { Submission } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { TextArea, TextField } from "@baton/ui/TextField";
import { createUniqueId, For, Show, Suspense } from "solid-js";
import { produce, type SetStoreFunction } from "solid-js/store";

export type Step = { key: number; text: string };
export type SopValues = { title: string; category: string; body: string; steps: Step[]; note: string };

let nextKey = 1;
export const toSteps = (checklist: string[]): Step[] => checklist.map((text) => ({ key: nextKey++, text }));
export const checklistOf = (values: SopValues) => values.steps.map((step) => step.text.trim()).filter(Boolean);

/** Title, category, Markdown body and the ordered checklist of an SOP. */
export function SopFields(props: { values: SopValues; set: SetStoreFunction<SopValues>; submission: Submission; categories: string[]; withNote?: boolean }) {
  const s = props.submission;
  const listId = `sop-categories-${createUniqueId()}`;
  return (
    <>
      <div class="field-row">
        <TextField
          label={t("sops.fieldTitle")}
          name="title"
          required
          autocomplete="off"
          maxlength={150}
          value={props.values.title}
          onValue={(title) => props.set({ title })}
          error={s.fieldError("title")}
        />
        <TextField
          label={t("sops.category")}
          name="category"
          required
          autocomplete="off"
          maxlength={60}
          list={listId}
          hint={t("sops.categoryHint")}
          value={props.values.category}
          onValue={(category) => props.set({ category })}
          error={s.fieldError("category")}
        />
        <datalist id={listId}>
          {/* Suggestions arrive when they arrive; typing never waits for them. */}
          <Suspense>
            <For each={props.categories}>{(category) => <option value={category} />}</For>
          </Suspense>
        </datalist>
      </div>
      <TextArea
        label={t("sops.body")}
        name="body"
        rows={12}
        class="field-mono"
        hint={t("sops.bodyHint")}
        value={props.values.body}
        onValue={(body) => props.set({ body })}
        error={s.fieldError("body")}
      />
      <ChecklistEditor values={props.values} set={props.set} submission={s} />
      <Show when={props.withNote}>
        <TextField
          label={t("sops.note")}
          name="note"
          autocomplete="off"
          maxlength={300}
          hint={t("sops.noteHint")}
          value={props.values.note}
          onValue={(note) => props.set({ note })}
          error={s.fieldError("note")}
        />
      </Show>
    </>
  );
}

/** Ordered steps: add, remove, and move up or down with buttons (focus follows the step). */
function ChecklistEditor(props: { values: SopValues; set: SetStoreFunction<SopValues>; submission: Submission }) {
  const id = createUniqueId();
  // A message about the list as a whole ("at most 100 steps"); step messages sit on their step.
  const listError = () => {
    const e = props.submission.error();
    return isApiError(e) ? e.fields["checklist"] : undefined;
  };
  const focus = (selector: string) => queueMicrotask(() => document.querySelector<HTMLElement>(selector)?.focus());
  const move = (index: number, by: -1 | 1) => {
    const key = props.values.steps[index]!.key;
    props.set(
      "steps",
      produce((steps) => {
        const [step] = steps.splice(index, 1);
        steps.splice(index + by, 0, step!);
      }),
    );
    const at = index + by;
    // Keep focus on the moved step's button; at either end the other direction is the one left.
    const direction = (by === -1 && at === 0) || (by === 1 && at === props.values.steps.length - 1) ? (by === -1 ? "down" : "up") : by === -1 ? "up" : "down";
    focus(`[data-step="${key}"] [data-move="${direction}"]`);
  };
  const add = () => {
    const key = nextKey++;
    props.set("steps", (steps) => [...steps, { key, text: "" }]);
    focus(`[data-step="${key}"] input`);
  };
  const remove = (index: number) => {
    const steps = props.values.steps;
    const neighbour = steps[index + 1] ?? steps[index - 1];
    props.set("steps", (list) => list.filter((_, i) => i !== index));
    focus(neighbour ? `[data-step="${neighbour.key}"] input` : `#${id}-add`);
  };
  return (
    <fieldset class="checklist-editor" name="checklist">
      <legend class="field-label">{t("sops.checklist")}</legend>
      <p class="field-hint">{t("sops.checklistHint")}</p>
      <Show when={listError()}>
        <p class="field-error">{listError()}</p>
      </Show>
      <ol class="steps">
        <For each={props.values.steps}>
          {(step, index) => (
            <li class="step" data-step={step.key} data-testid="checklist-step">
              <TextField
                label={t("sops.stepLabel", { number: index() + 1 })}
                name="checklist"
                class="step-text"
                autocomplete="off"
                maxlength={300}
                value={step.text}
                onValue={(text) => props.set("steps", index(), "text", text)}
                error={props.submission.fieldError(`checklist.${index()}`)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    add();
                  }
                }}
              />
              <div class="step-actions">
                <Button size="sm" variant="ghost" data-move="up" aria-label={t("sops.moveUp", { number: index() + 1 })} disabled={index() === 0} onClick={() => move(index(), -1)}>
                  ↑
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  data-move="down"
                  aria-label={t("sops.moveDown", { number: index() + 1 })}
                  disabled={index() === props.values.steps.length - 1}
                  onClick={() => move(index(), 1)}
                >
                  ↓
                </Button>
                <Button size="sm" variant="ghost" class="btn-danger-text" aria-label={t("sops.removeStep", { number: index() + 1 })} onClick={() => remove(index())}>
                  ×
                </Button>
              </div>
            </li>
          )}
        </For>
      </ol>
      <div>
        <Button size="sm" id={`${id}-add`} onClick={add}>
          {t("sops.addStep")}
        </Button>
      </div>
    </fieldset>
  );
}
