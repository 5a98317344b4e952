import type { LambdaClient } from "@aws-sdk/client-lambda";
import { Deferred } from "@baton/core/deferred";

/**
 * On Lambda, deferred jobs (packages/core/src/deferred) go to the worker function as asynchronous
 * invocations: Lambda queues the event and answers at once, so the request that started the jobs
 * never waits for them. A request's jobs go together, in one invocation while they fit in Lambda's
 * event payload (256 KB), else in as few as they fit in. Without BATON_WORKER_FUNCTION (locally,
 * in tests) jobs run in-process.
 */
export function useWorkerFunction() {
  const functionName = process.env.BATON_WORKER_FUNCTION;
  if (!functionName) return;
  // The Lambda client is loaded by the first job a request defers, not at the API's cold start.
  let lambda: Promise<{ client: LambdaClient; InvokeCommand: typeof import("@aws-sdk/client-lambda").InvokeCommand }> | undefined;
  Deferred.setDispatcher(async (jobs) => {
    const { client, InvokeCommand } = await (lambda ??= import("@aws-sdk/client-lambda").then(({ LambdaClient, InvokeCommand }) => ({ client: new LambdaClient({}), InvokeCommand })));
    for (const payload of workerEvents(jobs)) {
      await client.send(new InvokeCommand({ FunctionName: functionName, InvocationType: "Event", Payload: payload }));
    }
  });
}

/** Lambda's limit on an asynchronous invocation's event, less room for its envelope. */
export const MAX_EVENT_BYTES = 250 * 1024;

/** The worker's events for `jobs`, in order: `{ jobs: [...] }`, as many jobs in each as fit. */
export function workerEvents(jobs: readonly Deferred.Job[], maxBytes = MAX_EVENT_BYTES): Uint8Array[] {
  const encoder = new TextEncoder();
  const events: Uint8Array[] = [];
  let group: Deferred.Job[] = [];
  const encode = (list: Deferred.Job[]) => encoder.encode(JSON.stringify({ jobs: list }));
  for (const job of jobs) {
    if (group.length && encode([...group, job]).byteLength > maxBytes) {
      events.push(encode(group));
      group = [];
    }
    group.push(job);
  }
  if (group.length) events.push(encode(group));
  return events;
}
