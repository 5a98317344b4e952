import { Boundary } from "@baton/ui/Boundary";
import { EmptyState } from "@baton/ui/EmptyState";
import { t } from "@baton/ui/i18n";
import { useSession } from "@baton/ui/session";
import type { MarginReport } from "@baton/ui/types";
import { A, createAsync, revalidate } from "@solidjs/router";
import { For, Show } from "solid-js";
import { Legend } from "./charts/Legend";
import { PairedBars } from "./charts/PairedBars";
import { getMargin } from "./data";
import { hours, list, money, percent } from "./format";
import { InvalidFilters, ReportSection, settle } from "./parts";
import { ClientLink } from "../../components/ClientLink";

type Client = MarginReport["clients"][number];

/** Per client for the period: billed (their currency) against the team's cost (the agency's). */
export function Margin(props: { from: string; to: string }) {
  const { me } = useSession();
  const result = createAsync(() => settle(getMargin(props.from, props.to)));
  return (
    <ReportSection id="margin" title={t("reports.margin.title")} intro={t("reports.margin.intro", { currency: me().agency.currency })}>
      <Boundary onRetry={() => revalidate(getMargin.key)} loadingLabel={t("reports.loading")}>
        <Show when={result()}>
          {(settled) => (
            <Show when={settled().report} fallback={<InvalidFilters error={settled().invalid!} />}>
              {(report) => (
                <>
                  <WithoutCostRate members={report().withoutCostRate} />
                  <Show
                    when={report().clients.length}
                    fallback={<EmptyState title={t("reports.margin.emptyTitle")}>{t("reports.margin.emptyBody")}</EmptyState>}
                  >
                    <MarginChart report={report()} />
                    <MarginTable report={report()} />
                  </Show>
                </>
              )}
            </Show>
          )}
        </Show>
      </Boundary>
    </ReportSection>
  );
}

/** Members whose time has no cost rate: their hours cost nothing here, which flatters the margin. */
function WithoutCostRate(props: { members: MarginReport["withoutCostRate"] }) {
  const names = () => list(props.members.map((member) => t("reports.margin.memberHours", { name: member.name, hours: hours(member.minutes) })));
  return (
    <Show when={props.members.length}>
      <div class="notice notice-warning report-notice" role="note" data-testid="no-cost-rate">
        <p>{t("reports.margin.noCostRate", { names: names(), count: props.members.length })}</p>
        <A href="/team">{t("reports.margin.setRates")}</A>
      </div>
    </Show>
  );
}

/** Billed beside cost for the clients billed in the agency's currency: the others can't share a scale. */
function MarginChart(props: { report: MarginReport }) {
  const currency = () => props.report.currency;
  // Every client whose invoices converted: billed in the agency's currency beside the cost.
  const comparable = () => props.report.clients.filter((client) => client.billedConverted !== null && (client.billed > 0 || client.cost > 0));
  const rows = () =>
    comparable().map((client) => ({
      key: client.clientId,
      label: client.name,
      bars: [
        { value: client.billedConverted!, tone: "tone-billed", title: t("reports.margin.barBilled", { client: client.name, amount: money(client.billedConverted!, currency()) }), text: money(client.billedConverted!, currency()) },
        { value: client.cost, tone: "tone-cost", title: t("reports.margin.barCost", { client: client.name, amount: money(client.cost, currency()) }), text: money(client.cost, currency()) },
      ],
    }));
  const summary = () =>
    t("reports.margin.summary", {
      currency: currency(),
      count: comparable().length,
      parts: comparable()
        .map((client) => t("reports.margin.summaryPart", { client: client.name, billed: money(client.billed, currency()), cost: money(client.cost, currency()) }))
        .join("; "),
    });
  return (
    <Show when={comparable().length}>
      <div class="chart-box">
        <PairedBars rows={rows()} summary={summary()} testid="margin-chart" />
        <Legend
          items={[
            { label: t("reports.margin.billed"), tone: "tone-billed" },
            { label: t("reports.margin.cost"), tone: "tone-cost" },
          ]}
        />
        <Show when={comparable().length < props.report.clients.length}>
          <p class="small muted">{t("reports.margin.chartNote", { currency: currency() })}</p>
        </Show>
      </div>
    </Show>
  );
}

