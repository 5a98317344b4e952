import { api } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { TextField } from "@baton/ui/TextField";
import type { VaultEntry, VaultRevealed } from "@baton/ui/types";
import { VaultSecret } from "@baton/ui/VaultSecret";
import { revalidate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { vaultKeys } from "./data";

// Showing a secret to a team member: the reason first (the client reads it on the access log),
// then the secret, or for an authenticator entry its current code with its countdown. The API
// decides who may; a refusal (not assigned, the task moved on, too many at once) is shown as it says.

export function RevealDialog(props: { entry: VaultEntry | undefined; taskId?: string; onClose: () => void }) {
  return (
    <Dialog open={!!props.entry} title={t("vault.team.showTitle", { tool: props.entry?.tool ?? "" })} onClose={props.onClose}>
      <Show when={props.entry} keyed>
        {(entry) => <RevealForm entry={entry} taskId={props.taskId} onClose={props.onClose} />}
      </Show>
    </Dialog>
  );
}

function RevealForm(props: { entry: VaultEntry; taskId: string | undefined; onClose: () => void }) {
  const submission = createSubmission();
  const [reason, setReason] = createSignal("");
  const [revealed, setRevealed] = createSignal<VaultRevealed>();
  const reveal = () =>
    submission.run(async () => {
      const shown = await api.vault.reveal(props.entry.id, { reason: reason(), ...(props.taskId ? { taskId: props.taskId } : {}) });
      setRevealed(shown);
      // The reveal is on the access log now.
      void revalidate(vaultKeys);
    });
  return (
    <Show
      when={revealed()}
      fallback={
        <Form submission={submission} onSubmit={() => void reveal()} aria-label={t("vault.team.showTitle", { tool: props.entry.tool })} data-testid="vault-reveal-form">
          <TextField label={t("vault.team.reason")} hint={t("vault.team.reasonHint")} name="reason" required minLength={3} maxLength={300} value={reason()} onValue={setReason} error={submission.fieldError("reason")} />
          <FormActions>
            <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
            <Button type="submit" variant="primary" pending={submission.pending()}>
              {t("vault.team.showAction")}
            </Button>
          </FormActions>
        </Form>
      }
    >
      {(shown) => (
        <>
          <Show when={props.entry.username}>
            <p>
              {t("vault.field.username")}: <strong class="vault-wrap">{props.entry.username}</strong>
            </p>
          </Show>
          <VaultSecret revealed={shown()} />
          <p class="muted small">{t("vault.shownDescription")}</p>
          <FormActions>
            <Button variant="primary" onClick={() => props.onClose()}>
              {t("common.close")}
            </Button>
          </FormActions>
        </>
      )}
    </Show>
  );
}
