import { raw } from "../log/index.ts";

export * as Metrics from "./index.ts";

// Business and job metrics as CloudWatch Embedded Metric Format: one JSON line per data point on
// stdout, which CloudWatch turns into metrics with no API call and no extra permission. The
// namespace is set by the stack (BATON_METRICS_NAMESPACE, e.g. Baton/prod) and the alarms in
// infra/monitoring.ts read the same names; without it (locally, in tests) nothing is written.
// Dimensions stay few and low-cardinality (never an agency or a person): each combination is a
// metric that costs money.

export const Names = {
  emailsSent: "EmailsSent",
  /** SES refused or was unreachable: the email waits in the outbox. */
  emailsQueued: "EmailsQueued",
  /** The outbox gave up after its last attempt. */
  emailsFailed: "EmailsFailed",
  /** Not sent because the address bounced or complained before. */
  emailsSuppressed: "EmailsSuppressed",
  /** Bounces and complaints SES reported, by type. */
  emailFeedback: "EmailFeedback",
  outboxOldestAgeSeconds: "OutboxOldestAgeSeconds",
  outboxPending: "OutboxPending",
  paymentsRecorded: "PaymentsRecorded",
  signInLinksRequested: "SignInLinksRequested",
  signIns: "SignIns",
  jobRuns: "JobRuns",
  jobFailures: "JobFailures",
  jobDurationMs: "JobDurationMs",
} as const;

export type MetricName = (typeof Names)[keyof typeof Names];
export type Unit = "Count" | "Seconds" | "Milliseconds";

export function namespace(): string | undefined {
  return process.env.BATON_METRICS_NAMESPACE || undefined;
}

/**
 * Emits one data point; `dimensions` are part of the metric's identity, `properties` only
 * searchable. With dimensions, the point is also put without them (one total an alarm can watch).
 */
export function put(
  name: MetricName,
  value: number,
  options: { unit?: Unit; dimensions?: Record<string, string>; properties?: Record<string, string | number> } = {},
): void {
  const ns = namespace();
  if (!ns) return;
  const dimensions = options.dimensions ?? {};
  const keys = Object.keys(dimensions);
  raw({
    _aws: {
      Timestamp: Date.now(),
      CloudWatchMetrics: [{ Namespace: ns, Dimensions: keys.length ? [keys, []] : [[]], Metrics: [{ Name: name, Unit: options.unit ?? "Count" }] }],
    },
    ...options.properties,
    ...dimensions,
    [name]: value,
  });
}

export const count = (name: MetricName, dimensions?: Record<string, string>, value = 1) => put(name, value, { dimensions });
