import { Boundary } from "@baton/ui/Boundary";
import { buttonClass } from "@baton/ui/Button";
import { EmptyState } from "@baton/ui/EmptyState";
import { formatDate, t } from "@baton/ui/i18n";
import { ListTable } from "@baton/ui/ListTable";
import { formatMoney } from "@baton/ui/money";
import { Title } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { A, createAsync, revalidate } from "@solidjs/router";
import { Show } from "solid-js";
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
              <ListTable
                caption={t("quotes.title")}
                rows={page().items}
                rowProps={() => ({ "data-testid": "quote-row" })}
                columns={[
                  {
                    label: () => t("quotes.field.number"),
                    cell: (quote) => (
                      <A href={`/quotes/${encodeURIComponent(quote.id)}`} class="cell-title">
                        {quote.number ?? t("quotes.status.draft")}
                      </A>
                    ),
                  },
                  { label: () => t("quotes.field.client"), cell: (quote) => quote.clientName },
                  { label: () => t("quotes.field.title"), cell: (quote) => quote.title },
                  { label: () => t("quotes.field.validUntil"), cell: (quote) => formatDate(`${quote.validUntil}T12:00:00Z`, "UTC") },
                  { label: () => t("quotes.field.total"), class: "num", cell: (quote) => formatMoney(quote.total, quote.currency) },
                  { label: () => t("field.status"), cell: (quote) => <QuoteStatusBadge status={quote.status} /> },
                ]}
              />
            </Show>
          )}
        </Show>
      </Boundary>
    </section>
  );
}
