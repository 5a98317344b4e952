import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessOf, isCheck, isValidator, type AccessRule } from "@baton/functions/api/access";
import { ApiClient, startApi, type Started } from "../support/http.ts";
import { bodyRoutes } from "../support/routes.ts";
import { createWorld, type World } from "../support/world.ts";

// Authorization comes before validation, on every route: each route declares who may call it
// (`allow(...)`) ahead of its path-id checks and validators, so a caller without the right is
// answered 401/403 whatever they send — never a 400 that tells them about the body, nor a 404
// about an id. Both halves are generated from the app's own route table: the order of each
// route's handlers, and a probe of every route by every caller its rule refuses, with the worst
// input there is (malformed ids, wrong types, unknown query fields).

type Handler = { method: string; path: string; handler: unknown };
type Caller = "anonymous" | "contact" | "subcontractor" | "owner" | "readKey" | "writeKey";

let api: Started;
let world: World;
let clients: Record<Caller, ApiClient>;

async function routeHandlers(): Promise<Map<string, unknown[]>> {
  const { app } = await import("@baton/functions/api");
  const byRoute = new Map<string, unknown[]>();
  for (const { method, path, handler } of app.routes as Handler[]) {
    if (method === "ALL") continue;
    const key = `${method} ${path}`;
    byRoute.set(key, [...(byRoute.get(key) ?? []), handler]);
  }
  return byRoute;
}

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Authorize First Agency");
  const readKey = await world.owner.post("/api-keys", { name: "Reader", scopes: ["read"] });
  const writeKey = await world.owner.post("/api-keys", { name: "Writer", scopes: ["write"] });
  expect([readKey.status, writeKey.status]).toEqual([201, 201]);
  const bearer = (secret: string) => new ApiClient(api.baseUrl, null, { authorization: `Bearer ${secret}` });
  clients = {
    anonymous: new ApiClient(api.baseUrl),
    contact: world.contact,
    subcontractor: world.sub,
    owner: world.owner,
    readKey: bearer(readKey.body.secret),
    writeKey: bearer(writeKey.body.secret),
  };
});
afterAll(() => api.close());

it("declares who may call every route, before any check of its ids, body or query", async () => {
  const wrong: string[] = [];
  for (const [route, handlers] of await routeHandlers()) {
    const rules = handlers.map((handler, index) => ({ index, rule: accessOf(handler) })).filter((h) => h.rule);
    if (rules.length !== 1) {
      wrong.push(`${route}: ${rules.length} access declarations`);
      continue;
    }
    const door = rules[0]!.index;
    const early = handlers.findIndex((handler) => isValidator(handler) || isCheck(handler));
    if (early !== -1 && early < door) wrong.push(`${route}: validates before it authorizes`);
  }
  expect(wrong).toEqual([]);
});

const SAFE = new Set(["GET", "HEAD"]);

/** Whether a route's declared rule turns this caller away (the rule alone, before any resource check). */
function refuses(rule: AccessRule, caller: Caller, method: string): boolean {
  if (rule.roles.includes("anyone")) return false;
  if (caller === "readKey" || caller === "writeKey") {
    if (!rule.roles.includes("owner") || rule.apiKeys === "never") return true;
    // REST hooks need the webhooks scope, which neither of these keys has.
    if (rule.apiKeys === "webhooks") return true;
    return caller === "readKey" ? !SAFE.has(method) : SAFE.has(method);
  }
  if (caller === "anonymous") return true;
  return !rule.roles.includes(caller);
}

/** The worst request for a route: every path parameter malformed, the wrong types in the body, unknown query fields. */
function badRequest(method: string, path: string): { url: string; body: unknown } {
  const local = path.replace(/^\/api/, "");
  const url = local.replace(/:\w+/g, "%20not-an-id%20") + "?limit=-7&month=2026-13-45&from=0000-00-00&unknown=1";
  const table = bodyRoutes.find((r) => r.method === method && r.path === local);
  return { url, body: SAFE.has(method) || method === "DELETE" ? undefined : (table?.wrongTypes ?? { unknown: ["x"] }) };
}

describe.each<Caller>(["anonymous", "contact", "subcontractor", "owner", "readKey", "writeKey"])("as %s", (caller) => {
  it("is refused with 401/403 by every route whose rule refuses it, whatever it sends", async () => {
    const wrong: string[] = [];
    let probed = 0;
    for (const [route, handlers] of await routeHandlers()) {
      const rule = handlers.map(accessOf).find(Boolean);
      const [method, path] = route.split(" ") as [string, string];
      if (!rule || !refuses(rule, caller, method)) continue;
      const { url, body } = badRequest(method, path);
      const reply = await clients[caller].request(method, url, body);
      probed++;
      const expected = caller === "anonymous" ? 401 : 403;
      if (reply.status !== expected) wrong.push(`${route} → ${reply.status} ${JSON.stringify(reply.body).slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
    // Every kind of caller is turned away somewhere: the probe really ran.
    expect(probed).toBeGreaterThan(0);
  });
});
