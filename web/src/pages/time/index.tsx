import { api } from "@baton/ui/api";
import { Badge } from "@baton/ui/Badge";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { ConfirmDialog } from "@baton/ui/Dialog";
import { EmptyState } from "@baton/ui/EmptyState";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { createSubmission } from "@baton/ui/Form";
import { formatDateTime, t, timeZoneLabel } from "@baton/ui/i18n";
import { Select } from "@baton/ui/Select";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { useNow } from "@baton/ui/time";
import { toast } from "@baton/ui/Toast";
import type { TimeEntry, Timesheet } from "@baton/ui/types";
import { A, createAsync, revalidate, useSearchParams } from "@solidjs/router";
import { createSignal, For, Show, Suspense } from "solid-js";
import { timerHref } from "../../components/TaskTimer";
import { expireOnLeave } from "../../lib/work";
import { afterTimeChange, getTeam, getTeamWeek, getTimer, getWeek, parseDate, parseMember } from "./data";
import { TeamWeekView } from "./TeamWeek";
import { EntryDialog } from "./EntryDialog";
import { formatElapsed, formatMinutes } from "./format";
import { dayLabel, WeekNav } from "./WeekNav";
import { stopTimer } from "./timer";

/** A member's week of time: their own, or anyone's for the owner. */
export default function TimePage() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams<{ member?: string; date?: string }>();
  const isOwner = () => me().role === "owner";
  const memberId = () => (isOwner() ? parseMember(params.member) : "");
  const date = () => parseDate(params.date);
  // The owner opens on the team's week; `?member=` (her own id too) opens one person's week.
  const team = () => isOwner() && !memberId();
  const own = () => !team() && (!memberId() || memberId() === me().id);
  const sheet = createAsync(() => (team() ? Promise.resolve(undefined) : getWeek(memberId(), date())));
  const teamWeek = createAsync(() => (team() ? getTeamWeek(date()) : Promise.resolve(undefined)));
  const memberHref = (id: string) => `/time?member=${encodeURIComponent(id)}${date() ? `&date=${date()}` : ""}`;
  const [logging, setLogging] = createSignal(false);
  const [editing, setEditing] = createSignal<TimeEntry>();
  const [deleting, setDeleting] = createSignal<TimeEntry>();
  expireOnLeave(() => [getWeek.key, getTimer.key, getTeamWeek.key]);

  const saved = (message: string) => {
    setLogging(false);
    setEditing(undefined);
    toast(message);
    void afterTimeChange();
  };

  return (
    <section class="page page-wide">
      <Title>{t("time.title")}</Title>
      <PageHeader
        title={t("time.title")}
        actions={
          <>
            <Show when={me().reviewer}>
              <A class="button" href="/time/approvals" data-testid="approvals-link">
                {t("time.approvals.title")}
              </A>
            </Show>
            <Show when={own()}>
              <Button variant="primary" onClick={() => setLogging(true)}>
                {t("time.log")}
              </Button>
            </Show>
          </>
        }
      />
      <Show when={isOwner()}>
        <div class="toolbar">
          <Suspense>
            <MemberPicker value={memberId()} onValue={(id) => setParams({ member: id || undefined })} />
          </Suspense>
          <Show when={team()} fallback={<A class="button" href={date() ? `/time?date=${date()}` : "/time"} data-testid="team-week-link">{t("teamWeek.overview")}</A>}>
            <A class="button" href={memberHref(me().id)} data-testid="my-week-link">{t("teamWeek.myWeek")}</A>
          </Show>
        </div>
      </Show>
      <Boundary onRetry={() => revalidate([getWeek.key, getTimer.key, getTeamWeek.key])}>
        <Show when={own()}>
          <RunningTimer />
        </Show>
        <Show when={team() && teamWeek()}>
          {(week) => <TeamWeekView week={week()} meId={me().id} memberHref={memberHref} onWeek={(next) => setParams({ date: next || undefined })} />}
        </Show>
        <Show when={sheet()}>
          {(week) => (
            <WeekView
              sheet={week()}
              own={own()}
              onWeek={(next) => setParams({ date: next || undefined })}
              onEdit={setEditing}
              onDelete={setDeleting}
              onLog={() => setLogging(true)}
            />
          )}
        </Show>
      </Boundary>
      <EntryDialog
        open={logging() || !!editing()}
        entry={editing()}
        onClose={() => {
          setLogging(false);
          setEditing(undefined);
        }}
        onSaved={() => saved(editing() ? t("time.saved") : t("time.logged"))}
      />
      <DeleteEntry entry={deleting()} onClose={() => setDeleting(undefined)} />
    </section>
  );
}

