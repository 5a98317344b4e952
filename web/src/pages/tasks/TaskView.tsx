import { t } from "@baton/ui/i18n";
import { toast } from "@baton/ui/Toast";
import type { TaskDetail, WorkTask } from "@baton/ui/types";
import { Show } from "solid-js";
import { TaskTimer } from "../../components/TaskTimer";
import { Assignments } from "./Assignments";
import { ClientDecision } from "./ClientDecision";
import { DeliverableCard } from "./DeliverableCard";
import { LastReview } from "./LastReview";
import { ReviewForm } from "./ReviewForm";
import { SopPanel } from "./SopPanel";
import { StatusNotice } from "./StatusNotice";
import { SubmitForm } from "./SubmitForm";
import { TaskFacts } from "./TaskFacts";
import { TaskHeader } from "./TaskHeader";
import { TaskVault } from "../vault/TaskVault";

/** The form that had focus is gone once the task moved on; focus the sentence saying what happens next. */
const focusStatus = () => requestAnimationFrame(() => document.getElementById("task-status")?.focus());

/**
 * One task laid out: its facts and work on the left; the QA review form, the timer and the history on the right.
 * Each form is shown when the task's `can` has its action.
 */
export function TaskView(props: {
  detail: TaskDetail;
  task: WorkTask;
  onAssign: () => void;
  onChange: (task: WorkTask) => void;
  onStale: (error: unknown) => boolean;
}) {
  const can = (action: WorkTask["can"][number]) => props.task.can.includes(action);
  return (
    <>
      <TaskHeader detail={props.detail} task={props.task} onAssign={props.onAssign} />
      <StatusNotice task={props.task} />
      <div class="detail-grid">
        <div class="stack">
          <TaskFacts detail={props.detail} task={props.task} />
          {/* A reviewer judges the deliverable: it comes before the SOP, level with the review form. */}
          <Show when={can("qa_approve")}>
            <DeliverableCard detail={props.detail} task={props.task} />
          </Show>
          <SopPanel detail={props.detail} task={props.task} onChange={props.onChange} onStale={props.onStale} />
          <Show when={!can("qa_approve")}>
            <DeliverableCard detail={props.detail} task={props.task} />
          </Show>
          <Show when={can("submit")}>
            <SubmitForm
              task={props.task}
              onStale={props.onStale}
              onSubmitted={(submitted) => {
                props.onChange(submitted);
                toast(t("tasks.submitted", { reference: submitted.reference }));
                focusStatus();
              }}
            />
          </Show>
        </div>
        <div class="stack">
          {/* The reviewer's form beside the deliverable it judges on wide screens (right after it on phones). */}
          <Show when={can("qa_approve")}>
            <ReviewForm
              task={props.task}
              onStale={props.onStale}
              onReviewed={(reviewed, decision) => {
                props.onChange(reviewed);
                toast(decision === "approve" ? t("qa.approved", { reference: reviewed.reference }) : t("qa.returned", { reference: reviewed.reference }));
                focusStatus();
              }}
            />
          </Show>
          <Show when={can("log_time")}>
            <TaskTimer taskId={props.task.id} done={props.task.status === "done"} />
          </Show>
          {/* The logins the task names: the API answers the owner and the assignee (while open) only. */}
          <Show when={can("log_time")}>
            <TaskVault taskId={props.task.id} />
          </Show>
          <LastReview task={props.task} />
          <ClientDecision task={props.task} />
          <Assignments task={props.task} />
        </div>
      </div>
    </>
  );
}
