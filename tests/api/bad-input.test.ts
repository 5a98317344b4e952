import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, signIn, startApi, type Started } from "../support/http.ts";
import { createAgency, uniqueEmail } from "../support/fixtures.ts";

// Every route that takes a body, with one valid body and one of wrong types. The first test
// checks this table against the app's own route list, so a new route cannot skip these checks.
type BodyRoute = { method: "POST" | "PATCH"; path: string; valid: () => Record<string, unknown>; wrongTypes: Record<string, unknown> };

let api: Started;
let owner: ApiClient;
let ids: { member: string; client: string; contact: string };

const bodyRoutes: BodyRoute[] = [
  { method: "POST", path: "/auth/link", valid: () => ({ email: uniqueEmail("x") }), wrongTypes: { email: 42 } },
  { method: "POST", path: "/auth/verify", valid: () => ({ token: "x" }), wrongTypes: { token: ["x"] } },
  { method: "PATCH", path: "/me", valid: () => ({ name: "Me" }), wrongTypes: { name: 1, timeZone: true, locale: "fr" } },
  {
    method: "POST",
    path: "/members",
    valid: () => ({ email: uniqueEmail("m"), name: "M", timeZone: "UTC", weeklyCapacityHours: 10 }),
    wrongTypes: { email: "not-an-email", name: "", skills: "Design", timeZone: "Mars/Base", weeklyCapacityHours: "ten" },
  },
  { method: "PATCH", path: "/members/:memberId", valid: () => ({ version: 1 }), wrongTypes: { version: "1", weeklyCapacityHours: -3 } },
  {
    method: "POST",
    path: "/clients",
    valid: () => ({ name: "C", code: "CC", timeZone: "UTC", currency: "EUR" }),
    wrongTypes: { name: 5, code: "no spaces!", timeZone: 3, currency: "EURO", status: "vip", website: "ftp://x" },
  },
  { method: "PATCH", path: "/clients/:clientId", valid: () => ({ version: 1 }), wrongTypes: { version: null, currency: "XXXX" } },
  {
    method: "POST",
    path: "/clients/:clientId/contacts",
    valid: () => ({ email: uniqueEmail("c"), name: "C", timeZone: "UTC" }),
    wrongTypes: { email: {}, name: [], timeZone: "Nowhere" },
  },
  { method: "POST", path: "/api-keys", valid: () => ({ name: "Key" }), wrongTypes: { name: 12 } },
];

/** Routes that change state but read no body. */
const bodilessRoutes = [
  "POST /api/auth/sign-out",
  "POST /api/members/:memberId/invite",
  "POST /api/clients/:clientId/contacts/:contactId/invite",
];

beforeAll(async () => {
  api = await startApi();
  const agency = await createAgency("Input Agency");
  owner = new ApiClient(api.baseUrl);
  await signIn(owner, agency.ownerEmail);
  const member = await owner.post("/members", { email: uniqueEmail("m"), name: "M", timeZone: "UTC", weeklyCapacityHours: 10 });
  const client = await owner.post("/clients", { name: "C", code: "BASE", timeZone: "UTC", currency: "EUR" });
  const contact = await owner.post(`/clients/${client.body.id}/contacts`, { email: uniqueEmail("c"), name: "C", timeZone: "UTC" });
  ids = { member: member.body.id, client: client.body.id, contact: contact.body.id };
});
afterAll(() => api.close());

/** A route's path with the ids created in beforeAll. */
const filled = (path: string) =>
  path.replace(":memberId", ids.member).replace(":clientId", ids.client).replace(":contactId", ids.contact);

it("covers every state-changing route of the API", async () => {
  const { app } = await import("@baton/functions/api");
  const changing = app.routes
    .filter((r) => ["POST", "PATCH", "PUT"].includes(r.method))
    .map((r) => `${r.method} ${r.path}`);
  const covered = [...bodyRoutes.map((r) => `${r.method} /api${r.path}`), ...bodilessRoutes];
  expect(new Set(changing)).toEqual(new Set(covered));
});