function MemberPicker(props: { value: string; onValue: (id: string) => void }) {
  const team = createAsync(() => getTeam());
  const options = () => [
    { value: "", label: t("teamWeek.overview") },
    ...(team()?.items ?? []).filter((member) => member.status !== "removed").map((member) => ({ value: member.id, label: member.name })),
  ];
  return (
    <Show when={team()}>
      <Select label={t("time.member")} name="member" class="field-inline" options={options()} value={props.value} onValue={props.onValue} />
    </Show>
  );
}

function RunningTimer() {
  const timer = createAsync(() => getTimer());
  const now = useNow(1000);
  const submission = createSubmission();
  return (
    <Show when={timer()?.timer}>
      {(running) => (
        <section class="card time-running" aria-labelledby="running-timer-title" data-testid="running-timer">
          <h2 id="running-timer-title" class="sr-only">
            {t("time.timer")}
          </h2>
          <ErrorMessage error={submission.error()} />
          <div class="timer-row">
            <Badge tone="info">{t("time.running")}</Badge>
            <A href={timerHref(running())}>{running().label}</A>
            <span class="timer-clock" role="timer" aria-label={t("time.elapsed")}>
              {formatElapsed(now().getTime() - Date.parse(running().startedAt))}
            </span>
            <Button variant="danger" pending={submission.pending()} onClick={() => void submission.run(stopTimer)}>
              {t("time.stop")}
            </Button>
          </div>
        </section>
      )}
    </Show>
  );
}

