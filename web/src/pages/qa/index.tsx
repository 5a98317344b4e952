import { Boundary } from "@baton/ui/Boundary";
import { EmptyState } from "@baton/ui/EmptyState";
import { t } from "@baton/ui/i18n";
import { Title } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { createAsync, revalidate } from "@solidjs/router";
import { Show } from "solid-js";
import { TaskTable } from "../../components/TaskTable";
import { expireOnLeave } from "../../lib/work";
import { getQaQueue } from "../tasks/data";

/** Deliverables waiting for QA (never your own), the most pressing first. */
export default function QaQueue() {
  const queue = createAsync(() => getQaQueue());
  expireOnLeave(() => getQaQueue.key);
  return (
    <section class="page">
      <Title>{t("qa.title")}</Title>
      <PageHeader title={t("qa.title")} intro={t("qa.intro")} />
      <Boundary onRetry={() => revalidate(getQaQueue.key)}>
        <Show when={queue()?.items.length} fallback={<EmptyState title={t("qa.emptyTitle")}>{t("qa.emptyBody")}</EmptyState>}>
          <TaskTable caption={t("qa.title")} tasks={queue()!.items} columns={["task", "client", "assignee", "submitted", "due"]} />
        </Show>
      </Boundary>
    </section>
  );
}
