import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { ConfirmDialog, Dialog } from "@baton/ui/Dialog";
import { EmptyState } from "@baton/ui/EmptyState";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { createSubmission } from "@baton/ui/Form";
import { formatDate, t } from "@baton/ui/i18n";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { toast } from "@baton/ui/Toast";
import type { VaultAccessRequest, VaultEntry, VaultRevealed } from "@baton/ui/types";
import { VaultLog } from "@baton/ui/VaultLog";
import { VaultSecret } from "@baton/ui/VaultSecret";
import { createAsync, revalidate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { getVault, getVaultLog } from "./data";
import { AddEntryDialog, EditEntryDialog, RotateDialog } from "./Forms";

// The company's vault: the logins it hands the agency, typed here (never sent by email). Lists
// never hold a secret; "Show" asks the API for one, which the access log below records. The
// agency's requests for logins are the to-dos on top.

const refresh = () => revalidate([getVault.key, getVaultLog.key]);

export default function Vault() {
  const { me } = useSession();
  const vault = createAsync(() => getVault());
  const log = createAsync(() => getVaultLog());
  const [adding, setAdding] = createSignal<{ tool?: string; accessRequestId?: string } | null>(null);
  const [editing, setEditing] = createSignal<VaultEntry>();
  const [rotating, setRotating] = createSignal<VaultEntry>();
  const [removing, setRemoving] = createSignal<VaultEntry>();
  const [shown, setShown] = createSignal<{ entry: VaultEntry; revealed: VaultRevealed }>();
  const removal = createSubmission();
  const reveal = createSubmission();

  const saved = (message: "vault.added" | "vault.edited" | "vault.rotated", close: () => void) => async (entry: VaultEntry) => {
    await refresh();
    close();
    toast(t(message, { tool: entry.tool }));
  };
  const remove = (entry: VaultEntry) =>
    removal.run(async () => {
      await api.vault.remove(entry.id);
      await refresh();
      setRemoving(undefined);
      toast(t("vault.removed", { tool: entry.tool }));
    });
  const show = (entry: VaultEntry) =>
    reveal.run(async () => {
      const revealed = await api.vault.reveal(entry.id, {});
      setShown({ entry, revealed });
      // The reveal is on the access log now.
      await revalidate(getVaultLog.key);
    });

  return (
    <section class="page vault-page">
      <Title>{t("vault.title")}</Title>
      <PageHeader
        title={t("vault.title")}
        intro={t("vault.portal.intro", { agency: me().agency.name })}
        actions={
          <Button variant="primary" onClick={() => setAdding({})}>
            {t("vault.addTitle")}
          </Button>
        }
      />
      <Boundary onRetry={refresh}>
        <Show when={vault()}>
          {(data) => (
            <>
              <Show when={data().toChange.length}>
                <ToChange agency={me().agency.name} tools={data().items.filter((entry) => data().toChange.includes(entry.id)).map((entry) => entry.tool)} />
              </Show>
              <Show when={data().accessRequests.length}>
                <Requests agency={me().agency.name} requests={data().accessRequests} onAnswer={(request) => setAdding({ tool: request.tool, accessRequestId: request.id })} />
              </Show>
              <div class="card" data-testid="vault-entries">
                <div class="card-header">
                  <h2>{t("vault.entries")}</h2>
                </div>
                <ErrorMessage error={reveal.error()} />
                <Show when={data().items.length} fallback={<EmptyState title={t("vault.emptyTitle")}>{t("vault.portal.emptyBody", { agency: me().agency.name })}</EmptyState>}>
                  <Entries
                    entries={data().items}
                    timeZone={me().timeZone}
                    onShow={(entry) => void show(entry)}
                    onEdit={setEditing}
                    onRotate={setRotating}
                    onRemove={(entry) => {
                      removal.clear();
                      setRemoving(entry);
                    }}
                  />
                </Show>
              </div>
            </>
          )}
        </Show>
      </Boundary>
      <section class="card" aria-labelledby="vault-log-title">
        <div class="card-header">
          <h2 id="vault-log-title">{t("vault.log.title")}</h2>
        </div>
        <p class="muted">{t("vault.log.portalIntro", { agency: me().agency.name })}</p>
        <Boundary onRetry={() => revalidate(getVaultLog.key)}>
          <Show when={log()}>
            <VaultLog first={log} more={(cursor) => api.vault.log(undefined, { cursor })} timeZone={me().timeZone} />
          </Show>
        </Boundary>
      </section>
      <AddEntryDialog
        open={!!adding()}
        tool={adding()?.tool}
        accessRequestId={adding()?.accessRequestId}
        onClose={() => setAdding(null)}
        onSaved={saved("vault.added", () => setAdding(null))}
      />
      <EditEntryDialog entry={editing()} onClose={() => setEditing(undefined)} onSaved={saved("vault.edited", () => setEditing(undefined))} />
      <RotateDialog entry={rotating()} onClose={() => setRotating(undefined)} onSaved={saved("vault.rotated", () => setRotating(undefined))} />
      <ConfirmDialog
        open={!!removing()}
        title={t("vault.removeTitle", { tool: removing()?.tool ?? "" })}
        message={t("vault.removeBody")}
        confirmLabel={t("vault.removeAction")}
        danger
        pending={removal.pending()}
        error={<ErrorMessage error={removal.error()} />}
        onConfirm={() => void remove(removing()!)}
        onClose={() => setRemoving(undefined)}
      />
      <Dialog open={!!shown()} title={t("vault.shownTitle", { tool: shown()?.entry.tool ?? "" })} description={t("vault.shownDescription")} onClose={() => setShown(undefined)}>
        <Show when={shown()}>{(s) => <VaultSecret revealed={s().revealed} />}</Show>
      </Dialog>
    </section>
  );
}

function Requests(props: { agency: string; requests: VaultAccessRequest[]; onAnswer: (request: VaultAccessRequest) => void }) {
  return (
    <section class="card" aria-labelledby="vault-requests-title" data-testid="vault-requests">
      <div class="card-header">
        <h2 id="vault-requests-title">{t("vault.requests.title", { agency: props.agency })}</h2>
      </div>
      <ul class="people">
        <For each={props.requests}>
          {(request) => (
            <li class="person" data-testid="vault-request" data-tool={request.tool}>
              <div>
                <strong>{request.tool}</strong>
                <Show when={request.note}>
                  <p class="muted">{request.note}</p>
                </Show>
              </div>
              <Button size="sm" variant="primary" onClick={() => props.onAnswer(request)} aria-label={t("vault.requests.answerNamed", { tool: request.tool })}>
                {t("vault.requests.answer")}
              </Button>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

function Entries(props: { entries: VaultEntry[]; timeZone: string | undefined; onShow: (entry: VaultEntry) => void; onEdit: (entry: VaultEntry) => void; onRotate: (entry: VaultEntry) => void; onRemove: (entry: VaultEntry) => void }) {
  return (
    <div class="table-wrap">
      <table class="table table-stack">
        <caption class="sr-only">{t("vault.entries")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("vault.field.tool")}</th>
            <th scope="col">{t("vault.field.username")}</th>
            <th scope="col">{t("vault.field.kind")}</th>
            <th scope="col">{t("vault.secretChanged")}</th>
            <th scope="col">
              <span class="sr-only">{t("common.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.entries}>
            {(entry) => (
              <tr data-testid="vault-entry" data-tool={entry.tool}>
                <td data-label={t("vault.field.tool")}>
                  <span class="cell-title">{entry.tool}</span>
                  <Show when={entry.url}>
                    {(url) => (
                      <div class="muted">
                        <a href={url()} target="_blank" rel="noopener noreferrer" class="vault-wrap">
                          {url()}
                        </a>
                      </div>
                    )}
                  </Show>
                </td>
                <td data-label={t("vault.field.username")} class="vault-wrap">
                  {entry.username ?? "—"}
                </td>
                <td data-label={t("vault.field.kind")}>{t(`vault.kind.${entry.kind}`)}</td>
                <td data-label={t("vault.secretChanged")}>
                  <time datetime={entry.secretChangedAt}>{formatDate(entry.secretChangedAt, props.timeZone)}</time>
                </td>
                <td class="cell-actions">
                  <div class="row-actions">
                    <Button size="sm" onClick={() => props.onShow(entry)} aria-label={t("vault.showNamed", { tool: entry.tool })}>
                      {t("vault.show")}
                    </Button>
                    <Button size="sm" onClick={() => props.onEdit(entry)} aria-label={t("common.editNamed", { name: entry.tool })}>
                      {t("common.edit")}
                    </Button>
                    <Button size="sm" onClick={() => props.onRotate(entry)} aria-label={t("vault.rotateNamed", { tool: entry.tool })}>
                      {t("vault.rotate")}
                    </Button>
                    <Button size="sm" variant="danger" onClick={() => props.onRemove(entry)} aria-label={t("common.removeItem", { item: entry.tool })}>
                      {t("common.remove")}
                    </Button>
                  </div>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

/** After someone who saw these logins left the agency's team: the client's reminder to change them (gone once each is changed). */
function ToChange(props: { agency: string; tools: string[] }) {
  return (
    <section class="notice notice-warning" role="status" aria-labelledby="vault-to-change-title" data-testid="vault-to-change">
      <h2 id="vault-to-change-title">{t("vault.portal.toChangeTitle")}</h2>
      <p>{t("vault.portal.toChange", { agency: props.agency })}</p>
      <ul class="chips">
        <For each={props.tools}>{(tool) => <li class="chip">{tool}</li>}</For>
      </ul>
    </section>
  );
}
