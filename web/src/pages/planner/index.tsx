import { currentWeek, shiftWeek, standardWeek, weekOverlap, type Interval, type OverlapDay, type WeekOverlap } from "@baton/kernel/time";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { EmptyState } from "@baton/ui/EmptyState";
import { t, timeZoneLabel, timeZoneOffset } from "@baton/ui/i18n";
import { zoneCity } from "@baton/ui/OtherPartyTime";
import { Select } from "@baton/ui/Select";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { TextField } from "@baton/ui/TextField";
import { createAsync, useSearchParams } from "@solidjs/router";
import { createMemo, For, Show } from "solid-js";
import { formatHours, now } from "../../lib/time";
import { getAllClients, getAllMembers, parseId, parseWeek, type PlannerSearch } from "./data";
import "./planner.css";
import { formatWith, noon } from "../../lib/dates";

// The meeting planner: in a chosen week, when the agency works, when a client or a team member
// works, and when both do. Each side's hours become real instants in that side's own zone (the
// overlap function in the core), so a DST change on either side moves only that side's hours.
// Times read in the viewer's zone with the other side's wall clock beside them.

type Person = { name: string; timeZone: string };

const dayLabel = (date: string) => formatWith({ weekday: "long", day: "numeric", month: "short", timeZone: "UTC" }, noon(date));
const weekLabel = (date: string) => formatWith({ day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }, noon(date));
const clock = (iso: string, timeZone: string) => formatWith({ hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }, new Date(iso));
const range = (interval: Interval, timeZone: string) => t("planner.range", { start: clock(interval.start, timeZone), end: clock(interval.end, timeZone) });

export default function PlannerPage() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams<PlannerSearch>();
  const viewer = () => me().timeZone;
  const week = () => parseWeek(params.week) || currentWeek(now(), viewer());
  const clientId = () => parseId(params.client);
  const memberId = () => (clientId() ? "" : parseId(params.member));
  const setWeek = (next: string) => setParams({ week: next || undefined });

  return (
    <section class="page page-wide">
      <Title>{t("planner.title")}</Title>
      <PageHeader title={t("planner.title")} intro={t("planner.intro", { zone: timeZoneLabel(viewer()) })} />
      <p class="muted small planner-assumption">{t("planner.assumedHours")}</p>
      <Boundary>
        <Planner
          week={week()}
          clientId={clientId()}
          memberId={memberId()}
          viewer={viewer()}
          selfId={me().id}
          onWeek={setWeek}
          onClient={(id) => setParams({ client: id || undefined, member: undefined })}
          onMember={(id) => setParams({ member: id || undefined, client: undefined })}
        />
      </Boundary>
    </section>
  );
}

function Planner(props: {
  week: string;
  clientId: string;
  memberId: string;
  viewer: string;
  selfId: string;
  onWeek: (week: string) => void;
  onClient: (id: string) => void;
  onMember: (id: string) => void;
}) {
  const { me } = useSession();
  const clients = createAsync(() => getAllClients());
  const members = createAsync(() => getAllMembers());
  const team = () => (members() ?? []).filter((member) => member.id !== props.selfId);

  const other = createMemo((): Person | undefined => {
    if (props.clientId) return clients()?.find((client) => client.id === props.clientId);
    if (props.memberId) return team().find((member) => member.id === props.memberId);
    return undefined;
  });
  const missing = () => (props.clientId ? !!clients() : props.memberId ? !!members() : false) && !other();

  const agency = () => me().agency;
  const overlap = createMemo(() => {
    const person = other();
    if (!person) return undefined;
    return weekOverlap({
      week: props.week,
      timeZone: props.viewer,
      a: { timeZone: agency().timeZone, workingWeek: { ...agency().workingWeek, holidays: agency().holidays } },
      // Clients and team members keep no hours in Baton: office hours in their own zone.
      b: { timeZone: person.timeZone, workingWeek: standardWeek },
    });
  });

  return (
    <>
      <div class="toolbar planner-toolbar">
        <fieldset class="planner-who">
          <legend>{t("planner.who")}</legend>
          <Select
            label={t("planner.client")}
            name="client"
            class="field-inline"
            options={[{ value: "", label: t("planner.chooseClient") }, ...(clients() ?? []).map((c) => ({ value: c.id, label: c.name }))]}
            value={props.clientId}
            onValue={props.onClient}
          />
          <Select
            label={t("planner.member")}
            name="member"
            class="field-inline"
            options={[{ value: "", label: t("planner.chooseMember") }, ...team().map((m) => ({ value: m.id, label: m.name }))]}
            value={props.memberId}
            onValue={props.onMember}
          />
        </fieldset>
        <nav class="planner-nav" aria-label={t("planner.weekNav")}>
          <Button size="sm" onClick={() => props.onWeek(shiftWeek(props.week, -1))}>
            <span aria-hidden="true">← </span>
            {t("planner.previous")}
          </Button>
          <TextField
            label={t("planner.weekOf")}
            name="week"
            type="date"
            class="field-inline"
            value={props.week}
            onChange={(e) => {
              const next = parseWeek(e.currentTarget.value);
              if (next) props.onWeek(next);
            }}
          />
          <Button size="sm" onClick={() => props.onWeek(shiftWeek(props.week, 1))}>
            {t("planner.next")}
            <span aria-hidden="true"> →</span>
          </Button>
          <Button size="sm" variant="ghost" onClick={() => props.onWeek("")}>
            {t("planner.thisWeek")}
          </Button>
        </nav>
      </div>

      <h2 class="planner-week" aria-live="polite" data-testid="planner-week">
        {t("planner.weekHeading", { date: weekLabel(props.week) })}
      </h2>

      <Show when={!missing()} fallback={<p class="notice notice-warning">{t("planner.unknownPerson")}</p>}>
        <Show when={other() && overlap()} fallback={<EmptyState title={t("planner.pickTitle")}>{t("planner.pickBody")}</EmptyState>}>
          <WeekView data={overlap()!} person={other()!} agencyName={agency().name} agencyZone={agency().timeZone} viewer={props.viewer} />
        </Show>
      </Show>
    </>
  );
}

