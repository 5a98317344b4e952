import { beforeAll, describe, expect, it } from "vitest";
import { Api } from "../../infra/api.ts";
import { Email } from "../../infra/email.ts";
import { Sites } from "../../infra/sites.ts";
import { Storage } from "../../infra/storage.ts";
import { Files } from "../../infra/files.ts";
import { exported, only, synth, SYNTH_TIMEOUT } from "./synth.ts";

// The prod stage with every optional deploy-time setting given. Route 53 lookups return CDK's
// dummy zone offline, which is enough to see what the settings change.
let t: Awaited<ReturnType<typeof synth>>["template"];
beforeAll(async () => {
  ({ template: t } = await synth("prod", {
    BATON_WEB_DOMAIN: "app.example.com",
    BATON_PORTAL_DOMAIN: "clients.example.com",
    BATON_HOSTED_ZONE: "example.com",
    BATON_EMAIL_DOMAIN: "example.com",
  }));
}, SYNTH_TIMEOUT);

const apiHandler = () => only(t(Api), "AWS::Lambda::Function", { Handler: "packages/functions/src/api/lambda.handler" });

describe("prod with custom domains", () => {
  it("retains the table when the stack is deleted or the table replaced", () => {
    const table = only(t(Storage), "AWS::DynamoDB::Table");
    expect(table.DeletionPolicy).toBe("Retain");
    expect((table as { UpdateReplacePolicy?: string }).UpdateReplacePolicy).toBe("Retain");
  });

  it("keeps the files bucket, and lets only the two sites' domains reach it from browsers", () => {
    const bucket = only(t(Files), "AWS::S3::Bucket");
    expect(bucket.DeletionPolicy).toBe("Retain");
    expect(bucket.Properties.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({ AllowedOrigins: ["https://app.example.com", "https://clients.example.com"], AllowedMethods: ["GET", "HEAD", "POST", "PUT"], ExposedHeaders: ["ETag"] }),
    ]);
    expect(t(Sites).findResources("Custom::AWS")).toEqual({});
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
    expect(ses).toHaveLength(3); // the API, the 15-minute jobs and the notification job
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
