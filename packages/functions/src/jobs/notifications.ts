import { Inbox } from "@baton/core/inbox";
import { loadSstEnvironment } from "../sst-runtime.ts";

loadSstEnvironment();

/**
 * Runs every minute (infra/api.ts): emails about new messages that have waited their few minutes,
 * several messages in one email. One Query of a sparse index when nothing is due.
 */
export const handler = async () => {
  const outcome = await Inbox.sendDue();
  if (outcome.sent || outcome.skipped) console.log("notifications:", new Date().toISOString(), JSON.stringify(outcome));
  return outcome;
};
