import { SendMessageBatchCommand, SQSClient } from "@aws-sdk/client-sqs";
import type { Dispatch } from "./run.ts";

// The fan-out on AWS: one message per agency on the jobs queue (infra/jobs.ts), sent ten to a
// call (SQS's batch limit). The worker (agency.ts) runs each agency's jobs in an invocation of its
// own; a failed one is retried by SQS and, after its last try, kept in the dead-letter queue,
// whose alarm reaches the operator.

export type AgencyMessage = { agencyId: string; at: string };

const BATCH = 10;
let sqs: SQSClient | undefined;

export function queueDispatch(queueUrl: string): Dispatch {
  return async (agencyIds, now) => {
    sqs ??= new SQSClient({});
    for (let i = 0; i < agencyIds.length; i += BATCH) {
      const entries = agencyIds.slice(i, i + BATCH).map((agencyId, n) => ({
        Id: String(n),
        MessageBody: JSON.stringify({ agencyId, at: now.toISOString() } satisfies AgencyMessage),
      }));
      const sent = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
      if (sent.Failed?.length) {
        throw new Error(`The jobs queue refused ${sent.Failed.length} of ${entries.length} agency messages (${sent.Failed.map((f) => f.Code).join(", ")})`);
      }
    }
    // The agencies' outcomes are the worker's to report.
    return [];
  };
}
