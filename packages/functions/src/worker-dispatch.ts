import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { Deferred } from "@baton/core/deferred";

/**
 * On Lambda, deferred jobs (packages/core/src/deferred) go to the worker function as asynchronous
 * invocations: Lambda queues the event and answers at once, so the request that started the job
 * never waits for it. Without BATON_WORKER_FUNCTION (locally, in tests) jobs run in-process.
 */
export function useWorkerFunction() {
  const functionName = process.env.BATON_WORKER_FUNCTION;
  if (!functionName) return;
  const lambda = new LambdaClient({});
  Deferred.setDispatcher(async (job) => {
    await lambda.send(new InvokeCommand({ FunctionName: functionName, InvocationType: "Event", Payload: new TextEncoder().encode(JSON.stringify(job)) }));
  });
}
