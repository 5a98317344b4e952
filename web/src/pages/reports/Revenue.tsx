import { Boundary } from "@baton/ui/Boundary";
import { EmptyState } from "@baton/ui/EmptyState";
import { currencyLabel, t } from "@baton/ui/i18n";
import type { RevenueReport } from "@baton/ui/types";
import { createAsync, revalidate } from "@solidjs/router";
import { createMemo, For, Show } from "solid-js";
import { Legend } from "./charts/Legend";
import { StackedBars } from "./charts/StackedBars";
import { getRevenue } from "./data";
import { axisMoney, money, monthLong, monthShort, monthYear } from "./format";
import { ConvertedTotal } from "./Converted";
import { InvalidFilters, RangeFilter, ReportSection, settle, useFieldErrors } from "./parts";
import { ClientLink } from "../../components/ClientLink";

type Currency = RevenueReport["currencies"][number];

/** Clients named in the chart; the rest are added up as "Other" (the tables name everyone). */
const TOP = 5;
const OTHER = "other";

export type RangeControl = {
  from: string;
  to: string;
  defaults: { from: string; to: string };
  onChange: (field: "from" | "to", value: string | undefined) => void;
  onReset: () => void;
};

/** Invoiced before tax, per currency, by month and client, for a range of months. */
export function Revenue(props: RangeControl) {
  const result = createAsync(() => settle(getRevenue(props.from, props.to)));
  const errors = useFieldErrors(() => getRevenue(props.from, props.to));
  return (
    <ReportSection
      id="revenue"
      title={t("reports.revenue.title")}
      intro={t("reports.revenue.intro")}
      filters={
        <RangeFilter
          type="month"
          legend={t("reports.revenue.range")}
          from={props.from}
          to={props.to}
          defaults={props.defaults}
          errors={errors()}
          resetLabel={t("reports.revenue.reset")}
          onChange={props.onChange}
          onReset={props.onReset}
          testid="revenue-range"
        />
      }
    >
      <Boundary onRetry={() => revalidate(getRevenue.key)} loadingLabel={t("reports.loading")}>
        <Show when={result()}>
          {(settled) => (
            <Show when={settled().report} fallback={<InvalidFilters error={settled().invalid!} />}>
              {(report) => (
                <Show when={report().currencies.length} fallback={<EmptyState title={t("reports.revenue.emptyTitle")}>{t("reports.revenue.emptyBody")}</EmptyState>}>
                  <ConvertedTotal
                    currency={report().converted.currency}
                    total={report().converted.total}
                    unconverted={report().converted.unconverted}
                    parts={report().converted.months.map((month) => ({ key: month.month, label: monthShort(month.month), amount: month.total }))}
                    testid="revenue-converted"
                  />
                  <For each={report().currencies}>{(currency) => <RevenueInCurrency currency={currency} />}</For>
                </Show>
              )}
            </Show>
          )}
        </Show>
      </Boundary>
    </ReportSection>
  );
}

function RevenueInCurrency(props: { currency: Currency }) {
  const code = () => props.currency.currency;
  const named = createMemo(() => {
    const clients = props.currency.clients;
    // "Other" for a single client would hide a name to save nothing.
    return clients.length <= TOP + 1 ? clients : clients.slice(0, TOP);
  });
  const series = createMemo(() => [
    ...named().map((client, index) => ({ key: client.clientId, label: client.name, tone: `tone-${index}` })),
    ...(props.currency.clients.length > named().length ? [{ key: OTHER, label: t("reports.other"), tone: "tone-other" }] : []),
  ]);
  // Each month as one amount per series, in the order of the legend.
  const rows = createMemo(() => {
    const namedIds = new Set(named().map((client) => client.clientId));
    return props.currency.months.map((month) => {
      const amounts = new Map(month.byClient.map((cell) => [cell.clientId, cell.amount]));
      const other = month.byClient.filter((cell) => !namedIds.has(cell.clientId)).reduce((sum, cell) => sum + cell.amount, 0);
      return { month: month.month, total: month.total, values: series().map((item) => (item.key === OTHER ? other : (amounts.get(item.key) ?? 0))) };
    });
  });
  const bars = () =>
    rows().map((row, index) => ({
      key: row.month,
      label: monthShort(row.month),
      sublabel: index === 0 || row.month.endsWith("-01") ? monthYear(row.month) : undefined,
      title: [
        t("reports.revenue.barTitle", { month: monthLong(row.month), amount: money(row.total, code()) }),
        ...row.values.flatMap((value, at) => (value > 0 ? [`${series()[at]!.label}: ${money(value, code())}`] : [])),
      ].join("\n"),
      segments: row.values.map((value, at) => ({ value, tone: series()[at]!.tone })),
    }));
  const summary = () => {
    const all = rows();
    const best = all.reduce((top, row) => (row.total > top.total ? row : top), all[0]!);
    return t("reports.revenue.summary", {
      currency: code(),
      from: monthLong(all[0]!.month),
      to: monthLong(all[all.length - 1]!.month),
      total: money(props.currency.total, code()),
      best: monthLong(best.month),
      bestAmount: money(best.total, code()),
    });
  };
  const invoices = () => props.currency.clients.reduce((sum, client) => sum + client.invoices, 0);

  return (
    <div class="report-block" data-testid="revenue-currency" data-currency={code()}>
      <div class="report-block-header">
        <h3>{currencyLabel(code())}</h3>
        <p class="report-figure">
          {t("reports.revenue.totalLabel")}: <strong data-testid="revenue-total">{money(props.currency.total, code())}</strong>
        </p>
      </div>
      <div class="report-grid">
        <div class="chart-box">
          <StackedBars bars={bars()} summary={summary()} tick={(value) => axisMoney(value, code())} testid="revenue-chart" />
          <Legend items={series()} />
        </div>
        <div class="table-wrap">
          <table class="table">
            <caption class="sr-only">{t("reports.revenue.clientsCaption", { currency: code() })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reports.client")}</th>
                <th scope="col" class="num">
                  {t("reports.revenue.invoices")}
                </th>
                <th scope="col" class="num">
                  {t("reports.revenue.amount")}
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={props.currency.clients}>
                {(client) => (
                  <tr data-testid="revenue-client" data-client={client.clientId}>
                    <th scope="row">
                      <ClientLink id={client.clientId} name={client.name} />
                    </th>
                    <td class="num">{client.invoices}</td>
                    <td class="num">{money(client.total, code())}</td>
                  </tr>
                )}
              </For>
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("reports.total")}</th>
                <td class="num">{invoices()}</td>
                <td class="num">{money(props.currency.total, code())}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </div>
      <details class="report-details">
        <summary>{t("reports.revenue.byMonth")}</summary>
        <div class="table-wrap">
          <table class="table">
            <caption class="sr-only">{t("reports.revenue.monthsCaption", { currency: code() })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reports.revenue.month")}</th>
                <For each={series()}>
                  {(item) => (
                    <th scope="col" class="num">
                      {item.label}
                    </th>
                  )}
                </For>
                <th scope="col" class="num">
                  {t("reports.total")}
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(row) => (
                  <tr data-testid="revenue-month" data-month={row.month}>
                    <th scope="row">{monthLong(row.month)}</th>
                    <For each={row.values}>{(value) => <td class="num">{value ? money(value, code()) : <span class="muted">—</span>}</td>}</For>
                    <td class="num">{row.total ? money(row.total, code()) : <span class="muted">—</span>}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
