import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSstEnvironment, signRequest } from "../../packages/functions/src/sst-runtime.ts";

// The Lambda entry points read SST's bound values without `sst/node/*` (and its copy of the AWS
// SDK): the request to SSM is signed by hand, so it is checked against the AWS SDK's signer, and
// the loader against a stand-in SSM that answers as SSM does.

const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: "session-token-example" };
const now = new Date("2026-12-05T08:00:00.000Z");

async function sdkSignature(request: { method: string; url: string; headers: Record<string, string>; body: string }, service: string, region: string) {
  const url = new URL(request.url);
  // applyChecksum off: the SDK signs x-amz-content-sha256 only for S3, not for SSM.
  const signer = new SignatureV4({ credentials, region, service, sha256: Sha256, uriEscapePath: true, applyChecksum: false });
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: url.protocol,
      hostname: url.hostname,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { ...request.headers, host: url.host },
      body: request.body,
    },
    { signingDate: now },
  );
  return (signed.headers as Record<string, string>).authorization;
}

describe("Signature Version 4", () => {
  it("signs SSM's GetParameters exactly as the AWS SDK does", async () => {
    const request = {
      method: "POST",
      url: "https://ssm.eu-west-1.amazonaws.com/",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.GetParameters" },
      body: JSON.stringify({ Names: ["/sst/baton/prod/Secret/SESSION_SECRET/value"], WithDecryption: true }),
    };
    const mine = signRequest(request, { region: "eu-west-1", service: "ssm", credentials, now });
    expect(mine.authorization).toBe(await sdkSignature(request, "ssm", "eu-west-1"));
  });

  it("signs a query string (sorted, RFC 3986 encoded) the same way too", async () => {
    const request = { method: "GET", url: "https://example.amazonaws.com/c?z=1&a=x y*&b=~ü", headers: {}, body: "" };
    const mine = signRequest(request, { region: "us-east-1", service: "execute-api", credentials, now });
    expect(mine.authorization).toBe(await sdkSignature(request, "execute-api", "us-east-1"));
  });
});

describe("the loader", () => {
  const parameters: Record<string, string> = {
    "/sst/baton/prod/Secret/SESSION_SECRET/value": "from-ssm",
    "/sst/baton/.fallback/Secret/STRIPE_WEBHOOK_SECRET/value": "from-fallback",
  };
  const asked: Array<{ target?: string; authorization?: string; names: string[] }> = [];
  const ssm = createServer(async (request: IncomingMessage, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    const names = (JSON.parse(body) as { Names: string[] }).Names;
    asked.push({ target: request.headers["x-amz-target"] as string, authorization: request.headers.authorization, names });
    response.setHeader("content-type", "application/x-amz-json-1.1");
    response.end(
      JSON.stringify({
        Parameters: names.filter((name) => name in parameters).map((Name) => ({ Name, Value: parameters[Name] })),
        InvalidParameters: names.filter((name) => !(name in parameters)),
      }),
    );
  });
  let endpoint = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => ssm.listen(0, "127.0.0.1", () => resolve()));
    endpoint = `http://127.0.0.1:${(ssm.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => ssm.close(() => resolve())));

  const bound = () => ({
    SST_APP: "baton",
    SST_STAGE: "prod",
    SST_REGION: "eu-west-1",
    SST_SSM_PREFIX: "/sst/baton/prod/",
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SESSION_TOKEN: credentials.sessionToken,
    SST_Parameter_value_TABLE_NAME: "baton-prod-table",
    SST_Secret_value_SESSION_SECRET: "__FETCH_FROM_SSM__",
    SST_Secret_value_STRIPE_WEBHOOK_SECRET: "__FETCH_FROM_SSM__",
    SST_StaticSite_url_web: "https://app.example.com",
    SST_StaticSite_url_portal: "https://portal.example.com",
  });

  it("copies parameters, secrets (from SSM, then the fallback) and site URLs to the core's variables", async () => {
    const env: NodeJS.ProcessEnv = bound();
    await loadSstEnvironment({ env, ssmEndpoint: endpoint, now: () => now });
    expect(env).toMatchObject({
      BATON_TABLE_NAME: "baton-prod-table",
      BATON_SESSION_SECRET: "from-ssm",
      STRIPE_WEBHOOK_SECRET: "from-fallback",
      BATON_WEB_URL: "https://app.example.com",
      BATON_PORTAL_URL: "https://portal.example.com",
    });
    expect(env.STRIPE_SECRET_KEY).toBeUndefined(); // not bound: left unset
    expect(asked.every((a) => a.target === "AmazonSSM.GetParameters" && a.authorization?.startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"))).toBe(true);
  });

  it("leaves what the stack set itself (custom domains), and asks SSM nothing when nothing is there", async () => {
    const env: NodeJS.ProcessEnv = { SST_APP: "baton", SST_StaticSite_url_web: "https://d123.cloudfront.net", BATON_WEB_URL: "https://app.agency.com" };
    const before = asked.length;
    await loadSstEnvironment({ env, ssmEndpoint: endpoint });
    expect(env.BATON_WEB_URL).toBe("https://app.agency.com");
    expect(asked.length).toBe(before);
  });

  it("fails loudly for a secret set nowhere, as SST does", async () => {
    const env: NodeJS.ProcessEnv = { ...bound(), SST_Secret_value_STRIPE_SECRET_KEY: "__FETCH_FROM_SSM__" };
    await expect(loadSstEnvironment({ env, ssmEndpoint: endpoint })).rejects.toThrow(/STRIPE_SECRET_KEY/);
  });
});
