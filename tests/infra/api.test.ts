import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Template } from "aws-cdk-lib/assertions";
import type { Stack } from "aws-cdk-lib/core";
import { useProject } from "sst/project.js";
import { Api } from "../../infra/api.ts";
import { Email } from "../../infra/email.ts";
import { Sites } from "../../infra/sites.ts";
import { Storage } from "../../infra/storage.ts";
import { exported, only, synth, SYNTH_TIMEOUT } from "./synth.ts";

const API_HANDLER = "packages/functions/src/api/lambda.handler";
const JOB_HANDLER = "packages/functions/src/jobs/scheduled.handler";
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
let storage: Template;
let email: Template;
let stacks: { api: Stack; sites: Stack };
beforeAll(async () => {
  const app = await synth("api");
  api = app.template(Api);
  storage = app.template(Storage);
  email = app.template(Email);
  stacks = { api: app.stack(Api), sites: app.stack(Sites) };
}, SYNTH_TIMEOUT);

type Statement = { Action: string | string[]; Resource: unknown; Effect: string };
const fn = (handler: string) => only(api, "AWS::Lambda::Function", { Handler: handler });
const env = (handler: string) => fn(handler).Properties.Environment.Variables;
/** The statements of the policies attached to the role of the function with this handler. */
function statements(handler: string): Statement[] {
  const role = fn(handler).Properties.Role["Fn::GetAtt"][0];
  return Object.values(api.findResources("AWS::IAM::Policy"))
    .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === role))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
}
const actions = (s: Statement) => [s.Action].flat();
const resources = (s: Statement) => [s.Resource].flat();
const about = (service: string, handler: string) =>
  statements(handler).filter((s) => actions(s).some((a) => a.startsWith(`${service}:`)));

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
    // The function's own environment, with what SST would fetch from SSM stubbed in. The handler
    // reads its bound secrets at load time (top-level await), so a missing binding fails here, and
    // so would a second `require` banner (SST's ESM banner already defines one).
    const lambdaEnv = Object.fromEntries(
      Object.entries(env(API_HANDLER) as Record<string, unknown>).map(([name, value]) => [
        name,
        value === "__FETCH_FROM_SSM__" ? `stub-${name}`.padEnd(48, "-") : typeof value === "string" ? value : "stub",
      ]),
    );
    const loaded = execFileSync(
      process.execPath,
      ["--input-type=module", "-e", "const m = await import(process.argv[1]); console.log(typeof m.handler)", bundle],
      {
        env: { PATH: process.env.PATH, AWS_REGION: "us-east-1", ...lambdaEnv },
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    expect(loaded.trim()).toBe("function");
    // Minified for a faster cold start: esbuild then writes long lines, not a statement per line.
    const code = readFileSync(bundle, "utf8");
    expect(code.length / code.split("\n").length).toBeGreaterThan(500);
  });

  it("knows the table by name from the Storage stack", () => {
    const tableName = exported(storage, env(API_HANDLER).BATON_TABLE_NAME);
    expect(tableName).toEqual({ Ref: only(storage, "AWS::DynamoDB::Table").logicalId });
  });

  it("gets the sender and the SES configuration set", () => {
    const vars = env(API_HANDLER);
    expect(vars.BATON_EMAIL_FROM).toBe("Baton <no-reply@example.com>");
    expect(exported(email, vars.BATON_SES_CONFIGURATION_SET)).toEqual({
      Ref: only(email, "AWS::SES::ConfigurationSet").logicalId,
    });
  });

  it("has the session secret bound, readable from SSM and nowhere in the template", () => {
    const vars = env(API_HANDLER);
    const ssm = JSON.stringify(about("ssm", API_HANDLER));
    expect(vars.SST_Secret_value_SESSION_SECRET).toBe("__FETCH_FROM_SSM__");
    expect(ssm).toContain(":parameter/sst/baton/api/Secret/SESSION_SECRET/value");
    // Only what the API reads: an unset bound secret would fail every cold start.
    expect(Object.keys(vars).filter((name) => name.startsWith("SST_Secret_value_"))).toEqual(["SST_Secret_value_SESSION_SECRET"]);
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
});

describe("the HTTP API", () => {
  it("routes ANY /api and ANY /api/{proxy+}, and nothing else", () => {
    const routes = Object.values(api.findResources("AWS::ApiGatewayV2::Route")).map(
      (r) => r.Properties.RouteKey,
    );
    expect(routes.sort()).toEqual(["ANY /api", "ANY /api/{proxy+}"]);
  });

  it("sends both routes to the one API function", () => {
    const targets = Object.values(api.findResources("AWS::ApiGatewayV2::Integration")).map(
      (i) => i.Properties.IntegrationUri,
    );
    expect(targets).toHaveLength(2);
    for (const target of targets) {
      expect(target).toEqual({ "Fn::GetAtt": [fn(API_HANDLER).logicalId, "Arn"] });
    }
  });

  it("answers no cross-origin preflight: the apps reach it same-origin", () => {
    expect(only(api, "AWS::ApiGatewayV2::Api").Properties.CorsConfiguration).toBeUndefined();
  });
});

describe.each([
  ["API", API_HANDLER],
  ["scheduled job", JOB_HANDLER],
])("the %s's permissions", (_, handler) => {
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

  it("allow sending email as this account's SES identities, via the configuration set only", () => {
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
});

describe("the scheduled job", () => {
  it("runs every 15 minutes", () => {
    const rule = only(api, "AWS::Events::Rule", { ScheduleExpression: "rate(15 minutes)" });
    expect(rule.Properties.Targets).toEqual([
      expect.objectContaining({ Arn: { "Fn::GetAtt": [fn(JOB_HANDLER).logicalId, "Arn"] } }),
    ]);
  });

  it("gets the same table, email and secrets as the API", () => {
    const { BATON_TABLE_NAME, BATON_EMAIL_FROM, SST_Secret_value_SESSION_SECRET } = env(API_HANDLER);
    expect(env(JOB_HANDLER)).toMatchObject({ BATON_TABLE_NAME, BATON_EMAIL_FROM, SST_Secret_value_SESSION_SECRET });
  });
});

describe("stack order", () => {
  it("has the Sites depend on the Api and never the reverse (no cycle)", () => {
    expect(stacks.sites.dependencies).toContain(stacks.api);
    expect(stacks.api.dependencies).not.toContain(stacks.sites);
  });
});
