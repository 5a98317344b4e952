import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button, buttonClass } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { EmptyState } from "@baton/ui/EmptyState";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { formatDateTime, intlLocale, t, timeZoneLabel } from "@baton/ui/i18n";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { TextArea } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { Agency, TimeEntry, TimeWaiting } from "@baton/ui/types";
import { A, createAsync, revalidate } from "@solidjs/router";
import { createSignal, For, Show, Suspense } from "solid-js";
import { afterTimeChange, getApprovalSetting, getWaiting } from "./data";
import { formatMinutes } from "./format";

type Week = TimeWaiting["weeks"][number];

/** Submitted time waiting for review, per member and week: the owner's and reviewers' queue. */
export default function ApprovalsPage() {
  const { me } = useSession();
  const waiting = createAsync(() => getWaiting());
  const [returning, setReturning] = createSignal<TimeEntry[]>();
  return (
    <section class="page page-wide">
      <Title>{t("time.approvals.title")}</Title>
      <PageHeader
        title={t("time.approvals.title")}
        actions={
          <A class={buttonClass()} href="/time">
            {t("time.approvals.back")}
          </A>
        }
      />
      <p class="page-intro">{t("time.approvals.intro")}</p>
      <Show when={me().role === "owner"}>
        <Suspense>
          <ApprovalSwitch />
        </Suspense>
      </Show>
      <Boundary onRetry={() => revalidate(getWaiting.key)}>
        <Show when={waiting()}>
          {(queue) => (
            <Show when={queue().weeks.length} fallback={<EmptyState title={t("time.approvals.emptyTitle")}>{t("time.approvals.emptyBody")}</EmptyState>}>
              <For each={queue().weeks}>{(week) => <WeekCard week={week} onReturn={setReturning} />}</For>
            </Show>
          )}
        </Show>
      </Boundary>
      <ReturnDialog entries={returning()} onClose={() => setReturning(undefined)} />
    </section>
  );
}

const weekFormatters = new Map<string, Intl.DateTimeFormat>();
/** "Mon, Nov 23" for the Monday a week starts on, in the member's zone. */
function weekLabel(weekStart: string, timeZone: string) {
  const key = `${intlLocale()}|${timeZone}`;
  let f = weekFormatters.get(key);
  if (!f) weekFormatters.set(key, (f = new Intl.DateTimeFormat(intlLocale(), { weekday: "short", month: "short", day: "numeric", timeZone })));
  return f.format(new Date(weekStart));
}

