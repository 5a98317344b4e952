import { isLocalDate } from "@baton/kernel/dates";
import { api } from "@baton/ui/api";
import { query, revalidate } from "@solidjs/router";

// Keys all start with "time.", so `revalidate("time.")` refreshes everything about time.
export const getTimer = query(() => api.time.timer(), "time.timer");
/** "" member is the viewer; "" date is this week. */
export const getWeek = query(
  (memberId: string, date: string) => api.time.week({ memberId: memberId || undefined, date: date || undefined }),
  "time.week",
);
/** The team's hours in the week holding `date` ("" this week), against capacity (owner). */
export const getTeamWeek = query((date: string) => api.time.team(date || undefined), "time.team-week");
export const getTaskTime = query((taskId: string) => api.time.forTask(taskId), "time.task");
export const getTeam = query(() => api.members.list({ limit: 100 }), "time.team");
/** What waits for review (owner and reviewers), and the owner's switch for whether time needs approval. */
export const getWaiting = query(() => api.time.waiting(), "time.waiting");
export const getApprovalSetting = query(() => api.agency.get(), "time.approvalSetting");

const isDate = (value: unknown): value is string => typeof value === "string" && isLocalDate(value);
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The week wanted by `?date=`, or "" for this week. */
export const parseDate = (value: string | string[] | undefined) => {
  const date = one(value);
  return isDate(date) ? date : "";
};
export const parseMember = (value: string | string[] | undefined) => one(value) ?? "";

// Queries of the Time page; `preloadTime` starts them from the route (see routes.tsx).
export const preloadTime = (search: Record<string, string | string[] | undefined>) => {
  void getTimer();
  // The owner's page without ?member= shows the team (the loader can't tell the role; the week read is cheap).
  void getWeek(parseMember(search.member), parseDate(search.date));
};

/** After the timer started or stopped (here or elsewhere): every view of it reads it again. */
export function refreshTimer() {
  return revalidate(getTimer.keyFor());
}

/** After an entry was added, changed or removed: timesheets and task totals read again. */
export function afterTimeChange() {
  return revalidate([getWeek.key, getTaskTime.key, getWaiting.key, getTeamWeek.key]);
}
