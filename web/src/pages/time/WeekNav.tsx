import { Button } from "@baton/ui/Button";
import { intlLocale, t } from "@baton/ui/i18n";
import { shiftDate } from "./format";

const formatters = new Map<string, Intl.DateTimeFormat>();
/** "Mon, Nov 23" for a calendar date, in the app's language. */
export function dayLabel(date: string) {
  const tag = intlLocale();
  let f = formatters.get(tag);
  if (!f) formatters.set(tag, (f = new Intl.DateTimeFormat(tag, { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" })));
  return f.format(new Date(`${date}T12:00:00Z`));
}

/** The week switcher of the Time page's views: previous, "Week of …", next, this week (""). */
export function WeekNav(props: { monday: string; label: string; titleTestId: string; onWeek: (date: string) => void }) {
  return (
    <nav class="time-week-nav" aria-label={props.label}>
      <Button size="sm" onClick={() => props.onWeek(shiftDate(props.monday, -7))}>
        ← {t("time.previousWeek")}
      </Button>
      <h2 data-testid={props.titleTestId}>{t("time.weekOf", { date: dayLabel(props.monday) })}</h2>
      <Button size="sm" onClick={() => props.onWeek(shiftDate(props.monday, 7))}>
        {t("time.nextWeek")} →
      </Button>
      <Button size="sm" variant="ghost" onClick={() => props.onWeek("")}>
        {t("time.thisWeek")}
      </Button>
    </nav>
  );
}
