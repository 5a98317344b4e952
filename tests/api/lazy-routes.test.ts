import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, listen, startApi, type Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// The Lambda serves lazy-routes.ts (each route group imported by its first call); the tests and
// the local runtime serve app.ts. The two must be one API: the same routes, and the same answers,
// the world below being built through the lazy one from its first sign-in.

let lazy: Started;
let eager: Started;
let world: World;

beforeAll(async () => {
  eager = await startApi();
  const { lazyApp } = await import("@baton/functions/api/lazy-routes");
  // Started last: sign-in links point at it.
  lazy = await listen(lazyApp.fetch);
  world = await createWorld(lazy, "Lazy Routes Agency");
});
afterAll(async () => {
  await lazy.close();
  await eager.close();
});

const handlers = (routes: Array<{ method: string; path: string }>) => routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`);

describe("the Lambda's lazily loaded route groups", () => {
  it("serve every route app.ts serves, and no other", async () => {
    const { app } = await import("@baton/functions/api");
    const { lazyApp, routeGroups, stripeGroup } = await import("@baton/functions/api/lazy-routes");
    const loaded = [...handlers(lazyApp.routes)];
    for (const [prefix, load] of Object.entries(routeGroups)) loaded.push(...handlers(new Hono().basePath("/api").route(prefix, await load()).routes));
    loaded.push(...handlers(new Hono().basePath("/api").route("/webhooks/stripe", await stripeGroup()).routes));
    // A route is listed once per handler it chains (description, access, validation, the handler).
    const eager = [...new Set(handlers(app.routes))].sort();
    expect(eager.length).toBeGreaterThan(100);
    expect([...new Set(loaded)].sort()).toEqual(eager);
  });

  it("answer as app.ts does: reads, writes, bad input, no session, no such route", async () => {
    const { task } = await acceptedTask(world, { title: "Lazy work" });
    const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    // The same people, cookies and all, asking the eager app.
    const asEager = (client: ApiClient) => Object.assign(Object.create(Object.getPrototypeOf(client)), client, { baseUrl: eager.baseUrl }) as ApiClient;
    const cases: Array<[ApiClient, string, string, unknown?]> = [
      [world.sub, "GET", "/tasks/mine"],
      [world.owner, "GET", `/tasks/board?clientId=${world.ids.client}`],
      [world.owner, "GET", `/tasks/${task.id}`],
      [world.contact, "GET", "/requests"],
      [world.owner, "POST", "/requests", { title: "" }],
      [world.owner, "POST", `/tasks/${task.id}/review`, { version: 1, decision: "maybe", rubric: 9 }],
      [world.owner, "GET", "/tasks/nothing/here/at/all"],
      [world.owner, "GET", "/no-such-group"],
      [new ApiClient(lazy.baseUrl), "GET", "/tasks/mine"],
      [new ApiClient(lazy.baseUrl, null), "POST", "/requests", { title: "x" }],
      [new ApiClient(lazy.baseUrl, null), "GET", "/webhooks/stripe"],
    ];
    for (const [client, method, path, body] of cases) {
      const fromLazy = await client.request(method, path, body);
      const fromEager = await asEager(client).request(method, path, body);
      expect(fromLazy.status, `${method} ${path}`).toBe(fromEager.status);
      expect(fromLazy.body, `${method} ${path}`).toEqual(fromEager.body);
      expect(fromLazy.headers.get("cache-control"), `${method} ${path}`).toBe(fromEager.headers.get("cache-control"));
      expect(fromLazy.headers.get("x-request-id"), `${method} ${path}`).toBeTruthy();
    }
    // A write through the lazy app is what the eager app reads next.
    const submitted = await world.sub.post(`/tasks/${task.id}/submit`, { version: assigned.body.task.version, text: "Done", links: [] });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const read = await asEager(world.owner).get(`/tasks/${task.id}`);
    expect(read.body.task.version).toBe(submitted.body.task.version);
    expect(read.body.task.status).toBe("in_qa");
  });
});
