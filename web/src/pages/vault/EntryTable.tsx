import { Button } from "@baton/ui/Button";
import { formatDate, t } from "@baton/ui/i18n";
import type { VaultEntry } from "@baton/ui/types";
import { For, Show } from "solid-js";

/** A narrow column's list of logins (the task page's side): tool, username, kind, and "Show" when the viewer may reveal. */
export function EntryList(props: { entries: VaultEntry[]; onShow?: ((entry: VaultEntry) => void) | undefined }) {
  return (
    <ul class="vault-list">
      <For each={props.entries}>
        {(entry) => (
          <li data-testid="vault-entry" data-tool={entry.tool}>
            <div>
              <span class="cell-title">{entry.tool}</span>
              <div class="muted small vault-wrap">
                {entry.username ? `${entry.username} · ` : ""}
                {t(`vault.kind.${entry.kind}`)}
              </div>
            </div>
            <Show when={props.onShow}>
              {(onShow) => (
                <Button size="sm" onClick={() => onShow()(entry)} aria-label={t("vault.showNamed", { tool: entry.tool })}>
                  {t("vault.show")}
                </Button>
              )}
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}

/** A client's logins as the team sees them: tool, address, username, kind; never a secret. "Show" when the viewer may reveal. */
export function EntryTable(props: { entries: VaultEntry[]; timeZone: string | undefined; onShow?: ((entry: VaultEntry) => void) | undefined; testId?: string }) {
  return (
    <div class="table-wrap">
      <table class="table table-stack" data-testid={props.testId}>
        <caption class="sr-only">{t("vault.entries")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("vault.field.tool")}</th>
            <th scope="col">{t("vault.field.username")}</th>
            <th scope="col">{t("vault.field.kind")}</th>
            <th scope="col">{t("vault.secretChanged")}</th>
            <Show when={props.onShow}>
              <th scope="col">
                <span class="sr-only">{t("common.actions")}</span>
              </th>
            </Show>
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
                      <div class="muted small vault-wrap">
                        <a href={url()} target="_blank" rel="noopener noreferrer">
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
                <Show when={props.onShow}>
                  {(onShow) => (
                    <td class="cell-actions">
                      <Button size="sm" onClick={() => onShow()(entry)} aria-label={t("vault.showNamed", { tool: entry.tool })}>
                        {t("vault.show")}
                      </Button>
                    </td>
                  )}
                </Show>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
