import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Deferred } from "@baton/core/deferred";
import { MAX_EVENT_BYTES, workerEvents } from "../../packages/functions/src/worker-dispatch.ts";
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
});
