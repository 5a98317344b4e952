// The weekly status digest: a Monday 09:00 email (in the client's own zone) to each active
// client's contacts — what was finished in the past week, what is in progress, what awaits
// their approval, and for retainer clients the hours used this month against those included.
//
// timing.ts: when a week's digest is due (DST-correct) · content.ts: what it says, read with
// bounded queries · send.ts: the job, its once-per-week claim and the emails.

export * as Digest from "./index.ts";
export { CATCH_UP_HOURS, digestWeekOf, isDue, SEND_HOUR, type DigestWeek } from "./timing.ts";
export { hasNews, type DigestContent } from "./content.ts";
export { weekly, weeklyFor, type WeeklyResult } from "./send.ts";
