import { loadSstEnvironment } from "../sst-runtime.ts";
import { runScheduledJobs } from "./run.ts";

loadSstEnvironment();

/** Runs every 15 minutes (infra/api.ts): every scheduled job, once. */
export const handler = async () => {
  const outcomes = await runScheduledJobs();
  console.log("scheduled:", new Date().toISOString(), JSON.stringify(outcomes));
  return outcomes;
};
