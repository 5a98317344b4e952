import { Boundary } from "@baton/ui/Boundary";
import { Button, buttonClass } from "@baton/ui/Button";
import { formatDate, t } from "@baton/ui/i18n";
import { formatMoney } from "@baton/ui/money";
import { QuoteStatusBadge } from "@baton/ui/StatusBadge";
import type { Client } from "@baton/ui/types";
import { A, createAsync, revalidate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { getClientQuotes } from "./data";

const FIRST = 10;

/** The client page's quotes: newest first with their status, each a link; the first ten, then all on request. */
export function ClientQuotes(props: { client: Client }) {
  const list = createAsync(() => getClientQuotes(props.client.id));
  const [all, setAll] = createSignal(false);
  const shown = () => (all() ? (list()?.items ?? []) : (list()?.items ?? []).slice(0, FIRST));
  return (
    <section class="card" aria-labelledby="client-quotes-title" data-testid="client-quotes">
      <div class="card-header">
        <h2 id="client-quotes-title">{t("quotes.clientSection")}</h2>
        <A href={`/quotes/new?client=${encodeURIComponent(props.client.id)}`} class={buttonClass("secondary", "sm")} data-testid="client-new-quote">
          {t("quotes.newForClient")}
        </A>
      </div>
      <Boundary onRetry={() => revalidate(getClientQuotes.keyFor(props.client.id))}>
        <Show when={list()}>
          <Show when={shown().length} fallback={<p class="muted">{t("quotes.clientEmpty")}</p>}>
            <ul class="link-list" data-testid="client-quote-list">
              <For each={shown()}>
                {(quote) => (
                  <li data-testid="client-quote">
                    <A href={`/quotes/${encodeURIComponent(quote.id)}`} class="cell-title">
                      {quote.number ?? t("quotes.status.draft")} · {quote.title}
                    </A>{" "}
                    <QuoteStatusBadge status={quote.status} />
                    <span class="muted small">
                      {" "}
                      {formatMoney(quote.total, quote.currency)} · {t("quotes.validUntil", { date: formatDate(`${quote.validUntil}T12:00:00Z`, "UTC") })}
                    </span>
                  </li>
                )}
              </For>
            </ul>
            <Show when={!all() && (list()?.items.length ?? 0) > FIRST}>
              <Button size="sm" variant="ghost" onClick={() => setAll(true)} data-testid="client-quotes-all">
                {t("quotes.showAll", { count: String(list()!.items.length) })}
              </Button>
            </Show>
          </Show>
        </Show>
      </Boundary>
    </section>
  );
}
