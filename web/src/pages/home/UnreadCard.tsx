import { EmptyState } from "@baton/ui/EmptyState";
import { formatDateTime, t } from "@baton/ui/i18n";
import { useUnread } from "@baton/ui/Unread";
import { A } from "@solidjs/router";
import { For, Show } from "solid-js";

/** The owner's home: requests where a client wrote something not read yet, newest first. */
export function UnreadCard() {
  const unread = useUnread();
  const fromClients = () => unread.items().filter((item) => item.fromClient > 0);
  return (
    <article class="card home-card" aria-labelledby="home-unread-title" data-testid="home-unread">
      <h2 id="home-unread-title">{t("home.unread.title")}</h2>
      <Show when={fromClients().length} fallback={<EmptyState title={t("home.unread.empty")} />}>
        <ul class="home-list">
          <For each={fromClients().slice(0, 6)}>
            {(item) => (
              <li data-testid="unread-row" data-reference={item.reference}>
                <A href={`/requests/${encodeURIComponent(item.requestId)}#thread`} class="home-row-title">
                  <span class="unread-dot" aria-hidden="true" /> {item.reference} · {item.title}
                </A>
                <span class="home-row-meta">
                  <span>{t("home.unread.count", { count: item.fromClient })}</span>
                  <Show when={item.last}>{(last) => <time datetime={last().at}>{formatDateTime(last().at)}</time>}</Show>
                </span>
                <Show when={item.last}>
                  {(last) => <span class="muted small home-unread-excerpt">{t("home.unread.latest", { name: last().authorName, excerpt: last().excerpt })}</span>}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </article>
  );
}
