import { Boundary } from "@baton/ui/Boundary";
import { EmptyState } from "@baton/ui/EmptyState";
import { currencyLabel, formatDate, formatDateTime, t } from "@baton/ui/i18n";
import type { AgingBucket, ReceivablesReport } from "@baton/ui/types";
import { A, createAsync, revalidate } from "@solidjs/router";
import { For, Show } from "solid-js";
import { StackedBars } from "./charts/StackedBars";
import { getReceivables } from "./data";
import { axisMoney, money } from "./format";
import { ConvertedTotal } from "./Converted";
import { ReportSection } from "./parts";
import { ClientLink } from "../../components/ClientLink";

type Currency = ReceivablesReport["currencies"][number];
type OpenInvoice = ReceivablesReport["invoices"][number];

const bucketLabel = (bucket: AgingBucket) => t(`reports.aging.bucket.${bucket}`);
// Later buckets in warmer colours; see reports.css.
const bucketTone = (index: number) => `tone-aging-${index}`;

/** What clients owe now, per currency, aged by days past due, and the open invoices behind it. */
export function Receivables() {
  const report = createAsync(() => getReceivables());
  return (
    <ReportSection id="aging" title={t("reports.aging.title")} intro={t("reports.aging.intro")}>
      <Boundary onRetry={() => revalidate(getReceivables.key)} loadingLabel={t("reports.loading")}>
        <Show when={report()}>
          {(aging) => (
            <Show when={aging().invoices.length} fallback={<EmptyState title={t("reports.aging.emptyTitle")}>{t("reports.aging.emptyBody")}</EmptyState>}>
              <p class="summary-line">{t("reports.aging.asOf", { time: formatDateTime(aging().asOf) })}</p>
              <ConvertedTotal
                currency={aging().converted.currency}
                total={aging().converted.total}
                unconverted={aging().converted.unconverted}
                parts={aging().converted.buckets.map((cell) => ({ key: cell.bucket, label: bucketLabel(cell.bucket), amount: cell.amount }))}
                testid="aging-converted"
              />
              <For each={aging().currencies}>{(currency) => <AgingInCurrency currency={currency} buckets={aging().buckets} />}</For>
              <OpenInvoices invoices={aging().invoices} asOf={aging().asOf} />
            </Show>
          )}
        </Show>
      </Boundary>
    </ReportSection>
  );
}

function AgingInCurrency(props: { currency: Currency; buckets: readonly AgingBucket[] }) {
  const code = () => props.currency.currency;
  const bars = () =>
    props.currency.buckets.map((cell, index) => ({
      key: cell.bucket,
      label: bucketLabel(cell.bucket),
      title: t("reports.aging.barTitleCount", { bucket: bucketLabel(cell.bucket), amount: money(cell.amount, code()), count: cell.count }),
      segments: [{ value: cell.amount, tone: bucketTone(index) }],
    }));
  const summary = () =>
    t("reports.aging.summary", {
      currency: code(),
      total: money(props.currency.total, code()),
      parts: props.currency.buckets.map((cell) => t("reports.aging.barTitle", { bucket: bucketLabel(cell.bucket), amount: money(cell.amount, code()) })).join(", "),
    });
  return (
    <div class="report-block" data-testid="aging-currency" data-currency={code()}>
      <div class="report-block-header">
        <h3>{currencyLabel(code())}</h3>
        <p class="report-figure">
          {t("reports.aging.owed")}: <strong data-testid="aging-total">{money(props.currency.total, code())}</strong>
        </p>
      </div>
      <div class="chart-box">
        <StackedBars bars={bars()} summary={summary()} tick={(value) => axisMoney(value, code())} testid="aging-chart" />
      </div>
      <div class="table-wrap">
        <table class="table table-stack">
          <caption class="sr-only">{t("reports.aging.clientsCaption", { currency: code() })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("reports.client")}</th>
              <For each={props.buckets}>
                {(bucket) => (
                  <th scope="col" class="num">
                    {bucketLabel(bucket)}
                  </th>
                )}
              </For>
              <th scope="col" class="num">
                {t("reports.total")}
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={props.currency.clients}>
              {(client) => (
                <tr data-testid="aging-client" data-client={client.clientId}>
                  <th scope="row">
                    <ClientLink id={client.clientId} name={client.name} />
                  </th>
                  <For each={client.buckets}>
                    {(cell, i) => (
                      <td class="num" data-label={bucketLabel(props.buckets[i()]!)}>
                        {cell.amount ? money(cell.amount, code()) : <span class="muted">—</span>}
                      </td>
                    )}
                  </For>
                  <td class="num" data-label={t("reports.total")}>
                    {money(client.total, code())}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("reports.aging.allClients")}</th>
              <For each={props.currency.buckets}>
                {(cell) => (
                  <td class="num" data-testid="aging-bucket" data-bucket={cell.bucket} data-label={bucketLabel(cell.bucket)}>
                    {money(cell.amount, code())}
                  </td>
                )}
              </For>
              <td class="num" data-label={t("reports.total")}>
                {money(props.currency.total, code())}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}

function OpenInvoices(props: { invoices: OpenInvoice[]; asOf: string }) {
  // Oldest due date first: the API's whole days past due, but in order within a day too.
  const sorted = () => [...props.invoices].sort((a, b) => (a.dueAt || "~").localeCompare(b.dueAt || "~"));
  // The report ages by whole days; a due date passed less than a day ago is late all the same.
  const late = (invoice: OpenInvoice) => {
    if (invoice.daysOverdue > 0) return t("reports.aging.daysLate", { count: invoice.daysOverdue });
    return invoice.dueAt && Date.parse(invoice.dueAt) < Date.parse(props.asOf) ? t("reports.aging.dueToday") : t("reports.aging.notDue");
  };
  return (
    <>
      <h3 class="subheading">{t("reports.aging.invoicesTitle")}</h3>
      <div class="table-wrap">
        <table class="table table-stack">
          <caption class="sr-only">{t("reports.aging.invoicesCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("reports.aging.invoice")}</th>
              <th scope="col">{t("reports.client")}</th>
              <th scope="col">{t("reports.aging.due")}</th>
              <th scope="col">{t("reports.aging.late")}</th>
              <th scope="col" class="num">
                {t("reports.aging.balance")}
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={sorted()}>
              {(invoice) => (
                <tr data-testid="aging-invoice" data-invoice={invoice.id} data-bucket={invoice.bucket} classList={{ "row-overdue": invoice.bucket !== "current" }}>
                  <td data-label={t("reports.aging.invoice")}>
                    <A href={`/invoices/${encodeURIComponent(invoice.id)}`} class="cell-title">
                      {invoice.number}
                    </A>
                  </td>
                  <td data-label={t("reports.client")}>{invoice.client.name}</td>
                  <td data-label={t("reports.aging.due")}>{invoice.dueAt ? formatDate(invoice.dueAt) : "—"}</td>
                  <td data-label={t("reports.aging.late")} classList={{ "text-overdue": invoice.bucket !== "current" }}>
                    {late(invoice)}
                  </td>
                  <td data-label={t("reports.aging.balance")} class="num">
                    {money(invoice.balance, invoice.currency)}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </>
  );
}
