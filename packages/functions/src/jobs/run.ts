import { withActor } from "@baton/core/actor";
import type { AgencyItem } from "@baton/core/job";
import { Card } from "@baton/core/card";
import { Digest } from "@baton/core/digest";
import { Email } from "@baton/core/email";
import { Files } from "@baton/core/file";
import { HourBank } from "@baton/core/hour-bank";
import { Inbox } from "@baton/core/inbox";
import { Invoices } from "@baton/core/invoice";
import { Job } from "@baton/core/job";
import { Log } from "@baton/core/log";
import { Metrics } from "@baton/core/metrics";
import { Quotes } from "@baton/core/quote";
import { Schedules } from "@baton/core/schedule";
import { Surveys } from "@baton/core/survey";
import { Webhooks } from "@baton/core/webhook";
import { I18n } from "@baton/core/i18n";
import { Notices } from "@baton/core/notify/notice";

// The scheduled jobs, every 15 minutes. Two kinds:
// - global jobs read across agencies through their own sparse index (the email outbox, overdue
//   invoices) and run once per run;
// - agency jobs (retainer invoices, NPS check-ins, weekly digests) run once per agency: on AWS
//   the scheduled function puts one message per agency on a queue and a worker runs each
//   (scheduled.ts, agency.ts), so a run's cost grows with one agency's work, not all of them;
//   locally and in tests they run in this process one agency after another.
// Every job is idempotent (it claims each effect with a conditional write first), so a retried
// or doubled run changes nothing. A job that fails — or reports failed units inside it (one
// client's bad data) — is logged and counted, the others still run, and only then does the run
// fail (JobsFailed), so the invocation's error reaches the alarms and the on-failure destination.

type Counts = { failed?: number } & Record<string, number>;

export const globalJobs: Record<string, (now: Date) => Promise<Counts>> = {
  emailOutbox: (now) => Email.flushOutbox(now),
  overdueReminders: (now) => Invoices.MoneyJobs.remindOverdue(now),
  // Deleted files past the agency's retention, and uploads never confirmed or attached.
  fileRetention: (now) => Files.purgeDue(now),
  // Normally sent by the minute's notification job (notifications.ts); here too, in case it lags.
  messageEmails: (now) => Inbox.sendDue(now),
  // Outgoing webhooks' retries (1, 2, 4 … minutes for up to a day); also run every minute (notifications.ts).
  webhookDeliveries: (now) => Webhooks.flush(now),
  // Client notices the worker has not turned into emails (notify/notice.ts).
  noticeOutbox: (now) => Notices.flush(now),
};

export const agencyJobs: Record<string, (agency: AgencyItem, now: Date) => Promise<Counts>> = {
  // Before the retainer invoices: a month's hour bank is closed while its time is still unbilled.
  hourBank: (agency, now) => HourBank.settleFor(agency.agencyId, now),
  retainerInvoices: (agency, now) => Invoices.MoneyJobs.issueRetainersFor(agency.agencyId, now),
  // Right after them: a retainer invoice just issued to a client with autopay on is charged to its card.
  autopayCharges: (agency) => Card.chargeDueFor(agency.agencyId),
  npsCheckIns: (agency, now) => Surveys.checkInsFor(agency, now),
  // Monday 09:00 in each client's zone; the 15-minute cadence reaches +05:30 and +05:45 zones too.
  weeklyDigests: (agency, now) => Digest.weeklyFor(agency, now),
  // Recurring work: each due occurrence becomes a request (and its tasks) once, claimed by its key.
  recurringWork: (agency, now) => Schedules.runDueFor(agency.agencyId, now),
  // Sent quotes past their date in the client's calendar: stored as expired, the owners told once; the client reminded before.
  quoteExpiry: (agency, now) => Quotes.expireDueFor(agency.agencyId, now),
};

