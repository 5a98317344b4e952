import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Deferred } from "@baton/core/deferred";
import { inRequestScope } from "@baton/core/db/scope";
import { MAX_EVENT_BYTES, useWorkerFunction, workerEvent, workerGroups } from "../../packages/functions/src/worker-dispatch.ts";
import { startFakeLambda } from "../support/fake-lambda.ts";
import { captureOutput } from "../support/logs.ts";
import { startApi, waitForEmail, type Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// The work a request leaves behind (its emails, its webhook event) is handed to the worker
// together once the request has answered: one asynchronous invocation per request on AWS, not
// one per job. The dispatcher is the seam the Lambda entry point sets; here it records what it is
// handed and runs it in this process, as the worker would.

let api: Started;
let world: World;
let handedOver: Deferred.Job[][] = [];

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Hand Over Agency");
  await Deferred.settled();
});
afterEach(() => Deferred.setDispatcher(null));
afterAll(async () => {
  Deferred.setDispatcher(null);
  await api.close();
});

/** Records each hand-over, then runs its jobs as the worker does (after the answer). */
function recordingWorker(fail = false) {
  handedOver = [];
  const running = new Set<Promise<void>>();
  Deferred.setDispatcher(async (jobs) => {
    handedOver.push(jobs);
    if (fail) throw new Error("the worker function can't be reached");
    const run = new Promise<void>((resolve) => setImmediate(resolve)).then(() => Deferred.runAll(jobs));
    running.add(run);
  });
  return { done: () => Promise.all(running) };
}

describe("a request's deferred work", () => {
  it("is handed over once, after the handler, with every job it left: the emails and the webhook event", async () => {
    const worker = recordingWorker();
    const reply = await world.contact.post("/requests", { title: "One hand-over", description: "Book the venue.", service: "Events" });
    expect(reply.status).toBe(201);
    expect(handedOver).toHaveLength(1);
    expect(handedOver[0]!.map((job) => job.kind).sort()).toEqual(["email.outbox", "webhook.record"]);
    await worker.done();
    // What the jobs do still happens: the owners are told and the client gets a receipt.
    const owner = await waitForEmail(world.agency.ownerEmail, (e) => e.subject.includes("One hand-over"));
    expect(owner.subject).toBe(`New request ${reply.body.reference}: One hand-over`);
    await waitForEmail(world.people.contact.email, (e) => e.subject.includes(reply.body.reference));
  });

  it("is not handed over by a request that leaves none: a read, a refused write", async () => {
    const worker = recordingWorker();
    const read = await world.owner.get("/requests");
    expect(read.status).toBe(200);
    expect(handedOver).toEqual([]);
    const refused = await world.contact.post("/requests", { title: "", description: "", service: "Events" });
    expect(refused.status).toBe(400);
    expect(handedOver).toEqual([]);
    await worker.done();
  });

  it("runs in the request when the worker can't be reached, so nothing is lost", async () => {
    recordingWorker(true);
    const reply = await world.contact.post("/requests", { title: "Worker down", description: "Send the agenda.", service: "Events" });
    expect(reply.status).toBe(201);
    expect(handedOver).toHaveLength(1);
    // Ran before the answer: the owners' email is already out.
    const owner = await waitForEmail(world.agency.ownerEmail, (e) => e.subject.includes("Worker down"));
    expect(owner.subject).toBe(`New request ${reply.body.reference}: Worker down`);
  });
});

describe("the worker running a request's jobs", () => {
  it("runs every job even when one fails, then fails the invocation so Lambda retries", async () => {
    const ran: string[] = [];
    Deferred.define("test.hand-over.first", async ({ n }: { n: number }) => void ran.push(`first ${n}`));
    Deferred.define("test.hand-over.broken", async () => {
      throw new Error("broken job");
    });
    const jobs: Deferred.Job[] = [
      { kind: "test.hand-over.first", payload: { n: 1 } },
      { kind: "test.hand-over.broken", payload: {} },
      { kind: "test.hand-over.first", payload: { n: 2 } },
    ];
    await expect(Deferred.runAll(jobs)).rejects.toThrow("1 of 3 jobs failed");
    expect(ran).toEqual(["first 1", "first 2"]);
  });
});

