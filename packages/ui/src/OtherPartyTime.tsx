import { wallClock } from "@baton/kernel/time";
import { Show } from "solid-js";
import { formatDateTime, intlLocale, t, viewerTimeZone } from "./i18n";

// "15:30 for Ada (Kolkata)": the other person's wall clock at an instant the viewer already sees
// in their own zone (a due date, a message). Shown only when their clocks differ at that instant:
// London and Lisbon agree in winter and part in spring, so the same pair may or may not need it.

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tag: string, timeZone: string, withDay: boolean) {
  const key = `${tag}|${timeZone}|${withDay}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, { timeZone, hour: "numeric", minute: "2-digit", ...(withDay ? { weekday: "short" } : {}) });
    formatters.set(key, format);
  }
  return format;
}

/** The wall clock ("2026-03-09T13:00") of an instant in a zone, or undefined if the zone is unknown. */
function wall(at: Date, timeZone: string): string | undefined {
  try {
    return wallClock(at, timeZone);
  } catch {
    return undefined;
  }
}

/** A zone's short label: its city, as people say it ("New York" for America/New_York). */
export function zoneCity(timeZone: string): string {
  return (timeZone.split("/").pop() ?? timeZone).replaceAll("_", " ");
}

/**
 * The other person's local time at `at` with a short zone label, or null when their clock reads
 * the same as the viewer's then. Their weekday is added when their date differs from the viewer's.
 */
export function otherPartyTime(at: string | Date, timeZone: string | undefined, viewer: string = viewerTimeZone()): string | null {
  if (!timeZone) return null;
  const instant = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(instant.getTime())) return null;
  const theirs = wall(instant, timeZone);
  const mine = wall(instant, viewer);
  if (!theirs || !mine || theirs === mine) return null;
  const sameDay = theirs.slice(0, 10) === mine.slice(0, 10);
  return formatter(intlLocale(), timeZone, !sameDay).format(instant);
}

type Props = {
  /** The instant (UTC ISO) the viewer sees in their own zone beside this. */
  at: string;
  /** The other person's IANA zone; nothing shows without one. */
  timeZone: string | undefined;
  /** Whose time it is ("Ada", the client's name, the agency's). */
  name?: string;
  /** Also show the instant in the viewer's zone first ("Tue 10:00 · 15:30 for Ada (Kolkata)"). */
  withViewer?: boolean;
  /** The viewer's zone; the signed-in person's by default. */
  viewerTimeZone?: string;
};

/** " · 15:30 for Ada (Kolkata)" beside a time the viewer reads in their own zone. */
export function OtherPartyTime(props: Props) {
  const viewer = () => props.viewerTimeZone ?? viewerTimeZone();
  const time = () => otherPartyTime(props.at, props.timeZone, viewer());
  const text = (value: string) =>
    props.name
      ? t("zones.timeFor", { time: value, name: props.name, zone: zoneCity(props.timeZone!) })
      : t("zones.timeIn", { time: value, zone: zoneCity(props.timeZone!) });
  return (
    <>
      <Show when={props.withViewer}>
        <time datetime={props.at}>{formatDateTime(props.at, viewer())}</time>
      </Show>
      <Show when={time()}>
        {(value) => (
          <span class="other-party-time muted small" data-testid="other-party-time" title={props.timeZone}>
            <span aria-hidden="true"> · </span>
            {text(value())}
          </span>
        )}
      </Show>
    </>
  );
}