describe.each(bodyRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))("%s", (_name, route) => {
  const live = () => ({ ...route, path: filled(route.path) });

  it("rejects malformed JSON with 400 invalid_json", async () => {
    const reply = await owner.request(live().method, live().path, '{"name": ', { "content-type": "application/json" });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe("invalid_json");
    expect(reply.body.error.message).toEqual(expect.any(String));
  });

  it("rejects a body that is not JSON with 415", async () => {
    const reply = await owner.request(live().method, live().path, "name=x", { "content-type": "text/plain" });
    expect(reply.status).toBe(415);
    expect(reply.body.error.code).toBe("unsupported_media_type");
  });

  it("rejects wrong types with 400 and names each field", async () => {
    const reply = await owner.request(live().method, live().path, { ...live().valid(), ...route.wrongTypes });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe("validation_failed");
    expect(Object.keys(reply.body.error.fields).sort()).toEqual(Object.keys(route.wrongTypes).sort());
  });

  it("rejects unknown fields", async () => {
    const reply = await owner.request(live().method, live().path, { ...live().valid(), isAdmin: true });
    expect(reply.status).toBe(400);
    expect(reply.body.error.fields).toEqual({ isAdmin: "Unknown field." });
  });

  it("rejects a prototype-pollution key as an unknown field", async () => {
    const body = `{${JSON.stringify(live().valid()).slice(1, -1)},"__proto__":{"role":"owner"}}`;
    const reply = await owner.request(live().method, live().path, body, { "content-type": "application/json" });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe("validation_failed");
  });

  it("rejects an oversize body with 413", async () => {
    const reply = await owner.request(live().method, live().path, { ...live().valid(), padding: "x".repeat(70 * 1024) });
    expect(reply.status).toBe(413);
    expect(reply.body.error.code).toBe("payload_too_large");
  });
});

describe("ids that do not exist or belong to another agency", () => {
  it("answers 404 for malformed and unknown ids on every id route", async () => {
    const unknown = {
      member: "mem_01jzzzzzzzzzzzzzzzzzzzzzzz",
      client: "cli_01jzzzzzzzzzzzzzzzzzzzzzzz",
    };
    const probes: Array<[string, string, unknown?]> = [
      ["GET", `/members/${unknown.member}`],
      ["GET", "/members/not-an-id"],
      ["PATCH", `/members/${unknown.member}`, { version: 1 }],
      ["DELETE", "/members/../../etc"],
      ["POST", `/members/${unknown.member}/invite`],
      ["GET", `/clients/${unknown.client}`],
      ["GET", "/clients/%00"],
      ["PATCH", `/clients/${unknown.client}`, { version: 1 }],
      ["GET", `/clients/${unknown.client}/contacts`],
      ["POST", `/clients/${unknown.client}/contacts`, { email: uniqueEmail("x"), name: "X", timeZone: "UTC" }],
      ["POST", `/clients/${ids.client}/contacts/con_01jzzzzzzzzzzzzzzzzzzzzzzz/invite`],
      ["DELETE", "/api-keys/key_01jzzzzzzzzzzzzzzzzzzzzzzz"],
      ["GET", "/no/such/route"],
    ];
    for (const [method, path, body] of probes) {
      const reply = await owner.request(method, path, body);
      expect(reply.status, `${method} ${path}`).toBe(404);
      expect(reply.body.error.code, `${method} ${path}`).toBe("not_found");
    }
  });

  it("hides another agency's API key and contact behind 404", async () => {
    const other = await createAgency("Key Agency");
    const otherOwner = new ApiClient(api.baseUrl);
    await signIn(otherOwner, other.ownerEmail);
    const key = await owner.post("/api-keys", { name: "Mine" });
    expect((await otherOwner.delete(`/api-keys/${key.body.apiKey.id}`)).status).toBe(404);
    expect((await otherOwner.post(`/clients/${ids.client}/contacts/${ids.contact}/invite`)).status).toBe(404);
    expect((await owner.get("/api-keys")).body.items.map((k: any) => k.id)).toContain(key.body.apiKey.id);
  });
});
