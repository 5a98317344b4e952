import { Duration } from "aws-cdk-lib/core";
import { CfnBudget } from "aws-cdk-lib/aws-budgets";
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
  type IMetric,
} from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { PolicyStatement, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import type { Function as CdkFunction } from "aws-cdk-lib/aws-lambda";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { use, type StackContext } from "sst/constructs";
import { Api } from "./api.ts";
import { JOB_LIMITS, Jobs } from "./jobs.ts";
import { metricsNamespace } from "./runtime.ts";
import { Storage } from "./storage.ts";

// Alarms that reach someone: one SNS topic (an email subscription from BATON_ALARM_EMAIL), an
// alarm for each way Baton can be failing its users, and a dashboard. Each alarm's description
// names its runbook in the README ("Operating Baton"); the thresholds are here, in one table.

export const THRESHOLDS = {
  /** Share of API requests answered 5xx, in %, over 5 minutes (with at least MIN_REQUESTS). */
  api5xxPercent: 5,
  minRequests: 20,
  /** Lambda duration, as a share of the function's timeout. */
  durationOfTimeout: 0.8,
  /** SES's review starts at 5 % bounces and 0.1 % complaints: warn before. */
  sesBounceRate: 0.04,
  sesComplaintRate: 0.0008,
  /** Oldest email still waiting in the outbox, in seconds. */
  outboxAgeSeconds: 3600,
  /** Oldest agency message waiting for the worker, in seconds. */
  agencyQueueAgeSeconds: 1800,
} as const;

const API_TIMEOUT_SECONDS = 10;

export function Monitoring({ stack, app }: StackContext) {
  const { api, handler, worker } = use(Api);
  const jobs = use(Jobs);
  const { active } = use(Storage);
  const namespace = metricsNamespace(app.stage);

  const topic = new Topic(stack, "Alarms", { displayName: `Baton ${app.stage}: alarms` });
  const alarmEmail = process.env.BATON_ALARM_EMAIL || undefined;
  if (alarmEmail) topic.addSubscription(new EmailSubscription(alarmEmail));
  const notify = new SnsAction(topic);

  const five = Duration.minutes(5);
  const alarms: Alarm[] = [];
  const alarm = (id: string, metric: IMetric, threshold: number, runbook: string, what: string) => {
    const made = new Alarm(stack, id, {
      alarmName: `baton-${app.stage}-${id}`,
      alarmDescription: `${what} Runbook: README.md, "Operating Baton" → "${runbook}".`,
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    made.addAlarmAction(notify);
    made.addOkAction(notify);
    alarms.push(made);
    return made;
  };
  const custom = (metricName: string, statistic: string, period: Duration) => new Metric({ namespace, metricName, statistic, period });

  // The API: a share of 5xx, not a count, so a busy hour doesn't page and a quiet one can.
  const requests = api.cdk.httpApi.metricCount({ period: five, statistic: "Sum" });
  const serverErrors = api.cdk.httpApi.metricServerError({ period: five, statistic: "Sum" });
  alarm(
    "Api5xxRate",
    new MathExpression({
      expression: `IF(requests >= ${THRESHOLDS.minRequests}, 100 * errors / requests, 0)`,
      usingMetrics: { requests, errors: serverErrors },
      period: five,
      label: "API 5xx %",
    }),
    THRESHOLDS.api5xxPercent,
    "API errors",
    `More than ${THRESHOLDS.api5xxPercent} % of API requests answered 5xx over 5 minutes.`,
  );

  // Every function: errors, throttles, and runs that come close to the timeout.
  const functions: [string, CdkFunction, number, string][] = [
    ["Api", handler, API_TIMEOUT_SECONDS, "API errors"],
    ["Worker", worker, API_TIMEOUT_SECONDS, "API errors"],
    ["ScheduledJobs", jobs.scheduled, JOB_LIMITS.scheduled.timeout, "A job failed"],
    ["AgencyJobs", jobs.worker, JOB_LIMITS.agency.timeout, "A job failed"],
    ["EmailFeedback", jobs.feedback, JOB_LIMITS.feedback.timeout, "Bounces and complaints"],
    ["Notifications", jobs.notifications, JOB_LIMITS.notifications.timeout, "Email waiting in the outbox"],
  ];
  for (const [name, fn, timeout, runbook] of functions) {
    alarm(`${name}Errors`, fn.metricErrors({ period: five, statistic: "Sum" }), 1, runbook, `The ${name} function failed at least once in 5 minutes.`);
    alarm(`${name}Throttles`, fn.metricThrottles({ period: five, statistic: "Sum" }), 1, "Throttling", `The ${name} function was throttled (no concurrency left).`);
    alarm(
      `${name}NearTimeout`,
      fn.metricDuration({ period: five, statistic: "Maximum" }),
      Math.round(timeout * 1000 * THRESHOLDS.durationOfTimeout),
      "Slow functions",
      `A run of the ${name} function took over ${THRESHOLDS.durationOfTimeout * 100} % of its ${timeout} s timeout.`,
    );
  }

  // The table (the restored one, after a restore: storage.ts).
  const tableMetric = (metricName: string) => new Metric({ namespace: "AWS/DynamoDB", metricName, dimensionsMap: { TableName: active.name }, statistic: "Sum", period: five });
  alarm(
    "DynamoThrottles",
    new MathExpression({ expression: "reads + writes", usingMetrics: { reads: tableMetric("ReadThrottleEvents"), writes: tableMetric("WriteThrottleEvents") }, period: five, label: "Throttled requests" }),
    1,
    "Throttling",
    "DynamoDB throttled requests to the table.",
  );

  // Email: the account's reputation as SES measures it, and Baton's own outbox.
  const reputation = (metricName: string) => new Metric({ namespace: "AWS/SES", metricName, statistic: "Maximum", period: Duration.hours(1) });
  alarm("SesBounceRate", reputation("Reputation.BounceRate"), THRESHOLDS.sesBounceRate, "Bounces and complaints", `The account's bounce rate reached ${THRESHOLDS.sesBounceRate * 100} % (SES reviews accounts at 5 %).`);
  alarm(
    "SesComplaintRate",
    reputation("Reputation.ComplaintRate"),
    THRESHOLDS.sesComplaintRate,
    "Bounces and complaints",
    `The account's complaint rate reached ${THRESHOLDS.sesComplaintRate * 100} % (SES reviews accounts at 0.1 %).`,
  );
  alarm("OutboxBacklog", custom("OutboxOldestAgeSeconds", "Maximum", Duration.minutes(15)), THRESHOLDS.outboxAgeSeconds, "Email waiting in the outbox", "An email has waited in the outbox for over an hour: SES is refusing or unreachable.");
  alarm("EmailsGivenUp", custom("EmailsFailed", "Sum", Duration.minutes(15)), 1, "Email waiting in the outbox", "The outbox gave up on an email after its last attempt.");

  // Jobs: failures as the jobs count them, and what the queues hold.
  alarm("JobFailures", custom("JobFailures", "Sum", Duration.minutes(15)), 1, "A job failed", "A scheduled job failed for an agency, a client or an invoice (the log line names it).");
  const { agencyQueue, agencyDeadLetters, failedInvocations } = jobs.queues;
  alarm("AgencyJobsDeadLetters", agencyDeadLetters.metricApproximateNumberOfMessagesVisible({ period: five, statistic: "Maximum" }), 1, "A job failed", "An agency's jobs failed three times in a row; its message waits in the dead-letter queue.");
  alarm("FailedInvocations", failedInvocations.metricApproximateNumberOfMessagesVisible({ period: five, statistic: "Maximum" }), 1, "A job failed", "A scheduled run or an SES feedback message failed for good; its event waits in the failed-invocations queue.");
  alarm("AgencyJobsBacklog", agencyQueue.metricApproximateAgeOfOldestMessage({ period: five, statistic: "Maximum" }), THRESHOLDS.agencyQueueAgeSeconds, "A job failed", "Agency job messages have waited over 30 minutes: the worker is not keeping up or not running.");

  // A monthly budget, when one is given: 80 % spent, and 100 % forecast.
  const budget = Number(process.env.BATON_MONTHLY_BUDGET_USD || 0);
  if (budget > 0) {
    topic.addToResourcePolicy(
      new PolicyStatement({
        actions: ["SNS:Publish"],
        principals: [new ServicePrincipal("budgets.amazonaws.com")],
        resources: [topic.topicArn],
        conditions: { StringEquals: { "aws:SourceAccount": stack.account } },
      }),
    );
    const subscribers = [{ subscriptionType: "SNS", address: topic.topicArn }, ...(alarmEmail ? [{ subscriptionType: "EMAIL", address: alarmEmail }] : [])];
    new CfnBudget(stack, "Budget", {
      budget: { budgetName: `baton-${app.stage}`, budgetType: "COST", timeUnit: "MONTHLY", budgetLimit: { amount: budget, unit: "USD" } },
      notificationsWithSubscribers: [
        { notification: { notificationType: "ACTUAL", comparisonOperator: "GREATER_THAN", threshold: 80, thresholdType: "PERCENTAGE" }, subscribers },
        { notification: { notificationType: "FORECASTED", comparisonOperator: "GREATER_THAN", threshold: 100, thresholdType: "PERCENTAGE" }, subscribers },
      ],
    });
  }

  const dashboard = new Dashboard(stack, "Dashboard", { dashboardName: `baton-${app.stage}` });
  const graph = (title: string, left: IMetric[], width = 8) => new GraphWidget({ title, left, width, height: 6 });
  dashboard.addWidgets(new TextWidget({ markdown: `# Baton ${app.stage}\nAlarms and runbooks: README.md, "Operating Baton".`, width: 24, height: 2 }));
  dashboard.addWidgets(
    graph("API requests and 5xx", [requests, serverErrors, api.cdk.httpApi.metricClientError({ period: five, statistic: "Sum" })]),
    graph("API latency (p50, p99)", [api.cdk.httpApi.metricLatency({ period: five, statistic: "p50" }), api.cdk.httpApi.metricLatency({ period: five, statistic: "p99" })]),
    graph("Function errors", functions.map(([name, fn]) => fn.metricErrors({ period: five, statistic: "Sum", label: name }))),
  );
  dashboard.addWidgets(
    graph("Function duration (max, ms)", functions.map(([name, fn]) => fn.metricDuration({ period: five, statistic: "Maximum", label: name }))),
    graph("DynamoDB throttles", [tableMetric("ReadThrottleEvents"), tableMetric("WriteThrottleEvents")]),
    graph("DynamoDB capacity used", [tableMetric("ConsumedReadCapacityUnits"), tableMetric("ConsumedWriteCapacityUnits")]),
  );
  dashboard.addWidgets(
    graph("Emails", ["EmailsSent", "EmailsQueued", "EmailsFailed", "EmailsSuppressed"].map((name) => custom(name, "Sum", five))),
    graph("SES reputation", [reputation("Reputation.BounceRate"), reputation("Reputation.ComplaintRate")]),
    graph("Outbox: oldest waiting (s)", [custom("OutboxOldestAgeSeconds", "Maximum", Duration.minutes(15))]),
  );
  dashboard.addWidgets(
    graph("Jobs: runs and failures", [custom("JobRuns", "Sum", Duration.minutes(15)), custom("JobFailures", "Sum", Duration.minutes(15))]),
    graph("Job queues", [agencyQueue.metricApproximateNumberOfMessagesVisible(), agencyDeadLetters.metricApproximateNumberOfMessagesVisible(), failedInvocations.metricApproximateNumberOfMessagesVisible()]),
    graph("Sign-ins and payments", [custom("SignInLinksRequested", "Sum", Duration.hours(1)), custom("SignIns", "Sum", Duration.hours(1)), custom("PaymentsRecorded", "Sum", Duration.hours(1))]),
  );

  stack.addOutputs({
    AlarmTopicArn: topic.topicArn,
    Dashboard: `https://console.aws.amazon.com/cloudwatch/home?region=${stack.region}#dashboards:name=baton-${app.stage}`,
  });
  return { topic, alarms, dashboard };
}
