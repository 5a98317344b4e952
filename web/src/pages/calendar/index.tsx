import { todayIn } from "@baton/kernel/dates";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { CalendarFeedCard } from "@baton/ui/CalendarFeed";
import { EmptyState } from "@baton/ui/EmptyState";
import { t, timeZoneLabel } from "@baton/ui/i18n";
import { Select } from "@baton/ui/Select";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { A, createAsync, revalidate, useSearchParams } from "@solidjs/router";
import { createMemo, For, Show, Suspense } from "solid-js";
import { ClientFilter } from "../../components/ClientFilter";
import { now } from "../../lib/time";
import { expireOnLeave } from "../../lib/work";
import { getTeam } from "../time/data";
import { getMonth, monthArgs, parseId, shiftMonth, weeksOf, type CalendarMonth, type CalendarSearch, type CalendarTask } from "./data";
import "./calendar.css";
import { formatWith, noon } from "../../lib/dates";

// The master deadline calendar: a month grid (Monday first) of open tasks on the day they are
// due in the viewer's zone, with an agenda list in its place on small screens. The owner sees
// everyone's work and filters by client and member; a subcontractor sees their own.

const monthLabel = (month: string) => formatWith({ month: "long", year: "numeric", timeZone: "UTC" }, noon(`${month}-15`));
const dayLabel = (date: string) => formatWith({ weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }, noon(date));
const clock = (iso: string, timeZone: string) => formatWith({ hour: "numeric", minute: "2-digit", timeZone }, new Date(iso));
// 2024-01-01 was a Monday.
const weekdays = () =>
  [1, 2, 3, 4, 5, 6, 7].map((day) => {
    const date = noon(`2024-01-0${day}`);
    return { short: formatWith({ weekday: "short", timeZone: "UTC" }, date), long: formatWith({ weekday: "long", timeZone: "UTC" }, date) };
  });

export default function CalendarPage() {
  const { me } = useSession();
  const owner = () => me().role === "owner";
  const [params, setParams] = useSearchParams<CalendarSearch>();
  const data = createAsync(() => getMonth(...monthArgs(params, owner())));
  expireOnLeave(() => getMonth.key);

  return (
    <section class="page page-wide">
      <Title>{t("calendar.title")}</Title>
      <PageHeader
        title={t("calendar.title")}
        intro={t(owner() ? "calendar.introOwner" : "calendar.introMine", { zone: timeZoneLabel(me().timeZone) })}
      />
      <Boundary onRetry={() => revalidate(getMonth.key)}>
        <Show when={data()}>
          {(month) => (
            <MonthView
              data={month()}
              owner={owner()}
              clientId={parseId(params.client)}
              memberId={owner() ? parseId(params.member) : ""}
              onMonth={(next) => setParams({ month: next || undefined })}
              onClient={(id) => setParams({ client: id || undefined })}
              onMember={(id) => setParams({ member: id || undefined })}
            />
          )}
        </Show>
      </Boundary>
      <div class="calendar-feed-wrap">
        <CalendarFeedCard title={t("calendarFeed.title")} intro={t("calendarFeed.introTeam")} />
      </div>
    </section>
  );
}

type MonthProps = {
  data: CalendarMonth;
  owner: boolean;
  clientId: string;
  memberId: string;
  onMonth: (month: string) => void;
  onClient: (id: string) => void;
  onMember: (id: string) => void;
};

