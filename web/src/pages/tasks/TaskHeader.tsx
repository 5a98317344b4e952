import { Button } from "@baton/ui/Button";
import { t } from "@baton/ui/i18n";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import type { TaskDetail, WorkTask } from "@baton/ui/types";
import { A } from "@solidjs/router";
import { QuadrantBadge, TaskStatusBadge } from "../../components/badges";
import { OverageBadge } from "../../components/OverageBadge";

/**
 * Where "back" goes: the owner came from the request, the assignee from their work, a reviewer
 * from the QA queue. Navigation only: what anyone may do to the task is its `can`.
 */
function BackLink(props: { detail: TaskDetail; task: WorkTask }) {
  const { me } = useSession();
  if (me().role === "owner") {
    return (
      <A href={`/requests/${encodeURIComponent(props.task.requestId)}`} class="back-link">
        ← {t("tasks.backToRequest", { reference: props.detail.request.reference })}
      </A>
    );
  }
  const mine = props.task.assignee?.id === me().id;
  return (
    <A href={mine ? "/work" : "/qa"} class="back-link">
      ← {mine ? t("work.back") : t("qa.title")}
    </A>
  );
}

/** The task's title, reference, status and client, and the Assign button when the task's `can` has it. */
export function TaskHeader(props: { detail: TaskDetail; task: WorkTask; onAssign: () => void }) {
  return (
    <>
      <Title>{`${props.task.reference} · ${props.task.title}`}</Title>
      <PageHeader
        back={<BackLink detail={props.detail} task={props.task} />}
        title={props.task.title}
        intro={
          <span class="header-meta">
            <code>{props.task.reference}</code>
            <TaskStatusBadge status={props.task.status} />
            <QuadrantBadge quadrant={props.task.quadrant} />
            <span>{props.detail.client.name}</span>
            <OverageBadge state={props.detail.client.hours} />
          </span>
        }
        actions={
          props.task.can.includes("assign") ? (
            <Button variant={props.task.assignee ? "secondary" : "primary"} onClick={() => props.onAssign()}>
              {props.task.assignee ? t("tasks.reassign") : t("tasks.assign")}
            </Button>
          ) : undefined
        }
      />
    </>
  );
}
