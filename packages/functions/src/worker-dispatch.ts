import type { LambdaClient } from "@aws-sdk/client-lambda";
import { Deferred } from "@baton/core/deferred";

/**
 * On Lambda, deferred jobs (packages/core/src/deferred) go to the worker function as asynchronous
 * invocations: Lambda queues the event and answers at once, so the request that started the job
 * never waits for it. Without BATON_WORKER_FUNCTION (locally, in tests) jobs run in-process.
 */
export function useWorkerFunction() {
  const functionName = process.env.BATON_WORKER_FUNCTION;
  if (!functionName) return;
  // The Lambda client is loaded by the first job a request defers, not at the API's cold start.
  let lambda: Promise<{ client: LambdaClient; InvokeCommand: typeof import("@aws-sdk/client-lambda").InvokeCommand }> | undefined;
  Deferred.setDispatcher(async (job) => {
    const { client, InvokeCommand } = await (lambda ??= import("@aws-sdk/client-lambda").then(({ LambdaClient, InvokeCommand }) => ({ client: new LambdaClient({}), InvokeCommand })));
    await client.send(new InvokeCommand({ FunctionName: functionName, InvocationType: "Event", Payload: new TextEncoder().encode(JSON.stringify(job)) }));
  });
}
