import { Boundary } from "@baton/ui/Boundary";
import { EmptyState } from "@baton/ui/EmptyState";
import { formatDate, t } from "@baton/ui/i18n";
import { formatMoney } from "@baton/ui/money";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { A, createAsync, revalidate } from "@solidjs/router";
import { For, Show } from "solid-js";
import { getQuotes } from "./data";
import { QuoteStatusBadge } from "@baton/ui/StatusBadge";

// The company's quotes, newest first: the open ones wait for an answer.

export default function Quotes() {
  const { me } = useSession();
  const list = createAsync(() => getQuotes());
  return (
    <section class="page">
      <Title>{t("quotes.portal.title")}</Title>
      <PageHeader title={t("quotes.portal.title")} intro={t("quotes.portal.intro", { agency: me().agency.name })} />
      <Boundary onRetry={() => revalidate(getQuotes.key)}>
        <Show when={list()}>
          {(page) => (
            <Show
              when={page().items.length > 0}
              fallback={
                <div class="card">
                  <EmptyState title={t("quotes.portal.emptyTitle")}>{t("quotes.portal.emptyBody", { agency: me().agency.name })}</EmptyState>
                </div>
              }
            >
              <div class="table-wrap">
                <table class="table table-stack">
                  <caption class="sr-only">{t("quotes.portal.title")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("quotes.field.number")}</th>
                      <th scope="col">{t("quotes.field.title")}</th>
                      <th scope="col">{t("quotes.field.validUntil")}</th>
                      <th scope="col" class="num">
                        {t("quotes.field.total")}
                      </th>
                      <th scope="col">{t("field.status")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={page().items}>
                      {(quote) => (
                        <tr data-testid="quote-row" data-number={quote.number ?? ""} classList={{ "row-attention": quote.status === "sent" }}>
                          <th scope="row" class="row-head" data-label={t("quotes.field.number")}>
                            <A href={`/quotes/${encodeURIComponent(quote.id)}`} class="cell-title" aria-label={t("quotes.open", { number: quote.number ?? "" })}>
                              {quote.number}
                            </A>
                          </th>
                          <td data-label={t("quotes.field.title")}>{quote.title}</td>
                          <td data-label={t("quotes.field.validUntil")}>
                            <time datetime={quote.validUntil}>{formatDate(`${quote.validUntil}T12:00:00Z`, "UTC")}</time>
                          </td>
                          <td data-label={t("quotes.field.total")} class="num">
                            {formatMoney(quote.total, quote.currency)}
                          </td>
                          <td data-label={t("field.status")}>
                            <QuoteStatusBadge status={quote.status} />
                          </td>
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
    </section>
  );
}
