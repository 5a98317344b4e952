import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiClient, startApi, type Started } from "../support/http.ts";

let api: Started;
let anonymous: ApiClient;

beforeAll(async () => {
  api = await startApi();
  anonymous = new ApiClient(api.baseUrl);
});
afterAll(() => api.close());

it("serves an OpenAPI 3.1 document describing every route of the app", async () => {
  const { app } = await import("@baton/functions/api");
  const reply = await anonymous.get("/openapi.json");
  expect(reply.status).toBe(200);
  expect(reply.body.openapi).toBe("3.1.0");
  const documented = new Set(
    Object.entries(reply.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} /api${path.replace(/\{(\w+)\}/g, ":$1")}`),
    ),
  );
  const served = app.routes
    .filter((r) => r.method !== "ALL" && !/openapi\.json|\/docs$/.test(r.path))
    .map((r) => `${r.method} ${r.path}`);
  expect(new Set(served)).toEqual(documented);
});

it("documents request bodies from the same schemas that validate them", async () => {
  const { body } = await anonymous.get("/openapi.json");
  const invite = body.paths["/members"].post;
  expect(invite.requestBody.content["application/json"].schema).toMatchObject({
    type: "object",
    required: expect.arrayContaining(["email", "name", "timeZone", "weeklyCapacityHours"]),
    additionalProperties: false,
  });
  expect(invite.responses["400"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Error" });
  expect(body.components.schemas.Error.properties.error.required).toEqual(["code", "message"]);
});

it("serves a readable reference page without scripts", async () => {
  const reply = await anonymous.get("/docs");
  expect(reply.status).toBe(200);
  expect(reply.headers.get("content-type")).toMatch(/text\/html/);
  expect(reply.body).toContain("POST /api/members");
  expect(reply.body).not.toMatch(/<script/i);
  expect(reply.headers.get("content-security-policy")).toContain("default-src 'none'");
});

it("sends security headers on API responses", async () => {
  const reply = await anonymous.get("/me");
  expect(reply.status).toBe(401);
  expect(reply.headers.get("x-content-type-options")).toBe("nosniff");
  expect(reply.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  expect(reply.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
});

it("describes both session cookies, the app header and API keys, and which of them each operation accepts", async () => {
  const { body } = await anonymous.get("/openapi.json");
  expect(body.components.securitySchemes).toMatchObject({
    webSession: { type: "apiKey", in: "cookie", name: "baton_web" },
    portalSession: { type: "apiKey", in: "cookie", name: "baton_portal" },
    appHeader: { type: "apiKey", in: "header", name: "x-baton-app" },
    apiKey: { type: "http", scheme: "bearer" },
  });
  expect(body.info.description).toContain("x-baton-app: portal");
  // Team reads: the web cookie alone, or a key with the read scope; writes add the header, or the write scope.
  expect(body.paths["/clients"].get.security).toEqual([{ webSession: [] }, { apiKey: ["read"] }]);
  expect(body.paths["/clients"].post.security).toEqual([{ webSession: [], appHeader: [] }, { apiKey: ["write"] }]);
  // A portal session sends the header even on reads: it is what picks the portal cookie.
  expect(body.paths["/portal/company"].get.security).toEqual([{ portalSession: [], appHeader: [] }]);
  expect(body.paths["/requests"].get.security).toEqual([{ webSession: [] }, { portalSession: [], appHeader: [] }, { apiKey: ["read"] }]);
  // Key management is the owner's in person: no key is accepted.
  expect(body.paths["/api-keys"].post.security).toEqual([{ webSession: [], appHeader: [] }]);
  expect(body.paths["/health"].get.security).toEqual([]);
});