function WeekCard(props: { week: Week; onReturn: (entries: TimeEntry[]) => void }) {
  const submission = createSubmission();
  const approve = (entries: TimeEntry[]) =>
    submission.run(async () => {
      try {
        await api.time.approve(entries.map((entry) => entry.id));
        toast(t("time.approvals.approvedToast"));
      } finally {
        void afterTimeChange();
      }
    });
  const title = () => t("time.approvals.weekTitle", { name: props.week.member.name, date: weekLabel(props.week.weekStart, props.week.member.timeZone) });
  const headingId = () => `week-${props.week.member.id}-${props.week.weekStart}`;
  return (
    <section class="card time-approval-week" aria-labelledby={headingId()} data-testid="approval-week" data-member={props.week.member.id}>
      <header class="time-approval-head">
        <div>
          <h2 id={headingId()}>{title()}</h2>
          <p class="cell-sub">
            {t("time.total")}: <strong>{formatMinutes(props.week.totalMinutes)}</strong> · {t("time.billable")}: {formatMinutes(props.week.billableMinutes)} ·{" "}
            {timeZoneLabel(props.week.member.timeZone)}
          </p>
        </div>
        <div class="time-actions">
          <Button size="sm" variant="ghost" onClick={() => props.onReturn(props.week.entries)} aria-label={t("time.approvals.returnWeekNamed", { title: title() })}>
            {t("time.approvals.returnWeek")}
          </Button>
          <Button variant="primary" pending={submission.pending()} onClick={() => void approve(props.week.entries)} data-testid="approve-week" aria-label={t("time.approvals.approveWeekNamed", { title: title() })}>
            {t("time.approvals.approveWeek")}
          </Button>
        </div>
      </header>
      <ErrorMessage error={submission.error()} />
      <div class="table-wrap">
        <table class="table table-stack time-entries">
          <caption class="sr-only">{title()}</caption>
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
            <For each={props.week.entries}>
              {(entry) => (
                <tr data-testid="approval-entry" data-entry-id={entry.id}>
                  <td data-label={t("time.when")}>{formatDateTime(entry.startedAt, props.week.member.timeZone)}</td>
                  <td data-label={t("time.work")}>
                    {entry.label}
                    <div class="cell-sub">{entry.task ? entry.client.name : t("time.noTask")}</div>
                  </td>
                  <td data-label={t("time.duration")}>{formatMinutes(entry.minutes)}</td>
                  <td data-label={t("time.billable")}>{entry.billable ? t("time.billable") : <span class="muted">{t("time.nonBillable")}</span>}</td>
                  <td class="prewrap" data-label={entry.note ? t("time.note") : undefined}>
                    {entry.note ?? ""}
                  </td>
                  <td class="cell-actions">
                    <div class="time-actions">
                      <Button size="sm" disabled={submission.pending()} onClick={() => void approve([entry])} aria-label={t("time.approvals.approveNamed", { label: entry.label })}>
                        {t("time.approvals.approve")}
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => props.onReturn([entry])} aria-label={t("time.approvals.returnNamed", { label: entry.label })}>
                        {t("time.approvals.return")}
                      </Button>
                    </div>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Returning time needs a note: the member sees it beside the entries and fixes them. */
function ReturnDialog(props: { entries: TimeEntry[] | undefined; onClose: () => void }) {
  const [note, setNote] = createSignal("");
  const submission = createSubmission();
  const close = () => {
    setNote("");
    submission.clear();
    props.onClose();
  };
  const send = () =>
    submission.run(async () => {
      try {
        await api.time.returnEntries((props.entries ?? []).map((entry) => entry.id), note());
      } finally {
        void afterTimeChange();
      }
      toast(t("time.approvals.returnedToast"));
      close();
    });
  return (
    <Dialog open={!!props.entries} title={t("time.approvals.returnTitle")} description={t("time.approvals.returnHint")} onClose={close}>
      <Form submission={submission} onSubmit={() => void send()} data-testid="return-form">
        <TextArea label={t("time.approvals.returnNote")} name="note" required value={note()} onValue={setNote} error={submission.fieldError("note")} maxLength={500} />
        <FormActions>
          <Button onClick={close}>{t("common.cancel")}</Button>
          <Button type="submit" variant="primary" pending={submission.pending()}>
            {t("time.approvals.return")}
          </Button>
        </FormActions>
      </Form>
    </Dialog>
  );
}

/** The owner's switch: does subcontractors' time need approval? Saved as soon as it is flipped. */
function ApprovalSwitch() {
  const agency = createAsync(() => getApprovalSetting());
  return <Show when={agency()}>{(current) => <ApprovalToggle agency={current()} />}</Show>;
}

function ApprovalToggle(props: { agency: Agency }) {
  const [on, setOn] = createSignal(props.agency.timeNeedsApproval);
  const submission = createSubmission();
  const change = (next: boolean) => {
    setOn(next);
    void submission.run(async () => {
      try {
        await api.agency.update({ version: props.agency.version, timeNeedsApproval: next });
        toast(t("time.approvals.settingSaved"));
      } catch (e) {
        setOn(!next);
        throw e;
      } finally {
        await revalidate(getApprovalSetting.key);
      }
    });
  };
  return (
    <section class="card" aria-labelledby="approval-setting-title">
      <h2 id="approval-setting-title">{t("time.approvals.settingTitle")}</h2>
      <ErrorMessage error={submission.error()} />
      <label class="switch-row">
        <input
          type="checkbox"
          role="switch"
          checked={on()}
          aria-describedby="approval-setting-hint"
          data-testid="time-needs-approval"
          onClick={(e) => submission.pending() && e.preventDefault()}
          onChange={(e) => change(e.currentTarget.checked)}
        />
        {t("time.approvals.settingLabel")}
      </label>
      <p class="field-hint" id="approval-setting-hint">
        {t("time.approvals.settingHint")}
      </p>
    </section>
  );
}
