import { api, conflictCurrent } from "@baton/ui/api";
import { Badge } from "@baton/ui/Badge";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { ConfirmDialog, Dialog } from "@baton/ui/Dialog";
import { EmptyState } from "@baton/ui/EmptyState";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { createSubmission } from "@baton/ui/Form";
import { formatDateTime, t, timeZoneLabel } from "@baton/ui/i18n";
import { toast } from "@baton/ui/Toast";
import type { Schedule } from "@baton/ui/types";
import { createAsync, revalidate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { getSchedules, ruleSummary, scheduleKeys } from "./data";
import { ScheduleForm } from "./ScheduleForm";

/**
 * The schedules of the agency (the Recurring page) or of one client (`clientId`, the client
 * page): each with its rule in the client's time, the next occurrence in the viewer's, and
 * edit, pause or resume, and delete.
 */
export function ScheduleList(props: { clientId?: string; creating: boolean; setCreating: (open: boolean) => void; newButton: () => import("solid-js").JSX.Element }) {
  const schedules = createAsync(() => getSchedules(props.clientId ?? ""));
  const [editing, setEditing] = createSignal<Schedule>();
  const [deleting, setDeleting] = createSignal<Schedule>();
  const [changed, setChanged] = createSignal(false);
  const action = createSubmission();

  const toggle = (schedule: Schedule) =>
    action.run(async () => {
      setChanged(false);
      try {
        const saved = schedule.status === "active" ? await api.schedules.pause(schedule.id, schedule.version) : await api.schedules.resume(schedule.id, schedule.version);
        // Said once the list shows it.
        await revalidate(scheduleKeys);
        toast(saved.status === "paused" ? t("recurring.pausedToast", { name: saved.title }) : t("recurring.resumedToast", { name: saved.title }));
      } catch (e) {
        if (!conflictCurrent(e)) throw e;
        setChanged(true);
        await revalidate(scheduleKeys);
      }
    });
  const remove = (schedule: Schedule) =>
    action.run(async () => {
      await api.schedules.remove(schedule.id);
      setDeleting(undefined);
      toast(t("recurring.deleted", { name: schedule.title }));
      await revalidate(scheduleKeys);
    });
  const saved = (message: string) => {
    props.setCreating(false);
    setEditing(undefined);
    toast(message);
    void revalidate(scheduleKeys);
  };

  return (
    <>
      <Show when={changed()}>
        <p class="notice notice-warning status-notice" role="alert">
          {t("recurring.changedElsewhere")}
        </p>
      </Show>
      <ErrorMessage error={action.error()} />
      <Boundary onRetry={() => revalidate(scheduleKeys)}>
        <Show when={schedules()}>
          {(list) => (
            <Show when={list().items.length > 0} fallback={<EmptyState title={t("recurring.emptyTitle")} action={props.newButton()}>{t("recurring.emptyBody")}</EmptyState>}>
              <div class="table-wrap">
                <table class="table table-stack" data-testid="schedule-table">
                  <caption class="sr-only">{t("recurring.title")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("recurring.work")}</th>
                      <th scope="col">{t("recurring.when")}</th>
                      <th scope="col">{t("recurring.next")}</th>
                      <th scope="col">
                        <span class="sr-only">{t("common.actions")}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={list().items}>
                      {(schedule) => (
                        <tr data-testid="schedule-row" data-title={schedule.title} data-status={schedule.status}>
                          <th scope="row" class="row-head" data-label={t("recurring.work")}>
                            <span class="cell-title">{schedule.title}</span>
                            <Show when={schedule.status === "paused"}>
                              {" "}
                              <Badge>{t("recurring.paused")}</Badge>
                            </Show>
                            <div class="cell-sub">
                              {[props.clientId ? null : schedule.clientName, schedule.assigneeName ? t("recurring.assignedTo", { name: schedule.assigneeName }) : t("recurring.noAssignee")].filter(Boolean).join(" · ")}
                            </div>
                          </th>
                          <td data-label={t("recurring.when")}>
                            {ruleSummary(schedule)}
                            <div class="cell-sub">{t("recurring.inZone", { zone: timeZoneLabel(schedule.timeZone) })}</div>
                          </td>
                          <td data-label={t("recurring.next")} data-testid="schedule-next">
                            <Show when={schedule.nextAt} fallback={<span class="muted">{schedule.status === "paused" ? t("recurring.paused") : t("recurring.ended")}</span>}>
                              {(next) => (
                                <>
                                  <time datetime={next()}>{formatDateTime(next())}</time>
                                  {/* The client's own clock, which the rule follows. */}
                                  <div class="cell-sub" data-testid="schedule-next-client">
                                    {formatDateTime(next(), schedule.timeZone)} · {t("recurring.inZone", { zone: timeZoneLabel(schedule.timeZone) })}
                                  </div>
                                </>
                              )}
                            </Show>
                          </td>
                          <td class="cell-actions">
                            <Button size="sm" aria-label={t("common.editNamed", { name: schedule.title })} onClick={() => setEditing(schedule)}>
                              {t("common.edit")}
                            </Button>{" "}
                            <Button
                              size="sm"
                              variant="ghost"
                              aria-label={schedule.status === "active" ? t("recurring.pauseNamed", { name: schedule.title }) : t("recurring.resumeNamed", { name: schedule.title })}
                              disabled={action.pending()}
                              onClick={() => void toggle(schedule)}
                            >
                              {schedule.status === "active" ? t("recurring.pause") : t("recurring.resume")}
                            </Button>{" "}
                            <Button size="sm" variant="ghost" class="btn-danger-text" aria-label={t("recurring.deleteNamed", { name: schedule.title })} onClick={() => setDeleting(schedule)}>
                              {t("recurring.delete")}
                            </Button>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          )}
        </Show>
      </Boundary>
      <Dialog open={props.creating} title={t("recurring.newTitle")} onClose={() => props.setCreating(false)} wide>
        <ScheduleForm clientId={props.clientId} onClose={() => props.setCreating(false)} onSaved={(s) => saved(t("recurring.created", { name: s.title }))} />
      </Dialog>
      <Dialog open={!!editing()} title={t("recurring.editTitle")} onClose={() => setEditing(undefined)} wide>
        <Show when={editing()}>{(schedule) => <ScheduleForm schedule={schedule()} onClose={() => setEditing(undefined)} onSaved={(s) => saved(t("recurring.saved", { name: s.title }))} />}</Show>
      </Dialog>
      <ConfirmDialog
        open={!!deleting()}
        title={t("recurring.deleteTitle")}
        message={t("recurring.deleteBody", { name: deleting()?.title ?? "" })}
        confirmLabel={t("recurring.delete")}
        danger
        pending={action.pending()}
        onConfirm={() => void remove(deleting()!)}
        onClose={() => setDeleting(undefined)}
      />
    </>
  );
}
