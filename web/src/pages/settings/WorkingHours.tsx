import { DateField } from "@baton/ui/DatePicker";
import { Button } from "@baton/ui/Button";
import { createSubmission, Form, SaveActions } from "@baton/ui/Form";
import { intlLocale, t, timeZoneLabel } from "@baton/ui/i18n";
import { useSession } from "@baton/ui/session";
import { TextField } from "@baton/ui/TextField";
import type { Agency } from "@baton/ui/types";
import { createSignal, createUniqueId, For, Show, type Setter } from "solid-js";
import { formatCalendarDate } from "../../lib/time";
import { AgencyCard, useSaveAgency } from "./AgencyCard";

/** The API's limit, shown in the hint; the API says so again if it is passed. */
const MAX_HOLIDAYS = 100;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** "Monday" for ISO weekday 1, in the viewer's language (1 January 2024 was a Monday). */
const weekdayName = (day: number) => new Intl.DateTimeFormat(intlLocale(), { weekday: "long", timeZone: "UTC" }).format(Date.UTC(2024, 0, day));

// A time input can't say 24:00; an end of 00:00 can only mean the midnight that ends the day.
const endForInput = (end: string) => (end === "24:00" ? "00:00" : end);
const endForApi = (end: string) => (end === "00:00" ? "24:00" : end);

/** When the agency works: response promises count only these hours, and no holiday. */
export function WorkingHoursCard() {
  return (
    <AgencyCard id="working-hours" title={t("hours.title")} intro={(agency) => t("hours.intro", { zone: timeZoneLabel(agency.timeZone) })}>
      {(agency) => <WorkingHoursForm agency={agency} />}
    </AgencyCard>
  );
}

function WorkingHoursForm(props: { agency: Agency }) {
  const { refresh } = useSession();
  const id = createUniqueId();
  const [days, setDays] = createSignal<number[]>([...props.agency.workingWeek.days]);
  const [start, setStart] = createSignal(props.agency.workingWeek.start);
  const [end, setEnd] = createSignal(endForInput(props.agency.workingWeek.end));
  const [holidays, setHolidays] = createSignal<string[]>([...props.agency.holidays]);
  const submission = createSubmission();
  const save = useSaveAgency();

  const toggle = (day: number, on: boolean) => setDays((current) => (on ? [...current.filter((d) => d !== day), day].sort() : current.filter((d) => d !== day)));

  const submit = () =>
    submission.run(async () => {
      await save({ workingWeek: { days: days(), start: start(), end: endForApi(end()) }, holidays: holidays() }, t("hours.saved"));
      // The inbox and the home count time left with the agency from the session.
      await refresh();
    });

  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("hours.title")} data-testid="working-hours-form">
      <WorkingDays id={id} days={days()} toggle={toggle} error={submission.fieldError("workingWeek.days")} />
      <div class="field-row">
        <TextField
          label={t("hours.start")}
          name="workingWeek.start"
          type="time"
          required
          value={start()}
          onValue={setStart}
          error={submission.fieldError("workingWeek.start")}
        />
        <TextField
          label={t("hours.end")}
          hint={t("hours.endHint")}
          name="workingWeek.end"
          type="time"
          required
          value={end()}
          onValue={setEnd}
          error={submission.fieldError("workingWeek.end")}
        />
      </div>
      <HolidaysEditor id={id} timeZone={props.agency.timeZone} holidays={holidays()} setHolidays={setHolidays} serverError={submission.fieldError("holidays")} />
      <SaveActions submission={submission} />
    </Form>
  );
}

/** The days of the week the agency works. */
function WorkingDays(props: { id: string; days: number[]; toggle: (day: number, on: boolean) => void; error: string | undefined }) {
  return (
    <fieldset class="check-group" name="workingWeek" aria-describedby={props.error ? `${props.id}-days-error` : undefined}>
      <legend class="field-label">{t("hours.days")}</legend>
      <div class="check-row">
        <For each={WEEKDAYS}>
          {(day) => (
            <label class="check">
              <input
                type="checkbox"
                name="workingDays"
                value={day}
                checked={props.days.includes(day)}
                aria-invalid={props.error ? "true" : undefined}
                onChange={(e) => props.toggle(day, e.currentTarget.checked)}
              />
              <span>{weekdayName(day)}</span>
            </label>
          )}
        </For>
      </div>
      <Show when={props.error}>
        <p class="field-error" id={`${props.id}-days-error`}>
          {props.error}
        </p>
      </Show>
    </fieldset>
  );
}

/** Days off: listed, removed with ×, added from a date picker (Enter adds too). */
function HolidaysEditor(props: { id: string; timeZone: string; holidays: string[]; setHolidays: Setter<string[]>; serverError: string | undefined }) {
  const [picked, setPicked] = createSignal("");
  const [pickError, setPickError] = createSignal<string>();
  const holidaysError = () => pickError() ?? props.serverError;
  const addHoliday = () => {
    if (!picked()) return setPickError(t("hours.pickDate"));
    setPickError(undefined);
    props.setHolidays((current) => [...new Set([...current, picked()])].sort());
    setPicked("");
  };
  return (
    <fieldset class="checklist-editor" name="holidays" aria-describedby={`${props.id}-holidays-hint`}>
      <legend class="field-label">{t("hours.holidays")}</legend>
      <p class="field-hint" id={`${props.id}-holidays-hint`}>
        {t("hours.holidaysHint", { zone: timeZoneLabel(props.timeZone), max: MAX_HOLIDAYS })}
      </p>
      <Show when={props.holidays.length} fallback={<p class="muted small">{t("hours.noHolidays")}</p>}>
        <ul class="holiday-list" data-testid="holiday-list">
          <For each={props.holidays}>
            {(date) => (
              <li data-date={date}>
                <time datetime={date}>{formatCalendarDate(date)}</time>
                <Button
                  size="sm"
                  variant="ghost"
                  class="btn-danger-text"
                  aria-label={t("hours.removeHoliday", { date: formatCalendarDate(date) })}
                  onClick={() => props.setHolidays((current) => current.filter((d) => d !== date))}
                >
                  ×
                </Button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <div class="input-with-button holiday-add">
        <DateField
          label={t("hours.holidayDate")}
          name="holidayDate"
          hint=""
          value={picked()}
          onValue={(value) => {
            setPicked(value);
            setPickError(undefined);
          }}
          error={holidaysError()}
          onEnter={addHoliday}
        />
        <Button size="sm" onClick={addHoliday}>
          {t("hours.addHoliday")}
        </Button>
      </div>
    </fieldset>
  );
}
