import { createSignal, createUniqueId, For, Show } from "solid-js";
import { api } from "./api";
import { Button } from "./Button";
import { ErrorMessage } from "./ErrorMessage";
import { createSubmission, Form, SaveActions } from "./Form";
import { intlLocale, t, timeZoneLabel } from "./i18n";
import { useSession } from "./session";
import { TextField } from "./TextField";
import { toast } from "./Toast";
import "./personal-hours.css";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** "Monday" for ISO weekday 1, in the viewer's language (1 January 2024 was a Monday). */
const weekdayName = (day: number) => new Intl.DateTimeFormat(intlLocale(), { weekday: "long", timeZone: "UTC" }).format(Date.UTC(2024, 0, day));

// A time input can't say 24:00; an end of 00:00 can only mean the midnight that ends the day.
const endForInput = (end: string) => (end === "24:00" ? "00:00" : end);
const endForApi = (end: string) => (end === "00:00" ? "24:00" : end);

/**
 * The signed-in person's own working week, on their own clock (the meeting planner reads it). Until
 * they set one they keep the agency's, which the form starts from; "Use the agency's hours" goes back.
 */
export function PersonalHoursCard() {
  const session = useSession();
  const me = session.me;
  const id = createUniqueId();
  const agencyWeek = () => me().agency.workingWeek;
  const initial = () => me().workingWeek ?? agencyWeek();
  const [days, setDays] = createSignal<number[]>([...initial().days]);
  const [start, setStart] = createSignal(initial().start);
  const [end, setEnd] = createSignal(endForInput(initial().end));
  const submission = createSubmission();
  const reset = createSubmission();

  const toggle = (day: number, on: boolean) => setDays((current) => (on ? [...current.filter((d) => d !== day), day].sort() : current.filter((d) => d !== day)));

  const save = () =>
    submission.run(async () => {
      await api.me.update({ workingWeek: { days: days(), start: start(), end: endForApi(end()) } });
      await session.refresh();
      toast(t("myHours.saved"));
    });
  const useAgency = () =>
    reset.run(async () => {
      await api.me.update({ workingWeek: null });
      await session.refresh();
      const week = agencyWeek();
      setDays([...week.days]);
      setStart(week.start);
      setEnd(endForInput(week.end));
      toast(t("myHours.reset"));
    });
  const daysError = () => submission.fieldError("workingWeek.days");

  return (
    <section class="card personal-hours" style={{ "margin-top": "1.5rem" }} aria-labelledby={`${id}-title`} data-testid="personal-hours">
      <h2 id={`${id}-title`}>{t("myHours.title")}</h2>
      <p class="muted small">{t("myHours.intro", { zone: timeZoneLabel(me().timeZone) })}</p>
      <p class="small" data-testid="personal-hours-source">
        {me().workingWeek ? t("myHours.own") : t("myHours.agency")}
      </p>
      <Form submission={submission} onSubmit={save} aria-label={t("myHours.title")}>
        <fieldset class="check-group" aria-describedby={daysError() ? `${id}-days-error` : undefined}>
          <legend class="field-label">{t("hours.days")}</legend>
          <div class="check-row">
            <For each={WEEKDAYS}>
              {(day) => (
                <label class="check">
                  <input
                    type="checkbox"
                    name="workingDays"
                    value={day}
                    checked={days().includes(day)}
                    aria-invalid={daysError() ? "true" : undefined}
                    onChange={(e) => toggle(day, e.currentTarget.checked)}
                  />
                  <span>{weekdayName(day)}</span>
                </label>
              )}
            </For>
          </div>
          <Show when={daysError()}>
            <p class="field-error" id={`${id}-days-error`}>
              {daysError()}
            </p>
          </Show>
        </fieldset>
        <div class="field-row">
          <TextField label={t("hours.start")} name="workingWeek.start" type="time" required value={start()} onValue={setStart} error={submission.fieldError("workingWeek.start")} />
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
        <SaveActions submission={submission} />
      </Form>
      <ErrorMessage error={reset.error()} />
      <Show when={me().workingWeek}>
        <Button size="sm" variant="ghost" pending={reset.pending()} onClick={() => void useAgency()} data-testid="personal-hours-reset">
          {t("myHours.useAgency")}
        </Button>
      </Show>
    </section>
  );
}
