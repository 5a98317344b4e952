import { Badge } from "@baton/ui/Badge";
import { Boundary } from "@baton/ui/Boundary";
import { EmptyState } from "@baton/ui/EmptyState";
import { t } from "@baton/ui/i18n";
import { createAsync, revalidate } from "@solidjs/router";
import { For, Show } from "solid-js";
import { getPayouts } from "./data";
import { hours, money } from "./format";
import { InvalidFilters, ReportSection, settle } from "./parts";

/** What each team member is owed for their time in the period, at their cost rate. */
export function Payouts(props: { from: string; to: string }) {
  const result = createAsync(() => settle(getPayouts(props.from, props.to)));
  return (
    <ReportSection id="payouts" title={t("reports.payouts.title")} intro={t("reports.payouts.intro")}>
      <Boundary onRetry={() => revalidate(getPayouts.key)} loadingLabel={t("reports.loading")}>
        <Show when={result()}>
          {(settled) => (
            <Show when={settled().report} fallback={<InvalidFilters error={settled().invalid!} />}>
              {(report) => (
                <Show
                  when={report().members.length}
                  fallback={<EmptyState title={t("reports.payouts.emptyTitle")}>{t("reports.payouts.emptyBody")}</EmptyState>}
                >
                  <div class="table-wrap">
                    <table class="table table-stack">
                      <caption class="sr-only">{t("reports.payouts.caption")}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("reports.payouts.member")}</th>
                          <th scope="col" class="num">
                            {t("reports.payouts.hours")}
                          </th>
                          <th scope="col" class="num">
                            {t("reports.payouts.billable")}
                          </th>
                          <th scope="col" class="num">
                            {t("reports.payouts.rate")}
                          </th>
                          <th scope="col" class="num">
                            {t("reports.payouts.amount")}
                          </th>
                          <th scope="col" class="num">
                            {t("reports.payouts.owed")}
                          </th>
                          <th scope="col" class="num">
                            {t("reports.payouts.paid")}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={report().members}>
                          {(member) => (
                            <tr data-testid="payout-row" data-member={member.id}>
                              <td data-label={t("reports.payouts.member")}>
                                <span class="cell-title">{member.name}</span>
                              </td>
                              <td data-label={t("reports.payouts.hours")} class="num">
                                {hours(member.minutes)}
                              </td>
                              <td data-label={t("reports.payouts.billable")} class="num">
                                {hours(member.billableMinutes)}
                              </td>
                              <td data-label={t("reports.payouts.rate")} class="num">
                                <Show when={member.costRate !== null} fallback={<Badge tone="warning">{t("reports.payouts.noRate")}</Badge>}>
                                  {t("reports.payouts.perHour", { amount: money(member.costRate!, report().currency) })}
                                </Show>
                              </td>
                              <td data-label={t("reports.payouts.amount")} class="num" data-testid="payout-amount">
                                <Show when={member.amount !== null} fallback={<span class="muted">—</span>}>
                                  {money(member.amount!, report().currency)}
                                </Show>
                              </td>
                              <td data-label={t("reports.payouts.owed")} class="num" data-testid="payout-owed">
                                {member.statements ? money(member.statements.owed, member.statements.currency) : "—"}
                              </td>
                              <td data-label={t("reports.payouts.paid")} class="num" data-testid="payout-paid">
                                {member.statements ? money(member.statements.paid, member.statements.currency) : "—"}
                              </td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                      <tfoot>
                        <tr>
                          <th scope="row" colSpan={4}>
                            {t("reports.total")}
                          </th>
                          <td class="num" data-testid="payout-total">
                            <strong>{money(report().total, report().currency)}</strong>
                          </td>
                          <td colSpan={2} />
                        </tr>
                      </tfoot>
                    </table>
                  </div>
                </Show>
              )}
            </Show>
          )}
        </Show>
      </Boundary>
    </ReportSection>
  );
}
