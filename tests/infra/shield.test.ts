import { afterEach, describe, expect, it } from "vitest";
import { App, Stack } from "aws-cdk-lib/core";
import { Template } from "aws-cdk-lib/assertions";
import { webAclArn } from "../../infra/shield.ts";
import { LogRetention, logRetentionDays } from "../../infra/log-retention.ts";
import { Aspects, RemovalPolicy } from "aws-cdk-lib/core";
import { Code, Function as LambdaFunction, Runtime } from "aws-cdk-lib/aws-lambda";

// Deploy-time rules that need no SST synth: plain CDK stacks, milliseconds each.

afterEach(() => {
  delete process.env.BATON_WAF_WEB_ACL_ARN;
  delete process.env.BATON_LOG_RETENTION_DAYS;
});

const stackIn = (region: string) => new Stack(new App(), "Test", { env: { account: "123456789012", region } });

describe("the WAF web ACL for CloudFront", () => {
  it("is made in us-east-1", () => {
    const stack = stackIn("us-east-1");
    webAclArn(stack);
    expect(Object.keys(Template.fromStack(stack).findResources("AWS::WAFv2::WebACL"))).toHaveLength(1);
  });

  it("can't be made elsewhere: the deploy says how to give one", () => {
    expect(() => webAclArn(stackIn("eu-west-1"))).toThrow(/only be made in us-east-1.*BATON_WAF_WEB_ACL_ARN/);
  });

  it("is the one the deploy setting names, in any region", () => {
    process.env.BATON_WAF_WEB_ACL_ARN = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/baton/abc";
    const stack = stackIn("eu-west-1");
    expect(webAclArn(stack)).toBe(process.env.BATON_WAF_WEB_ACL_ARN);
    expect(Object.keys(Template.fromStack(stack).findResources("AWS::WAFv2::WebACL"))).toEqual([]);
  });
});

describe("log retention", () => {
  it("is 90 days in prod and 14 elsewhere, unless set", () => {
    expect(logRetentionDays("prod")).toBe(90);
    expect(logRetentionDays("pr-42")).toBe(14);
    process.env.BATON_LOG_RETENTION_DAYS = "365";
    expect(logRetentionDays("prod")).toBe(365);
  });

  it("refuses a number of days CloudWatch doesn't offer", () => {
    process.env.BATON_LOG_RETENTION_DAYS = "10";
    expect(() => logRetentionDays("prod")).toThrow(/one of CloudWatch's values/);
  });

  it("gives a function a log group of its own that expires, and keeps a group's own retention from being forever", () => {
    const stack = stackIn("us-east-1");
    new LambdaFunction(stack, "Fn", { runtime: Runtime.NODEJS_22_X, handler: "index.handler", code: Code.fromInline("exports.handler = async () => 1") });
    Aspects.of(stack).add(new LogRetention(30, RemovalPolicy.RETAIN));
    const template = Template.fromStack(stack).toJSON();
    const fn = Object.values(template.Resources).find((r: any) => r.Type === "AWS::Lambda::Function") as any;
    const group = template.Resources[fn.Properties.LoggingConfig.LogGroup.Ref];
    expect(group).toMatchObject({ Type: "AWS::Logs::LogGroup", Properties: { RetentionInDays: 30 }, DeletionPolicy: "Retain" });
  });
});
