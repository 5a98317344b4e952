import { loadSstEnvironment } from "../sst-runtime.ts";

loadSstEnvironment();

/**
 * Runs every 15 minutes (infra/api.ts). The scheduled jobs (digests, reminders, retainer
 * invoices) register here as they are built; until then it only confirms the schedule fires.
 */
export const handler = async () => {
  console.log("scheduled: tick", new Date().toISOString());
};
