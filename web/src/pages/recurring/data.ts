import { api } from "@baton/ui/api";
import { t } from "@baton/ui/i18n";
import type { Schedule } from "@baton/ui/types";
import { query } from "@solidjs/router";

/** The agency's schedules, or one client's; "schedules." is every list of them. */
export const getSchedules = query((clientId: string) => api.schedules.list(clientId || undefined), "schedules.list");
export const scheduleKeys = "schedules.";

export const ruleKinds = ["weekdays", "weekly", "monthly"] as const;
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** "Weekly on Mon, Thu at 09:00": the rule as the client's clock reads it. */
export function ruleSummary(schedule: Pick<Schedule, "rule" | "days" | "dayOfMonth" | "time">): string {
  if (schedule.rule === "weekly") return t("recurring.summary.weekly", { days: schedule.days.map((d) => t(`recurring.day.${d}` as "recurring.day.1")).join(", "), time: schedule.time });
  if (schedule.rule === "monthly") return t("recurring.summary.monthly", { day: schedule.dayOfMonth ?? 1, time: schedule.time });
  return t("recurring.summary.weekdays", { time: schedule.time });
}
