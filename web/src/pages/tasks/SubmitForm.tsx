import { api, ApiError } from "@baton/ui/api";
import { FileUpload, type Uploads } from "@baton/ui/FileUpload";
import { Button } from "@baton/ui/Button";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { TextArea } from "@baton/ui/TextField";
import type { WorkTask } from "@baton/ui/types";
import { createEffect, createSignal, on, Show } from "solid-js";

/** The assignee hands the deliverable to QA: what was done, and where to find it. */
export function SubmitForm(props: { task: WorkTask; onSubmitted: (task: WorkTask) => void; onStale: (error: unknown) => boolean }) {
  const [text, setText] = createSignal(props.task.deliverable?.text ?? "");
  const [links, setLinks] = createSignal((props.task.deliverable?.links ?? []).join("\n"));
  const submission = createSubmission();
  const [uploads, setUploads] = createSignal<Uploads>();
  const open = () => props.task.checklist.filter((item) => !item.done).length;
  // An earlier refusal ("finish the checklist first") is out of date once the task changes.
  createEffect(on(() => props.task.version, () => submission.clear(), { defer: true }));

  const submit = () =>
    submission.run(async () => {
      if (uploads()?.busy()) throw new ApiError(0, "files.busy", t("files.wait"));
      try {
        const { task } = await api.tasks.submit(props.task.id, {
          fileIds: uploads()?.ids() ?? [],
          version: props.task.version,
          text: text().trim(),
          links: links()
            .split(/\s+/)
            .map((link) => link.trim())
            .filter(Boolean),
        });
        props.onSubmitted(task);
      } catch (e) {
        props.onStale(e);
        throw e;
      }
    });

  return (
    <section class="card" aria-labelledby="submit-title">
      <h2 id="submit-title">{props.task.status === "returned" ? t("tasks.resubmitTitle") : t("tasks.submitTitle")}</h2>
      <Show when={open() > 0}>
        <p class="notice notice-warning">{t("tasks.checklistOpen", { count: open() })}</p>
      </Show>
      <Form submission={submission} onSubmit={submit} aria-label={t("tasks.submitTitle")}>
        <TextArea
          label={t("tasks.deliverable")}
          name="text"
          required
          rows={5}
          maxlength={10000}
          hint={t("tasks.deliverableHint")}
          value={text()}
          onValue={setText}
          error={submission.fieldError("text")}
        />
        <TextArea
          label={t("work.links")}
          name="links"
          rows={2}
          hint={t("tasks.linksHint")}
          value={links()}
          onValue={setLinks}
          error={submission.fieldError("links")}
        />
        <FileUpload target={{ place: "deliverable", targetId: props.task.id }} label={t("tasks.submitFiles")} ref={setUploads} testId="deliverable-files" />
        <FormActions>
          <Button type="submit" variant="primary" pending={submission.pending()}>
            {t("tasks.submit")}
          </Button>
        </FormActions>
      </Form>
    </section>
  );
}
