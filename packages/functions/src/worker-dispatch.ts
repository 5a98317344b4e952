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
    const groups = workerGroups(jobs);
    for (const [index, group] of groups.entries()) {
      try {
        await client.send(new InvokeCommand({ FunctionName: functionName, InvocationType: "Event", Payload: workerEvent(group) }));
      } catch (error) {
        // The groups before this one are with the worker already: only the rest is left to run.
        throw new Deferred.NotAllHandedOver(groups.slice(index).flat(), error);
      }
    }
  });
}

/** Lambda's limit on an asynchronous invocation's event, less room for its envelope. */
export const MAX_EVENT_BYTES = 250 * 1024;

const encoder = new TextEncoder();
/** The worker's event for a group of jobs: `{ jobs: [...] }`. */
export const workerEvent = (jobs: readonly Deferred.Job[]) => encoder.encode(JSON.stringify({ jobs }));
/** The bytes of an event with no job: `{"jobs":[]}`. */
const EMPTY_EVENT_BYTES = workerEvent([]).byteLength;

/**
 * `jobs` in order, in as few groups as fit in one event each. An event's size is summed from its
 * jobs' (each job encoded once, and a comma between two), not encoded again for each job added.
 */
export function workerGroups(jobs: readonly Deferred.Job[], maxBytes = MAX_EVENT_BYTES): Deferred.Job[][] {
  const groups: Deferred.Job[][] = [];
  let group: Deferred.Job[] = [];
  let bytes = EMPTY_EVENT_BYTES;
  for (const job of jobs) {
    const jobBytes = encoder.encode(JSON.stringify(job)).byteLength;
    if (group.length && bytes + 1 + jobBytes > maxBytes) {
      groups.push(group);
      group = [];
      bytes = EMPTY_EVENT_BYTES;
    }
    bytes += (group.length ? 1 : 0) + jobBytes;
    group.push(job);
  }
  if (group.length) groups.push(group);
  return groups;
}
