import { runInNewContext } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Template } from "aws-cdk-lib/assertions";
import type { Stack } from "aws-cdk-lib/core";
import type { StaticSite } from "sst/constructs";
import { Api } from "../../infra/api.ts";
import { Sites } from "../../infra/sites.ts";
import { exported, only, synth, SYNTH_TIMEOUT } from "./synth.ts";

import { Secrets } from "../../infra/secrets.ts";

let sites: Template;
let api: Template;
let secrets: Template;
let sitesStack: Stack;
beforeAll(async () => {
  const app = await synth("sites");
  sites = app.template(Sites);
  api = app.template(Api);
  secrets = app.template(Secrets);
  sitesStack = app.stack(Sites);
}, SYNTH_TIMEOUT);

type Distribution = { Properties: { DistributionConfig: Record<string, any> } };
const distribution = (site: "web" | "portal") => {
  const found = Object.entries(sites.findResources("AWS::CloudFront::Distribution")).filter(
    ([id]) => id.startsWith(`${site}Distribution`),
  );
  expect(found).toHaveLength(1);
  return (found[0]![1] as Distribution).Properties.DistributionConfig;
};

/** The CSP as text; the files bucket's address is a deploy-time token, shown as `<token>`. */
function cspText(value: string | { "Fn::Join": [string, unknown[]] }): string {
  if (typeof value === "string") return value;
  const [separator, parts] = value["Fn::Join"];
  return parts.map((part) => (typeof part === "string" ? part : "<token>")).join(separator);
}

