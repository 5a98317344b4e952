import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { EmptyState } from "@baton/ui/EmptyState";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { formatDate, t } from "@baton/ui/i18n";
import { useSession } from "@baton/ui/session";
import { TextArea, TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { Client, VaultEntry } from "@baton/ui/types";
import { VaultLog } from "@baton/ui/VaultLog";
import { createAsync, revalidate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { ClientEndedChecklist } from "./ClientEnded";
import { getClientVault, getClientVaultLog } from "./data";
import { EntryTable } from "./EntryTable";
import { RevealDialog } from "./RevealDialog";

/**
 * The client page's vault (owner): the client's logins without secrets, "Show" with a reason,
 * "Request access" (a to-do in the client's portal), the requests still open, and the access log.
 * Once the client's work has ended, the checklist of what the team saw comes first.
 */
export function ClientVault(props: { client: Client }) {
  const { me } = useSession();
  const vault = createAsync(() => getClientVault(props.client.id));
  const log = createAsync(() => getClientVaultLog(props.client.id));
  const [requesting, setRequesting] = createSignal(false);
  const [showing, setShowing] = createSignal<VaultEntry>();
  const ended = () => props.client.status === "inactive";
  return (
    <section class="card vault-section" aria-labelledby="client-vault-title" data-testid="client-vault">
      <div class="card-header">
        <h2 id="client-vault-title">{t("vault.team.title")}</h2>
        <Show when={!ended()}>
          <Button size="sm" onClick={() => setRequesting(true)} data-testid="vault-request-access">
            {t("vault.team.requestAccess")}
          </Button>
        </Show>
      </div>
      <p class="muted">{t("vault.team.intro")}</p>
      <Show when={ended()}>
        <ClientEndedChecklist clientId={props.client.id} />
      </Show>
      <Boundary onRetry={() => revalidate(getClientVault.keyFor(props.client.id))}>
        <Show when={vault()}>
          {(data) => (
            <>
              <Show when={data().items.length} fallback={<EmptyState title={t("vault.emptyTitle")}>{t("vault.team.emptyBody")}</EmptyState>}>
                <EntryTable entries={data().items} timeZone={me().timeZone} onShow={ended() ? undefined : setShowing} testId="client-vault-entries" />
              </Show>
              <Show when={data().accessRequests.length}>
                <h3>{t("vault.team.openRequests")}</h3>
                <ul class="link-list" data-testid="vault-open-requests">
                  <For each={data().accessRequests}>
                    {(request) => (
                      <li>
                        <strong>{request.tool}</strong> <span class="muted small">{formatDate(request.createdAt, me().timeZone)}</span>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </>
          )}
        </Show>
      </Boundary>
      <h3>{t("vault.log.title")}</h3>
      <Boundary onRetry={() => revalidate(getClientVaultLog.keyFor(props.client.id))}>
        <Show when={log()}>
          <VaultLog first={log} more={(cursor) => api.vault.log(props.client.id, { cursor })} timeZone={me().timeZone} taskHref={(taskId) => `/tasks/${encodeURIComponent(taskId)}`} />
        </Show>
      </Boundary>
      <RequestAccessDialog open={requesting()} clientId={props.client.id} onClose={() => setRequesting(false)} />
      <RevealDialog entry={showing()} onClose={() => setShowing(undefined)} />
    </section>
  );
}

function RequestAccessDialog(props: { open: boolean; clientId: string; onClose: () => void }) {
  return (
    <Dialog open={props.open} title={t("vault.team.requestTitle")} description={t("vault.team.requestDescription")} onClose={props.onClose}>
      <RequestAccessForm clientId={props.clientId} onClose={props.onClose} />
    </Dialog>
  );
}

function RequestAccessForm(props: { clientId: string; onClose: () => void }) {
  const submission = createSubmission();
  const [tool, setTool] = createSignal("");
  const [note, setNote] = createSignal("");
  const send = () =>
    submission.run(async () => {
      const request = await api.vault.requestAccess({ clientId: props.clientId, tool: tool(), ...(note() ? { note: note() } : {}) });
      await revalidate(getClientVault.keyFor(props.clientId));
      props.onClose();
      toast(t("vault.team.requested", { tool: request.tool }));
    });
  return (
    <Form submission={submission} onSubmit={() => void send()} aria-label={t("vault.team.requestTitle")} data-testid="vault-request-form">
      <TextField label={t("vault.field.tool")} name="tool" required value={tool()} onValue={setTool} error={submission.fieldError("tool")} />
      <TextArea label={t("vault.team.requestNote")} name="note" rows={3} value={note()} onValue={setNote} error={submission.fieldError("note")} />
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("vault.team.requestSend")}
        </Button>
      </FormActions>
    </Form>
  );
}
