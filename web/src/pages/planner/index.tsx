import { DateField } from "@baton/ui/DatePicker";
import { currentWeek, groupWeek, shiftWeek, type GroupDay, type GroupWeek, type Interval, type Slot } from "@baton/kernel/time";
import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { EmptyState } from "@baton/ui/EmptyState";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { t, timeZoneLabel, timeZoneOffset } from "@baton/ui/i18n";
import { zoneCity } from "@baton/ui/OtherPartyTime";
import { Select } from "@baton/ui/Select";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { TextArea, TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { PlannerAttendee } from "@baton/ui/types";
import { createAsync, useSearchParams } from "@solidjs/router";
import { createMemo, createSignal, For, Show } from "solid-js";
import { formatWith, noon } from "../../lib/dates";
import { formatMinutes } from "@baton/ui/time";
import { now } from "../../lib/time";
import { DURATIONS, getAllClients, getPlannerPeople, parseId, parseMinutes, parseWeek, parseWith, type PlannerSearch } from "./data";
import "./planner.css";

// The meeting planner: pick any of the team and of one client's people; in a chosen week, when
// each of them works (their own hours on their own clock) and when all of them do, on a
// timeline in the viewer's zone. The slot offered is the first everyone shares, else the
// least-bad one (the kernel's groupWeek); "Propose this slot" emails each an invitation.

const dayLabel = (date: string) => formatWith({ weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }, noon(date));
const weekLabel = (date: string) => formatWith({ day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }, noon(date));
const clock = (iso: string, timeZone: string) => formatWith({ hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }, new Date(iso));
const dayAndClock = (iso: string, timeZone: string) => formatWith({ weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }, new Date(iso));
const range = (interval: Interval, timeZone: string) => t("planner.range", { start: clock(interval.start, timeZone), end: clock(interval.end, timeZone) });

export default function PlannerPage() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams<PlannerSearch>();
  const viewer = () => me().timeZone;
  const week = () => parseWeek(params.week) || currentWeek(now(), viewer());

  return (
    <section class="page page-wide">
      <Title>{t("planner.title")}</Title>
      <PageHeader title={t("planner.title")} intro={t("planner.groupIntro", { zone: timeZoneLabel(viewer()) })} />
      <Boundary>
        <Planner
          week={week()}
          clientId={parseId(params.client)}
          chosen={parseWith(params.with)}
          minutes={parseMinutes(params.minutes)}
          viewer={viewer()}
          onWeek={(next) => setParams({ week: next || undefined })}
          onClient={(id, keep) => setParams({ client: id || undefined, with: keep.join(",") || undefined })}
          onChosen={(ids) => setParams({ with: ids.join(",") || undefined })}
          onMinutes={(minutes) => setParams({ minutes: minutes === 60 ? undefined : String(minutes) })}
        />
      </Boundary>
    </section>
  );
}

