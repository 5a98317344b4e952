import { api } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { createSubmission } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { toast } from "@baton/ui/Toast";
import type { WorkTask } from "@baton/ui/types";
import { Show } from "solid-js";

/**
 * "Send to calendar": emails the assignee the due date as a calendar invitation (.ics). Offered
 * to whoever may log time on the task: the API's own answer for "the owner or the assignee", the
 * same people POST /tasks/:id/calendar-invitation lets in.
 */
export function SendToCalendar(props: { task: WorkTask }) {
  const submission = createSubmission();
  const send = () =>
    submission.run(async () => {
      const sent = await api.planner.taskInvitation(props.task.id);
      toast(t("tasks.sentToCalendar", { name: sent.to }));
    });
  return (
    <Show when={props.task.assignee && props.task.can.includes("log_time") ? props.task.assignee : undefined}>
      {(assignee) => (
        <div class="send-to-calendar">
          <Button size="sm" pending={submission.pending()} onClick={() => void send()} title={t("tasks.sendToCalendarHint", { name: assignee().name })} data-testid="send-to-calendar">
            {t("tasks.sendToCalendar")}
          </Button>
          <ErrorMessage error={submission.error()} />
        </div>
      )}
    </Show>
  );
}
