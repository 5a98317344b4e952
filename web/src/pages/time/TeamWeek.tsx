import { Badge } from "@baton/ui/Badge";
import { EmptyState } from "@baton/ui/EmptyState";
import { t } from "@baton/ui/i18n";
import type { TeamWeek } from "@baton/ui/types";
import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { formatMinutes } from "./format";
import "./team.css";
import { WeekNav } from "./WeekNav";

// The owner's Time page opens here (issue 22 item 7): each member's hours this week against their
// capacity, as bars and as a table (the table is what a screen reader reads; the bars are hidden
// from it). A member's name opens their week; the owner's own week is one of the rows.

type Row = TeamWeek["members"][number];

/** Logged time as a share of capacity, 0–100 for the bar (over capacity fills it). */
export const share = (row: Pick<Row, "totalMinutes" | "capacityMinutes">) =>
  row.capacityMinutes > 0 ? Math.min(100, Math.round((row.totalMinutes / row.capacityMinutes) * 100)) : row.totalMinutes ? 100 : 0;
const percent = (row: Row) => (row.capacityMinutes > 0 ? Math.round((row.totalMinutes / row.capacityMinutes) * 100) : null);

const stateTone = { empty: "neutral", open: "neutral", returned: "warning", submitted: "info", approved: "success" } as const;

export function TeamWeekView(props: { week: TeamWeek; meId: string; onWeek: (date: string) => void; memberHref: (id: string) => string }) {
  const monday = () => props.week.members.find((row) => row.member.id === props.meId)?.weekOf ?? props.week.members[0]?.weekOf ?? props.week.date;
  const name = (row: Row) => (row.member.id === props.meId ? t("teamWeek.you", { name: row.member.name }) : row.member.name);
  return (
    <>
      <p class="page-intro">{t("teamWeek.intro")}</p>
      <WeekNav monday={monday()} label={t("teamWeek.weeks")} titleTestId="team-week-title" onWeek={props.onWeek} />
      <p class="summary-line" data-testid="team-week-totals">
        {t("teamWeek.totals", { logged: formatMinutes(props.week.totalMinutes), capacity: formatMinutes(props.week.capacityMinutes) })}
      </p>
      <Show when={props.week.members.length} fallback={<EmptyState title={t("teamWeek.empty")} />}>
        <div class="card team-chart" aria-hidden="true" data-testid="team-chart">
          <For each={props.week.members}>
            {(row) => (
              <div class="team-chart-row" classList={{ "team-chart-over": row.capacityMinutes > 0 && row.totalMinutes > row.capacityMinutes }} data-member-id={row.member.id}>
                <span class="team-chart-name">{name(row)}</span>
                <span class="team-chart-track">
                  <span class="team-chart-fill" style={{ width: `${share(row)}%` }} />
                </span>
                <span class="team-chart-value">{t("subHome.weekOf", { logged: formatMinutes(row.totalMinutes), capacity: formatMinutes(row.capacityMinutes) })}</span>
              </div>
            )}
          </For>
        </div>
        <div class="table-wrap">
          <table class="table table-stack team-week-table" data-testid="team-week">
            <caption class="sr-only">{t("teamWeek.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("time.member")}</th>
                <th scope="col">{t("time.total")}</th>
                <th scope="col">{t("teamWeek.capacity")}</th>
                <th scope="col">{t("teamWeek.share")}</th>
                <th scope="col">{t("time.billable")}</th>
                <th scope="col">{t("teamWeek.state")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.week.members}>
                {(row) => (
                  <tr data-testid="team-week-row" data-member-id={row.member.id}>
                    <th scope="row">
                      <A href={props.memberHref(row.member.id)}>{name(row)}</A>
                    </th>
                    <td data-label={t("time.total")} data-testid="team-week-logged">
                      {formatMinutes(row.totalMinutes)}
                    </td>
                    <td data-label={t("teamWeek.capacity")}>{formatMinutes(row.capacityMinutes)}</td>
                    <td data-label={t("teamWeek.share")}>{percent(row) === null ? "—" : t("teamWeek.percent", { percent: percent(row)! })}</td>
                    <td data-label={t("time.billable")}>{formatMinutes(row.billableMinutes)}</td>
                    <td data-label={t("teamWeek.state")}>
                      <Badge tone={stateTone[row.state]}>{t(`teamWeek.state.${row.state}`)}</Badge>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </>
  );
}
