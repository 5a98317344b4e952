import { beforeAll, describe, expect, it } from "vitest";
import { Api } from "../../infra/api.ts";
import { Email } from "../../infra/email.ts";
import { Jobs } from "../../infra/jobs.ts";
import { Monitoring } from "../../infra/monitoring.ts";
import { Secrets } from "../../infra/secrets.ts";
import { Sites } from "../../infra/sites.ts";
import { Storage } from "../../infra/storage.ts";
import { Files } from "../../infra/files.ts";
import { Vault } from "../../infra/vault.ts";
import { exported, only, synth, SYNTH_TIMEOUT, type StackFn } from "./synth.ts";

// The prod stage with every optional deploy-time setting given. Route 53 lookups return CDK's
// dummy zone offline, which is enough to see what the settings change.
const RESTORED = "baton-prod-restored-2026-12-04";
let t: Awaited<ReturnType<typeof synth>>["template"];
beforeAll(async () => {
  ({ template: t } = await synth("prod", {
    BATON_WEB_DOMAIN: "app.example.com",
    BATON_PORTAL_DOMAIN: "clients.example.com",
    BATON_HOSTED_ZONE: "example.com",
    BATON_EMAIL_DOMAIN: "example.com",
    BATON_ALARM_EMAIL: "ops@example.com",
    BATON_MONTHLY_BUDGET_USD: "150",
    BATON_RESTORED_TABLE: RESTORED,
  }));
}, SYNTH_TIMEOUT);

const apiHandler = () => only(t(Api), "AWS::Lambda::Function", { Handler: "packages/functions/src/api/lambda.handler" });

describe("prod with custom domains", () => {
  it("retains the table when the stack is deleted or the table replaced, and protects it from deletion", () => {
    const table = only(t(Storage), "AWS::DynamoDB::Table");
    expect(table.DeletionPolicy).toBe("Retain");
    expect((table as { UpdateReplacePolicy?: string }).UpdateReplacePolicy).toBe("Retain");
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
  });

  it("keeps the files bucket, and lets only the two sites' domains reach it from browsers", () => {
    const bucket = only(t(Files), "AWS::S3::Bucket");
    expect(bucket.DeletionPolicy).toBe("Retain");
    expect(bucket.Properties.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({ AllowedOrigins: ["https://app.example.com", "https://clients.example.com"], AllowedMethods: ["GET", "HEAD", "POST", "PUT"], ExposedHeaders: ["ETag"] }),
    ]);
    expect(t(Sites).findResources("Custom::AWS")).toEqual({});
  });

  it("keeps the vault's KMS key, rotating yearly, when the stack is deleted or the key replaced (a dev stage destroys it: tests/infra/vault.test.ts)", () => {
    // Losing this key loses every client's stored logins: nothing short of a deliberate key deletion may remove it.
    const key = only(t(Vault), "AWS::KMS::Key") as ReturnType<typeof only> & { UpdateReplacePolicy?: string };
    expect(key.DeletionPolicy).toBe("Retain");
    expect(key.UpdateReplacePolicy).toBe("Retain");
    expect(key.Properties.EnableKeyRotation).toBe(true);
  });

  it("gives the API the sites' URLs as plain values", () => {
    expect(apiHandler().Properties.Environment.Variables).toMatchObject({
      BATON_WEB_URL: "https://app.example.com",
      BATON_PORTAL_URL: "https://clients.example.com",
    });
  });

  it("serves each site on its domain", () => {
    const aliases = Object.values(t(Sites).findResources("AWS::CloudFront::Distribution")).map(
      (d) => d.Properties.DistributionConfig.Aliases,
    );
    expect(aliases).toEqual(
      expect.arrayContaining([["app.example.com"], ["clients.example.com"]]),
    );
  });

  it("sends from the domain by default", () => {
    expect(apiHandler().Properties.Environment.Variables.BATON_EMAIL_FROM).toBe(
      "Baton <no-reply@example.com>",
    );
  });

  it("lets the functions send only as the domain identity, through the configuration set", () => {
    const identity = only(t(Email), "AWS::SES::EmailIdentity", { EmailIdentity: "example.com" });
    const policies = Object.values(t(Api).findResources("AWS::IAM::Policy"));
    const ses = policies
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .filter((s) => [s.Action].flat().some((a: string) => a.startsWith("ses:")));
    expect(ses).toHaveLength(2); // the API and the worker (sign-in links); the jobs are in their own stack, below
    const jobSes = Object.values(t(Jobs).findResources("AWS::IAM::Policy"))
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .filter((s) => [s.Action].flat().some((a: string) => a.startsWith("ses:")));
    expect(jobSes).toHaveLength(3); // the scheduled jobs, the agency worker and the minute's message emails; the feedback function sends nothing
    ses.push(...jobSes);
    for (const statement of ses) {
      const [identityArn, configSetArn] = statement.Resource;
      expect(statement.Resource).toHaveLength(2);
      const [, identityParts] = identityArn["Fn::Join"];
      expect(identityParts.at(-2)).toMatch(/:ses:us-east-1:123456789012:identity\/$/);
      expect(exported(t(Email), identityParts.at(-1))).toEqual({ Ref: identity.logicalId });
      expect(JSON.stringify(configSetArn)).toContain(":configuration-set/");
    }
  });
});

