import { Boundary } from "@baton/ui/Boundary";
import { t } from "@baton/ui/i18n";
import { createAsync, query, revalidate } from "@solidjs/router";
import { For, Show } from "solid-js";
import { RevealCells, RevealHeaders } from "./RevealCells";
import { api } from "@baton/ui/api";

/** The client-ended checklist's read; under the "vault." keys so a change to the vault refreshes it. */
export const getClientEnded = query((clientId: string) => api.vault.clientChecklist(clientId), "vault.ended");

/**
 * When a client's work has ended: their logins can no longer be shown, and these are the ones the
 * team was shown, by whom, each done once the client changed the secret or removed the login.
 */
export function ClientEndedChecklist(props: { clientId: string }) {
  const data = createAsync(() => getClientEnded(props.clientId));
  return (
    <div class="notice notice-warning" data-testid="vault-client-ended">
      <h3>{t("vault.ended.title")}</h3>
      <p>{t("vault.ended.intro")}</p>
      <Boundary onRetry={() => revalidate(getClientEnded.keyFor(props.clientId))}>
        <Show when={data()}>
          {(checklist) => (
            <Show when={checklist().items.length} fallback={<p>{t("vault.ended.empty")}</p>}>
              <div class="table-wrap">
                <table class="table table-stack">
                  <caption class="sr-only">{t("vault.ended.title")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("vault.field.tool")}</th>
                      <th scope="col">{t("vault.ended.seenBy")}</th>
                      <RevealHeaders />
                    </tr>
                  </thead>
                  <tbody>
                    <For each={checklist().items}>
                      {(item) => (
                        <tr data-testid="vault-ended-row" data-tool={item.tool}>
                          <td data-label={t("vault.field.tool")}>{item.tool}</td>
                          <td data-label={t("vault.ended.seenBy")}>{item.seenBy.map((person) => person.name).join(", ")}</td>
                          <RevealCells item={item} />
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          )}
        </Show>
      </Boundary>
    </div>
  );
}
