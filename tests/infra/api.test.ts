import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Template } from "aws-cdk-lib/assertions";
import type { Stack } from "aws-cdk-lib/core";
import { useProject } from "sst/project.js";
import { Metrics } from "@baton/core/metrics";
import { fontFiles } from "@baton/core/invoice/pdf";
import { Api } from "../../infra/api.ts";
import { Email } from "../../infra/email.ts";
import { Jobs } from "../../infra/jobs.ts";
import { Monitoring } from "../../infra/monitoring.ts";
import { Secrets } from "../../infra/secrets.ts";
import { Sites } from "../../infra/sites.ts";
import { Storage } from "../../infra/storage.ts";
import { exported, only, synth, SYNTH_TIMEOUT, type StackFn } from "./synth.ts";

// The whole app synthesized once (stage "api"): the API, the jobs, the email feedback consumer, the
// alarms, and what every function and log group has in common.

const API_HANDLER = "packages/functions/src/api/lambda.handler";
const SCHEDULED = "packages/functions/src/jobs/scheduled.handler";
const AGENCY = "packages/functions/src/jobs/agency.handler";
const FEEDBACK = "packages/functions/src/email/feedback.handler";
const WORKER = "packages/functions/src/worker.handler";
const NOTIFICATIONS = "packages/functions/src/jobs/notifications.handler";
const TABLE_ACTIONS = [
  "GetItem",
  "PutItem",
  "UpdateItem",
  "DeleteItem",
  "Query",
  "BatchGetItem",
  "BatchWriteItem",
  "TransactWriteItems",
  "TransactGetItems",
  "ConditionCheckItem",
  "DescribeTable",
].map((a) => `dynamodb:${a}`);

let api: Template;
let jobs: Template;
let storage: Template;
let email: Template;
let monitoring: Template;
let all: Template[];
let stacks: { api: Stack; jobs: Stack; sites: Stack };
beforeAll(async () => {
  const app = await synth("api");
  api = app.template(Api);
  jobs = app.template(Jobs);
  storage = app.template(Storage);
  email = app.template(Email);
  monitoring = app.template(Monitoring);
  all = ([Storage, Secrets, Email, Api, Jobs, Sites, Monitoring] as StackFn[]).map((stack) => app.template(stack));
  stacks = { api: app.stack(Api), jobs: app.stack(Jobs), sites: app.stack(Sites) };
}, SYNTH_TIMEOUT);

type Statement = { Action: string | string[]; Resource: unknown; Effect: string };
const templateOf = (handler: string) => (handler === API_HANDLER || handler === WORKER ? api : jobs);
const fn = (handler: string) => only(templateOf(handler), "AWS::Lambda::Function", { Handler: handler });
const env = (handler: string) => fn(handler).Properties.Environment.Variables;
const resource = (template: Template, logicalId: string) => template.toJSON().Resources[logicalId];
/** The statements of the policies attached to the role of the function with this handler. */
function statements(handler: string): Statement[] {
  const role = fn(handler).Properties.Role["Fn::GetAtt"][0];
  return Object.values(templateOf(handler).findResources("AWS::IAM::Policy"))
    .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === role))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
}
const actions = (s: Statement) => [s.Action].flat();
const resources = (s: Statement) => [s.Resource].flat();
const about = (service: string, handler: string) =>
  statements(handler).filter((s) => actions(s).some((a) => a.startsWith(`${service}:`)));
/** The `live` alias of the function with this handler. */
const alias = (handler: string) => only(templateOf(handler), "AWS::Lambda::Alias", { FunctionName: { Ref: fn(handler).logicalId } });
const aliasRef = (handler: string) => ({ Ref: alias(handler).logicalId });
const tableRef = () => ({ Ref: only(storage, "AWS::DynamoDB::Table").logicalId });