function WeekView(props: {
  sheet: Timesheet;
  own: boolean;
  onWeek: (date: string) => void;
  onEdit: (entry: TimeEntry) => void;
  onDelete: (entry: TimeEntry) => void;
  onLog: () => void;
}) {
  const first = () => props.sheet.days[0]!.date;
  const zone = () => props.sheet.member.timeZone;
  const entries = () => [...props.sheet.entries].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  return (
    <>
      <p class="page-intro">
        {props.own ? t("time.introMine", { zone: timeZoneLabel(zone()) }) : t("time.intro", { name: props.sheet.member.name, zone: timeZoneLabel(zone()) })}
      </p>
      <WeekNav monday={first()} label={t("time.days")} titleTestId="week-title" onWeek={props.onWeek} />

      <WeekStatus sheet={props.sheet} />

      <p class="summary-line" data-testid="week-totals">
        {t("time.total")}: <strong>{formatMinutes(props.sheet.totalMinutes)}</strong> · {t("time.billable")}: {formatMinutes(props.sheet.billableMinutes)} ·{" "}
        {t("time.nonBillable")}: {formatMinutes(props.sheet.totalMinutes - props.sheet.billableMinutes)}
      </p>

      <div class="table-wrap">
        <table class="table time-days">
          <caption class="sr-only">{t("time.days")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("time.day")}</th>
              <th scope="col">{t("time.total")}</th>
              <th scope="col">{t("time.billable")}</th>
              <th scope="col">{t("time.nonBillable")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.sheet.days}>
              {(day) => (
                <tr data-testid="time-day" data-date={day.date} classList={{ "muted": day.minutes === 0 }}>
                  <th scope="row">{dayLabel(day.date)}</th>
                  <td>{day.minutes ? formatMinutes(day.minutes) : "—"}</td>
                  <td>{day.billableMinutes ? formatMinutes(day.billableMinutes) : "—"}</td>
                  <td>{day.minutes - day.billableMinutes ? formatMinutes(day.minutes - day.billableMinutes) : "—"}</td>
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("time.total")}</th>
              <td>{formatMinutes(props.sheet.totalMinutes)}</td>
              <td>{formatMinutes(props.sheet.billableMinutes)}</td>
              <td>{formatMinutes(props.sheet.totalMinutes - props.sheet.billableMinutes)}</td>
            </tr>
          </tfoot>
        </table>
      </div>

      <h2 class="subheading">{t("time.entries")}</h2>
      <Show
        when={entries().length}
        fallback={
          <EmptyState
            title={t("time.emptyTitle")}
            action={
              props.own ? (
                <Button variant="primary" onClick={() => props.onLog()}>
                  {t("time.log")}
                </Button>
              ) : undefined
            }
          >
            {props.own ? t("time.emptyBody") : undefined}
          </EmptyState>
        }
      >
        <div class="table-wrap">
          <table class="table table-stack time-entries">
            <caption class="sr-only">{t("time.entries")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("time.when")}</th>
                <th scope="col">{t("time.work")}</th>
                <th scope="col">{t("time.duration")}</th>
                <th scope="col">{t("time.billable")}</th>
                <th scope="col">{t("time.note")}</th>
                <th scope="col">
                  <span class="sr-only">{t("common.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={entries()}>
                {(entry) => (
                  <tr data-testid="time-entry" data-entry-id={entry.id}>
                    <td data-label={t("time.when")}>{formatDateTime(entry.startedAt, zone())}</td>
                    <td data-label={t("time.work")}>
                      <Show when={entry.task} fallback={<span>{entry.client.name}</span>}>
                        {(task) => <A href={`/tasks/${encodeURIComponent(task().id)}`}>{entry.label}</A>}
                      </Show>
                      <div class="cell-sub">{entry.task ? entry.client.name : t("time.noTask")}</div>
                    </td>
                    <td data-testid="entry-minutes" data-label={t("time.duration")}>
                      {formatMinutes(entry.minutes)}
                    </td>
                    <td data-label={t("time.billable")}>{entry.billable ? t("time.billable") : <span class="muted">{t("time.nonBillable")}</span>}</td>
                    <td class="prewrap" data-label={entry.note ? t("time.note") : undefined}>
                      {entry.note ?? ""}
                      <Show when={entry.approval === "returned" && entry.returnNote}>
                        {(why) => (
                          <p class="time-return-note" data-testid="return-note">
                            <strong>{t("time.approval.returnedBecause")}</strong> {why()}
                          </p>
                        )}
                      </Show>
                    </td>
                    <td class="cell-actions">
                      <ApprovalBadge entry={entry} />
                      <Show when={entry.invoiceId === null && entry.approval !== "approved"} fallback={<Badge tone="neutral">{t("time.locked")}</Badge>}>
                        <div class="time-actions">
                          <Button size="sm" aria-label={t("time.editNamed", { label: entry.label })} onClick={() => props.onEdit(entry)}>
                            {t("common.edit")}
                          </Button>
                          <Button size="sm" variant="ghost" aria-label={t("time.deleteNamed", { label: entry.label })} onClick={() => props.onDelete(entry)}>
                            {t("time.delete")}
                          </Button>
                        </div>
                      </Show>
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

const approvalTone = { open: "neutral", submitted: "info", returned: "warning", approved: "success" } as const;

/** Where an entry stands in approval; an open one (not submitted yet) shows nothing. */
function ApprovalBadge(props: { entry: TimeEntry }) {
  return (
    <Show when={props.entry.approval !== "open"}>
      <span data-testid="entry-approval" data-state={props.entry.approval}>
        <Badge tone={approvalTone[props.entry.approval]}>{t(`time.approval.${props.entry.approval}`)}</Badge>
      </span>
    </Show>
  );
}

/** The week's approval state and, for the member's own week with time not yet submitted, the submit button. */
function WeekStatus(props: { sheet: Timesheet }) {
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      try {
        await api.time.submitWeek(props.sheet.days[0]!.date);
        toast(t("time.approval.submittedToast"));
      } finally {
        void afterTimeChange();
      }
    });
  return (
    <Show when={props.sheet.state !== "empty"}>
      <div class="time-week-status" data-testid="week-status" data-state={props.sheet.state}>
        <p>{t(`time.week.${props.sheet.state as "open" | "returned" | "submitted" | "approved"}`)}</p>
        <Show when={props.sheet.can.submit}>
          <Button variant="primary" pending={submission.pending()} onClick={() => void submit()} data-testid="submit-week">
            {t("time.approval.submitWeek")}
          </Button>
        </Show>
        <ErrorMessage error={submission.error()} />
      </div>
    </Show>
  );
}

function DeleteEntry(props: { entry: TimeEntry | undefined; onClose: () => void }) {
  const submission = createSubmission();
  const remove = (entry: TimeEntry) =>
    submission.run(async () => {
      try {
        await api.time.remove(entry.id, entry.version);
      } finally {
        // Deleted, or refused because it changed or was invoiced: either way show it as it is now.
        void afterTimeChange();
      }
      toast(t("time.deleted"));
      props.onClose();
    });
  return (
    <ConfirmDialog
      open={!!props.entry}
      title={t("time.deleteTitle")}
      message={
        props.entry
          ? t("time.deleteMessage", { time: formatMinutes(props.entry.minutes), label: props.entry.label, date: formatDateTime(props.entry.startedAt) })
          : ""
      }
      confirmLabel={t("time.delete")}
      danger
      pending={submission.pending()}
      error={<ErrorMessage error={submission.error()} />}
      onConfirm={() => props.entry && void remove(props.entry)}
      onClose={() => {
        submission.clear();
        props.onClose();
      }}
    />
  );
}
