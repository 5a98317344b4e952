import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { TextArea } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import { revalidate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { followUp, getSummary, type SurveyResponse } from "./data";
import { kindLabel, ResponseItem } from "./ResponseItem";

// The low scores still to follow up, and marking one followed up (with a note).

export function FollowUps(props: { items: SurveyResponse[] }) {
  const [marking, setMarking] = createSignal<SurveyResponse>();
  return (
    <section class="sat-section" aria-labelledby="sat-follow-ups">
      <h2 id="sat-follow-ups">{t("satisfaction.followUps")}</h2>
      <p class="muted small">{t("satisfaction.followUpsIntro")}</p>
      <Show when={props.items.length} fallback={<p class="sat-all-clear" data-testid="follow-ups-empty">{t("satisfaction.followUpsEmpty")}</p>}>
        <ul class="sat-responses" data-testid="follow-ups">
          <For each={props.items}>
            {(item) => (
              <ResponseItem
                item={item}
                action={
                  <Button
                    size="sm"
                    aria-label={t("satisfaction.markFollowedUpNamed", { kind: kindLabel(item), score: item.score, name: item.contact.name })}
                    onClick={() => setMarking(item)}
                  >
                    {t("satisfaction.markFollowedUp")}
                  </Button>
                }
              />
            )}
          </For>
        </ul>
      </Show>
      <Dialog open={!!marking()} title={t("satisfaction.followUpTitle")} onClose={() => setMarking(undefined)}>
        <Show when={marking()}>{(item) => <FollowUpForm item={item()} onDone={() => setMarking(undefined)} />}</Show>
      </Dialog>
    </section>
  );
}

function FollowUpForm(props: { item: SurveyResponse; onDone: () => void }) {
  const [note, setNote] = createSignal("");
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      await followUp(props.item.id, { version: props.item.version, ...(note().trim() ? { note: note().trim() } : {}) });
      toast(t("satisfaction.followedUp"));
      props.onDone();
      await revalidate(getSummary.key);
    });
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("satisfaction.followUpTitle")}>
      <TextArea
        label={t("satisfaction.followUpNote")}
        hint={t("satisfaction.followUpNoteHint")}
        name="note"
        rows={3}
        maxlength={2000}
        value={note()}
        onValue={setNote}
        error={submission.fieldError("note")}
      />
      <FormActions>
        <Button onClick={() => props.onDone()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("satisfaction.markFollowedUp")}
        </Button>
      </FormActions>
    </Form>
  );
}
