import { beforeAll, describe, expect, it } from "vitest";
import type { Template } from "aws-cdk-lib/assertions";
import { Api } from "../../infra/api.ts";
import { Files, NONCURRENT_DAYS, OBJECT_ACTIONS } from "../../infra/files.ts";
import { Jobs } from "../../infra/jobs.ts";
import { Sites } from "../../infra/sites.ts";
import { exported, only, synth, SYNTH_TIMEOUT } from "./synth.ts";

// The files bucket, synthesized offline: private, encrypted, TLS only, CORS for the two sites
// only, lifecycle rules, and functions that may touch its objects and nothing else of it.

let files: Template;
let api: Template;
let jobs: Template;
let sites: Template;
beforeAll(async () => {
  const app = await synth("files");
  files = app.template(Files);
  api = app.template(Api);
  jobs = app.template(Jobs);
  sites = app.template(Sites);
}, SYNTH_TIMEOUT);

const bucket = () => only(files, "AWS::S3::Bucket");
type Statement = { Action: string | string[]; Resource: unknown; Effect: string; Condition?: unknown };

describe("the files bucket", () => {
  it("blocks all public access and owns every object", () => {
    expect(bucket().Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket().Properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] });
  });

  it("encrypts at rest (SSE-S3) and refuses requests without TLS", () => {
    expect(bucket().Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
    });
    const policy = only(files, "AWS::S3::BucketPolicy");
    const deny = (policy.Properties.PolicyDocument.Statement as Statement[]).find((s) => s.Effect === "Deny");
    expect(deny).toMatchObject({ Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } } });
  });

  it("aborts incomplete multipart uploads and removes deleted files' objects after a while", () => {
    const rules = bucket().Properties.LifecycleConfiguration.Rules;
    expect(rules).toContainEqual(expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: "Enabled" }));
    expect(rules).toContainEqual(expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: NONCURRENT_DAYS }, ExpiredObjectDeleteMarker: true, Status: "Enabled" }));
    expect(bucket().Properties.VersioningConfiguration).toEqual({ Status: "Enabled" });
  });

  it("allows no origin by itself without custom domains: the Sites stack sets CORS to the two CloudFront sites", () => {
    expect(bucket().Properties.CorsConfiguration).toBeUndefined();
    const cors = only(sites, "Custom::AWS");
    // The SDK call is JSON with CloudFormation tokens joined in: name each token, then read it.
    const parts = (cors.Properties.Update ?? cors.Properties.Create)["Fn::Join"][1] as unknown[];
    const token = (part: any) =>
      part["Fn::GetAtt"] ? `<${part["Fn::GetAtt"].join(".")}>` : part["Fn::ImportValue"] ? "<bucket>" : "<?>";
    const call = JSON.parse(parts.map((part) => (typeof part === "string" ? part : token(part))).join(""));
    expect(call).toMatchObject({ service: "S3", action: "putBucketCors", parameters: { Bucket: "<bucket>" } });
    const distributions = Object.keys(sites.findResources("AWS::CloudFront::Distribution")).sort();
    const rules = call.parameters.CORSConfiguration.CORSRules;
    expect(rules).toHaveLength(1);
    expect([...rules[0].AllowedOrigins].sort()).toEqual(distributions.map((id) => `https://<${id}.DomainName>`));
    expect(rules[0]).toMatchObject({ AllowedMethods: ["GET", "HEAD", "POST", "PUT"], AllowedHeaders: ["*"], ExposeHeaders: ["ETag"], MaxAgeSeconds: 3000 });
  });

  it("lets the apps' pages upload to it and show previews from it (their CSP), and nothing else", () => {
    const policy = only(sites, "AWS::CloudFront::ResponseHeadersPolicy");
    const csp = JSON.stringify(policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain("connect-src 'self' https://");
    expect(csp).toContain("RegionalDomainName");
  });
});

const API_HANDLER = "packages/functions/src/api/lambda.handler";
const NOTIFICATIONS = "packages/functions/src/jobs/notifications.handler";
const HANDLERS = [API_HANDLER, "packages/functions/src/jobs/scheduled.handler", NOTIFICATIONS];
// The API lives in the Api stack; the scheduled jobs and the minute's message emails in Jobs.
const templateOf = (handler: string) => (handler === API_HANDLER ? api : jobs);

describe.each(HANDLERS)("%s", (handler) => {
  const fn = () => only(templateOf(handler), "AWS::Lambda::Function", { Handler: handler });
  const statements = (): Statement[] => {
    const role = fn().Properties.Role["Fn::GetAtt"][0];
    return Object.values(templateOf(handler).findResources("AWS::IAM::Policy"))
      .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === role))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
  };

  it("gets only object-level actions on that bucket's objects", () => {
    const s3 = statements().filter((s) => [s.Action].flat().some((a) => a.startsWith("s3:")));
    expect(s3).toHaveLength(1);
    expect([s3[0]!.Action].flat().sort()).toEqual([...OBJECT_ACTIONS].sort());
    const [resource, ...rest] = [s3[0]!.Resource].flat() as { "Fn::Join": [string, unknown[]] }[];
    expect(rest).toEqual([]);
    const [arn, suffix] = resource!["Fn::Join"][1];
    expect(suffix).toBe("/*");
    expect(exported(files, arn)).toEqual({ "Fn::GetAtt": [bucket().logicalId, "Arn"] });
  });

  it("knows the bucket by name", () => {
    expect(exported(files, fn().Properties.Environment.Variables.BATON_BUCKET_NAME)).toEqual({ Ref: bucket().logicalId });
  });
});

describe("the notification job", () => {
  it("runs every minute, so message emails go out a few minutes after the first message", () => {
    const fn = only(jobs, "AWS::Lambda::Function", { Handler: NOTIFICATIONS });
    // Rules invoke the function through its live alias.
    const alias = only(jobs, "AWS::Lambda::Alias", { FunctionName: { Ref: fn.logicalId } });
    const rules = Object.values(jobs.findResources("AWS::Events::Rule")).filter((r) =>
      JSON.stringify(r.Properties.Targets).includes(`"${alias.logicalId}"`),
    );
    expect(rules.map((r) => r.Properties.ScheduleExpression)).toEqual(["rate(1 minute)"]);
  });
});
