import { describe, expect, it } from "vitest";
import { busyTime, costPer1000, sequentialSteps, latency, percentile, PRICES, ratio, uploadCostPer1000 } from "../../bench/stats.ts";

// The benchmark's arithmetic (bench/stats.ts): no timing is asserted anywhere, only the maths.

describe("percentile", () => {
  it("takes the nearest rank of the sorted samples", () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 10)).toBe(1);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile(samples, 100)).toBe(10);
  });

  it("is NaN without samples and the sample itself for one", () => {
    expect(percentile([], 50)).toBeNaN();
    expect(percentile([42], 99)).toBe(42);
  });

  it("summarises p50, p95, p99, mean and max", () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(latency(samples)).toEqual({ p50: 50, p95: 95, p99: 99, mean: 50.5, max: 100 });
  });
});

describe("ratio", () => {
  it("divides, or says nothing when it can't", () => {
    expect(ratio(30, 10)).toBe(3);
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(Number.NaN, 2)).toBeNull();
    expect(ratio(null, 2)).toBeNull();
  });
});

describe("busyTime", () => {
  it("counts overlapping calls once and gaps not at all", () => {
    expect(busyTime([[0, 10], [5, 15], [20, 25]])).toBe(20);
    expect(busyTime([[20, 25], [0, 10], [2, 3]])).toBe(15);
    expect(busyTime([])).toBe(0);
  });
});

describe("sequentialSteps", () => {
  it("counts calls in flight together as one step, and a call that starts as the last ends as the next", () => {
    expect(sequentialSteps([[0, 10], [2, 8], [10, 20], [25, 30]])).toBe(3);
    expect(sequentialSteps([[5, 9], [0, 10]])).toBe(1);
    expect(sequentialSteps([])).toBe(0);
  });
});

describe("costPer1000", () => {
  it("prices request units, Lambda time at 512 MB, one HTTP API request and the emails", () => {
    const cost = costPer1000({ readUnits: 8, writeUnits: 4, durationMs: 99.2, responseBytes: 2_000, emails: 1 });
    expect(cost.dynamo).toBeCloseTo(1000 * (8 * PRICES.dynamoReadUnit + 4 * PRICES.dynamoWriteUnit), 12);
    // 100 ms (rounded up) at 0.5 GB, plus the invocation fee.
    expect(cost.lambda).toBeCloseTo(1000 * (0.5 * 0.1 * PRICES.lambdaGbSecond + PRICES.lambdaRequest), 12);
    expect(cost.apiGateway).toBeCloseTo(1000 * PRICES.httpApiRequest, 12);
    expect(cost.ses).toBeCloseTo(1000 * PRICES.sesEmail, 12);
    expect(cost.total).toBeCloseTo(cost.dynamo + cost.lambda + cost.apiGateway + cost.ses, 12);
  });

  it("adds the work left behind the answer: its request units, and the worker's invocation for its time when it did any", () => {
    const call = { readUnits: 4, writeUnits: 21, durationMs: 40, responseBytes: 700, emails: 2 };
    const alone = costPer1000(call);
    const withAfter = costPer1000({ ...call, afterAnswer: { roundTrips: 11, readUnits: 6, writeUnits: 24, ms: 30.5 } });
    expect(withAfter.dynamo - alone.dynamo).toBeCloseTo(1000 * (6 * PRICES.dynamoReadUnit + 24 * PRICES.dynamoWriteUnit), 12);
    // 31 ms (rounded up) at 0.5 GB, plus a second invocation fee.
    expect(withAfter.lambda - alone.lambda).toBeCloseTo(1000 * (0.5 * 0.031 * PRICES.lambdaGbSecond + PRICES.lambdaRequest), 12);
    // A read that leaves nothing behind costs no worker.
    const read = { readUnits: 8, writeUnits: 0, durationMs: 20, responseBytes: 9_000, emails: 0 };
    expect(costPer1000({ ...read, afterAnswer: { roundTrips: 0, readUnits: 0, writeUnits: 0, ms: 0.2 } })).toEqual(costPer1000(read));
  });

  it("prices S3 PUT- and GET-class requests, and an upload as presign + the browser's POST + confirm", () => {
    const start = costPer1000({ readUnits: 1, writeUnits: 2, durationMs: 10, responseBytes: 1_000, emails: 0 });
    const confirm = costPer1000({ readUnits: 2, writeUnits: 6, durationMs: 20, responseBytes: 1_000, emails: 0, s3Gets: 2 });
    expect(start.s3).toBe(0);
    expect(confirm.s3).toBeCloseTo(1000 * 2 * PRICES.s3GetRequest, 12);
    const upload = uploadCostPer1000(start, confirm);
    expect(upload.s3).toBeCloseTo(1000 * (PRICES.s3PutRequest + 2 * PRICES.s3GetRequest), 12);
    expect(upload.apiGateway).toBeCloseTo(2 * 1000 * PRICES.httpApiRequest, 12);
    expect(upload.total).toBeCloseTo(start.total + confirm.total + 1000 * PRICES.s3PutRequest, 12);
  });

  it("meters HTTP API responses in 512 KB units", () => {
    const small = costPer1000({ readUnits: 0, writeUnits: 0, durationMs: 1, responseBytes: 512 * 1024, emails: 0 });
    const large = costPer1000({ readUnits: 0, writeUnits: 0, durationMs: 1, responseBytes: 512 * 1024 + 1, emails: 0 });
    expect(large.apiGateway).toBeCloseTo(2 * small.apiGateway, 12);
  });
});
