import path from "node:path";
import { Fn } from "aws-cdk-lib/core";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { Duration } from "aws-cdk-lib/core";
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from "aws-cdk-lib/custom-resources";
import { contentSecurityPolicy, HSTS_SECONDS, ORIGIN_HEADER, VIEWER_ADDRESS_HEADER } from "../packages/functions/src/api/app-headers.ts";
import { Files, filesCors } from "./files.ts";
import { StaticSite, use, type StackContext, type StaticSiteProps } from "sst/constructs";
import { Api } from "./api.ts";
import { customDomains } from "./domains.ts";
import { Secrets } from "./secrets.ts";
import { Jobs } from "./jobs.ts";
import { webAclArn } from "./shield.ts";

// SPA routing in the viewer request, not in distribution-wide error responses: those would also
// turn the API's 403s and 404s into index.html with status 200.
const SPA_REWRITE = `function handler(event) {
  var request = event.request;
  var last = request.uri.split("/").pop();
  if (last.indexOf(".") === -1) request.uri = "/index.html";
  return request;
}`;

export function Sites({ stack }: StackContext) {
  const { url: apiUrl, functions } = use(Api);
  const { ORIGIN_SECRET } = use(Secrets);
  const jobs = use(Jobs);
  const files = use(Files);
  const domains = customDomains();
  // One WAF web ACL in front of both distributions (shield.ts).
  const webAclId = webAclArn(stack);
  // Pages upload to the files bucket and show image previews from it.
  const filesOrigin = `https://${files.bucket.cdk.bucket.bucketRegionalDomainName}`;
  const spaRewrite = new CloudFrontFunction(stack, "SpaRewrite", {
    code: FunctionCode.fromInline(SPA_REWRITE),
  });
  // The apps' pages get the same security headers as locally (app-headers.ts), plus HSTS.
  const securityHeaders = new ResponseHeadersPolicy(stack, "AppSecurityHeaders", {
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy([filesOrigin]), override: true },
      strictTransportSecurity: { accessControlMaxAge: Duration.seconds(HSTS_SECONDS), includeSubdomains: true, override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
    },
  });

  // What reaches the API: the viewer's own address (CloudFront-Viewer-Address, trusted by the API
  // only next to the origin secret below), the headers the API reads, every cookie and query
  // string. Not Host: API Gateway routes on its own. (At most 10 headers in a policy.)
  const apiOriginRequest = new OriginRequestPolicy(stack, "ApiOriginRequest", {
    comment: "Baton API: viewer address, the API's headers, cookies, query",
    headerBehavior: OriginRequestHeaderBehavior.allowList(
      VIEWER_ADDRESS_HEADER,
      "Content-Type",
      "Accept",
      "Accept-Language",
      "User-Agent",
      "Origin",
      "Referer",
      "x-baton-app",
      "stripe-signature",
    ),
    cookieBehavior: OriginRequestCookieBehavior.all(),
    queryStringBehavior: OriginRequestQueryStringBehavior.all(),
  });
  // Nothing from the API is cached (TTLs 0; it also answers no-store), but Authorization (API
  // keys) can only reach an origin through a cache policy, so it has one that names it.
  const apiCache = new CachePolicy(stack, "ApiNoCache", {
    comment: "Baton API: not cached; forwards Authorization",
    minTtl: Duration.seconds(0),
    defaultTtl: Duration.seconds(0),
    maxTtl: Duration.seconds(1),
    headerBehavior: CacheHeaderBehavior.allowList("Authorization"),
    cookieBehavior: CacheCookieBehavior.none(),
    queryStringBehavior: CacheQueryStringBehavior.none(),
  });

  // The apps call `/api/...` relatively and authenticate with a SameSite=Lax HttpOnly cookie, so
  // the API must be same-origin with each site: CloudFront forwards /api to API Gateway, with the
  // secret header that proves it (the API refuses requests without it).
  const apiBehavior = (): BehaviorOptions => ({
    // https://<id>.execute-api.<region>.amazonaws.com -> the host part
    origin: new HttpOrigin(Fn.select(2, Fn.split("/", apiUrl)), {
      customHeaders: { [ORIGIN_HEADER]: ORIGIN_SECRET.secretValue.unsafeUnwrap() },
    }),
    allowedMethods: AllowedMethods.ALLOW_ALL,
    viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
    cachePolicy: apiCache,
    originRequestPolicy: apiOriginRequest,
  });

  const site = (name: "web" | "portal", props: StaticSiteProps) => {
    const domain = domains[name];
    const behavior = apiBehavior();
    return new StaticSite(stack, name, {
      path: name,
      ...build(name),
      ...props,
      ...(domain && {
        customDomain: { domainName: domain, hostedZone: domains.hostedZone ?? domain },
      }),
      // The apps read no build-time variables, so SST's generated Vite types stay out of their trees.
      vite: { types: `../.sst/types/${name}-env.d.ts` },
      cdk: {
        distribution: {
          webAclId,
          errorResponses: [],
          defaultBehavior: {
            responseHeadersPolicy: securityHeaders,
            functionAssociations: [
              { function: spaRewrite, eventType: FunctionEventType.VIEWER_REQUEST },
            ],
          },
          additionalBehaviors: { "/api": behavior, "/api/*": behavior },
        },
      },
    });
  };

  const web = site("web", {});
  // Locally the portal is served under /portal/; here it has a distribution of its own.
  const portal = site("portal", { environment: { PORTAL_BASE: "/" } });

  // A cycle-free way for the API and jobs to learn the CloudFront URLs: SST writes each site's
  // URL to SSM in this stack and the functions read it at cold start (StaticSite.<name>.url).
  for (const fn of [...functions, ...jobs.linking]) fn.bind([web, portal]);

  // Without custom domains the sites' origins exist only now: this stack gives the files bucket
  // its CORS rule (the Files stack can't name them without a dependency cycle).
  if (!files.corsSet) {
    const rule = filesCors([web.url!, portal.url!]);
    new AwsCustomResource(stack, "FilesCors", {
      onUpdate: {
        service: "S3",
        action: "putBucketCors",
        parameters: {
          Bucket: files.bucket.bucketName,
          CORSConfiguration: {
            CORSRules: [
              { AllowedOrigins: rule.allowedOrigins, AllowedMethods: rule.allowedMethods, AllowedHeaders: rule.allowedHeaders, ExposeHeaders: rule.exposedHeaders, MaxAgeSeconds: 3000 },
            ],
          },
        },
        physicalResourceId: PhysicalResourceId.of(`${files.bucket.bucketName}-cors`),
      },
      policy: AwsCustomResourcePolicy.fromStatements([
        new PolicyStatement({ actions: ["s3:PutBucketCORS"], resources: [files.bucket.bucketArn] }),
      ]),
      installLatestAwsSdk: false,
    });
  }

  stack.addOutputs({
    WebUrl: web.customDomainUrl ?? web.url ?? "",
    PortalUrl: portal.customDomainUrl ?? portal.url ?? "",
  });
  return { web, portal, webAclId };
}

// BATON_SITES_PREBUILT=<dir> uploads <dir>/web and <dir>/portal instead of running Vite: the synth
// tests use it, and so can a CI job that already built the apps (the portal with PORTAL_BASE=/).
function build(name: string): Pick<StaticSiteProps, "buildCommand" | "buildOutput"> {
  const prebuilt = process.env.BATON_SITES_PREBUILT;
  if (!prebuilt) return { buildCommand: "npm run build", buildOutput: "dist" };
  // StaticSite resolves buildOutput against the site's own folder.
  return { buildOutput: path.relative(path.resolve(name), path.resolve(prebuilt, name)) };
}