describe("the worker's events", () => {
  const job = (n: number, bytes: number): Deferred.Job => ({ kind: "email.outbox", payload: { n, filler: "x".repeat(bytes) } });
  const decode = (event: Uint8Array) => JSON.parse(new TextDecoder().decode(event)) as { jobs: Array<{ payload: { n: number } }> };

  const workerEvents = (jobs: Deferred.Job[], maxBytes?: number) => workerGroups(jobs, maxBytes).map(workerEvent);

  it("carry a request's jobs in one event while they fit, in order", () => {
    const events = workerEvents([job(1, 100), job(2, 100), job(3, 100)]);
    expect(events).toHaveLength(1);
    expect(decode(events[0]!).jobs.map((j) => j.payload.n)).toEqual([1, 2, 3]);
  });

  it("split jobs that don't fit Lambda's event limit into as few events as fit, none over it, order kept", () => {
    const big = Math.floor(MAX_EVENT_BYTES / 3);
    const events = workerEvents([job(1, big), job(2, big), job(3, big), job(4, 10)]);
    expect(events.length).toBe(2);
    for (const event of events) expect(event.byteLength).toBeLessThanOrEqual(MAX_EVENT_BYTES);
    expect(events.flatMap((event) => decode(event).jobs.map((j) => j.payload.n))).toEqual([1, 2, 3, 4]);
  });

  it("fill an event to its last byte, and not one byte over", () => {
    const jobs = [job(1, 40), job(2, 40), job(3, 40)];
    const exact = workerEvent(jobs).byteLength;
    expect(workerEvents(jobs, exact)).toHaveLength(1);
    const split = workerEvents(jobs, exact - 1);
    expect(split.map((event) => decode(event).jobs.map((j) => j.payload.n))).toEqual([[1, 2], [3]]);
    for (const event of split) expect(event.byteLength).toBeLessThanOrEqual(exact - 1);
    // A job bigger than the limit still goes, alone: Lambda's refusal then runs it in the request.
    expect(workerEvents([job(1, 10), job(2, exact), job(3, 10)], exact).map((event) => decode(event).jobs.length)).toEqual([1, 1, 1]);
  });
});

describe("the hand-over to the worker function on AWS", () => {
  it("sends a request's jobs as asynchronous invocations, and runs here only those Lambda refused", async () => {
    const lambda = await startFakeLambda();
    const names = ["BATON_WORKER_FUNCTION", "AWS_ENDPOINT_URL_LAMBDA", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"] as const;
    const saved = names.map((name) => process.env[name]);
    Object.assign(process.env, { BATON_WORKER_FUNCTION: "baton-worker", AWS_ENDPOINT_URL_LAMBDA: lambda.endpoint, AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test" });
    const ranHere: number[] = [];
    const enqueue = Deferred.define("test.hand-over.split", async ({ n }: { n: number; filler: string }) => void ranHere.push(n));
    const filler = "x".repeat(Math.floor(MAX_EVENT_BYTES * 0.6));
    // A request that leaves three jobs: the first two don't fit in one event together.
    const request = () =>
      inRequestScope(() =>
        Deferred.holdingJobs(async () => {
          await enqueue({ n: 1, filler });
          await enqueue({ n: 2, filler });
          await enqueue({ n: 3, filler: "" });
        }),
      );
    const numbers = (invocations: typeof lambda.accepted) => invocations.map((i) => (i.event as { jobs: Array<{ payload: { n: number } }> }).jobs.map((j) => j.payload.n));
    const output = captureOutput();
    try {
      useWorkerFunction();
      await request();
      expect(numbers(lambda.accepted)).toEqual([[1], [2, 3]]);
      expect(lambda.accepted.map((i) => [i.functionName, i.invocationType])).toEqual([
        ["baton-worker", "Event"],
        ["baton-worker", "Event"],
      ]);
      expect(ranHere).toEqual([]);

      // Lambda takes the first event, then refuses: only the jobs it did not take run here, once.
      lambda.accepted.length = 0;
      lambda.refuseAfter(1);
      await request();
      expect(numbers(lambda.accepted)).toEqual([[1]]);
      expect(numbers(lambda.refused)).toEqual([[2, 3]]);
      expect(ranHere).toEqual([2, 3]);
      expect(output.text()).toContain("could not hand test.hand-over.split, test.hand-over.split to the worker");
    } finally {
      output.stop();
      Deferred.setDispatcher(null);
      names.forEach((name, i) => (saved[i] === undefined ? delete process.env[name] : (process.env[name] = saved[i])));
      await lambda.close();
    }
  });
});
