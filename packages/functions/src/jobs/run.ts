import { Digest } from "@baton/core/digest";
import { Email } from "@baton/core/email";
import { Files } from "@baton/core/file";
import { Inbox } from "@baton/core/inbox";
import { Invoices } from "@baton/core/invoice";
import { Surveys } from "@baton/core/survey";

/**
 * Every scheduled job, run once: on AWS by the 15-minute schedule (scheduled.ts), locally by
 * `npm start`'s timer. Each job is idempotent (it claims every effect with a conditional write
 * first), so a retried or doubled run changes nothing. One failing job does not stop the others.
 */
export async function runScheduledJobs(now = new Date()): Promise<Record<string, unknown>> {
  const jobs = {
    emailOutbox: () => Email.flushOutbox(now),
    retainerInvoices: () => Invoices.MoneyJobs.issueRetainers(now),
    overdueReminders: () => Invoices.MoneyJobs.remindOverdue(now),
    npsCheckIns: () => Surveys.checkIns(now),
    // Monday 09:00 in each client's zone; the 15-minute cadence reaches +05:30 and +05:45 zones too.
    weeklyDigests: () => Digest.weekly(now),
    // Deleted files past the agency's retention, and uploads never confirmed or attached.
    fileRetention: () => Files.purgeDue(now),
    // Normally sent by the minute's notification job (notifications.ts); here too, in case it lags.
    messageEmails: () => Inbox.sendDue(now),
  };
  const outcomes: Record<string, unknown> = {};
  for (const [name, run] of Object.entries(jobs)) {
    try {
      outcomes[name] = await run();
    } catch (error) {
      console.error(`scheduled: ${name} failed`, error);
      outcomes[name] = { failed: true };
    }
  }
  return outcomes;
}
