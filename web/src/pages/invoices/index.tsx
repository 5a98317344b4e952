import { todayIn } from "@baton/kernel/dates";
import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button, buttonClass } from "@baton/ui/Button";
import { EmptyState } from "@baton/ui/EmptyState";
import { formatDate, t, viewerTimeZone } from "@baton/ui/i18n";
import { LoadMore } from "@baton/ui/LoadMore";
import { createPaged } from "@baton/ui/paged";
import { Select } from "@baton/ui/Select";
import { Title } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { A, createAsync, revalidate, useSearchParams } from "@solidjs/router";
import { For, Show } from "solid-js";
import { ClientFilter } from "../../components/ClientFilter";
import { InvoiceStatusBadge } from "../../components/InvoiceStatusBadge";
import { expireOnLeave } from "../../lib/work";
import { getInvoices, invoiceStatuses, parseClientId, parseInvoiceStatus } from "./data";
import { money } from "./format";

/** The first of this month to today (YYYY-MM-DD, the viewer's calendar): the time export needs a range. */
function thisMonth() {
  const today = todayIn(viewerTimeZone());
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/** Every invoice, newest first, by status and client. */
export default function Invoices() {
  const [params, setParams] = useSearchParams<{ status?: string; client?: string }>();
  const status = () => parseInvoiceStatus(params.status);
  const clientId = () => parseClientId(params.client);
  const first = createAsync(() => getInvoices(status(), clientId()));
  expireOnLeave(() => getInvoices.key);
  const list = createPaged(first, (cursor) => api.invoices.list({ cursor, status: status(), clientId: clientId() || undefined }));
  const filtered = () => status() !== "all" || !!clientId();
  const newHref = () => (clientId() ? `/invoices/new?client=${encodeURIComponent(clientId())}` : "/invoices/new");

  const statusOptions = () => [
    { value: "all", label: t("invoices.allStatuses") },
    ...invoiceStatuses.map((value) => ({ value, label: t(`invoiceStatus.${value}`) })),
  ];
  const newLink = () => (
    <A href={newHref()} class={buttonClass("primary")}>
      {t("invoices.new")}
    </A>
  );

  return (
    <section class="page">
      <Title>{t("invoices.title")}</Title>
      <PageHeader
        title={t("invoices.title")}
        intro={t("invoices.intro")}
        actions={
          <>
            <a href={api.invoices.csvUrl("invoices")} download="" class={buttonClass("secondary", "sm")}>
              {t("invoices.exportInvoices")}
            </a>
            <a href={api.invoices.csvUrl("time", thisMonth())} download="" class={buttonClass("secondary", "sm")}>
              {t("invoices.exportTime")}
            </a>
            {newLink()}
          </>
        }
      />
      <div class="toolbar">
        <Select
          label={t("invoices.filterStatus")}
          name="status"
          class="field-inline"
          options={statusOptions()}
          value={status()}
          onValue={(value) => setParams({ status: value === "all" ? undefined : value })}
        />
        <ClientFilter value={clientId()} onValue={(value) => setParams({ client: value || undefined })} />
      </div>
      <Boundary onRetry={() => revalidate(getInvoices.key)}>
        <Show
          when={list.items().length > 0}
          fallback={
            <Show when={filtered()} fallback={<EmptyState title={t("invoices.emptyTitle")} action={newLink()}>{t("invoices.emptyBody")}</EmptyState>}>
              <EmptyState
                title={t("invoices.emptyFiltered")}
                action={<Button onClick={() => setParams({ status: undefined, client: undefined })}>{t("invoices.clearFilter")}</Button>}
              />
            </Show>
          }
        >
          <div class="table-wrap">
            <table class="table table-stack invoice-table">
              <caption class="sr-only">{t("invoices.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("invoices.number")}</th>
                  <th scope="col">{t("invoices.client")}</th>
                  <th scope="col">{t("invoices.issued")}</th>
                  <th scope="col">{t("invoices.due")}</th>
                  <th scope="col" class="num">{t("invoices.total")}</th>
                  <th scope="col" class="num">{t("invoices.balance")}</th>
                  <th scope="col">{t("field.status")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={list.items()}>
                  {(invoice) => (
                    <tr data-testid="invoice-row" data-status={invoice.status} classList={{ "row-overdue": invoice.overdue }}>
                      <th scope="row" class="row-head" data-label={t("invoices.number")}>
                        <A href={`/invoices/${encodeURIComponent(invoice.id)}`} class="cell-title">
                          {invoice.number ?? t("invoices.draftNumber")}
                        </A>
                      </th>
                      <td data-label={t("invoices.client")}>{invoice.client.name}</td>
                      <td data-label={t("invoices.issued")}>{invoice.issuedAt ? formatDate(invoice.issuedAt) : "—"}</td>
                      <td data-label={t("invoices.due")} classList={{ "text-overdue": invoice.overdue }}>
                        {invoice.dueAt ? formatDate(invoice.dueAt) : "—"}
                      </td>
                      <td data-label={t("invoices.total")} class="num">{money(invoice.total, invoice.currency)}</td>
                      <td data-label={t("invoices.balance")} class="num">{invoice.status === "void" ? "—" : money(invoice.balance, invoice.currency)}</td>
                      <td data-label={t("field.status")}>
                        <InvoiceStatusBadge status={invoice.status} overdue={invoice.overdue} />
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
