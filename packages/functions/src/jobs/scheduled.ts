import { Invoices } from "@baton/core/invoice";
import { loadSstEnvironment } from "../sst-runtime.ts";

loadSstEnvironment();

/**
 * Runs every 15 minutes (infra/api.ts). Each job is idempotent (it claims every effect with a
 * conditional write first), so a retried or doubled run changes nothing. One failing job does
 * not stop the others.
 */
export const handler = async () => {
  const jobs = {
    retainerInvoices: () => Invoices.MoneyJobs.issueRetainers(),
    overdueReminders: () => Invoices.MoneyJobs.remindOverdue(),
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
  console.log("scheduled:", new Date().toISOString(), JSON.stringify(outcomes));
  return outcomes;
};
