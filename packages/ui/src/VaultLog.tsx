import type { Accessor } from "solid-js";
import { For, Show } from "solid-js";
import { EmptyState } from "./EmptyState";
import { formatDateTime, t } from "./i18n";
import { LoadMore } from "./LoadMore";
import { createPaged } from "./paged";
import type { Page, VaultAccess } from "./types";

/**
 * A client's vault access log, newest first: who was shown which login, when (in the viewer's
 * time zone), why and for which task. The client reads it in the portal, the owner on the client's page.
 */
export function VaultLog(props: { first: Accessor<Page<VaultAccess> | undefined>; more: (cursor: string) => Promise<Page<VaultAccess>>; timeZone: string | undefined; taskHref?: (taskId: string) => string }) {
  const list = createPaged(props.first, props.more);
  return (
    <Show when={list.items().length} fallback={<EmptyState title={t("vault.log.emptyTitle")}>{t("vault.log.emptyBody")}</EmptyState>}>
      <div class="table-wrap">
        <table class="table table-stack" data-testid="vault-log">
          <caption class="sr-only">{t("vault.log.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("vault.log.when")}</th>
              <th scope="col">{t("vault.log.who")}</th>
              <th scope="col">{t("vault.field.tool")}</th>
              <th scope="col">{t("vault.log.why")}</th>
              <th scope="col">{t("vault.log.task")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={list.items()}>
              {(access) => (
                <tr data-testid="vault-log-row" data-tool={access.tool}>
                  <td data-label={t("vault.log.when")}>
                    <time datetime={access.at}>{formatDateTime(access.at, props.timeZone)}</time>
                  </td>
                  <td data-label={t("vault.log.who")}>{access.by.name}</td>
                  <td data-label={t("vault.field.tool")}>{access.tool}</td>
                  <td data-label={t("vault.log.why")}>{access.reason || "—"}</td>
                  <td data-label={t("vault.log.task")}>
                    <Show when={access.task} fallback="—">
                      {(task) => (
                        <Show when={props.taskHref} fallback={task().reference}>
                          {(href) => <a href={href()(task().id)}>{task().reference}</a>}
                        </Show>
                      )}
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <LoadMore list={list} />
    </Show>
  );
}
