import { CfnWebACL } from "aws-cdk-lib/aws-wafv2";
import type { Stack } from "aws-cdk-lib/core";

// The WAF in front of both CloudFront distributions: a per-IP rate limit on the sign-in routes
// (magic-link requests and redemptions), AWS's common rule set and its known-bad-inputs set. A
// web ACL for CloudFront must live in us-east-1; a stage in another region names one made there
// (BATON_WAF_WEB_ACL_ARN).

/** Requests to /api/auth/* one IP may make in 5 minutes before it is answered 429. */
export const SIGN_IN_RATE_LIMIT = Number(process.env.BATON_SIGN_IN_RATE_LIMIT || 100);

const RATE_LIMITED_BODY = JSON.stringify({
  error: { code: "rate_limited", message: "Too many sign-in attempts from your network. Please wait a few minutes and try again." },
});

/** The web ACL's ARN for the distributions (made here, or the one the deploy setting names). */
export function webAclArn(stack: Stack): string {
  const given = process.env.BATON_WAF_WEB_ACL_ARN || undefined;
  if (given) return given;
  if (stack.region !== "us-east-1") {
    throw new Error(
      `A WAF web ACL for CloudFront can only be made in us-east-1, and this stage deploys to ${stack.region}. ` +
        "Deploy the stage to us-east-1, or create the web ACL there and set BATON_WAF_WEB_ACL_ARN to its ARN (see README, 'Deploy to AWS').",
    );
  }
  const metric = (name: string) => ({ cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: name });
  const managed = (priority: number, name: string, countOnly: string[] = []): CfnWebACL.RuleProperty => ({
    name,
    priority,
    overrideAction: { none: {} },
    statement: {
      managedRuleGroupStatement: {
        vendorName: "AWS",
        name,
        ...(countOnly.length ? { ruleActionOverrides: countOnly.map((rule) => ({ name: rule, actionToUse: { count: {} } })) } : {}),
      },
    },
    visibilityConfig: metric(name),
  });
  const acl = new CfnWebACL(stack, "Shield", {
    scope: "CLOUDFRONT",
    defaultAction: { allow: {} },
    visibilityConfig: metric("BatonShield"),
    customResponseBodies: { "rate-limited": { contentType: "APPLICATION_JSON", content: RATE_LIMITED_BODY } },
    rules: [
      {
        name: "SignInRateLimit",
        priority: 0,
        action: { block: { customResponse: { responseCode: 429, customResponseBodyKey: "rate-limited" } } },
        statement: {
          rateBasedStatement: {
            limit: SIGN_IN_RATE_LIMIT,
            evaluationWindowSec: 300,
            aggregateKeyType: "IP",
            scopeDownStatement: {
              byteMatchStatement: {
                fieldToMatch: { uriPath: {} },
                positionalConstraint: "STARTS_WITH",
                searchString: "/api/auth/",
                textTransformations: [{ priority: 0, type: "LOWERCASE" }],
              },
            },
          },
        },
        visibilityConfig: metric("SignInRateLimit"),
      },
      // Counted, not blocked: the API takes JSON bodies up to 64 KB (the set blocks over 8 KB), and
      // people may write markup in SOPs and messages, which the apps always show as text.
      managed(1, "AWSManagedRulesCommonRuleSet", ["SizeRestrictions_BODY", "CrossSiteScripting_BODY"]),
      managed(2, "AWSManagedRulesKnownBadInputsRuleSet"),
    ],
  });
  return acl.attrArn;
}
