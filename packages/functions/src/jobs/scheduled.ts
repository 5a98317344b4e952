// First: deployed functions skip ElectroDB's per-entity model check (tests/core/models.test.ts runs it).
import "@baton/core/db/trusted-models";
import { Log } from "@baton/core/log";
import { loadSstEnvironment } from "../sst-runtime.ts";
import { queueDispatch } from "./queue.ts";

await loadSstEnvironment();
// Imported after the environment is complete: the core reads its table's name when first loaded.
const { assertSucceeded, runScheduledJobs } = await import("./run.ts");

/**
 * Every 15 minutes (infra/jobs.ts): the global jobs here, then one queue message per agency for
 * the worker. Throws when a job failed, after all of them ran, so the invocation counts as an
 * error (the JobErrors alarm) and the event goes to the on-failure destination.
 */
export const handler = async () => {
  const queueUrl = process.env.BATON_JOBS_QUEUE_URL;
  if (!queueUrl) throw new Error("BATON_JOBS_QUEUE_URL is not set: the stack gives it to this function");
  return Log.withContext({ job: "scheduled" }, async () => {
    const report = await runScheduledJobs(new Date(), queueDispatch(queueUrl));
    Log.info("scheduled: run dispatched", { agencies: report.agencies, failed: report.failed });
    assertSucceeded(report.jobs);
    return { at: report.at, agencies: report.agencies };
  });
};
