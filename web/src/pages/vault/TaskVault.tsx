import { api, isApiError } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { Loading } from "@baton/ui/Spinner";
import { toast } from "@baton/ui/Toast";
import type { VaultEntry, VaultTask } from "@baton/ui/types";
import { createAsync, revalidate } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { getTaskVault } from "./data";
import { EntryList } from "./EntryTable";
import { RevealDialog } from "./RevealDialog";

/**
 * The task page's logins: the entries the task names. The owner chooses them; the assignee shows
 * one with a reason while the task is open and theirs. Whoever the API refuses (a reviewer, the
 * assignee of a finished task) sees nothing here.
 */
export function TaskVault(props: { taskId: string }) {
  // A refusal is an answer, not an error: the section stays away.
  const data = createAsync(() => getTaskVault(props.taskId).catch((error: unknown) => (isApiError(error) && (error.status === 403 || error.status === 404) ? null : Promise.reject(error))));
  return (
    <Boundary onRetry={() => revalidate(getTaskVault.keyFor(props.taskId))}>
      <Show when={data()}>{(vault) => <TaskVaultCard vault={vault()} />}</Show>
    </Boundary>
  );
}

function TaskVaultCard(props: { vault: VaultTask }) {
  const [choosing, setChoosing] = createSignal(false);
  const [showing, setShowing] = createSignal<VaultEntry>();
  return (
    <section class="card" aria-labelledby="task-vault-title" data-testid="task-vault">
      <div class="card-header">
        <h2 id="task-vault-title">{t("vault.task.title")}</h2>
        <Show when={props.vault.canChoose}>
          <Button size="sm" onClick={() => setChoosing(true)} data-testid="task-vault-choose">
            {t("vault.task.choose")}
          </Button>
        </Show>
      </div>
      <p class="muted small">{t("vault.task.intro")}</p>
      <Show when={props.vault.items.length} fallback={<p class="muted">{t("vault.task.none")}</p>}>
        <EntryList entries={props.vault.items} onShow={props.vault.canReveal ? setShowing : undefined} />
      </Show>
      <RevealDialog entry={showing()} taskId={props.vault.taskId} onClose={() => setShowing(undefined)} />
      <Dialog open={choosing()} title={t("vault.task.chooseTitle")} onClose={() => setChoosing(false)}>
        <ChooseEntries vault={props.vault} onClose={() => setChoosing(false)} />
      </Dialog>
    </section>
  );
}

function ChooseEntries(props: { vault: VaultTask; onClose: () => void }) {
  const [all] = createResource(() => api.vault.list(props.vault.clientId));
  const [chosen, setChosen] = createSignal(new Set(props.vault.items.map((entry) => entry.id)));
  const submission = createSubmission();
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen());
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  const save = () =>
    submission.run(async () => {
      await api.vault.setForTask(props.vault.taskId, [...chosen()]);
      await revalidate(getTaskVault.keyFor(props.vault.taskId));
      props.onClose();
      toast(t("vault.task.saved"));
    });
  return (
    <Show when={!all.error} fallback={<ErrorMessage error={all.error} />}>
      <Show when={all()} fallback={<Loading />}>
        {(list) => (
          <Form submission={submission} onSubmit={() => void save()} aria-label={t("vault.task.chooseTitle")} data-testid="task-vault-form">
            <Show when={list().items.length} fallback={<p class="muted">{t("vault.task.noEntries")}</p>}>
              <fieldset class="checklist-editor" name="vaultEntryIds">
                <legend class="sr-only">{t("vault.task.chooseTitle")}</legend>
                <div class="choice-options">
                <For each={list().items}>
                  {(entry) => (
                    <label class="check">
                      <input type="checkbox" checked={chosen().has(entry.id)} onChange={(e) => toggle(entry.id, e.currentTarget.checked)} />
                      <span>
                        {entry.tool}
                        <Show when={entry.username}>
                          <span class="muted small"> · {entry.username}</span>
                        </Show>
                      </span>
                    </label>
                  )}
                </For>
                </div>
              </fieldset>
            </Show>
            <FormActions>
              <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
              <Button type="submit" variant="primary" pending={submission.pending()}>
                {t("vault.task.saveChoice")}
              </Button>
            </FormActions>
          </Form>
        )}
      </Show>
    </Show>
  );
}