function MarginTable(props: { report: MarginReport }) {
  const currency = () => props.report.currency;
  const rate = (client: Client) => (client.marginRate === null ? "—" : percent(client.marginRate));
  return (
    <div class="table-wrap">
      <table class="table table-stack">
        <caption class="sr-only">{t("reports.margin.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("reports.client")}</th>
            <th scope="col" class="num">
              {t("reports.margin.billed")}
            </th>
            <th scope="col" class="num">
              {t("reports.margin.cost")}
            </th>
            <th scope="col" class="num">
              {t("reports.margin.margin")}
            </th>
            <th scope="col" class="num">
              {t("reports.margin.rate")}
            </th>
            <th scope="col" class="num">
              {t("reports.margin.hours")}
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.report.clients}>
            {(client) => (
              <tr data-testid="margin-row" data-client={client.clientId}>
                <td data-label={t("reports.client")}>
                  <ClientLink id={client.clientId} name={client.name} />
                </td>
                <td data-label={t("reports.margin.billed")} class="num" data-testid="margin-billed">
                  {money(client.billed, client.currency)}
                  <Show when={client.currency !== currency() && client.billedConverted !== null}>
                    <div class="cell-sub muted" data-testid="margin-billed-converted">{money(client.billedConverted!, currency())}</div>
                  </Show>
                </td>
                <td data-label={t("reports.margin.cost")} class="num" data-testid="margin-cost">
                  {money(client.cost, currency())}
                </td>
                <td data-label={t("reports.margin.margin")} class="num" data-testid="margin-value" classList={{ "text-danger": (client.margin ?? 0) < 0 }}>
                  <Show when={client.margin !== null} fallback={<MarginUnavailable client={client} agency={currency()} />}>
                    {money(client.margin!, currency())}
                  </Show>
                </td>
                <td data-label={t("reports.margin.rate")} class="num" data-testid="margin-rate">
                  <Show when={client.margin !== null && client.billed === 0} fallback={rate(client)}>
                    <span class="muted">{t("reports.margin.noRate")}</span>
                  </Show>
                </td>
                <td data-label={t("reports.margin.hours")} class="num">
                  {hours(client.minutes)}
                </td>
              </tr>
            )}
          </For>
        </tbody>
        <tfoot>
          <tr data-testid="margin-totals">
            <th scope="row" data-label={t("reports.client")}>{t("reports.margin.totals")}</th>
            <td data-label={t("reports.margin.billed")} class="num" data-testid="margin-total-billed">{money(props.report.totals.billed, currency())}</td>
            <td data-label={t("reports.margin.cost")} class="num">{money(props.report.totals.cost, currency())}</td>
            <td data-label={t("reports.margin.margin")} class="num" data-testid="margin-total-value" classList={{ "text-danger": props.report.totals.margin < 0 }}>{money(props.report.totals.margin, currency())}</td>
            <td data-label={t("reports.margin.rate")} class="num">{props.report.totals.marginRate === null ? "—" : percent(props.report.totals.marginRate)}</td>
            <td data-label={t("reports.margin.hours")} class="num">{hours(props.report.clients.reduce((sum, client) => sum + client.minutes, 0))}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** An em dash, and why: amounts in two currencies are not subtracted. */
function MarginUnavailable(props: { client: Client; agency: string }) {
  return (
    <>
      <span aria-hidden="true">—</span>
      <div class="cell-sub report-why">{t("reports.margin.noExchangeRate", { currency: props.client.currency })}</div>
    </>
  );
}
