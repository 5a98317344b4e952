import { api, isApiError } from "@baton/ui/api";
import { query } from "@solidjs/router";
import { createResource } from "solid-js";

/** The company's hour bank: balance, this period, past periods, rolled-over hours. */
export const getHours = query(() => api.portal.hours(), "portal.hours");

/** Whether the agency shows the company its hours at all (it answers 404 when hidden). Never fails: other errors keep the entry. */
export const getHoursShown = query(async () => {
  try {
    await getHours();
    return true;
  } catch (e) {
    return !(isApiError(e) && e.status === 404);
  }
}, "portal.hours.shown");

/** The shown flag for the nav, read without suspending; hidden until known, so a hidden page never flashes in. */
export function useHoursShown() {
  const [shown] = createResource(() => getHoursShown(), (pending) => pending);
  return () => (shown.state === "ready" || shown.state === "refreshing" ? shown.latest === true : false);
}
