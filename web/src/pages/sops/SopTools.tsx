import { api, conflictCurrent } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { TagInput } from "@baton/ui/TagInput";
import { toast } from "@baton/ui/Toast";
import type { SopDetail, SopSummary } from "@baton/ui/types";
import { revalidate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { sopKeys } from "./data";

/**
 * The tools an SOP's work needs (issue 23): a task made from the SOP names the client's saved
 * logins of these tools, so its assignee can open them while the task is theirs. The owner edits them.
 */
export function SopTools(props: { sop: SopDetail; isOwner: boolean }) {
  const [editing, setEditing] = createSignal(false);
  return (
    <section class="card" aria-labelledby="sop-tools-title" data-testid="sop-tools">
      <div class="card-header">
        <h2 id="sop-tools-title">{t("sopTools.title")}</h2>
        <Show when={props.isOwner && !editing()}>
          <Button size="sm" onClick={() => setEditing(true)}>
            {t("sopTools.edit")}
          </Button>
        </Show>
      </div>
      <p class="muted small">{t("sopTools.intro")}</p>
      <Show
        when={editing()}
        fallback={
          <Show when={props.sop.tools.length} fallback={<p class="muted">{t("sopTools.empty")}</p>}>
            <ul class="chips" aria-label={t("sopTools.title")}>
              <For each={props.sop.tools}>{(tool) => <li class="chip" data-testid="sop-tool">{tool}</li>}</For>
            </ul>
          </Show>
        }
      >
        <ToolsForm sop={props.sop} onClose={() => setEditing(false)} />
      </Show>
    </section>
  );
}

function ToolsForm(props: { sop: SopDetail; onClose: () => void }) {
  const [tools, setTools] = createSignal<string[]>([...props.sop.tools]);
  const [conflict, setConflict] = createSignal<SopSummary>();
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      try {
        await api.sops.setTools(props.sop.id, { version: conflict()?.version ?? props.sop.version, tools: tools() });
        // Closed and confirmed once the page shows the saved list.
        await revalidate(sopKeys);
        setConflict(undefined);
        toast(t("sopTools.saved"));
        props.onClose();
      } catch (e) {
        const current = conflictCurrent<SopSummary>(e);
        if (!current) throw e;
        setConflict(current);
        void revalidate(sopKeys);
      }
    });
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("sopTools.title")} data-testid="sop-tools-form">
      <Show when={conflict()}>
        <p class="notice notice-warning" role="alert">
          {t("sopTools.conflict")}
        </p>
      </Show>
      <TagInput label={t("sopTools.label")} name="tools" value={tools()} onValue={setTools} hint={t("sopTools.hint")} error={submission.fieldError("tools")} />
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("sopTools.save")}
        </Button>
      </FormActions>
    </Form>
  );
}
