import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { latency, type Latency } from "./stats.ts";
import type { Trace } from "./instrument.ts";

// The two ways an endpoint is measured: one call at a time with the server's trace of it
// (round trips, capacity, DynamoDB time), and under load with autocannon.

/** One HTTP call as the bench makes it. `next` gives a fresh call each time (writes need their own target). */
export type Call = { method: "GET" | "POST"; path: string; headers: Record<string, string>; body?: string };

/** One call with the server's trace of it (client-side latency in ms). */
export async function callOnce(baseUrl: string, call: Call): Promise<{ ms: number; status: number; bytes: number; trace: Trace | null }> {
  const start = performance.now();
  const response = await fetch(`${baseUrl}${call.path}`, {
    method: call.method,
    headers: { ...call.headers, "x-bench-trace": "1" },
    ...(call.body ? { body: call.body } : {}),
  });
  const body = await response.arrayBuffer();
  const header = response.headers.get("x-bench-trace");
  const trace = header ? (JSON.parse(header) as Trace) : null;
  // The server held the answer back while the call's work after it ran (to count its emails): not the caller's wait.
  const ms = performance.now() - start - (trace?.afterAnswerMs ?? 0);
  return { ms, status: response.status, bytes: body.byteLength, trace };
}

export type Loaded = {
  connections: number;
  seconds: number;
  requests: number;
  /** Responses per second (any status). */
  rps: number;
  latency: Latency;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
};

/** Runs autocannon for `seconds`, or for exactly `amount` calls when given (each write target used once). */
export async function load(baseUrl: string, next: () => Call, options: { connections: number; seconds: number; amount?: number }): Promise<Loaded> {
  const samples: number[] = [];
  const statuses: Record<string, number> = {};
  const first = next();
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const done = new Promise<autocannon.Result>((resolveDone, rejectDone) => {
    finish = resolveDone;
    fail = rejectDone;
  });
  const instance = autocannon({
    url: baseUrl,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds }),
    timeout: 60,
    requests: [
      {
        method: first.method,
        path: first.path,
        headers: first.headers,
        ...(first.body ? { body: first.body } : {}),
        setupRequest: (request) => {
          const call = next();
          return { ...request, method: call.method, path: call.path, headers: call.headers, ...(call.body ? { body: call.body } : {}) };
        },
      },
    ],
  }, (error, result) => (error ? fail(error) : finish(result)));
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    samples.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await done;
  return {
    connections: options.connections,
    seconds: result.duration,
    requests: samples.length,
    rps: samples.length / result.duration,
    latency: latency(samples),
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
