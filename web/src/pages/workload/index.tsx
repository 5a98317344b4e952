import { Boundary } from "@baton/ui/Boundary";
import { EmptyState } from "@baton/ui/EmptyState";
import { formatDate, formatNumber, t } from "@baton/ui/i18n";
import { Select } from "@baton/ui/Select";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { createAsync, revalidate, useSearchParams } from "@solidjs/router";
import { For, Index, Show } from "solid-js";
import { PlanningTabs } from "../../components/PlanningTabs";
import { formatHours } from "../../lib/time";
import { getWorkload, parseWeeks, workloadWeeks } from "../tasks/data";

/** Each member's open estimates by the week they fall due, against their weekly capacity. */
export default function Workload() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams<{ weeks?: string }>();
  const weeks = () => parseWeeks(params.weeks);
  const workload = createAsync(() => getWorkload(weeks()));
  // Weeks start on Monday in the agency's zone; label them there too.
  const weekLabel = (start: string) => formatDate(start, me().agency.timeZone);
  return (
    <section class="page page-wide">
      <Title>{t("workload.title")}</Title>
      <PageHeader title={t("workload.title")} intro={t("workload.intro")} />
      <PlanningTabs />
      <div class="toolbar">
        <Select
          label={t("workload.weeks")}
          name="weeks"
          class="field-inline"
          options={workloadWeeks.map((n) => ({ value: String(n), label: t("workload.weeksOption", { count: n }) }))}
          value={String(weeks())}
          onValue={(value) => setParams({ weeks: value === "4" ? undefined : value })}
        />
      </div>
      <Boundary onRetry={() => revalidate(getWorkload.key)}>
        <Show when={workload()?.members.length} fallback={<EmptyState title={t("workload.emptyTitle")} />}>
          <div class="table-wrap">
            <table class="table workload-table">
              <caption class="sr-only">{t("workload.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("workload.member")}</th>
                  <th scope="col">{t("workload.overdue")}</th>
                  <For each={workload()!.weeks}>{(week) => <th scope="col">{t("workload.weekOf", { date: weekLabel(week) })}</th>}</For>
                  <th scope="col">{t("workload.openTasks")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={workload()!.members}>
                  {(member) => (
                    <tr data-testid="workload-row" data-member={member.id}>
                      <th scope="row">
                        <div class="cell-title">{member.name}</div>
                        <div class="cell-sub">{t("team.hoursPerWeek", { hours: formatNumber(member.weeklyCapacityHours) })}</div>
                      </th>
                      <td classList={{ "cell-over": member.overdueHours > 0 }}>
                        <Show when={member.overdueHours > 0} fallback={<span class="muted">—</span>}>
                          {formatHours(member.overdueHours)}
                        </Show>
                      </td>
                      <Index each={member.hours}>
                        {(hours) => {
                          const over = () => hours() > member.weeklyCapacityHours;
                          const ratio = () => (member.weeklyCapacityHours > 0 ? Math.min(1, hours() / member.weeklyCapacityHours) : hours() > 0 ? 1 : 0);
                          return (
                            <td classList={{ "cell-over": over() }} data-over={over() ? "true" : undefined}>
                              <div class="load">
                                <span>{t("workload.hoursOf", { hours: formatHours(hours()), capacity: formatHours(member.weeklyCapacityHours) })}</span>
                                <span class="load-bar" aria-hidden="true">
                                  <span style={{ width: `${Math.round(ratio() * 100)}%` }} />
                                </span>
                                <Show when={over()}>
                                  <span class="load-over">{t("workload.over", { hours: formatHours(hours() - member.weeklyCapacityHours) })}</span>
                                </Show>
                              </div>
                            </td>
                          );
                        }}
                      </Index>
                      <td>{formatNumber(member.openTasks)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </Boundary>
    </section>
  );
}
