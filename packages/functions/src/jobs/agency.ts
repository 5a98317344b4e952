// First: deployed functions skip ElectroDB's per-entity model check (tests/core/models.test.ts runs it).
import "@baton/core/db/trusted-models";
import type { SQSBatchResponse, SQSEvent } from "aws-lambda";
import { Log } from "@baton/core/log";
import { loadSstEnvironment } from "../sst-runtime.ts";
import type { AgencyMessage } from "./queue.ts";

await loadSstEnvironment();
// Imported after the environment is complete: the core reads its table's name when first loaded.
const { runAgencyJobs } = await import("./run.ts");

/**
 * One agency's jobs per queue message (infra/jobs.ts). A message whose jobs failed is reported
 * back as a batch item failure: SQS tries it again after the visibility timeout and, after the
 * last try, moves it to the dead-letter queue (an alarm). Messages that succeeded are not retried.
 */
export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const batchItemFailures: SQSBatchResponse["batchItemFailures"] = [];
  for (const record of event.Records) {
    const message = parse(record.body);
    if (!message) {
      // Not ours to retry: a malformed message would fail the same way every time.
      Log.error("jobs: malformed agency message; dropped", undefined, { messageId: record.messageId });
      continue;
    }
    const reports = await runAgencyJobs(message.agencyId, new Date(message.at));
    if (reports.some((report) => report.failed > 0)) batchItemFailures.push({ itemIdentifier: record.messageId });
  }
  return { batchItemFailures };
};

function parse(body: string): AgencyMessage | null {
  try {
    const value = JSON.parse(body) as Partial<AgencyMessage>;
    if (typeof value.agencyId === "string" && /^agy_[0-9a-z]{26}$/.test(value.agencyId) && typeof value.at === "string" && !Number.isNaN(Date.parse(value.at))) {
      return { agencyId: value.agencyId, at: value.at };
    }
  } catch {
    // Falls through to null.
  }
  return null;
}
