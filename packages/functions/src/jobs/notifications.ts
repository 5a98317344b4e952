// First: deployed functions skip ElectroDB's per-entity model check (tests/core/models.test.ts runs it).
import "@baton/core/db/trusted-models";
import { Log } from "@baton/core/log";
import { loadSstEnvironment } from "../sst-runtime.ts";

await loadSstEnvironment();
// Imported after the environment is complete: the core reads its table's name when first loaded.
const { Inbox } = await import("@baton/core/inbox");
const { Webhooks } = await import("@baton/core/webhook");
// Message emails go out in each reader's language: the Greek and Hindi strings, loaded once.
await (await import("@baton/core/i18n")).I18n.loadTexts();

/**
 * Runs every minute (infra/jobs.ts): emails about new messages that have waited their few minutes,
 * several messages in one email. One Query of a sparse index when nothing is due. A failure fails
 * the invocation (the Notifications alarms); the batches stay due, so the next minute retries them.
 */
export const handler = async () =>
  Log.withContext({ job: "messageEmails", actor: { type: "system" } }, async () => {
    const outcome = await Inbox.sendDue();
    if (outcome.sent || outcome.skipped) Log.info("notifications: message emails sent", outcome);
    // Webhook retries are due by the minute; the 15-minute run does them too, in case this lags.
    const webhooks = await Webhooks.flush();
    if (webhooks.delivered || webhooks.failed) Log.info("notifications: webhook deliveries", webhooks);
    return { ...outcome, webhooks };
  });