describe("prod after a restore (BATON_RESTORED_TABLE)", () => {
  const restoredArn = `:dynamodb:us-east-1:123456789012:table/${RESTORED}`;

  it("names the restored table in the parameter and the output, with no code change", () => {
    expect(only(t(Storage), "AWS::SSM::Parameter", { Name: "/sst/baton/prod/Parameter/TABLE_NAME/value" }).Properties.Value).toBe(RESTORED);
    expect(t(Storage).findOutputs("TableName").TableName!.Value).toBe(RESTORED);
    expect(apiHandler().Properties.Environment.Variables.SST_Parameter_value_TABLE_NAME).toBe(RESTORED);
  });

  it("lets every function use the restored table and its indexes, and no other", () => {
    for (const stack of [Api, Jobs] as StackFn[]) {
      const dynamo = Object.values(t(stack).findResources("AWS::IAM::Policy"))
        .flatMap((p) => p.Properties.PolicyDocument.Statement)
        .filter((s) => [s.Action].flat().some((a: string) => a.startsWith("dynamodb:")));
      expect(dynamo.length).toBeGreaterThan(0);
      for (const statement of dynamo) {
        const [table, indexes] = statement.Resource.map((r: unknown) => JSON.stringify(r));
        expect(table).toContain(restoredArn);
        expect(indexes).toContain(`${restoredArn}/index/*`);
      }
    }
  });

  it("watches the restored table for throttles", () => {
    const alarm = only(t(Monitoring), "AWS::CloudWatch::Alarm", { AlarmName: "baton-prod-DynamoThrottles" });
    for (const metric of alarm.Properties.Metrics.filter((m: any) => m.MetricStat)) expect(metric.MetricStat.Metric.Dimensions).toEqual([{ Name: "TableName", Value: RESTORED }]);
  });
});

describe("prod operations settings", () => {
  it("emails the alarms to BATON_ALARM_EMAIL", () => {
    const subscription = only(t(Monitoring), "AWS::SNS::Subscription").Properties;
    expect(subscription).toMatchObject({ Protocol: "email", Endpoint: "ops@example.com", TopicArn: { Ref: only(t(Monitoring), "AWS::SNS::Topic").logicalId } });
  });

  it("sets a monthly budget from BATON_MONTHLY_BUDGET_USD: 80 % spent and 100 % forecast, to the topic and the email", () => {
    const { Budget, NotificationsWithSubscribers } = only(t(Monitoring), "AWS::Budgets::Budget").Properties;
    expect(Budget).toMatchObject({ BudgetType: "COST", TimeUnit: "MONTHLY", BudgetLimit: { Amount: 150, Unit: "USD" } });
    expect(NotificationsWithSubscribers.map((n: any) => [n.Notification.NotificationType, n.Notification.Threshold])).toEqual([
      ["ACTUAL", 80],
      ["FORECASTED", 100],
    ]);
    const topic = { Ref: only(t(Monitoring), "AWS::SNS::Topic").logicalId };
    for (const n of NotificationsWithSubscribers) expect(n.Subscribers).toEqual([{ SubscriptionType: "SNS", Address: topic }, { SubscriptionType: "EMAIL", Address: "ops@example.com" }]);
    const policy = only(t(Monitoring), "AWS::SNS::TopicPolicy").Properties.PolicyDocument.Statement;
    expect(policy).toEqual([expect.objectContaining({ Principal: { Service: "budgets.amazonaws.com" }, Action: "SNS:Publish", Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } } })]);
  });

  it("keeps logs 90 days, and keeps a removed function's logs until then", () => {
    const groups = ([Storage, Secrets, Email, Api, Jobs, Sites, Monitoring] as StackFn[]).flatMap((stack) => Object.values(t(stack).findResources("AWS::Logs::LogGroup")));
    expect(groups.length).toBeGreaterThan(10);
    for (const group of groups) {
      expect(group.Properties.RetentionInDays).toBe(90);
      expect(group.DeletionPolicy).toBe("Retain");
    }
  });
});
