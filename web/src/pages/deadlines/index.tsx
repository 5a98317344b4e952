import { Boundary } from "@baton/ui/Boundary";
import { EmptyState } from "@baton/ui/EmptyState";
import { t, timeZoneLabel } from "@baton/ui/i18n";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { createAsync, revalidate } from "@solidjs/router";
import { Show } from "solid-js";
import { TaskTable } from "../../components/TaskTable";
import { PlanningTabs } from "../../components/PlanningTabs";
import { now } from "../../lib/time";
import { expireOnLeave } from "../../lib/work";
import { getDeadlines } from "../tasks/data";

/** Every open task across clients by due date: the master deadline list. */
export default function Deadlines() {
  const { me } = useSession();
  const deadlines = createAsync(() => getDeadlines());
  expireOnLeave(() => getDeadlines.key);
  const overdue = () => (deadlines()?.items ?? []).filter((task) => Date.parse(task.dueAt) < now().getTime()).length;
  return (
    <section class="page">
      <Title>{t("deadlines.title")}</Title>
      <PageHeader title={t("deadlines.title")} intro={t("deadlines.intro", { zone: timeZoneLabel(me().timeZone) })} />
      <PlanningTabs />
      <Boundary onRetry={() => revalidate(getDeadlines.key)}>
        <Show when={deadlines()?.items.length} fallback={<EmptyState title={t("deadlines.emptyTitle")}>{t("deadlines.emptyBody")}</EmptyState>}>
          <Show when={overdue()}>
            <p class="summary-line text-danger">
              {t("deadlines.overdueCount", { count: overdue() })}
            </p>
          </Show>
          <TaskTable caption={t("deadlines.title")} tasks={deadlines()!.items} columns={["due", "task", "client", "assignee", "status"]} />
          <Show when={deadlines()!.more}>
            <p class="muted small">{t("deadlines.more")}</p>
          </Show>
        </Show>
      </Boundary>
    </section>
  );
}
