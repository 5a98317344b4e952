export * as Deferred from "./index.ts";
import { outsideRequestScope, requestScope } from "../db/scope.ts";
import { Log } from "../log/index.ts";

// Work a request starts but must not wait for, because waiting would tell the caller something:
// a sign-in link request for a known address would otherwise wait for SES while an unknown one
// answers at once (account enumeration by timing). The request only enqueues the job, which is
// the same small step whatever the input; the job runs elsewhere. On Lambda that is the worker
// function, invoked asynchronously (packages/functions/src/worker.ts); locally and in tests, the
// same process, after the response.
//
// A request's jobs are held until its handler has finished and handed over together: one
// asynchronous invocation of the worker per request (request submit leaves its emails and its
// webhook event: one Lambda call in the request instead of one per job, one worker run instead of
// several). Outside a request (the scheduled jobs, the worker itself) a job is handed over at once.

export type Job = { kind: string; payload: unknown };
type Handler = (payload: any) => Promise<void>;
/**
 * Hands jobs over to run elsewhere (together, in order); throws if they could not be handed over,
 * `NotAllHandedOver` if only the first of them were.
 */
export type Dispatcher = (jobs: Job[]) => Promise<void>;

/** A dispatcher handed over the first of its jobs but not `left`, the rest. */
export class NotAllHandedOver extends Error {
  constructor(
    readonly left: Job[],
    cause: unknown,
  ) {
    super(`deferred: ${left.length} jobs not handed over`, { cause });
  }
}

const handlers = new Map<string, Handler>();
const pending = new Set<Promise<void>>();
/** The jobs each request being served has enqueued so far, by its request scope (db/scope.ts). */
const held = new WeakMap<object, Job[]>();

/** Runs a job here and now (the worker's entry point, and the in-process dispatcher's). */
export async function run(job: Job): Promise<void> {
  const handler = handlers.get(job.kind);
  if (!handler) throw new Error(`deferred: no handler for ${JSON.stringify(job.kind)}`);
  await handler(job.payload);
}

/**
 * Runs jobs handed over together, one after another: one that fails does not stop the others.
 * Throws at the end if any failed, so the worker's invocation fails and Lambda retries it (every
 * job is safe to run again: each effect is claimed by a conditional write).
 */
export async function runAll(jobs: readonly Job[]): Promise<void> {
  const failures: unknown[] = [];
  for (const job of jobs) {
    try {
      await run(job);
    } catch (error) {
      Log.error(`deferred: ${job.kind} failed`, error);
      failures.push(error);
    }
  }
  if (failures.length) throw new AggregateError(failures, `deferred: ${failures.length} of ${jobs.length} jobs failed`);
}

/** After the current request: errors are logged, as a worker's would be. */
const inProcess: Dispatcher = async (jobs) => {
  const done: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    // The jobs read afresh, not the copies their request kept.
    .then(() => outsideRequestScope(() => runAll(jobs)))
    .catch(() => undefined) // each failure is logged by runAll
    .finally(() => pending.delete(done));
  pending.add(done);
};

let dispatcher: Dispatcher = inProcess;

/** Where jobs go (the Lambda entry point sets the worker's async invocation); null: in this process again. */
export function setDispatcher(next: Dispatcher | null) {
  dispatcher = next ?? inProcess;
}

/**
 * Hands jobs over; those the worker can't be reached for run here rather than be lost (slower,
 * never lost). Jobs it did take are not run again here.
 */
async function handOver(jobs: Job[]): Promise<void> {
  try {
    await dispatcher(jobs);
  } catch (error) {
    const left = error instanceof NotAllHandedOver ? error.left : jobs;
    Log.error(`deferred: could not hand ${left.map((job) => job.kind).join(", ")} to the worker; running them in the request`, error);
    await runAll(left).catch(() => undefined);
  }
}

/** Declares a kind of job and answers the function that enqueues one. */
export function define<P>(kind: string, handler: (payload: P) => Promise<void>): (payload: P) => Promise<void> {
  handlers.set(kind, handler as Handler);
  return async (payload: P) => {
    const job = { kind, payload };
    const scope = requestScope();
    const queue = scope && held.get(scope);
    if (queue) queue.push(job);
    else await handOver([job]);
  };
}

/**
 * Runs a request's handler (inside its request scope) holding the jobs it enqueues, then hands
 * them over together, also when the handler threw: work a committed change left must not be lost.
 */
export async function holdingJobs<R>(handle: () => Promise<R>): Promise<R> {
  const scope = requestScope();
  if (!scope) return handle();
  const queue: Job[] = [];
  held.set(scope, queue);
  try {
    return await handle();
  } finally {
    held.delete(scope);
    if (queue.length) await handOver(queue);
  }
}

/** Resolves once every job started in this process has finished (tests, graceful shutdown). */
export async function settled(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}
