import { Duration } from "aws-cdk-lib/core";
import { Rule, Schedule } from "aws-cdk-lib/aws-events";
import { LambdaFunction as LambdaTarget } from "aws-cdk-lib/aws-events-targets";
import { SqsDestination } from "aws-cdk-lib/aws-lambda-destinations";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import { LambdaSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Function as LambdaFunction, use, type StackContext } from "sst/constructs";
import { Email } from "./email.ts";
import { live, runtime } from "./runtime.ts";

// The functions that run without a request: the 15-minute schedule, its per-agency worker, the
// minute's message emails, and the consumer of SES's bounces and complaints. None fails silently: a failure is an error
// metric (an alarm, infra/monitoring.ts) and ends up in a queue an operator can read.

/** Timeouts and memory of each, apart from the API's (10 s, 512 MB). */
export const JOB_LIMITS = {
  scheduled: { timeout: 120, memorySize: 512 },
  agency: { timeout: 300, memorySize: 1024 },
  feedback: { timeout: 30, memorySize: 256 },
  notifications: { timeout: 50, memorySize: 512 },
} as const;

export function Jobs(ctx: StackContext) {
  const { stack } = ctx;
  const email = use(Email);
  const retain = Duration.days(14);

  // Invocations that failed for good (the scheduled run, SES feedback), with their event and error.
  const failedInvocations = new Queue(stack, "FailedInvocations", { retentionPeriod: retain, encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true });

  // One message per agency and run. A message whose jobs fail is retried twice, then kept here.
  const agencyDeadLetters = new Queue(stack, "AgencyJobsDeadLetters", { retentionPeriod: retain, encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true });
  const agencyQueue = new Queue(stack, "AgencyJobs", {
    // At least six times the worker's timeout, as AWS advises for a Lambda source.
    visibilityTimeout: Duration.seconds(JOB_LIMITS.agency.timeout * 6),
    retentionPeriod: Duration.days(1),
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    deadLetterQueue: { queue: agencyDeadLetters, maxReceiveCount: 3 },
  });

  const worker = new LambdaFunction(stack, "AgencyJobsWorker", {
    ...runtime(ctx, "packages/functions/src/jobs/agency.handler"),
    timeout: JOB_LIMITS.agency.timeout,
    memorySize: JOB_LIMITS.agency.memorySize,
  });
  // One agency per invocation; at most two agencies at once, so a big run never crowds out the API
  // (SQS's own cap: a reserved concurrency below the poller count would throttle messages into the DLQ).
  live(worker).addEventSource(new SqsEventSource(agencyQueue, { batchSize: 1, reportBatchItemFailures: true, maxConcurrency: 2 }));

  const scheduled = new LambdaFunction(stack, "ScheduledJobs", {
    ...runtime(ctx, "packages/functions/src/jobs/scheduled.handler"),
    timeout: JOB_LIMITS.scheduled.timeout,
    memorySize: JOB_LIMITS.scheduled.memorySize,
    // Never two runs at once: a slow run makes the next one wait (its event is retried) rather than race it.
    reservedConcurrentExecutions: 1,
  });
  scheduled.addEnvironment("BATON_JOBS_QUEUE_URL", agencyQueue.queueUrl);
  agencyQueue.grantSendMessages(scheduled);
  // No retry of a failed run: every job is idempotent and the next run is 15 minutes away; the
  // failed event goes to the queue instead, and the JobsFailed alarm has already fired.
  const scheduledLive = live(scheduled, { retryAttempts: 0, maxEventAge: Duration.hours(1), onFailure: new SqsDestination(failedInvocations) });
  new Rule(stack, "Every15Minutes", {
    schedule: Schedule.rate(Duration.minutes(15)),
    targets: [new LambdaTarget(scheduledLive, { retryAttempts: 2, maxEventAge: Duration.minutes(10) })],
  });

  // Emails about new messages wait a few minutes to batch; every minute this sends the ones due
  // (one Query of a sparse index when nothing is). The 15-minute run sends them too if it lags.
  const notifications = new LambdaFunction(stack, "Notifications", {
    ...runtime(ctx, "packages/functions/src/jobs/notifications.handler"),
    timeout: JOB_LIMITS.notifications.timeout,
    memorySize: JOB_LIMITS.notifications.memorySize,
    reservedConcurrentExecutions: 1,
  });
  const notificationsLive = live(notifications, { retryAttempts: 0, maxEventAge: Duration.minutes(5), onFailure: new SqsDestination(failedInvocations) });
  new Rule(stack, "EveryMinute", {
    schedule: Schedule.rate(Duration.minutes(1)),
    targets: [new LambdaTarget(notificationsLive, { retryAttempts: 0, maxEventAge: Duration.minutes(2) })],
  });

  const feedback = new LambdaFunction(stack, "EmailFeedback", {
    ...runtime(ctx, "packages/functions/src/email/feedback.handler", { sendsEmail: false, files: false }),
    timeout: JOB_LIMITS.feedback.timeout,
    memorySize: JOB_LIMITS.feedback.memorySize,
  });
  email.feedback.addSubscription(new LambdaSubscription(live(feedback, { retryAttempts: 2, onFailure: new SqsDestination(failedInvocations) })));

  stack.addOutputs({
    ScheduledJobsFunction: scheduled.functionName,
    AgencyJobsFunction: worker.functionName,
    EmailFeedbackFunction: feedback.functionName,
    NotificationsFunction: notifications.functionName,
    AgencyJobsDeadLetterArn: agencyDeadLetters.queueArn,
    FailedInvocationsQueueUrl: failedInvocations.queueUrl,
  });
  return {
    scheduled,
    worker,
    feedback,
    notifications,
    queues: { agencyQueue, agencyDeadLetters, failedInvocations },
    /** The functions that send email with links to the sites (infra/sites.ts binds their URLs). */
    linking: [scheduled, worker, notifications],
  };
}
