import { api } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { TextArea } from "@baton/ui/TextField";
import type { WorkTask } from "@baton/ui/types";
import { createSignal, For, Show } from "solid-js";

const scores = [1, 2, 3, 4, 5] as const;

/** QA: score the deliverable 1–5, then approve it for the client or return it with notes. */
export function ReviewForm(props: { task: WorkTask; onReviewed: (task: WorkTask, decision: "approve" | "return") => void; onStale: (error: unknown) => boolean }) {
  const [rubric, setRubric] = createSignal<number>();
  const [notes, setNotes] = createSignal("");
  // What the client will read: the subcontractor's text until QA edits it.
  const [clientNote, setClientNote] = createSignal(props.task.deliverable?.clientNote ?? props.task.deliverable?.text ?? "");
  const [decision, setDecision] = createSignal<"approve" | "return">("approve");
  const submission = createSubmission();

  const submit = () =>
    submission.run(async () => {
      const chosen = decision();
      try {
        const { task } = await api.tasks.review(props.task.id, {
          version: props.task.version,
          decision: chosen,
          rubric: rubric() ?? 0,
          ...(notes().trim() ? { notes: notes().trim() } : {}),
          ...(chosen === "approve" && clientNote().trim() && clientNote().trim() !== props.task.deliverable?.text ? { clientNote: clientNote().trim() } : {}),
        });
        props.onReviewed(task, chosen);
      } catch (e) {
        props.onStale(e);
        throw e;
      }
    });

  return (
    <section class="card" aria-labelledby="review-title" data-testid="qa-review">
      <h2 id="review-title">{t("qa.reviewTitle")}</h2>
      <p class="muted small">{t("qa.reviewIntro")}</p>
      <Form submission={submission} onSubmit={submit} aria-label={t("qa.reviewTitle")}>
        <fieldset class="rubric" classList={{ "field-invalid": !!submission.fieldError("rubric") }}>
          <legend class="field-label">
            {t("qa.rubric")}
            <span class="required" aria-hidden="true">
              {" *"}
            </span>
          </legend>
          <div class="rubric-options">
            <For each={scores}>
              {(score) => (
                <label class="rubric-option">
                  <input
                    type="radio"
                    name="rubric"
                    value={score}
                    required
                    checked={rubric() === score}
                    aria-invalid={submission.fieldError("rubric") ? "true" : undefined}
                    onChange={() => setRubric(score)}
                  />
                  <span class="rubric-score">{score}</span>
                  <span class="rubric-label">{t(`qa.score${score}`)}</span>
                </label>
              )}
            </For>
          </div>
          <Show when={submission.fieldError("rubric")}>
            <p class="field-error">{submission.fieldError("rubric")}</p>
          </Show>
        </fieldset>
        <TextArea
          label={t("qa.notes")}
          name="notes"
          rows={4}
          maxlength={5000}
          hint={t("qa.notesHint")}
          // Set by the Return button's click, before the browser checks the form.
          required={decision() === "return"}
          value={notes()}
          onValue={setNotes}
          error={submission.fieldError("notes")}
        />
        <TextArea
          label={t("qa.clientNote")}
          name="clientNote"
          rows={4}
          maxlength={10000}
          hint={t("qa.clientNoteHint")}
          value={clientNote()}
          onValue={setClientNote}
          error={submission.fieldError("clientNote")}
        />
        <FormActions>
          <Button type="submit" class="btn-danger-text" pending={submission.pending() && decision() === "return"} onClick={() => setDecision("return")}>
            {t("qa.return")}
          </Button>
          <Button type="submit" variant="primary" pending={submission.pending() && decision() === "approve"} onClick={() => setDecision("approve")}>
            {t("qa.approve")}
          </Button>
        </FormActions>
      </Form>
    </section>
  );
}
