export * as Deferred from "./index.ts";
import { outsideRequestScope } from "../db/scope.ts";
import { Log } from "../log/index.ts";

// Work a request starts but must not wait for, because waiting would tell the caller something:
// a sign-in link request for a known address would otherwise wait for SES while an unknown one
// answers at once (account enumeration by timing). The request only enqueues the job, which is
// the same small step whatever the input; the job runs elsewhere. On Lambda that is the worker
// function, invoked asynchronously (packages/functions/src/worker.ts); locally and in tests, the
// same process, after the response.

export type Job = { kind: string; payload: unknown };
type Handler = (payload: any) => Promise<void>;
export type Dispatcher = (job: Job) => Promise<void>;

const handlers = new Map<string, Handler>();
const pending = new Set<Promise<void>>();

/** Runs a job here and now (the worker's entry point, and the in-process dispatcher's). */
export async function run(job: Job): Promise<void> {
  const handler = handlers.get(job.kind);
  if (!handler) throw new Error(`deferred: no handler for ${JSON.stringify(job.kind)}`);
  await handler(job.payload);
}

/** After the current request: errors are logged, as a worker's would be. */
const inProcess: Dispatcher = async (job) => {
  const done: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    // The job reads afresh, not the copies its request kept.
    .then(() => outsideRequestScope(() => run(job)))
    .catch((error) => Log.error(`deferred: ${job.kind} failed`, error))
    .finally(() => pending.delete(done));
  pending.add(done);
};

let dispatcher: Dispatcher = inProcess;

/** Where jobs go (the Lambda entry point sets the worker's async invocation). */
export function setDispatcher(next: Dispatcher) {
  dispatcher = next;
}

/** Declares a kind of job and answers the function that enqueues one. */
export function define<P>(kind: string, handler: (payload: P) => Promise<void>): (payload: P) => Promise<void> {
  handlers.set(kind, handler as Handler);
  return async (payload: P) => {
    const job = { kind, payload };
    try {
      await dispatcher(job);
    } catch (error) {
      // The worker can't be reached: do it here rather than lose it (slower, never lost).
      Log.error(`deferred: could not hand ${kind} to the worker; running it in the request`, error);
      await run(job);
    }
  };
}

/** Resolves once every job started in this process has finished (tests, graceful shutdown). */
export async function settled(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}