function Planner(props: {
  week: string;
  clientId: string;
  chosen: string[];
  minutes: number;
  viewer: string;
  onWeek: (week: string) => void;
  onClient: (id: string, keep: string[]) => void;
  onChosen: (ids: string[]) => void;
  onMinutes: (minutes: number) => void;
}) {
  const clients = createAsync(() => getAllClients());
  const people = createAsync(() => getPlannerPeople(props.clientId));
  const everyone = () => [...(people()?.members ?? []), ...(people()?.contacts ?? [])];
  const attendees = createMemo(() => props.chosen.map((id) => everyone().find((p) => p.id === id)).filter((p): p is PlannerAttendee => Boolean(p)));
  const toggle = (id: string, on: boolean) => props.onChosen(on ? [...props.chosen.filter((x) => x !== id), id] : props.chosen.filter((x) => x !== id));

  const plan = createMemo(() => {
    const list = attendees();
    if (!list.length) return undefined;
    return groupWeek({ week: props.week, timeZone: props.viewer, people: list.map((p) => ({ timeZone: p.timeZone, workingWeek: p.workingWeek })), minutes: props.minutes });
  });
  // A slot the owner picked on the timeline; cleared whenever the plan changes.
  const [picked, setPicked] = createSignal<{ key: string; slot: Slot }>();
  const planKey = () => `${props.week}|${props.minutes}|${props.chosen.join(",")}`;
  const slot = () => {
    const mine = picked();
    return mine && mine.key === planKey() ? mine.slot : plan()?.best ?? undefined;
  };
  const pick = (start: string) => {
    const data = plan();
    if (!data) return;
    const end = new Date(Date.parse(start) + props.minutes * 60_000).toISOString();
    setPicked({ key: planKey(), slot: slotAt(data, start, end) });
  };

  return (
    <>
      <div class="toolbar planner-toolbar">
        <div class="planner-settings">
          <Select
            label={t("planner.client")}
            name="client"
            class="field-inline"
            options={[{ value: "", label: t("planner.noClient") }, ...(clients() ?? []).map((c) => ({ value: c.id, label: c.name }))]}
            value={props.clientId}
            onValue={(id) => props.onClient(id, props.chosen.filter((x) => x.startsWith("mem_")))}
          />
          <Select
            label={t("planner.length")}
            name="minutes"
            class="field-inline"
            options={DURATIONS.map((m) => ({ value: String(m), label: t("planner.minutes", { minutes: m }) }))}
            value={String(props.minutes)}
            onValue={(value) => props.onMinutes(Number(value))}
          />
        </div>
        <WeekNav week={props.week} onWeek={props.onWeek} />
      </div>

      <fieldset class="planner-people" data-testid="planner-people">
        <legend>{t("planner.who")}</legend>
        <PeopleGroup title={t("planner.team")} people={people()?.members ?? []} chosen={props.chosen} toggle={toggle} />
        <Show when={props.clientId} fallback={<p class="muted small">{t("planner.pickClientHint")}</p>}>
          <PeopleGroup title={t("planner.clientPeople")} people={people()?.contacts ?? []} chosen={props.chosen} toggle={toggle} empty={t("planner.noContacts")} />
        </Show>
      </fieldset>

      <h2 class="planner-week" aria-live="polite" data-testid="planner-week">
        {t("planner.weekHeading", { date: weekLabel(props.week) })}
      </h2>

      <Show when={plan()} fallback={<EmptyState title={t("planner.pickTitle")}>{t("planner.pickPeople")}</EmptyState>}>
        {(data) => (
          <>
            <p class="summary-line" data-testid="planner-total" aria-live="polite">
              {t("planner.sharedTotal", { hours: formatMinutes(data().sharedMinutes) })}
            </p>
            <ClockChange data={data()} people={attendees()} viewer={props.viewer} />
            <Show when={slot()}>{(s) => <SlotCard slot={s()} shared={data().sharedMinutes > 0} people={attendees()} viewer={props.viewer} minutes={props.minutes} />}</Show>
            <Timeline data={data()} people={attendees()} viewer={props.viewer} slot={slot()} onPick={pick} />
          </>
        )}
      </Show>
    </>
  );
}

/** A slot the owner chose: how far outside each person's hours it falls. */
function slotAt(data: GroupWeek, start: string, end: string): Slot {
  const from = Date.parse(start);
  const to = Date.parse(end);
  const outsideMinutes = data.days[0]!.people.map((_, index) => {
    const spans = data.days.flatMap((day) => day.people[index]!);
    const inside = spans.reduce((sum, s) => sum + Math.max(0, Math.min(Date.parse(s.end), to) - Math.max(Date.parse(s.start), from)), 0);
    return Math.round((to - from - inside) / 60_000);
  });
  return { start, end, outside: outsideMinutes.filter((m) => m > 0).length, outsideMinutes };
}

