import { Badge } from "@baton/ui/Badge";
import { formatHoursAsDuration } from "@baton/ui/time";
import { Boundary } from "@baton/ui/Boundary";
import { EmptyState } from "@baton/ui/EmptyState";
import { formatDateTime, formatNumber, t } from "@baton/ui/i18n";
import type { ResponsesReport } from "@baton/ui/types";
import { createAsync, revalidate } from "@solidjs/router";
import { For, Show } from "solid-js";
import { getResponses } from "./data";
import { percent } from "./format";
import { InvalidFilters, RangeFilter, ReportSection, settle, useFieldErrors } from "./parts";
import type { RangeControl } from "./Revenue";

type Counts = ResponsesReport["total"];

/** Working hours to the minute: "3.25 h". */
const workingHours = (value: number | null) => (value === null ? "—" : formatHoursAsDuration(value));

/** Response promises kept and breached per client, for requests received in a range of months. */
export function Responses(props: RangeControl) {
  const result = createAsync(() => settle(getResponses(props.from, props.to)));
  const errors = useFieldErrors(() => getResponses(props.from, props.to));
  return (
    <ReportSection
      id="responses"
      title={t("reports.responses.title")}
      intro={t("reports.responses.intro")}
      filters={
        <RangeFilter
          type="month"
          legend={t("reports.responses.range")}
          from={props.from}
          to={props.to}
          defaults={props.defaults}
          errors={errors()}
          resetLabel={t("reports.responses.reset")}
          onChange={props.onChange}
          onReset={props.onReset}
          testid="responses-range"
        />
      }
    >
      <Boundary onRetry={() => revalidate(getResponses.key)} loadingLabel={t("reports.loading")}>
        <Show when={result()}>
          {(settled) => (
            <Show when={settled().report} fallback={<InvalidFilters error={settled().invalid!} />}>
              {(report) => (
                <Show
                  when={report().total.received}
                  fallback={<EmptyState title={t("reports.responses.emptyTitle")}>{t("reports.responses.emptyBody")}</EmptyState>}
                >
                  <p class="report-figure" data-testid="responses-summary">
                    {t("reports.responses.summary", { count: report().total.received, breached: report().total.breached })}
                  </p>
                  <div class="table-wrap">
                    <table class="table table-stack">
                      <caption class="sr-only">{t("reports.responses.caption")}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("reports.client")}</th>
                          <th scope="col" class="num">
                            {t("reports.responses.promise")}
                          </th>
                          <th scope="col" class="num">
                            {t("reports.responses.received")}
                          </th>
                          <th scope="col" class="num">
                            {t("reports.responses.onTime")}
                          </th>
                          <th scope="col" class="num">
                            {t("reports.responses.breached")}
                          </th>
                          <th scope="col" class="num">
                            {t("reports.responses.open")}
                          </th>
                          <th scope="col" class="num">
                            {t("reports.responses.rate")}
                          </th>
                          <th scope="col" class="num">
                            {t("reports.responses.median")}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={report().clients}>
                          {(client) => (
                            <tr data-testid="responses-row" data-client={client.clientId}>
                              <th scope="row" data-label={t("reports.client")}>
                                <span class="cell-title">{client.name}</span>
                              </th>
                              <td data-label={t("reports.responses.promise")} class="num">
                                {client.responsePromise
                                  ? t(client.responsePromise.unit === "days" ? "clients.promiseDays" : "clients.promiseHours", { count: client.responsePromise.amount })
                                  : "—"}
                              </td>
                              <Cells counts={client} />
                            </tr>
                          )}
                        </For>
                      </tbody>
                      <tfoot>
                        <tr data-testid="responses-total">
                          <th scope="row" colSpan={2}>
                            {t("reports.total")}
                          </th>
                          <Cells counts={report().total} />
                        </tr>
                      </tfoot>
                    </table>
                  </div>
                  <p class="muted small">{t("reports.responses.asOf", { time: formatDateTime(report().asOf) })}</p>
                </Show>
              )}
            </Show>
          )}
        </Show>
      </Boundary>
    </ReportSection>
  );
}

/** The counts of a client's row or of the totals, breaches flagged. */
function Cells(props: { counts: Counts }) {
  return (
    <>
      <td data-label={t("reports.responses.received")} class="num">
        {formatNumber(props.counts.received)}
      </td>
      <td data-label={t("reports.responses.onTime")} class="num">
        {formatNumber(props.counts.onTime)}
      </td>
      <td data-label={t("reports.responses.breached")} class="num" data-testid="responses-breached">
        <Show when={props.counts.breached > 0} fallback={formatNumber(0)}>
          <Badge tone="danger">{formatNumber(props.counts.breached)}</Badge>
          <div class="cell-sub">{t("reports.responses.breachedDetail", { late: formatNumber(props.counts.answeredLate), overdue: formatNumber(props.counts.overdue) })}</div>
        </Show>
      </td>
      <td data-label={t("reports.responses.open")} class="num">
        {formatNumber(props.counts.open)}
      </td>
      <td data-label={t("reports.responses.rate")} class="num">
        {props.counts.breachRate === null ? "—" : percent(props.counts.breachRate)}
      </td>
      <td data-label={t("reports.responses.median")} class="num">
        {workingHours(props.counts.medianResponseHours)}
      </td>
    </>
  );
}