function MonthView(props: MonthProps) {
  // The owner's filters ran on the server; a subcontractor's client filter narrows here.
  const tasks = createMemo(() => (props.owner || !props.clientId ? props.data.tasks : props.data.tasks.filter((task) => task.client.id === props.clientId)));
  const byDay = createMemo(() => {
    const days = new Map<string, CalendarTask[]>();
    for (const task of tasks()) days.set(task.date, [...(days.get(task.date) ?? []), task]);
    return days;
  });
  const today = () => todayIn(props.data.timeZone, now());
  const label = () => monthLabel(props.data.month);

  return (
    <>
      <div class="toolbar calendar-toolbar">
        <nav class="calendar-nav" aria-label={t("calendar.monthNav")}>
          <Button size="sm" onClick={() => props.onMonth(shiftMonth(props.data.month, -1))}>
            <span aria-hidden="true">← </span>
            {t("calendar.previous")}
          </Button>
          <h2 class="calendar-month" aria-live="polite" data-testid="calendar-month">
            {label()}
          </h2>
          <Button size="sm" onClick={() => props.onMonth(shiftMonth(props.data.month, 1))}>
            {t("calendar.next")}
            <span aria-hidden="true"> →</span>
          </Button>
          <Button size="sm" variant="ghost" onClick={() => props.onMonth("")}>
            {t("calendar.today")}
          </Button>
        </nav>
        <div class="calendar-filters" role="group" aria-label={t("calendar.filters")}>
          <Show
            when={props.owner}
            fallback={<OwnClientFilter tasks={props.data.tasks} value={props.clientId} onValue={props.onClient} />}
          >
            <ClientFilter label={t("calendar.client")} value={props.clientId} onValue={props.onClient} />
            <Suspense>
              <MemberFilter value={props.memberId} onValue={props.onMember} />
            </Suspense>
          </Show>
        </div>
      </div>

      <Show
        when={tasks().length}
        fallback={
          <EmptyState title={t("calendar.emptyTitle", { month: label() })}>
            {props.owner ? t("calendar.emptyBody") : t("calendar.emptyBodyMine")}
          </EmptyState>
        }
      >
        <p class="sr-only">{t("calendar.taskCount", { count: tasks().length })}</p>
        <div class="table-wrap calendar-grid-wrap">
          <table class="calendar-grid" data-testid="calendar-grid">
            <caption class="sr-only">{t("calendar.grid", { month: label() })}</caption>
            <thead>
              <tr>
                <For each={weekdays()}>
                  {(day) => (
                    <th scope="col">
                      <span aria-hidden="true">{day.short}</span>
                      <span class="sr-only">{day.long}</span>
                    </th>
                  )}
                </For>
              </tr>
            </thead>
            <tbody>
              <For each={weeksOf(props.data.month)}>
                {(week) => (
                  <tr>
                    <For each={week}>
                      {(date) => {
                        const inMonth = date.startsWith(props.data.month);
                        const isToday = () => date === today();
                        const due = () => (inMonth ? (byDay().get(date) ?? []) : []);
                        return (
                          <td
                            class="calendar-day"
                            classList={{ "calendar-outside": !inMonth, "calendar-today": isToday() }}
                            aria-current={isToday() ? "date" : undefined}
                            data-date={date}
                            data-testid="calendar-day"
                          >
                            <div class="calendar-day-number">
                              <span aria-hidden="true">{Number(date.slice(8))}</span>
                              <span class="sr-only">
                                {dayLabel(date)}
                                {isToday() ? `, ${t("calendar.todayMarker")}` : ""}
                              </span>
                            </div>
                            <Show when={due().length}>
                              <ul class="calendar-tasks">
                                <For each={due()}>
                                  {(task) => (
                                    <li>
                                      <TaskLink task={task} timeZone={props.data.timeZone} />
                                    </li>
                                  )}
                                </For>
                              </ul>
                            </Show>
                          </td>
                        );
                      }}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>

        {/* Small screens: the days that have deadlines, as a list. */}
        <section class="calendar-agenda" aria-label={t("calendar.list", { month: label() })} data-testid="calendar-list">
          <ol>
            <For each={[...byDay().entries()]}>
              {([date, due]) => (
                <li classList={{ "calendar-today": date === today() }} aria-current={date === today() ? "date" : undefined}>
                  <h3>
                    {dayLabel(date)}
                    {date === today() ? ` · ${t("calendar.todayMarker")}` : ""}
                  </h3>
                  <ul class="calendar-tasks">
                    <For each={due}>
                      {(task) => (
                        <li>
                          <TaskLink task={task} timeZone={props.data.timeZone} withClient />
                        </li>
                      )}
                    </For>
                  </ul>
                </li>
              )}
            </For>
          </ol>
        </section>
      </Show>
    </>
  );
}

function TaskLink(props: { task: CalendarTask; timeZone: string; withClient?: boolean }) {
  const overdue = () => Date.parse(props.task.dueAt) < now().getTime();
  const time = () => clock(props.task.dueAt, props.timeZone);
  const details = () =>
    [
      `${props.task.reference} · ${props.task.title}`,
      props.task.client.name,
      props.task.assignee?.name,
      t("calendar.dueAt", { time: time() }),
      props.task.urgent ? t("calendar.urgent") : "",
      overdue() ? t("calendar.overdue") : "",
    ]
      .filter(Boolean)
      .join(" · ");
  return (
    <A
      href={`/tasks/${props.task.id}`}
      class="calendar-task"
      classList={{ "calendar-task-urgent": props.task.urgent, "calendar-task-overdue": overdue() }}
      title={details()}
      data-testid="calendar-task"
      data-task-id={props.task.id}
    >
      <span class="calendar-task-line">
        <Show when={props.task.urgent}>
          <span class="calendar-flag calendar-flag-urgent" aria-hidden="true" title={t("calendar.urgent")}>
            !
          </span>
        </Show>
        <Show when={overdue()}>
          <span class="calendar-flag calendar-flag-overdue" aria-hidden="true" title={t("calendar.overdue")} />
        </Show>
        <span class="calendar-task-time">{time()}</span> <span class="calendar-task-ref">{props.task.reference}</span>
      </span>{" "}
      <span class="calendar-task-title">
        {props.task.title}
        <Show when={props.withClient}>
          <span class="calendar-task-client"> · {props.task.client.name}</span>
        </Show>
      </span>
      {/* Read after the title; the marks above are for the eye. */}
      <span class="sr-only">
        {props.task.urgent ? `, ${t("calendar.urgent")}` : ""}
        {overdue() ? `, ${t("calendar.overdue")}` : ""}
      </span>
    </A>
  );
}

function MemberFilter(props: { value: string; onValue: (id: string) => void }) {
  const team = createAsync(() => getTeam());
  const options = () => [
    { value: "", label: t("calendar.everyone") },
    { value: "unassigned", label: t("calendar.unassigned") },
    ...(team()?.items ?? []).filter((member) => member.status !== "removed").map((member) => ({ value: member.id, label: member.name })),
  ];
  return <Select label={t("calendar.member")} name="member" class="field-inline" options={options()} value={props.value} onValue={props.onValue} />;
}

/** A subcontractor's client filter: the clients of their own deadlines this month. */
function OwnClientFilter(props: { tasks: CalendarTask[]; value: string; onValue: (id: string) => void }) {
  const options = () => {
    const clients = new Map(props.tasks.map((task) => [task.client.id, task.client.name]));
    return [{ value: "", label: t("calendar.allClients") }, ...[...clients].map(([value, label]) => ({ value, label }))];
  };
  return (
    <Show when={options().length > 2 || props.value}>
      <Select label={t("calendar.client")} name="client" class="field-inline" options={options()} value={props.value} onValue={props.onValue} />
    </Show>
  );
}