function WeekNav(props: { week: string; onWeek: (week: string) => void }) {
  return (
    <nav class="planner-nav" aria-label={t("planner.weekNav")}>
      <Button size="sm" onClick={() => props.onWeek(shiftWeek(props.week, -1))}>
        <span aria-hidden="true">← </span>
        {t("planner.previous")}
      </Button>
      <DateField
        label={t("planner.weekOf")}
        name="week"
        hint=""
        class="field-inline planner-week-field"
        value={props.week}
        onValue={(value) => {
          const next = parseWeek(value);
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
  );
}

function PeopleGroup(props: { title: string; people: PlannerAttendee[]; chosen: string[]; toggle: (id: string, on: boolean) => void; empty?: string }) {
  return (
    <div class="planner-group">
      <p class="field-label">{props.title}</p>
      <Show when={props.people.length} fallback={<p class="muted small">{props.empty ?? ""}</p>}>
        <ul class="planner-choices">
          <For each={props.people}>
            {(person) => (
              <li>
                <label class="check">
                  <input type="checkbox" name="with" value={person.id} checked={props.chosen.includes(person.id)} onChange={(e) => props.toggle(person.id, e.currentTarget.checked)} />
                  <span>
                    {person.name} <span class="muted small">({zoneCity(person.timeZone)})</span>
                  </span>
                </label>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}

function ClockChange(props: { data: GroupWeek; people: PlannerAttendee[]; viewer: string }) {
  const changing = () => {
    const first = new Date(props.data.days[0]!.start);
    const last = new Date(props.data.days[6]!.end);
    const zones = [...new Set([props.viewer, ...props.people.map((p) => p.timeZone)])];
    return zones.filter((zone) => timeZoneOffset(zone, first) !== timeZoneOffset(zone, last)).map(zoneCity);
  };
  return (
    <Show when={changing().length}>
      <p class="notice" data-testid="planner-clock-change">
        {t("planner.clockChange", { zones: changing().join(", ") })}
      </p>
    </Show>
  );
}

/** The slot on offer: when, on the viewer's clock and each person's, and who it falls outside the hours of. */
function SlotCard(props: { slot: Slot; shared: boolean; people: PlannerAttendee[]; viewer: string; minutes: number }) {
  const [open, setOpen] = createSignal(false);
  const title = () => (props.slot.outside === 0 ? t("planner.slotTitle") : t("planner.leastBadTitle"));
  return (
    <section class="card planner-slot" data-testid="planner-slot" aria-labelledby="planner-slot-title">
      <h3 id="planner-slot-title">{title()}</h3>
      <Show when={!props.shared}>
        <p class="notice notice-warning" data-testid="planner-no-shared">
          {t("planner.noSharedWeek")}
        </p>
      </Show>
      <p class="planner-slot-when" data-testid="planner-slot-when">
        <time datetime={`${props.slot.start}/${props.slot.end}`}>
          {dayAndClock(props.slot.start, props.viewer)}–{clock(props.slot.end, props.viewer)}
        </time>
      </p>
      <ul class="planner-slot-people">
        <For each={props.people}>
          {(person, index) => {
            const outside = () => props.slot.outsideMinutes[index()] ?? 0;
            return (
              <li data-testid="planner-slot-person" classList={{ "planner-outside": outside() > 0 }}>
                <strong>{person.name}</strong> <span class="muted small">{t("zones.timeIn", { time: range(props.slot, person.timeZone), zone: zoneCity(person.timeZone) })}</span>{" "}
                <span class="small">{outside() > 0 ? t("planner.outsideBy", { minutes: outside() }) : t("planner.inHours")}</span>
              </li>
            );
          }}
        </For>
      </ul>
      <Button variant="primary" onClick={() => setOpen(true)} data-testid="planner-propose">
        {t("planner.propose")}
      </Button>
      <Dialog open={open()} title={t("planner.proposeTitle")} description={t("planner.proposeIntro", { count: props.people.length })} onClose={() => setOpen(false)}>
        <ProposeForm slot={props.slot} people={props.people} minutes={props.minutes} onDone={() => setOpen(false)} />
      </Dialog>
    </section>
  );
}

function ProposeForm(props: { slot: Slot; people: PlannerAttendee[]; minutes: number; onDone: () => void }) {
  const [title, setTitle] = createSignal("");
  const [note, setNote] = createSignal("");
  const submission = createSubmission();
  const send = () =>
    submission.run(async () => {
      const sent = await api.planner.propose({
        title: title(),
        ...(note().trim() ? { description: note() } : {}),
        start: props.slot.start,
        minutes: props.minutes,
        members: props.people.filter((p) => p.kind === "member").map((p) => p.id),
        contacts: props.people.filter((p) => p.kind === "contact").map((p) => p.id),
      });
      props.onDone();
      toast(t("planner.proposed", { count: sent.invited }));
    });
  return (
    <Form submission={submission} onSubmit={send} aria-label={t("planner.proposeTitle")}>
      <TextField label={t("planner.meetingTitle")} name="title" required value={title()} onValue={setTitle} error={submission.fieldError("title")} />
      <TextArea label={t("planner.meetingNote")} name="description" rows={3} value={note()} onValue={setNote} error={submission.fieldError("description")} />
      <FormActions>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("planner.send")}
        </Button>
      </FormActions>
    </Form>
  );
}

/** A day per row: a track per person (their hours) and one for everyone, across the viewer's day. */
function Timeline(props: { data: GroupWeek; people: PlannerAttendee[]; viewer: string; slot: Slot | undefined; onPick: (start: string) => void }) {
  return (
    <div class="planner-timeline" data-testid="planner-timeline">
      <p class="sr-only">{t("planner.grid", { date: weekLabel(props.data.week), zone: timeZoneLabel(props.viewer) })}</p>
      <div class="planner-hours" aria-hidden="true">
        <span />
        <div class="planner-hour-marks">
          <For each={[0, 6, 12, 18]}>{(hour) => <span style={{ left: `${(hour / 24) * 100}%` }}>{`${String(hour).padStart(2, "0")}:00`}</span>}</For>
        </div>
      </div>
      <For each={props.data.days}>{(day) => <DayRows day={day} people={props.people} viewer={props.viewer} slot={props.slot} onPick={props.onPick} />}</For>
    </div>
  );
}

function DayRows(props: { day: GroupDay; people: PlannerAttendee[]; viewer: string; slot: Slot | undefined; onPick: (start: string) => void }) {
  const from = () => Date.parse(props.day.start);
  const length = () => Date.parse(props.day.end) - from();
  const place = (interval: Interval) => {
    const start = Math.max(0, Date.parse(interval.start) - from());
    const end = Math.min(length(), Date.parse(interval.end) - from());
    return { left: `${(start / length()) * 100}%`, width: `${(Math.max(0, end - start) / length()) * 100}%` };
  };
  const slotHere = () => {
    const s = props.slot;
    if (!s || Date.parse(s.end) <= from() || Date.parse(s.start) >= from() + length()) return undefined;
    return s;
  };
  return (
    <div class="planner-day" data-testid="planner-day" data-date={props.day.date}>
      <h3 class="planner-day-label">{dayLabel(props.day.date)}</h3>
      <div class="planner-tracks">
        <For each={props.people}>
          {(person, index) => (
            <div class="planner-row">
              <span class="planner-name">{person.name}</span>
              <div class="planner-track">
                <For each={props.day.people[index()] ?? []}>
                  {(interval) => (
                    <span class="planner-span" style={place(interval)} title={range(interval, props.viewer)}>
                      <span class="sr-only">{`${person.name}: ${range(interval, props.viewer)}`}</span>
                    </span>
                  )}
                </For>
              </div>
            </div>
          )}
        </For>
        <div class="planner-row planner-row-all">
          <span class="planner-name">{t("planner.everyone")}</span>
          <div class="planner-track" data-testid="planner-shared">
            <For each={props.day.shared}>
              {(interval) => (
                <button type="button" class="planner-span planner-span-shared" style={place(interval)} onClick={() => props.onPick(interval.start)} aria-label={t("planner.pickShared", { range: range(interval, props.viewer), day: dayLabel(props.day.date) })} title={range(interval, props.viewer)} />
              )}
            </For>
            <Show when={slotHere()}>{(s) => <span class="planner-slot-mark" style={place(s())} />}</Show>
          </div>
        </div>
      </div>
    </div>
  );
}
