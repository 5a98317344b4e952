import { Boundary } from "@baton/ui/Boundary";
import { buttonClass } from "@baton/ui/Button";
import { EmptyState } from "@baton/ui/EmptyState";
import { t, timeZoneLabel } from "@baton/ui/i18n";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import type { WorkTask } from "@baton/ui/types";
import { A, createAsync, revalidate } from "@solidjs/router";
import { Show } from "solid-js";
import { TaskTable } from "../../components/TaskTable";
import { now } from "../../lib/time";
import { expireOnLeave } from "../../lib/work";
import { getMine } from "../tasks/data";

/** A member's open tasks, soonest due first, in their own time zone: the home of a subcontractor. */
export default function MyWork() {
  const { me } = useSession();
  const mine = createAsync(() => getMine());
  expireOnLeave(() => getMine.key);
  const needsAction = (task: WorkTask) => task.status === "in_progress" || task.status === "returned";
  const overdue = () => (mine()?.items ?? []).filter((task) => Date.parse(task.dueAt) < now().getTime()).length;

  return (
    <section class="page">
      <Title>{t("work.title")}</Title>
      <PageHeader title={t("work.title")} intro={t("work.intro", { zone: timeZoneLabel(me().timeZone) })} />
      <Boundary onRetry={() => revalidate(getMine.key)}>
        <Show
          when={mine()?.items.length}
          fallback={
            <EmptyState
              title={t("work.emptyTitle")}
              action={
                <A href="/sops" class={buttonClass("secondary")}>
                  {t("work.browseSops")}
                </A>
              }
            >
              {t("work.emptyBody")}
            </EmptyState>
          }
        >
          <p class="summary-line">
            {t("work.summary", { count: mine()!.items.length })}
            <Show when={overdue()}> · <span class="text-danger">{t("work.summaryOverdue", { count: overdue() })}</span></Show>
          </p>
          <TaskTable caption={t("work.title")} tasks={mine()!.items} columns={["due", "task", "client", "status", "checklist"]} highlight={needsAction} />
        </Show>
      </Boundary>
    </section>
  );
}