export type JobReport = { job: string; agencyId?: string; result: Counts | null; failed: number; durationMs: number };
export type RunReport = { at: string; agencies: number; jobs: JobReport[]; failed: number };

/** Runs one job, timing it and emitting its outcome as metrics; never throws. */
async function runJob(job: string, agencyId: string | undefined, run: () => Promise<Counts>): Promise<JobReport> {
  const started = performance.now();
  // A global job's lines name no agency: the actor is set here so the first agency it touches isn't taken for it.
  return Log.withContext({ job, ...(agencyId ? {} : { actor: { type: "system" } }) }, async () => {
    let result: Counts | null = null;
    let failed: number;
    try {
      result = await run();
      failed = result.failed ?? 0;
    } catch (error) {
      Log.error("job failed", error, agencyId ? { agencyId } : {});
      failed = 1;
    }
    const durationMs = Math.round(performance.now() - started);
    Metrics.count(Metrics.Names.jobRuns, { Job: job });
    Metrics.count(Metrics.Names.jobFailures, { Job: job }, failed);
    Metrics.put(Metrics.Names.jobDurationMs, durationMs, { unit: "Milliseconds", dimensions: { Job: job } });
    Log.write(failed ? "error" : "info", "job finished", { ...(agencyId ? { agencyId } : {}), result, failed, durationMs });
    return { job, ...(agencyId ? { agencyId } : {}), result, failed, durationMs };
  });
}

export async function runGlobalJobs(now: Date): Promise<JobReport[]> {
  // Jobs write in everyone's language: the Greek and Hindi strings, loaded once.
  await I18n.loadTexts();
  const reports: JobReport[] = [];
  for (const [job, run] of Object.entries(globalJobs)) reports.push(await runJob(job, undefined, () => run(now)));
  return reports;
}

/** Every agency job for one agency, as its system actor; one failing job does not stop the next. */
export async function runAgencyJobs(agencyId: string, now: Date): Promise<JobReport[]> {
  await I18n.loadTexts();
  const agency = await Job.agency(agencyId);
  if (!agency) {
    Log.warn("jobs: agency not found; nothing to do", { agencyId });
    return [];
  }
  const reports: JobReport[] = [];
  for (const [job, run] of Object.entries(agencyJobs)) {
    reports.push(await runJob(job, agencyId, () => withActor({ type: "system", agencyId }, () => run(agency, now))));
  }
  return reports;
}

/** How the agency jobs are run: in this process (default), or by a queue (scheduled.ts). */
export type Dispatch = (agencyIds: string[], now: Date) => Promise<JobReport[]>;

const inProcess: Dispatch = async (agencyIds, now) => {
  const reports: JobReport[] = [];
  for (const agencyId of agencyIds) reports.push(...(await runAgencyJobs(agencyId, now)));
  return reports;
};

/** One scheduled run: the global jobs, then every agency's. Answers what happened; never throws for a job. */
export async function runScheduledJobs(now = new Date(), dispatch: Dispatch = inProcess): Promise<RunReport> {
  const global = await runGlobalJobs(now);
  const agencyIds = (await Job.agencies()).map((agency) => agency.agencyId);
  const perAgency = await dispatch(agencyIds, now);
  const jobs = [...global, ...perAgency];
  return { at: now.toISOString(), agencies: agencyIds.length, jobs, failed: jobs.reduce((sum, report) => sum + report.failed, 0) };
}

/** Thrown after a run in which something failed: the invocation fails, the alarm and on-failure destination see it. */
export class JobsFailed extends Error {
  constructor(readonly failures: JobReport[]) {
    super(`${failures.length} scheduled job run(s) failed: ${failures.map((f) => (f.agencyId ? `${f.job} (${f.agencyId})` : f.job)).join(", ")}`);
    this.name = "JobsFailed";
  }
}

export function assertSucceeded(reports: JobReport[]): void {
  const failures = reports.filter((report) => report.failed > 0);
  if (failures.length) throw new JobsFailed(failures);
}
