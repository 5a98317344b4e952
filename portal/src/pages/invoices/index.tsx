import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { EmptyState } from "@baton/ui/EmptyState";
import { formatDate, t } from "@baton/ui/i18n";
import { LoadMore } from "@baton/ui/LoadMore";
import { createPaged } from "@baton/ui/paged";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { A, createAsync, revalidate } from "@solidjs/router";
import { For, Show } from "solid-js";
import { formatMoney } from "@baton/ui/money";
import { getInvoices, getOwedInvoices } from "./data";
import { InvoiceStatusBadge, isOwed, totalOwed } from "./shared";

// The company's invoices, newest first, with what is owed (across every page) at the top.

export default function Invoices() {
  const { me } = useSession();
  const first = createAsync(() => getInvoices());
  const owedAll = createAsync(() => getOwedInvoices());
  const list = createPaged(first, (cursor) => api.invoices.list({ cursor }));
  const owed = () => (owedAll() ?? []).filter(isOwed);
  const overdue = () => owed().filter((invoice) => invoice.overdue).length;
  const tz = () => me().timeZone;

  return (
    <section class="page">
      <Title>{t("portal.invoices.title")}</Title>
      <PageHeader title={t("portal.invoices.title")} intro={t("portal.invoices.intro", { agency: me().agency.name })} />
      <Boundary onRetry={() => revalidate([getInvoices.key, getOwedInvoices.key])}>
        <Show when={owed().length > 0}>
          <div
            class="notice attention-notice invoice-owed-notice"
            classList={{ "notice-warning": overdue() > 0 }}
            data-testid="owed-notice"
          >
            <p>
              <strong>{t("portal.invoices.owed", { count: owed().length, amount: totalOwed(owed()) })}</strong>
              <Show when={overdue() > 0}>
                {" "}
                {overdue() === owed().length
                  ? t("portal.invoices.overdueAll", { count: overdue() })
                  : t("portal.invoices.overdue", { count: overdue() })}
              </Show>
            </p>
          </div>
        </Show>
        <Show
          when={list.items().length > 0}
          fallback={
            <Show when={first()}>
              <div class="card">
                <EmptyState title={t("portal.invoices.emptyTitle")}>{t("portal.invoices.emptyBody", { agency: me().agency.name })}</EmptyState>
              </div>
            </Show>
          }
        >
          <div class="table-wrap">
            <table class="table table-stack invoice-table">
              <caption class="sr-only">{t("portal.invoices.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("portal.invoiceField.number")}</th>
                  <th scope="col">{t("portal.invoiceField.issued")}</th>
                  <th scope="col">{t("portal.invoiceField.due")}</th>
                  <th scope="col" class="num">
                    {t("portal.invoiceField.total")}
                  </th>
                  <th scope="col" class="num">
                    {t("portal.invoiceField.balance")}
                  </th>
                  <th scope="col">{t("field.status")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={list.items()}>
                  {(invoice) => (
                    <tr data-testid="invoice-row" data-number={invoice.number ?? ""} classList={{ "row-attention": invoice.overdue }}>
                      <th scope="row" class="row-head" data-label={t("portal.invoiceField.number")}>
                        <A
                          href={`/invoices/${encodeURIComponent(invoice.id)}`}
                          class="cell-title"
                          aria-label={t("portal.invoices.open", { number: invoice.number ?? "" })}
                        >
                          {invoice.number}
                        </A>
                      </th>
                      <td data-label={t("portal.invoiceField.issued")}>
                        <Show when={invoice.issuedAt} fallback="—">
                          {(issued) => <time datetime={issued()}>{formatDate(issued(), tz())}</time>}
                        </Show>
                      </td>
                      <td data-label={t("portal.invoiceField.due")}>
                        <Show when={invoice.dueAt} fallback="—">
                          {(due) => (
                            <time datetime={due()} classList={{ "attention-text": invoice.overdue }}>
                              {formatDate(due(), tz())}
                            </time>
                          )}
                        </Show>
                      </td>
                      <td data-label={t("portal.invoiceField.total")} class="num">
                        {formatMoney(invoice.total, invoice.currency)}
                      </td>
                      <td data-label={t("portal.invoiceField.balance")} class="num">
                        <span classList={{ "attention-text": invoice.overdue }}>{formatMoney(invoice.balance, invoice.currency)}</span>
                      </td>
                      <td data-label={t("field.status")}>
                        <InvoiceStatusBadge invoice={invoice} />
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <LoadMore list={list} />
        </Show>
      </Boundary>
    </section>
  );
}