describe("the way around CloudFront", () => {
  it("is closed: the API function is given the origin secret CloudFront sends, from Secrets Manager", () => {
    const value = env(API_HANDLER).BATON_ORIGIN_SECRET;
    expect(JSON.stringify(value)).toMatch(/\{\{resolve:secretsmanager:/);
    for (const other of [WORKER, SCHEDULED, AGENCY, FEEDBACK]) expect(env(other).BATON_ORIGIN_SECRET).toBeUndefined();
  });
});

describe("the worker function", () => {
  it("exists, and the API may invoke it and names it", () => {
    const worker = fn(WORKER);
    expect(env(API_HANDLER).BATON_WORKER_FUNCTION).toEqual({ Ref: worker.logicalId });
    const invoke = about("lambda", API_HANDLER);
    expect(invoke.flatMap(actions)).toContain("lambda:InvokeFunction");
    expect(JSON.stringify(invoke.flatMap(resources))).toContain(worker.logicalId);
  });

  it("sends email and uses the table like the API", () => {
    expect(about("ses", WORKER).flatMap(actions)).toContain("ses:SendEmail");
    expect(about("dynamodb", WORKER).flatMap(actions)).toContain("dynamodb:Query");
  });
});

describe("the API function", () => {
  it("runs Node 22 on arm64 with 512 MB and a 10 s timeout", () => {
    expect(fn(API_HANDLER).Properties).toMatchObject({
      Runtime: "nodejs22.x",
      Architectures: ["arm64"],
      MemorySize: 512,
      Timeout: 10,
    });
  });

  it("is bundled as an ES module that loads the way a Lambda cold start does", () => {
    const construct = stacks.api.node.findChild("ApiHandler");
    const bundle = join(
      useProject().paths.artifacts,
      construct.node.addr,
      API_HANDLER.replace(/\.handler$/, ".mjs"),
    );
    expect(bundle.endsWith(".mjs")).toBe(true);
    expect(loads(bundle, env(API_HANDLER))).toBe("function");
    // Minified for a faster cold start: esbuild then writes long lines, not a statement per line.
    const code = readFileSync(bundle, "utf8");
    expect(code.length / code.split("\n").length).toBeGreaterThan(500);
  });

  it("carries the invoice PDF's font files in its package, where BATON_FONTS_DIR points", () => {
    const construct = stacks.api.node.findChild("ApiHandler");
    const dir = env(API_HANDLER).BATON_FONTS_DIR as string;
    expect(dir).toBe("fonts");
    for (const { file } of fontFiles()) expect(existsSync(join(useProject().paths.artifacts, construct.node.addr, dir, file)), file).toBe(true);
  });

  it("ships the invoice and credit note PDF code in its package, with the very font files that cover Greek and Devanagari", () => {
    const construct = stacks.api.node.findChild("ApiHandler");
    const root = join(useProject().paths.artifacts, construct.node.addr);
    const code = readdirSync(root, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".mjs"))
      .map((file) => readFileSync(join(root, file), "utf8"));
    // The renderer (names kept) and pdfkit, in chunks loaded by the first PDF: not left to node_modules.
    expect(code.some((text) => text.includes('"renderPdf"'))).toBe(true);
    expect(code.some((text) => text.includes("PDFDocument"))).toBe(true);
    expect(code.some((text) => text.includes('"downloadCreditNote"'))).toBe(true);
    const require = createRequire(import.meta.url);
    for (const { pkg, file } of fontFiles().filter(({ file }) => /greek|devanagari/.test(file))) {
      const shipped = readFileSync(join(root, env(API_HANDLER).BATON_FONTS_DIR as string, file));
      expect(shipped.subarray(0, 4).toString("latin1"), file).toBe("wOFF");
      expect(shipped.equals(readFileSync(require.resolve(`${pkg}/files/${file}`))), file).toBe(true);
    }
  });

  it("knows the table by name from a parameter, set to the Storage stack's table", () => {
    expect(exported(storage, env(API_HANDLER).SST_Parameter_value_TABLE_NAME)).toEqual(tableRef());
    const parameter = only(storage, "AWS::SSM::Parameter", { Name: "/sst/baton/api/Parameter/TABLE_NAME/value" });
    expect(parameter.Properties.Value).toEqual(tableRef());
    // Nothing else names the table: the parameter is the one place a restored table is swapped in.
    expect(env(API_HANDLER).BATON_TABLE_NAME).toBeUndefined();
  });

  it("gets the sender, the SES configuration set and the stage's metrics namespace", () => {
    const vars = env(API_HANDLER);
    expect(vars.BATON_EMAIL_FROM).toBe("Baton <no-reply@example.com>");
    expect(exported(email, vars.BATON_SES_CONFIGURATION_SET)).toEqual({
      Ref: only(email, "AWS::SES::ConfigurationSet").logicalId,
    });
    expect(vars).toMatchObject({ BATON_METRICS_NAMESPACE: "Baton/api", BATON_LOG_LEVEL: "info" });
  });

  it("has the session secret bound, readable from SSM and nowhere in the template", () => {
    const vars = env(API_HANDLER);
    const ssm = JSON.stringify(about("ssm", API_HANDLER));
    expect(vars.SST_Secret_value_SESSION_SECRET).toBe("__FETCH_FROM_SSM__");
    expect(ssm).toContain(":parameter/sst/baton/api/Secret/SESSION_SECRET/value");
    // Only what the API reads: an unset bound secret would fail every cold start.
    expect(Object.keys(vars).filter((name) => name.startsWith("SST_Secret_value_"))).toEqual(["SST_Secret_value_SESSION_SECRET"]);
  });

  it("keeps sign-up closed when the deploy doesn't open it, with no invite code to bind", () => {
    expect(env(API_HANDLER).BATON_SIGNUP_MODE).toBe("closed");
    expect(env(WORKER).BATON_SIGNUP_MODE).toBeUndefined();
  });

  it("learns the sites' URLs through SST bindings when no custom domain is set", () => {
    const vars = env(API_HANDLER);
    expect(vars.BATON_WEB_URL).toBeUndefined();
    const ssm = JSON.stringify(about("ssm", API_HANDLER));
    for (const site of ["web", "portal"]) {
      expect(vars[`SST_StaticSite_url_${site}`]).toBe("__FETCH_FROM_SSM__");
      expect(ssm).toContain(`:parameter/sst/baton/api/StaticSite/${site}/url`);
    }
  });

  it("publishes a version on every deploy, keeps the old ones, and is served through its `live` alias", () => {
    const live = alias(API_HANDLER);
    expect(live.Properties.Name).toBe("live");
    const versionId = live.Properties.FunctionVersion["Fn::GetAtt"][0];
    const version = resource(api, versionId);
    expect(version).toMatchObject({ Type: "AWS::Lambda::Version", DeletionPolicy: "Retain", UpdateReplacePolicy: "Retain" });
    expect(version.Properties.FunctionName).toEqual({ Ref: fn(API_HANDLER).logicalId });
  });
});

describe("the HTTP API", () => {
  it("routes ANY /api and ANY /api/{proxy+}, and nothing else", () => {
    const routes = Object.values(api.findResources("AWS::ApiGatewayV2::Route")).map(
      (r) => r.Properties.RouteKey,
    );
    expect(routes.sort()).toEqual(["ANY /api", "ANY /api/{proxy+}"]);
  });

  it("sends both routes to the API function's live alias, which only API Gateway may invoke", () => {
    const targets = Object.values(api.findResources("AWS::ApiGatewayV2::Integration")).map(
      (i) => i.Properties.IntegrationUri,
    );
    expect(targets).toEqual([aliasRef(API_HANDLER), aliasRef(API_HANDLER)]);
    const permissions = Object.values(api.findResources("AWS::Lambda::Permission")).map((p) => p.Properties);
    expect(permissions).toHaveLength(2);
    for (const permission of permissions) expect(permission).toMatchObject({ FunctionName: aliasRef(API_HANDLER), Principal: "apigateway.amazonaws.com" });
  });

  it("answers no cross-origin preflight: the apps reach it same-origin", () => {
    expect(only(api, "AWS::ApiGatewayV2::Api").Properties.CorsConfiguration).toBeUndefined();
  });

  it("throttles its stage before any function runs", () => {
    expect(only(api, "AWS::ApiGatewayV2::Stage").Properties.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
  });

  it("writes access logs with API Gateway's request id (the one the function logs)", () => {
    const stage = only(api, "AWS::ApiGatewayV2::Stage").Properties.AccessLogSettings;
    expect(stage.Format).toContain('"requestId":"$context.requestId"');
    const logGroup = resource(api, stage.DestinationArn["Fn::GetAtt"][0]);
    expect(logGroup.Properties.RetentionInDays).toBe(14);
  });
});

describe.each([
  ["API", API_HANDLER],
  ["scheduled jobs", SCHEDULED],
  ["agency jobs worker", AGENCY],
  ["email feedback", FEEDBACK],
])("the %s function's permissions", (_, handler) => {
  it("allow exactly the item, query, batch and transaction actions on the table", () => {
    const dynamo = about("dynamodb", handler);
    expect(dynamo).toHaveLength(1);
    expect(actions(dynamo[0]!).sort()).toEqual([...TABLE_ACTIONS].sort());
  });

  it("cover the table's ARN and its indexes, from the Storage stack", () => {
    const table = only(storage, "AWS::DynamoDB::Table").logicalId;
    const [arn, indexes, ...rest] = resources(about("dynamodb", handler)[0]!);
    expect(rest).toEqual([]);
    expect(exported(storage, arn)).toEqual({ "Fn::GetAtt": [table, "Arn"] });
    expect(indexes).toEqual({ "Fn::Join": ["", [arn, "/index/*"]] });
  });

  it("never grant dynamodb:* or DynamoDB on every resource", () => {
    for (const s of about("dynamodb", handler)) {
      expect(actions(s).filter((a) => a.includes("*"))).toEqual([]);
      expect(resources(s)).not.toContain("*");
    }
    expect(statements(handler).filter((s) => actions(s).includes("*"))).toEqual([]);
  });

  it("read the table's name from the parameter and log to a group of their own that expires", () => {
    expect(exported(storage, env(handler).SST_Parameter_value_TABLE_NAME)).toEqual(tableRef());
    const logGroup = resource(templateOf(handler), fn(handler).Properties.LoggingConfig.LogGroup.Ref);
    expect(logGroup).toMatchObject({ Type: "AWS::Logs::LogGroup", Properties: { RetentionInDays: 14 } });
  });

  it("publish versions and are triggered only through their live alias", () => {
    expect(alias(handler).Properties.Name).toBe("live");
    const uses = JSON.stringify([
      ...Object.values(templateOf(handler).findResources("AWS::Lambda::Permission")),
      ...Object.values(templateOf(handler).findResources("AWS::Lambda::EventSourceMapping")),
      ...Object.values(templateOf(handler).findResources("AWS::Events::Rule")),
      ...Object.values(templateOf(handler).findResources("AWS::SNS::Subscription")),
    ]);
    expect(uses).not.toContain(`{"Ref":"${fn(handler).logicalId}"}`);
  });
});

describe.each([
  ["API", API_HANDLER],
  ["scheduled jobs", SCHEDULED],
  ["agency jobs worker", AGENCY],
])("the %s function, which sends email", (_, handler) => {
  it("may send as this account's SES identities, via the configuration set only", () => {
    const ses = about("ses", handler);
    expect(ses).toHaveLength(1);
    expect(actions(ses[0]!).sort()).toEqual(["ses:SendEmail", "ses:SendRawEmail"]);
    const [identities, configSet, ...rest] = resources(ses[0]!) as { "Fn::Join": [string, unknown[]] }[];
    expect(rest).toEqual([]);
    // No domain configured: every identity of this account and region, never `*` (see infra/email.ts).
    expect(identities).toEqual({
      "Fn::Join": ["", ["arn:", { Ref: "AWS::Partition" }, ":ses:us-east-1:123456789012:identity/*"]],
    });
    const parts = configSet!["Fn::Join"][1];
    expect(parts.at(-2)).toBe(":ses:us-east-1:123456789012:configuration-set/");
    expect(exported(email, parts.at(-1))).toEqual({
      Ref: only(email, "AWS::SES::ConfigurationSet").logicalId,
    });
  });

  it("gets the same table, email settings and session secret as the API (survey links are signed)", () => {
    const { SST_Parameter_value_TABLE_NAME, BATON_EMAIL_FROM, SST_Secret_value_SESSION_SECRET, BATON_METRICS_NAMESPACE } = env(API_HANDLER);
    expect(env(handler)).toMatchObject({ SST_Parameter_value_TABLE_NAME, BATON_EMAIL_FROM, SST_Secret_value_SESSION_SECRET, BATON_METRICS_NAMESPACE });
  });

  it("is bundled so that it loads the way a Lambda cold start does", () => {
    const id = { [API_HANDLER]: "ApiHandler", [SCHEDULED]: "ScheduledJobs", [AGENCY]: "AgencyJobsWorker" }[handler]!;
    const stack = handler === API_HANDLER ? stacks.api : stacks.jobs;
    const bundle = join(useProject().paths.artifacts, stack.node.findChild(id).node.addr, handler.replace(/\.handler$/, ".mjs"));
    expect(loads(bundle, env(handler))).toBe("function");
  });
});

describe("the email feedback function", () => {
  it("may not send email and holds no session secret: it only marks addresses", () => {
    expect(about("ses", FEEDBACK)).toEqual([]);
    expect(Object.keys(env(FEEDBACK)).filter((name) => name.startsWith("SST_Secret_"))).toEqual([]);
    const bundle = join(useProject().paths.artifacts, stacks.jobs.node.findChild("EmailFeedback").node.addr, FEEDBACK.replace(/\.handler$/, ".mjs"));
    expect(loads(bundle, env(FEEDBACK))).toBe("function");
  });

  it("is subscribed, through its alias, to the topic SES publishes bounces and complaints to", () => {
    const subscription = only(jobs, "AWS::SNS::Subscription").Properties;
    expect(subscription).toMatchObject({ Protocol: "lambda", Endpoint: aliasRef(FEEDBACK) });
    expect(exported(email, subscription.TopicArn)).toEqual({ Ref: only(email, "AWS::SNS::Topic").logicalId });
    const destination = only(email, "AWS::SES::ConfigurationSetEventDestination").Properties;
    expect(destination.ConfigurationSetName).toEqual({ Ref: only(email, "AWS::SES::ConfigurationSet").logicalId });
    expect(destination.EventDestination).toEqual({
      Enabled: true,
      MatchingEventTypes: ["bounce", "complaint"],
      SnsDestination: { TopicARN: subscription.TopicArn["Fn::ImportValue"] ? { Ref: only(email, "AWS::SNS::Topic").logicalId } : subscription.TopicArn },
    });
  });

  it("lets only SES, for this configuration set, publish to that topic", () => {
    const [statement, ...rest] = only(email, "AWS::SNS::TopicPolicy").Properties.PolicyDocument.Statement;
    expect(rest).toEqual([]);
    expect(statement).toMatchObject({ Effect: "Allow", Action: "sns:Publish", Principal: { Service: "ses.amazonaws.com" } });
    expect(JSON.stringify(statement.Condition)).toContain(":configuration-set/");
  });

  it("retries a failed message twice, then hands it to the failed-invocations queue", () => {
    const config = only(jobs, "AWS::Lambda::EventInvokeConfig", { FunctionName: { Ref: fn(FEEDBACK).logicalId } }).Properties;
    expect(config.MaximumRetryAttempts).toBe(2);
    expect(config.DestinationConfig.OnFailure.Destination).toEqual({ "Fn::GetAtt": [queue("FailedInvocations"), "Arn"] });
  });
});

/** The logical id of the queue whose id starts with `name`. */
function queue(name: string): string {
  const ids = Object.keys(jobs.findResources("AWS::SQS::Queue")).filter((id) => id.replace(/[0-9A-F]{8}$/, "") === name);
  expect(ids).toHaveLength(1);
  return ids[0]!;
}

describe("the scheduled jobs", () => {
  it("run every 15 minutes, through the live alias", () => {
    // The other rule is the minute's message emails (asserted in files.test.ts).
    const rules = Object.values(jobs.findResources("AWS::Events::Rule")).filter((r) =>
      JSON.stringify(r.Properties.Targets).includes(`"${alias(SCHEDULED).logicalId}"`),
    );
    expect(rules).toHaveLength(1);
    expect(rules[0]!.Properties.ScheduleExpression).toBe("rate(15 minutes)");
    expect(rules[0]!.Properties.Targets).toEqual([expect.objectContaining({ Arn: aliasRef(SCHEDULED) })]);
  });

  it("have their own timeout and memory, and never run twice at once", () => {
    expect(fn(SCHEDULED).Properties).toMatchObject({ Timeout: 120, MemorySize: 512, ReservedConcurrentExecutions: 1 });
  });

  it("fail loudly: no silent retry, and a failed run goes to the failed-invocations queue", () => {
    const config = only(jobs, "AWS::Lambda::EventInvokeConfig", { FunctionName: { Ref: fn(SCHEDULED).logicalId } }).Properties;
    expect(config).toMatchObject({ MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 3600 });
    expect(config.DestinationConfig.OnFailure.Destination).toEqual({ "Fn::GetAtt": [queue("FailedInvocations"), "Arn"] });
    expect(JSON.stringify(about("sqs", SCHEDULED))).toContain(queue("FailedInvocations"));
  });

  it("fan out: one message per agency on the jobs queue, which only they may send to", () => {
    expect(env(SCHEDULED).BATON_JOBS_QUEUE_URL).toEqual({ Ref: queue("AgencyJobs") });
    const send = about("sqs", SCHEDULED).find((s) => actions(s).includes("sqs:SendMessage") && JSON.stringify(s.Resource).includes(queue("AgencyJobs")));
    expect(send).toBeDefined();
    expect(actions(send!).filter((a) => !a.startsWith("sqs:Send") && a !== "sqs:GetQueueAttributes" && a !== "sqs:GetQueueUrl")).toEqual([]);
  });
});

describe("the agency jobs worker", () => {
  it("has its own timeout and memory", () => {
    expect(fn(AGENCY).Properties).toMatchObject({ Timeout: 300, MemorySize: 1024 });
  });

  it("takes one agency per invocation from the queue, two at most at once, reporting failed messages", () => {
    const mapping = only(jobs, "AWS::Lambda::EventSourceMapping").Properties;
    expect(mapping).toMatchObject({ BatchSize: 1, FunctionResponseTypes: ["ReportBatchItemFailures"], ScalingConfig: { MaximumConcurrency: 2 } });
    expect(mapping.EventSourceArn).toEqual({ "Fn::GetAtt": [queue("AgencyJobs"), "Arn"] });
    expect(JSON.stringify(mapping.FunctionName)).toContain(alias(AGENCY).logicalId);
    expect(JSON.stringify(about("sqs", AGENCY))).toContain("sqs:ReceiveMessage");
  });

  it("leaves a message that failed three times in the dead-letter queue, and is not retried before it times out", () => {
    const agencyQueue = resource(jobs, queue("AgencyJobs")).Properties;
    expect(agencyQueue.RedrivePolicy).toEqual({ deadLetterTargetArn: { "Fn::GetAtt": [queue("AgencyJobsDeadLetters"), "Arn"] }, maxReceiveCount: 3 });
    expect(agencyQueue.VisibilityTimeout).toBe(6 * 300);
    for (const name of ["AgencyJobs", "AgencyJobsDeadLetters", "FailedInvocations"]) expect(resource(jobs, queue(name)).Properties.SqsManagedSseEnabled).toBe(true);
  });
});

describe("logs", () => {
  it("every function of every stack (SST's and CDK's own too) logs to a group with a retention", () => {
    let functions = 0;
    for (const template of all) {
      for (const [id, fnResource] of Object.entries(template.findResources("AWS::Lambda::Function"))) {
        functions++;
        const logGroup = fnResource.Properties.LoggingConfig?.LogGroup?.Ref;
        expect(logGroup, id).toEqual(expect.any(String));
        expect(resource(template, logGroup).Properties.RetentionInDays, id).toBe(14);
      }
    }
    expect(functions).toBeGreaterThanOrEqual(4 + 7);
  });

  it("every log group expires", () => {
    const groups = all.flatMap((template) => Object.values(template.findResources("AWS::Logs::LogGroup")));
    expect(groups.length).toBeGreaterThan(10);
    expect(groups.filter((group) => group.Properties.RetentionInDays !== 14)).toEqual([]);
  });
});

describe("alarms", () => {
  const alarms = () => Object.values(monitoring.findResources("AWS::CloudWatch::Alarm")).map((a) => a.Properties);
  const alarmNamed = (name: string) => {
    const found = alarms().find((a) => a.AlarmName === `baton-api-${name}`);
    expect(found, name).toBeDefined();
    return found!;
  };
  const topic = () => ({ Ref: only(monitoring, "AWS::SNS::Topic").logicalId });
  const functionName = (handler: string) => ({ Ref: fn(handler).logicalId });

  it("all notify the alarm topic when they fire and when they clear, and name their runbook", () => {
    // Six functions × errors, throttles and near-timeout, and ten more: the API, the table, SES, the queues, the app's metrics.
    expect(alarms().length).toBe(28);
    for (const alarm of alarms()) {
      expect(alarm.AlarmActions, alarm.AlarmName).toEqual([topic()]);
      expect(alarm.OKActions, alarm.AlarmName).toEqual([topic()]);
      expect(alarm.AlarmDescription, alarm.AlarmName).toMatch(/Runbook: README\.md, "Operating Baton" → "[^"]+"\.$/);
      expect(alarm.TreatMissingData).toBe("notBreaching");
    }
  });

  it("nobody is subscribed and no budget exists unless the deploy settings ask for them", () => {
    expect(Object.keys(monitoring.findResources("AWS::SNS::Subscription"))).toEqual([]);
    expect(Object.keys(monitoring.findResources("AWS::Budgets::Budget"))).toEqual([]);
  });

  it("watch the API's 5xx rate, not a count", () => {
    const alarm = alarmNamed("Api5xxRate");
    expect(alarm.Threshold).toBe(5);
    const [expression, ...metrics] = alarm.Metrics;
    expect(expression.Expression).toBe("IF(requests >= 20, 100 * errors / requests, 0)");
    expect(metrics.map((m: any) => [m.Id, m.MetricStat.Metric.MetricName, m.MetricStat.Metric.Namespace])).toEqual([
      ["requests", "Count", "AWS/ApiGateway"],
      ["errors", "5xx", "AWS/ApiGateway"],
    ]);
    expect(exported(api, metrics[0].MetricStat.Metric.Dimensions[0].Value)).toEqual({ Ref: only(api, "AWS::ApiGatewayV2::Api").logicalId });
  });

  it.each([
    ["Api", API_HANDLER, 10],
    ["Worker", WORKER, 10],
    ["ScheduledJobs", SCHEDULED, 120],
    ["AgencyJobs", AGENCY, 300],
    ["EmailFeedback", FEEDBACK, 30],
    ["Notifications", NOTIFICATIONS, 50],
  ])("watch the %s function's errors, throttles and runs near its timeout", (name, handler, timeout) => {
    const stack = templateOf(handler);
    for (const [suffix, metric, threshold] of [
      ["Errors", "Errors", 1],
      ["Throttles", "Throttles", 1],
      ["NearTimeout", "Duration", timeout * 1000 * 0.8],
    ] as const) {
      const alarm = alarmNamed(`${name}${suffix}`);
      expect(alarm).toMatchObject({ Namespace: "AWS/Lambda", MetricName: metric, Threshold: threshold });
      expect(exported(stack, alarm.Dimensions[0].Value)).toEqual(functionName(handler));
    }
  });

  it("watch DynamoDB's throttled reads and writes on the table", () => {
    const alarm = alarmNamed("DynamoThrottles");
    const metrics = alarm.Metrics.filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Metric);
    expect(metrics.map((m: any) => m.MetricName)).toEqual(["ReadThrottleEvents", "WriteThrottleEvents"]);
    for (const metric of metrics) expect(exported(storage, metric.Dimensions[0].Value)).toEqual(tableRef());
  });

  it("watch SES's bounce and complaint rates below SES's review thresholds", () => {
    expect(alarmNamed("SesBounceRate")).toMatchObject({ Namespace: "AWS/SES", MetricName: "Reputation.BounceRate", Threshold: 0.04 });
    expect(alarmNamed("SesComplaintRate")).toMatchObject({ Namespace: "AWS/SES", MetricName: "Reputation.ComplaintRate", Threshold: 0.0008 });
  });

  it("watch the app's own metrics under the names the code emits them with", () => {
    expect(alarmNamed("OutboxBacklog")).toMatchObject({ Namespace: "Baton/api", MetricName: Metrics.Names.outboxOldestAgeSeconds, Statistic: "Maximum", Threshold: 3600 });
    expect(alarmNamed("EmailsGivenUp")).toMatchObject({ Namespace: "Baton/api", MetricName: Metrics.Names.emailsFailed, Statistic: "Sum", Threshold: 1 });
    // The total across jobs: JobFailures is put without dimensions too (core/metrics).
    expect(alarmNamed("JobFailures")).toMatchObject({ Namespace: "Baton/api", MetricName: Metrics.Names.jobFailures, Statistic: "Sum", Threshold: 1 });
    expect(alarmNamed("JobFailures").Dimensions).toBeUndefined();
  });

  it("watch the job queues: dead letters, failed invocations, and a backlog", () => {
    const queueOf = (alarm: any) => exported(jobs, alarm.Dimensions[0].Value);
    expect(queueOf(alarmNamed("AgencyJobsDeadLetters"))).toEqual({ "Fn::GetAtt": [queue("AgencyJobsDeadLetters"), "QueueName"] });
    expect(queueOf(alarmNamed("FailedInvocations"))).toEqual({ "Fn::GetAtt": [queue("FailedInvocations"), "QueueName"] });
    expect(alarmNamed("AgencyJobsBacklog")).toMatchObject({ MetricName: "ApproximateAgeOfOldestMessage", Threshold: 1800 });
  });

  it("have a dashboard beside them", () => {
    const body = JSON.stringify(only(monitoring, "AWS::CloudWatch::Dashboard").Properties.DashboardBody);
    for (const title of ["API requests and 5xx", "Function errors", "DynamoDB throttles", "SES reputation", "Jobs: runs and failures", "Sign-ins and payments"]) expect(body).toContain(title);
    expect(monitoring.findOutputs("Dashboard").Dashboard!.Value).toEqual(expect.stringContaining("#dashboards:name=baton-api"));
  });
});

describe("stack order", () => {
  it("has the Sites depend on the Api, and neither the Api nor the Jobs on the Sites (no cycle)", () => {
    expect(stacks.sites.dependencies).toContain(stacks.api);
    expect(stacks.api.dependencies).not.toContain(stacks.sites);
    expect(stacks.jobs.dependencies).not.toContain(stacks.sites);
  });
});

/**
 * Imports a bundled handler in a fresh Node process with the function's own environment (what SST
 * fetches from SSM stubbed in), the way a cold start does: the handlers read their bindings at load
 * time (top-level await), so a missing binding or an import-order mistake fails here.
 */
function loads(bundle: string, vars: Record<string, unknown>): string {
  const lambdaEnv = Object.fromEntries(
    Object.entries(vars).map(([name, value]) => [
      name,
      value === "__FETCH_FROM_SSM__" ? `stub-${name}`.padEnd(48, "-") : typeof value === "string" ? value : `stub-${name.toLowerCase()}`,
    ]),
  );
  return execFileSync(
    process.execPath,
    ["--input-type=module", "-e", "const m = await import(process.argv[1]); console.log(typeof m.handler)", bundle],
    {
      env: { PATH: process.env.PATH, AWS_REGION: "us-east-1", AWS_LAMBDA_FUNCTION_NAME: "cold-start", ...lambdaEnv },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    },
  ).trim();
}