describe.each(["web", "portal"] as const)("the %s site's distribution", (site) => {
  it("serves the app's pages with the security headers: CSP without inline scripts, HSTS, no framing", () => {
    const config = distribution(site);
    const policyRef = config.DefaultCacheBehavior.ResponseHeadersPolicyId;
    expect(policyRef).toEqual({ Ref: expect.any(String) });
    const policy = sites.toJSON().Resources[policyRef.Ref].Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp = cspText(policy.ContentSecurityPolicy.ContentSecurityPolicy);
    const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src"));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(policy.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: true });
    expect(policy.FrameOptions).toMatchObject({ FrameOption: "DENY" });
    expect(policy.ContentTypeOptions).toMatchObject({ Override: true });
    expect(policy.ReferrerPolicy).toMatchObject({ ReferrerPolicy: "strict-origin-when-cross-origin" });
  });

  it.each(["/api/*", "/api"])("sends %s to the HTTP API, uncached, with cookies and query", (path) => {
    const config = distribution(site);
    const behavior = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === path);
    expect(behavior).toMatchObject({
      AllowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"],
      CachePolicyId: { Ref: expect.any(String) },
      OriginRequestPolicyId: { Ref: expect.any(String) },
      ViewerProtocolPolicy: "https-only",
    });
    // Nothing is cached; Authorization (API keys) is forwarded, as only a cache policy can.
    const cache = sites.toJSON().Resources[behavior.CachePolicyId.Ref].Properties.CachePolicyConfig;
    expect(cache).toMatchObject({ DefaultTTL: 0, MinTTL: 0, MaxTTL: 1 });
    expect(cache.ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig).toEqual({ HeaderBehavior: "whitelist", Headers: ["Authorization"] });
    // The viewer's own address reaches the API, with every cookie and query string; Host does not.
    const forwarded = sites.toJSON().Resources[behavior.OriginRequestPolicyId.Ref].Properties.OriginRequestPolicyConfig;
    expect(forwarded.HeadersConfig.HeaderBehavior).toBe("whitelist");
    expect(forwarded.HeadersConfig.Headers).toEqual(expect.arrayContaining(["CloudFront-Viewer-Address", "Content-Type", "x-baton-app", "stripe-signature"]));
    expect(forwarded.HeadersConfig.Headers.map((h: string) => h.toLowerCase())).not.toContain("host");
    expect(forwarded.HeadersConfig.Headers.length).toBeLessThanOrEqual(10);
    expect(forwarded.CookiesConfig.CookieBehavior).toBe("all");
    expect(forwarded.QueryStringsConfig.QueryStringBehavior).toBe("all");
    const origin = config.Origins.find((o: { Id: string }) => o.Id === behavior.TargetOriginId);
    expect(origin.CustomOriginConfig.OriginProtocolPolicy).toBe("https-only");
    // The secret origin header, resolved from Secrets Manager at deploy time (never in the template).
    const [header] = origin.OriginCustomHeaders;
    expect(header.HeaderName).toBe("x-baton-origin");
    expect(JSON.stringify(header.HeaderValue)).toMatch(/\{\{resolve:secretsmanager:/);
    const secretId = only(secrets, "AWS::SecretsManager::Secret").logicalId;
    const [, parts] = header.HeaderValue["Fn::Join"];
    expect(exported(secrets, parts[1])).toEqual({ Ref: secretId });
    // The host part of the API's endpoint, taken from the Api stack.
    const [index, split] = origin.DomainName["Fn::Select"];
    const [separator, endpoint] = split["Fn::Split"];
    expect([index, separator]).toEqual([2, "/"]);
    const apiId = only(api, "AWS::ApiGatewayV2::Api").logicalId;
    expect(exported(api, endpoint)).toEqual({ "Fn::GetAtt": [apiId, "ApiEndpoint"] });
  });

  it("lets the API's own 403 and 404 responses through (no distribution-wide error pages)", () => {
    expect(distribution(site).CustomErrorResponses).toBeUndefined();
  });

  it("rewrites client-side routes to index.html at the viewer request", () => {
    const [association, ...rest] = distribution(site).DefaultCacheBehavior.FunctionAssociations;
    expect(rest).toEqual([]);
    expect(association.EventType).toBe("viewer-request");
    const fnId = association.FunctionARN["Fn::GetAtt"][0];
    const code = sites.toJSON().Resources[fnId].Properties.FunctionCode as string;
    const rewrite = (uri: string) =>
      runInNewContext(`${code}; handler({ request: { uri: ${JSON.stringify(uri)} } }).uri`);
    expect(rewrite("/")).toBe("/index.html");
    expect(rewrite("/clients/cli_01J")).toBe("/index.html");
    expect(rewrite("/assets/index-abc123.js")).toBe("/assets/index-abc123.js");
    expect(rewrite("/favicon.ico")).toBe("/favicon.ico");
  });
});

describe("the shield (WAF) in front of both sites", () => {
  const acl = () => only(sites, "AWS::WAFv2::WebACL");
  const rule = (name: string) => acl().Properties.Rules.find((r: { Name: string }) => r.Name === name);

  it("is one CloudFront web ACL, attached to both distributions", () => {
    const { logicalId, Properties } = acl();
    expect(Properties).toMatchObject({ Scope: "CLOUDFRONT", DefaultAction: { Allow: {} } });
    for (const site of ["web", "portal"] as const) expect(distribution(site).WebACLId).toEqual({ "Fn::GetAtt": [logicalId, "Arn"] });
  });

  it("limits each IP's requests to /api/auth/* (sign-in links and redemptions), answering 429 in the API's error shape", () => {
    const limit = rule("SignInRateLimit");
    expect(limit.Priority).toBe(0);
    expect(limit.Statement.RateBasedStatement).toEqual({
      Limit: 100,
      EvaluationWindowSec: 300,
      AggregateKeyType: "IP",
      ScopeDownStatement: {
        ByteMatchStatement: {
          FieldToMatch: { UriPath: {} },
          PositionalConstraint: "STARTS_WITH",
          SearchString: "/api/auth/",
          TextTransformations: [{ Priority: 0, Type: "LOWERCASE" }],
        },
      },
    });
    expect(limit.Action.Block.CustomResponse).toEqual({ ResponseCode: 429, CustomResponseBodyKey: "rate-limited" });
    const body = acl().Properties.CustomResponseBodies["rate-limited"];
    expect(body.ContentType).toBe("APPLICATION_JSON");
    expect(JSON.parse(body.Content)).toEqual({ error: { code: "rate_limited", message: expect.stringMatching(/Too many sign-in attempts/) } });
  });

  it("applies AWS's common rules, counting (not blocking) the body-size and markup rules the API's own bodies would trip", () => {
    const common = rule("AWSManagedRulesCommonRuleSet");
    expect(common.OverrideAction).toEqual({ None: {} });
    expect(common.Statement.ManagedRuleGroupStatement).toEqual({
      VendorName: "AWS",
      Name: "AWSManagedRulesCommonRuleSet",
      RuleActionOverrides: [
        { Name: "SizeRestrictions_BODY", ActionToUse: { Count: {} } },
        { Name: "CrossSiteScripting_BODY", ActionToUse: { Count: {} } },
      ],
    });
    expect(rule("AWSManagedRulesKnownBadInputsRuleSet").Statement.ManagedRuleGroupStatement).toEqual({ VendorName: "AWS", Name: "AWSManagedRulesKnownBadInputsRuleSet" });
  });

  it("publishes metrics for every rule (the dashboard and WAF's sampled requests)", () => {
    for (const r of acl().Properties.Rules) expect(r.VisibilityConfig, r.Name).toMatchObject({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true });
  });
});

describe("the sites", () => {
  it("build the portal for the root of its own site", () => {
    const portal = sitesStack.node.findChild("portal") as StaticSite;
    expect(portal.getConstructMetadata().data.environment).toEqual({ PORTAL_BASE: "/" });
  });

  it("output their CloudFront URLs", () => {
    for (const [output, site] of [
      ["WebUrl", "web"],
      ["PortalUrl", "portal"],
    ] as const) {
      const value = sites.findOutputs(output)[output]?.Value;
      expect(JSON.stringify(value)).toMatch(new RegExp(`"Fn::GetAtt":\\["${site}Distribution[0-9A-F]+","DomainName"\\]`));
    }
  });
});
