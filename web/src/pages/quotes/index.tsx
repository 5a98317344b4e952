import { Boundary } from "@baton/ui/Boundary";
import { buttonClass } from "@baton/ui/Button";
import { EmptyState } from "@baton/ui/EmptyState";
import { formatDate, t } from "@baton/ui/i18n";
import { formatMoney } from "@baton/ui/money";
import { Title } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { A, createAsync, revalidate } from "@solidjs/router";
import { For, Show } from "solid-js";
import { QuoteStatusBadge } from "@baton/ui/StatusBadge";
import { getQuotes } from "./data";

/** Every quote of the agency, newest first. */
export default function Quotes() {
  const list = createAsync(() => getQuotes());
  const actions = (
    <A href="/quotes/new" class={buttonClass("primary")} data-testid="new-quote">
      {t("quotes.new")}
    </A>
  );
  return (
    <section class="page">
      <Title>{t("quotes.title")}</Title>
      <PageHeader title={t("quotes.title")} intro={t("quotes.intro")} actions={actions} />
      <Boundary onRetry={() => revalidate(getQuotes.key)}>
        <Show when={list()}>
          {(page) => (
            <Show
              when={page().items.length > 0}
              fallback={
                <div class="card">
                  <EmptyState title={t("quotes.emptyTitle")}>{t("quotes.emptyBody")}</EmptyState>
                </div>
              }
            >
              <div class="table-wrap">
                <table class="table table-stack">
                  <caption class="sr-only">{t("quotes.title")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("quotes.field.number")}</th>
                      <th scope="col">{t("quotes.field.client")}</th>
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
                        <tr data-testid="quote-row">
                          <td data-label={t("quotes.field.number")}>
                            <A href={`/quotes/${encodeURIComponent(quote.id)}`} class="cell-title">
                              {quote.number ?? t("quotes.status.draft")}
                            </A>
                          </td>
                          <td data-label={t("quotes.field.client")}>{quote.clientName}</td>
                          <td data-label={t("quotes.field.title")}>{quote.title}</td>
                          <td data-label={t("quotes.field.validUntil")}>{formatDate(`${quote.validUntil}T12:00:00Z`, "UTC")}</td>
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
