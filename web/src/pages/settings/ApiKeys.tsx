import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { ConfirmDialog } from "@baton/ui/Dialog";
import { EmptyState } from "@baton/ui/EmptyState";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { createSubmission } from "@baton/ui/Form";
import { formatDate, formatDateTime, t } from "@baton/ui/i18n";
import { toast } from "@baton/ui/Toast";
import type { ApiKey } from "@baton/ui/types";
import { createAsync, revalidate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { CreateKeyDialog } from "./CreateKeyDialog";
import { getApiKeys } from "./data";

// The agency's API keys: listed with their scopes and last use, created (CreateKeyDialog) and revoked.

export function ApiKeysCard() {
  const keys = createAsync(() => getApiKeys());
  const [creating, setCreating] = createSignal(false);
  const [revoking, setRevoking] = createSignal<ApiKey>();
  const revocation = createSubmission();
  const createButton = () => (
    <Button variant="primary" onClick={() => setCreating(true)}>
      {t("apiKeys.create")}
    </Button>
  );
  const revoke = (key: ApiKey) =>
    revocation.run(async () => {
      await api.apiKeys.revoke(key.id);
      setRevoking(undefined);
      toast(t("apiKeys.revoked", { name: key.name }));
      await revalidate(getApiKeys.key);
    });
  const askToRevoke = (key: ApiKey) => {
    revocation.clear();
    setRevoking(key);
  };
  return (
    <>
      <section class="card" aria-labelledby="api-keys-title">
        <div class="card-header">
          <h2 id="api-keys-title">{t("apiKeys.title")}</h2>
          {createButton()}
        </div>
        <p class="muted small">{t("apiKeys.intro")}</p>
        <Boundary onRetry={() => revalidate(getApiKeys.key)}>
          <Show
            when={(keys()?.items.length ?? 0) > 0}
            fallback={
              <EmptyState title={t("apiKeys.emptyTitle")} action={createButton()}>
                {t("apiKeys.emptyBody")}
              </EmptyState>
            }
          >
            <KeysTable keys={keys()?.items ?? []} onRevoke={askToRevoke} />
          </Show>
        </Boundary>
      </section>
      <CreateKeyDialog open={creating()} onClose={() => setCreating(false)} />
      <ConfirmDialog
        open={!!revoking()}
        title={t("apiKeys.revokeTitle")}
        message={t("apiKeys.revokeBody", { name: revoking()?.name ?? "" })}
        confirmLabel={t("apiKeys.revoke")}
        danger
        pending={revocation.pending()}
        error={<ErrorMessage error={revocation.error()} />}
        onConfirm={() => {
          const key = revoking();
          if (key) void revoke(key);
        }}
        onClose={() => setRevoking(undefined)}
      />
    </>
  );
}

function KeysTable(props: { keys: ApiKey[]; onRevoke: (key: ApiKey) => void }) {
  return (
    <div class="table-wrap">
      <table class="table table-stack">
        <caption class="sr-only">{t("apiKeys.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("field.name")}</th>
            <th scope="col">{t("apiKeys.key")}</th>
            <th scope="col">{t("apiKeys.scopes")}</th>
            <th scope="col">{t("field.created")}</th>
            <th scope="col">{t("apiKeys.lastUsed")}</th>
            <th scope="col">
              <span class="sr-only">{t("common.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.keys}>
            {(key) => (
              <tr data-testid="api-key-row">
                <th scope="row" class="row-head" data-label={t("field.name")}>
                  <span class="cell-title">{key.name}</span>
                </th>
                <td data-label={t("apiKeys.key")}>
                  <code>{key.prefix}…</code>
                </td>
                <td data-label={t("apiKeys.scopes")} data-testid="api-key-scopes">
                  {key.scopes.map((scope) => t(scope === "read" ? "apiKeys.scopeRead" : scope === "write" ? "apiKeys.scopeWrite" : "apiKeys.scopeWebhooks")).join(", ")}
                </td>
                <td data-label={t("field.created")}>{formatDate(key.createdAt)}</td>
                <td data-label={t("apiKeys.lastUsed")}>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : <span class="muted">{t("apiKeys.never")}</span>}</td>
                <td class="cell-actions">
                  <Button size="sm" variant="ghost" class="btn-danger-text" aria-label={t("apiKeys.revokeNamed", { name: key.name })} onClick={() => props.onRevoke(key)}>
                    {t("apiKeys.revoke")}
                  </Button>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
