import { businessHoursBetween } from "@baton/kernel/time";
import { Badge } from "@baton/ui/Badge";
import { formatDateTime, t } from "@baton/ui/i18n";
import type { Agency } from "@baton/ui/types";
import { Show } from "solid-js";
import { agencyCalendar } from "../lib/agency-calendar";
import { now } from "../lib/time";
import { formatHoursAsDuration } from "@baton/ui/time";

/** Two working hours or less left: flagged as soon. */
const SOON_HOURS = 2;

/** "3 h 20 min", rounded to the minute. */
const workingTime = (hours: number): string => formatHoursAsDuration(hours);

/**
 * When the first response is due, and the agency's working time left until then ("3 h 20 min
 * left") or since ("overdue by 2 h"), skipping nights, days off and holidays as the promise does.
 */
export function ResponseDue(props: { at: string; agency: Agency }) {
  const state = () => {
    const due = new Date(props.at);
    const current = now();
    const calendar = agencyCalendar(props.agency);
    if (due > current) {
      const left = businessHoursBetween(current, due, props.agency.timeZone, calendar);
      return { overdue: false, soon: left <= SOON_HOURS, text: t("hours.left", { time: workingTime(Math.max(left, 1 / 60)) }) };
    }
    const over = businessHoursBetween(due, current, props.agency.timeZone, calendar);
    return { overdue: true, soon: false, text: over >= 1 / 60 ? t("hours.overdueBy", { time: workingTime(over) }) : t("hours.overdue") };
  };
  return (
    <span class="due" classList={{ "due-overdue": state().overdue, "due-soon": state().soon }} data-testid="response-due" data-overdue={state().overdue ? "true" : undefined}>
      <time datetime={props.at}>{formatDateTime(props.at)}</time>
      <Show when={state().overdue} fallback={<span class="due-left">{state().text}</span>}>
        <Badge tone="danger">{state().text}</Badge>
      </Show>
    </span>
  );
}