function WeekView(props: { data: WeekOverlap; person: Person; agencyName: string; agencyZone: string; viewer: string }) {
  const changing = () => {
    const first = new Date(props.data.days[0]!.start);
    const last = new Date(props.data.days[6]!.end);
    const zones = [...new Set([props.viewer, props.agencyZone, props.person.timeZone])];
    return zones.filter((zone) => timeZoneOffset(zone, first) !== timeZoneOffset(zone, last)).map(zoneCity);
  };
  const theirColumn = () => `${props.person.name} (${zoneCity(props.person.timeZone)})`;
  const agencyColumn = () => t("planner.agencyColumn", { name: props.agencyName, zone: zoneCity(props.agencyZone) });

  return (
    <>
      <p class="summary-line" data-testid="planner-total" aria-live="polite">
        {t("planner.total", { hours: formatHours(props.data.overlapMinutes / 60) })}
      </p>
      <Show when={changing().length}>
        <p class="notice" data-testid="planner-clock-change">
          {t("planner.clockChange", { zones: changing().join(", ") })}
        </p>
      </Show>
      <Show when={props.data.overlapMinutes === 0}>
        <div data-testid="planner-empty">
          <EmptyState title={t("planner.noOverlapTitle")}>{t("planner.noOverlapBody", { name: props.person.name })}</EmptyState>
        </div>
      </Show>
      <div class="table-wrap">
        <table class="table planner-table" data-testid="planner-table">
          <caption class="sr-only">{t("planner.grid", { date: weekLabel(props.data.week), zone: timeZoneLabel(props.viewer) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("planner.day")}</th>
              <th scope="col">{agencyColumn()}</th>
              <th scope="col">{theirColumn()}</th>
              <th scope="col">{t("planner.bothColumn")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.data.days}>
              {(day) => <DayRow day={day} viewer={props.viewer} agencyZone={props.agencyZone} theirZone={props.person.timeZone} />}
            </For>
          </tbody>
        </table>
      </div>
    </>
  );
}

function DayRow(props: { day: OverlapDay; viewer: string; agencyZone: string; theirZone: string }) {
  return (
    <tr data-testid="planner-day" data-date={props.day.date} classList={{ "planner-shared": props.day.overlapMinutes > 0 }}>
      <th scope="row">{dayLabel(props.day.date)}</th>
      <td>
        <Ranges intervals={props.day.a} viewer={props.viewer} zone={props.agencyZone} />
      </td>
      <td>
        <Ranges intervals={props.day.b} viewer={props.viewer} zone={props.theirZone} />
      </td>
      <td data-testid="planner-overlap">
        <Ranges intervals={props.day.both} viewer={props.viewer} zone={props.theirZone} empty={t("planner.noShared")} />
        <Show when={props.day.overlapMinutes > 0}>
          <span class="muted small">{formatHours(props.day.overlapMinutes / 60)}</span>
        </Show>
      </td>
    </tr>
  );
}

/** "13:00–17:00 · 09:00–13:00 in New York": the viewer's clock, and the other zone's when it reads differently. */
function Ranges(props: { intervals: Interval[]; viewer: string; zone: string; empty?: string }) {
  return (
    <Show when={props.intervals.length} fallback={<span class="muted">{props.empty ?? t("planner.notWorking")}</span>}>
      <ul class="planner-ranges">
        <For each={props.intervals}>
          {(interval) => {
            const mine = () => range(interval, props.viewer);
            const theirs = () => range(interval, props.zone);
            return (
              <li>
                <time datetime={`${interval.start}/${interval.end}`}>{mine()}</time>
                <Show when={theirs() !== mine()}>
                  <span class="muted small">
                    <span aria-hidden="true"> · </span>
                    {t("zones.timeIn", { time: theirs(), zone: zoneCity(props.zone) })}
                  </span>
                </Show>
              </li>
            );
          }}
        </For>
      </ul>
    </Show>
  );
}
