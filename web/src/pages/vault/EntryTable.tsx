import { Button } from "@baton/ui/Button";
import { formatDate, t } from "@baton/ui/i18n";
import type { VaultEntry } from "@baton/ui/types";
import { For, Show } from "solid-js";

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
                      <div class="muted small" style={{ "overflow-wrap": "anywhere" }}>
                        <a href={url()} target="_blank" rel="noopener noreferrer">
                          {url()}
                        </a>
                      </div>
                    )}
                  </Show>
                </td>
                <td data-label={t("vault.field.username")} style={{ "overflow-wrap": "anywhere" }}>
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
