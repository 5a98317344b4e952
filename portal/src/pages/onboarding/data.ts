import { api } from "@baton/ui/api";
import { query } from "@solidjs/router";
import { createResource } from "solid-js";

// Both keys start "portal.onboarding": revalidating it refreshes the checklist and the notices.

/** The signed-in contact's onboarding checklist. */
export const getOnboarding = query(() => api.onboarding.mine(), "portal.onboarding.mine");

/** Whether there is a checklist to walk: started and not completed. Never fails (the nav and banner just stay away). */
export const getOnboardingOpen = query(async () => {
  try {
    const mine = await api.onboarding.mine();
    return Boolean(mine.startedAt && !mine.completedAt);
  } catch {
    return false;
  }
}, "portal.onboarding.open");

/**
 * The open flag for the nav and the home page's banner, read without suspending: the frame and
 * the requests list never wait for it. Follows revalidation of the query's key.
 */
export function useOnboardingOpen() {
  const [open] = createResource(() => getOnboardingOpen(), (pending) => pending);
  return () => (open.state === "ready" || open.state === "refreshing" ? open.latest === true : false);
}
