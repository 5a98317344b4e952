import { afterEach, describe, expect, it } from "vitest";
import { Hono } from "hono";
import { clientIp, viewerAddress } from "@baton/functions/api/client-ip";
import { originGuard } from "@baton/functions/api/origin";
import { onError } from "@baton/functions/api/errors";

// Behind CloudFront, API Gateway's source IP is the edge's. The viewer's address is believed
// from CloudFront-Viewer-Address only when the request also carries the secret origin header
// CloudFront adds (infra/sites.ts); anyone else's copy of that header is ignored.

const SECRET = "s3cret-origin-value-0123456789abcdefghij";
const EDGE = "130.176.1.1";
const lambdaEnv = { event: { requestContext: { http: { sourceIp: EDGE } } } };

const app = new Hono().use(originGuard).get("/ip", (c) => c.text(clientIp(c) ?? "none"));
app.onError(onError);
const ipOf = async (headers: Record<string, string>) => (await app.request("/ip", { headers }, lambdaEnv)).text();

afterEach(() => {
  delete process.env.BATON_ORIGIN_SECRET;
});

describe("the client IP behind CloudFront", () => {
  it("is the viewer's address when CloudFront's secret header comes with it", async () => {
    process.env.BATON_ORIGIN_SECRET = SECRET;
    expect(await ipOf({ "x-baton-origin": SECRET, "cloudfront-viewer-address": "198.51.100.10:46532" })).toBe("198.51.100.10");
    expect(await ipOf({ "x-baton-origin": SECRET, "cloudfront-viewer-address": "2001:db8::7:443" })).toBe("2001:db8::7");
  });

  it("ignores a viewer-address header without the secret, or with a wrong one", async () => {
    // Locally (no secret configured): the header is anyone's to write.
    expect(await ipOf({ "cloudfront-viewer-address": "203.0.113.9:1234" })).toBe(EDGE);
    process.env.BATON_ORIGIN_SECRET = SECRET;
    const forged = await app.request("/ip", { headers: { "x-baton-origin": "guess", "cloudfront-viewer-address": "203.0.113.9:1234" } }, lambdaEnv);
    expect(forged.status).toBe(403);
  });

  it("falls back to the network's address when the header is missing or garbled", async () => {
    process.env.BATON_ORIGIN_SECRET = SECRET;
    expect(await ipOf({ "x-baton-origin": SECRET })).toBe(EDGE);
    expect(await ipOf({ "x-baton-origin": SECRET, "cloudfront-viewer-address": "not an address" })).toBe(EDGE);
  });

  it("never believes X-Forwarded-For", async () => {
    expect(await ipOf({ "x-forwarded-for": "203.0.113.9" })).toBe(EDGE);
  });
});

describe("the origin guard", () => {
  it("refuses a request that did not come through CloudFront when deployed", async () => {
    process.env.BATON_ORIGIN_SECRET = SECRET;
    const direct = await app.request("/ip", {}, lambdaEnv);
    expect(direct.status).toBe(403);
    expect(await direct.json()).toMatchObject({ error: { code: "origin.direct" } });
    expect((await app.request("/ip", { headers: { "x-baton-origin": SECRET } }, lambdaEnv)).status).toBe(200);
  });

  it("requires nothing where no secret is configured (locally)", async () => {
    expect((await app.request("/ip", {}, lambdaEnv)).status).toBe(200);
  });
});

describe("viewerAddress", () => {
  it("reads CloudFront's <ip>:<port> forms and nothing else", () => {
    expect(viewerAddress("192.0.2.1:80")).toBe("192.0.2.1");
    expect(viewerAddress("2001:0db8:85a3::8a2e:0370:7334:46532")).toBe("2001:0db8:85a3::8a2e:0370:7334");
    for (const bad of [undefined, "", "192.0.2.1", ":80", "evil.example:80", "1.2.3.4:port", "<script>:1"]) expect(viewerAddress(bad)).toBeUndefined();
  });
});
