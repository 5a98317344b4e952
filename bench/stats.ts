// Pure helpers: percentiles, ratios and the cost model. No I/O, so tests/core/bench-format.test.ts
// can pin them.

/** Nearest-rank percentile (p in 0..100) of unsorted samples; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export type Latency = { p50: number; p95: number; p99: number; mean: number; max: number };

export function latency(samples: readonly number[]): Latency {
  const mean = samples.length ? samples.reduce((sum, value) => sum + value, 0) / samples.length : Number.NaN;
  return {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    mean,
    max: samples.length ? Math.max(...samples) : Number.NaN,
  };
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

/** a / b, or null when either is missing or b is zero. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return a / b;
}

/**
 * AWS list prices for us-east-1 used by the estimate. Written down offline from the public
 * pricing pages as known at PRICES_AS_OF (DynamoDB on-demand after its 1 Nov 2024 price cut);
 * check them before relying on the estimate.
 */
export const PRICES_AS_OF = "public list prices as of mid-2025, written down offline and not re-checked";
export const PRICES = {
  /** DynamoDB on-demand, per read request unit (4 KB strongly consistent read, or 2 eventually consistent). */
  dynamoReadUnit: 0.125 / 1e6,
  /** DynamoDB on-demand, per write request unit (1 KB; transactional writes count double). */
  dynamoWriteUnit: 0.625 / 1e6,
  /** Lambda arm64, per GB-second of duration (billed per 1 ms). */
  lambdaGbSecond: 0.0000133334,
  /** Lambda, per invocation. */
  lambdaRequest: 0.2 / 1e6,
  /** API Gateway HTTP API, per request (first 300 million a month; 512 KB metering units). */
  httpApiRequest: 1.0 / 1e6,
  /** SES, per outbound email. */
  sesEmail: 0.1 / 1000,
  /** S3 Standard, per PUT, COPY, POST or LIST request (an upload, each part of one, completing one). */
  s3PutRequest: 0.005 / 1000,
  /** S3 Standard, per GET or HEAD request (the confirm's checks, each download). */
  s3GetRequest: 0.0004 / 1000,
} as const;

/** infra/api.ts via sst.config.ts's default function props: arm64, 512 MB. */
export const LAMBDA_MEMORY_MB = 512;

export type CallCost = {
  /** USD per 1,000 calls of the endpoint. */
  dynamo: number;
  lambda: number;
  apiGateway: number;
  ses: number;
  s3: number;
  total: number;
};

/**
 * Estimated cost of 1,000 calls: DynamoDB request units as consumed, Lambda duration (rounded up
 * to the millisecond) at the configured memory plus the invocation fee, one HTTP API request each
 * (responses over 512 KB count as several), the emails the call sends and its S3 requests.
 */
export function costPer1000(
  call: {
    readUnits: number;
    writeUnits: number;
    durationMs: number;
    responseBytes: number;
    emails: number;
    s3Puts?: number;
    s3Gets?: number;
    /** The work left behind the answer: its DynamoDB units, and its time in the worker function (a second invocation) when there was any. */
    afterAnswer?: { roundTrips: number; readUnits: number; writeUnits: number; ms: number };
  },
  memoryMb = LAMBDA_MEMORY_MB,
): CallCost {
  const after = call.afterAnswer;
  const dynamo = (call.readUnits + (after?.readUnits ?? 0)) * PRICES.dynamoReadUnit + (call.writeUnits + (after?.writeUnits ?? 0)) * PRICES.dynamoWriteUnit;
  const invocation = (ms: number) => (memoryMb / 1024) * (Math.ceil(ms) / 1000) * PRICES.lambdaGbSecond + PRICES.lambdaRequest;
  const lambda = invocation(call.durationMs) + (after && (after.roundTrips > 0 || call.emails > 0) ? invocation(after.ms) : 0);
  const apiGateway = Math.max(1, Math.ceil(call.responseBytes / (512 * 1024))) * PRICES.httpApiRequest;
  const ses = call.emails * PRICES.sesEmail;
  const s3 = (call.s3Puts ?? 0) * PRICES.s3PutRequest + (call.s3Gets ?? 0) * PRICES.s3GetRequest;
  const scale = (usd: number) => usd * 1000;
  return {
    dynamo: scale(dynamo),
    lambda: scale(lambda),
    apiGateway: scale(apiGateway),
    ses: scale(ses),
    s3: scale(s3),
    total: scale(dynamo + lambda + apiGateway + ses + s3),
  };
}

/**
 * One upload as a whole, per 1,000: the presign call, the browser's POST straight to S3 (one PUT
 * request, no Lambda), and the confirm call with its HEAD and ranged GET.
 */
export function uploadCostPer1000(start: CallCost, confirm: CallCost): CallCost {
  const browserPost = 1000 * PRICES.s3PutRequest;
  const sum = (pick: (cost: CallCost) => number) => pick(start) + pick(confirm);
  return {
    dynamo: sum((c) => c.dynamo),
    lambda: sum((c) => c.lambda),
    apiGateway: sum((c) => c.apiGateway),
    ses: sum((c) => c.ses),
    s3: sum((c) => c.s3) + browserPost,
    total: sum((c) => c.total) + browserPost,
  };
}

/** The union length of possibly overlapping [start, end] intervals: time with at least one call in flight. */
/** Sequential steps: how many of the calls started after every earlier one had ended (calls in flight together are one step). */
export function sequentialSteps(intervals: ReadonlyArray<readonly [number, number]>): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let steps = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const [from, to] of sorted) {
    if (from >= end) steps++;
    end = Math.max(end, to);
  }
  return steps;
}

export function busyTime(intervals: ReadonlyArray<readonly [number, number]>): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let start = Number.NEGATIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const [from, to] of sorted) {
    if (from > end) {
      if (end > start) total += end - start;
      start = from;
      end = to;
    } else if (to > end) {
      end = to;
    }
  }
  if (end > start) total += end - start;
  return total;
}
