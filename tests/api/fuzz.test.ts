import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Reply, type Started } from "../support/http.ts";
import { runs } from "../support/property.ts";
import { bodyRoutes, filled, type BodyRoute, type RouteIds } from "../support/routes.ts";
import { checkInSurveyId } from "../support/surveys.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";
import { samples, uploaded } from "../support/files.ts";

// Property-based fuzzing of every JSON route: bodies that are almost right (each field swapped
// for arbitrary JSON, unicode, huge strings, prototype-pollution keys), arbitrary query strings
// and path ids. Whatever comes in: never a 5xx, every error in the one JSON error shape, and a
// refused request writes nothing (every state change writes an audit event in its transaction,
// so the newest audit event must not move).

let api: Started;
let world: World;
let ids: RouteIds;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Fuzz Agency");
  const { request, task } = await acceptedTask(world, { title: "Fuzz work" });
  const sop = await world.owner.post("/sops", { title: "S", category: "C", body: "B", checklist: ["One"] });
  const entry = await world.owner.post("/time", { taskId: task.id, startedAt: new Date(Date.now() - 3_600_000).toISOString(), minutes: 15 });
  const invoice = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "X", quantity: 1, unitAmount: 100 }] });
  const pkg = await world.owner.post("/packages", { name: "P", prices: [{ currency: "USD", amount: 100 }] });
  const survey = await checkInSurveyId(world.people.contact.email, { owner: world.owner, contact: world.contact });
  const file = await uploaded(world.owner, { name: "Contract.pdf", bytes: samples.pdf(), type: "application/pdf", place: "client", targetId: world.ids.client });
  ids = { member: world.ids.sub, client: world.ids.client, contact: world.ids.contact, request: request.id, task: task.id, sop: sop.body.id, entry: entry.body.id, invoice: invoice.body.id, package: pkg.body.id, survey, file, schedule: "" };
  ids.schedule = (await world.owner.post("/schedules", { clientId: world.ids.client, title: "Fuzz weekly", rule: "weekly", days: [1], time: "09:00", startDate: "2026-12-01" })).body.id;
  ids.endpoint = (await world.owner.post("/integrations/endpoints", { url: "https://hooks.example.com/fuzz", events: ["invoice.overdue"] })).body.endpoint.id;
  // A real vault entry, so the vault's :vaultEntryId routes are fuzzed past the lookup too.
  ids.vaultEntry = (await world.contact.post("/vault", { tool: "Fuzz tool", kind: "password", secret: "fuzz-vault-secret" })).body.id;
});
afterAll(() => api.close());

const pollution = fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty");
/** Strings that have broken parsers elsewhere, up to `max` characters long. */
const nastyUpTo = (max: number) =>
  fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.constantFrom("", " ", "\u0000", "\u202e", "💥".repeat(50), "<script>alert(1)</script>", "' OR 1=1 --", "${7*7}", "../../etc/passwd", "NaN", "-0", "1e309"),
    fc.integer().map(String),
    fc.nat({ max }).map((length) => "x".repeat(length)),
  );
// Bodies up to past the 64 KB limit; URLs within what HTTP servers and API Gateway accept (~8 KB).
const nasty = nastyUpTo(70_000);
const nastyInUrl = nastyUpTo(2_000);
/** Money at and past its bounds: the input cap, the total cap, 2^53 and beyond. */
const amounts = fc.oneof(
  fc.constantFrom(10_000_000_000, 10_000_000_001, 1e12, 1e12 + 1, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 1e300, -1, 10_000),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
);
/** Dates and times that are not real, out of Baton's years, or at their edges. */
const dateShapes = fc.oneof(
  fc.constantFrom("2026-13-45", "2026-02-30", "0000-01-01", "9999-12-31", "1969-12-31", "2199-12-31", "2026-00-10", "2026-1-1", "2026-12", "0000-01", "2026-13"),
  fc.constantFrom("0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-13-45T10:00:00Z", "2026-11-23T25:61:00+14:00", "2026-11-23T10:00:00-23:59"),
  fc.date({ min: new Date(-62_000_000_000_000), max: new Date(250_000_000_000_000), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const anyJson = fc.oneof(
  { depthSize: "small" },
  fc.jsonValue({ maxDepth: 3 }),
  nasty,
  fc.double(),
  amounts,
  dateShapes,
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -1, 0, 1.5, null, true, [], {}),
  fc.dictionary(pollution, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
);

/** A valid body with some fields replaced by arbitrary JSON, some removed, maybe an extra key. */
const mutated = (valid: Record<string, unknown>) =>
  fc
    .record({
      replace: fc.dictionary(fc.constantFrom(...Object.keys(valid), "x"), anyJson, { maxKeys: 3 }),
      drop: fc.subarray(Object.keys(valid)),
      extra: fc.option(fc.tuple(fc.oneof(pollution, fc.string({ maxLength: 10 })), anyJson), { nil: undefined }),
    })
    .map(({ replace, drop, extra }) => {
      const body: Record<string, unknown> = { ...valid };
      for (const key of drop) delete body[key];
      Object.assign(body, replace);
      // Raw JSON text, so keys like __proto__ reach the server as sent.
      let text = JSON.stringify(body);
      if (extra) text = text === "{}" ? `{${JSON.stringify(extra[0])}:${JSON.stringify(extra[1])}}` : `${text.slice(0, -1)},${JSON.stringify(extra[0])}:${JSON.stringify(extra[1])}}`;
      return text;
    });

/** Who calls a route in the world: its contact, its assignee, or (by default) the owner. */
const callerOf = (route: BodyRoute) => (route.caller === "contact" ? world.contact : route.caller === "assignee" ? world.sub : world.owner);

const newestAudit = async () => (await world.owner.get("/audit?limit=1")).body.items[0]?.id as string | undefined;

/** The answer to anything: no 5xx; an error has the JSON error shape. */
function checkShape(reply: Reply, what: string) {
  expect(reply.status, what).toBeLessThan(500);
  if (reply.status < 400) return;
  expect(reply.body, what).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  const fields = reply.body.error.fields;
  if (fields !== undefined) {
    expect(typeof fields, what).toBe("object");
    for (const value of Object.values(fields)) expect(typeof value, what).toBe("string");
  }
}

// Routes whose success writes no audit event, or that send mail instead of changing state.
const unaudited = new Set(["POST /auth/link", "POST /auth/verify", "POST /time/timer/start", "POST /time/timer/stop", "PATCH /me"]);

describe.each(bodyRoutes.filter((route) => !route.path.startsWith("/auth/")).map((r) => [`${r.method} ${r.path}`, r] as const))("%s", (name, route) => {
  it("answers any nearly-right body with success or a clear 4xx, and writes nothing when it refuses", async () => {
    await fc.assert(
      fc.asyncProperty(mutated(route.valid(ids)), async (body) => {
        const before = await newestAudit();
        const caller = callerOf(route);
        const reply = await caller.request(route.method, filled(route.path, ids), body, { "content-type": "application/json" });
        checkShape(reply, `${name} ${body.slice(0, 200)}`);
        if (reply.status >= 400 && !unaudited.has(name)) expect(await newestAudit(), `${name} wrote on ${reply.status}`).toBe(before);
      }),
      { numRuns: runs(12) },
    );
  });
});

// A write stores the version after the one sent: at 2^53 − 1 that is a number DynamoDB's client
// refuses to send (a 500 once, on PATCH /integrations/endpoints/:id). Every versioned route, at the
// largest versions a body can carry, answers a 4xx and writes nothing.
it("answers the largest versions on every versioned route with a 4xx, and writes nothing", async () => {
  const versioned = bodyRoutes.filter((route) => !route.path.startsWith("/auth/") && "version" in route.valid(ids));
  expect(versioned.length).toBeGreaterThan(10);
  for (const route of versioned) {
    for (const version of [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 1]) {
      const name = `${route.method} ${route.path} version ${version}`;
      const before = await newestAudit();
      const caller = callerOf(route);
      const reply = await caller.request(route.method, filled(route.path, ids), JSON.stringify({ ...route.valid(ids), version }), { "content-type": "application/json" });
      checkShape(reply, name);
      expect(reply.status, name).toBeGreaterThanOrEqual(400);
      expect(await newestAudit(), name).toBe(before);
    }
  }
});

it("signs nobody in and never fails on any sign-in body", async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom("/auth/link", "/auth/verify"), mutated({ email: "a@example.com", token: "x" }), async (path, body) => {
      const reply = await world.contact.request("POST", path, body, { "content-type": "application/json" });
      checkShape(reply, `${path} ${body.slice(0, 200)}`);
      expect(reply.status).not.toBe(200);
    }),
    { numRuns: runs(25) },
  );
});

describe("bounds where money and time enter", () => {
  const dated = ["/time/week", "/time/team", "/time/unbilled", "/reports/margin", "/reports/payouts", "/reports/revenue", "/reports/responses", "/exports/time", "/exports/invoices", "/surveys/summary", "/calendar/month"];

  it("answers any date, month or range (reversed, impossible, year 0000, centuries long) on every dated route with data or a 4xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...dated), dateShapes, dateShapes, fc.constantFrom("from/to", "date", "month"), async (path, a, b, keys) => {
        const query: Record<string, string> = keys === "from/to" ? { from: a, to: b } : keys === "date" ? { date: a } : { month: a.slice(0, 7) };
        const search = new URLSearchParams({ ...query, ...(path === "/time/unbilled" ? { clientId: ids.client } : {}) }).toString();
        for (const caller of [world.owner, world.sub]) checkShape(await caller.get(`${path}?${search}`), `${path}?${search}`);
      }),
      { numRuns: runs(60) },
    );
  });

  it("answers any amount and tax on a client's billing, then any invoice of it, without a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(amounts, amounts, fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), async (fee, rate, tax, quantity) => {
        const client = await world.owner.get(`/clients/${ids.client}`);
        const billing = { hourlyRate: rate, taxRate: tax, retainer: { fee, includedMinutes: 0 } };
        checkShape(await world.owner.patch(`/clients/${ids.client}`, { version: client.body.version, billing }), `billing ${JSON.stringify(billing)}`);
        const lines = Array.from({ length: 20 }, () => ({ kind: "custom", description: "Fuzz", quantity, unitAmount: fee }));
        const draft = await world.owner.post("/invoices", { clientId: ids.client, includeTime: false, lines });
        checkShape(draft, `invoice of 20 × ${quantity} × ${fee} at ${tax}`);
        if (draft.status === 201) {
          expect(Number.isSafeInteger(draft.body.total)).toBe(true);
          await world.owner.delete(`/invoices/${draft.body.id}?version=${draft.body.version}`);
        }
      }),
      { numRuns: runs(20) },
    );
    const { Invoices } = await import("@baton/core/invoice");
    // Whatever billing the last run left, the retainer job computes without a RangeError.
    await expect(Invoices.MoneyJobs.issueRetainers()).resolves.toMatchObject({ issued: expect.any(Number) });
  });

  it("answers any working week with success or a 4xx, and requests still get a response due time", async () => {
    const clock = fc.oneof(fc.constantFrom("00:00", "00:01", "00:59", "01:00", "23:59", "24:00", "24:01", "25:00", "9:00", "09:60"), fc.string({ maxLength: 6 }));
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 0, max: 8 }), { maxLength: 8 }), clock, clock, async (days, start, end) => {
        const agency = await world.owner.get("/agency");
        const reply = await world.owner.patch("/agency", { version: agency.body.version, workingWeek: { days, start, end } });
        checkShape(reply, `week ${JSON.stringify({ days, start, end })}`);
        if (reply.status === 200) checkShape(await world.contact.post("/requests", { title: "Fuzz week", description: "D", service: "S" }), "submit");
      }),
      { numRuns: runs(25) },
    );
  });
});

describe("query strings and path ids", () => {
  const getRoutes = ["/requests", "/invoices", "/sops", "/clients", "/audit", "/time/week", "/time/unbilled", "/tasks/board", "/reports/revenue", "/reports/margin", "/packages", "/exports/invoices", "/invoices/deposits", "/surveys/summary", "/calendar/month", "/reports/payouts", "/reports/responses", "/search", "/integrations/events"];

  it("answers any query string on the list routes with data or a clear 4xx", async () => {
    const key = fc.oneof(fc.constantFrom("status", "clientId", "limit", "cursor", "from", "to", "q", "category", "memberId", "date", "format", "type", "__proto__"), fc.string({ maxLength: 8 }));
    const queries = fc.dictionary(key, fc.oneof(nastyInUrl, fc.integer().map(String)), { maxKeys: 3 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...getRoutes), queries, async (path, query) => {
        const search = new URLSearchParams(query as Record<string, string>).toString();
        const reply = await world.owner.get(`${path}?${search}`);
        checkShape(reply, `${path}?${search.slice(0, 200)}`);
      }),
      { numRuns: 150 },
    );
  });

  it("answers any search text, for every kind of viewer, with results or a clear 4xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(nastyInUrl, fc.string({ maxLength: 120 }), fc.constantFrom("ΆΈΉ ς", "सर्वे", "-", "a-", "%", "\u0301")), async (q) => {
        for (const caller of [world.owner, world.sub, world.contact]) {
          const reply = await caller.get(`/search?q=${encodeURIComponent(q)}`);
          checkShape(reply, `/search?q=${q.slice(0, 100)}`);
        }
      }),
      { numRuns: runs(40) },
    );
  });

  it("answers any id in a path of any route with 404 (or the route's own 4xx), never a 5xx", async () => {
    const idRoutes = await routesWithIds();
    expect(idRoutes.length).toBeGreaterThan(40);
    const id = fc.oneof(nastyInUrl, fc.constantFrom("inv_01jzzzzzzzzzzzzzzzzzzzzzzz", "%00", "%2e%2e%2f", "..", "a/b", "?x=1", "#"));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...idRoutes), id, fc.nat(), async (route, value, which) => {
        const reply = await callWithId(route, value, which);
        if (route.path.endsWith("/print") && reply.status === 200) return;
        checkShape(reply, `${route.method} ${reply.url.slice(0, 200)}`);
      }),
      { numRuns: runs(250) },
    );
  });

  // fast-check seed 2069995747 found this one: a ~1,000-character id reached DynamoDB as a key
  // over its size limit (500). Every id route, with every id in it that long, answers 404.
  it.each([
    ["1,000 characters", `cli_${"a".repeat(996)}`],
    ["1,200 bytes of emoji", "💥".repeat(300)],
  ])("answers 404 for an over-long id (%s) in every route with an id", async (_, long) => {
    const wrong: string[] = [];
    for (const route of await routesWithIds()) {
      for (let which = 0; which < route.params.length; which++) {
        const reply = await callWithId(route, long, which);
        if (reply.status !== 404 || !reply.body?.error?.code) wrong.push(`${route.method} ${route.path} (${route.params[which]}) → ${reply.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

type IdRoute = { method: string; path: string; params: string[] };

/** Every route of the app whose path takes a parameter, from the app's own route table. */
async function routesWithIds(): Promise<IdRoute[]> {
  const { app } = await import("@baton/functions/api");
  const seen = new Map<string, IdRoute>();
  for (const r of app.routes) {
    if (r.method === "ALL" || !r.path.includes("/:")) continue;
    const path = r.path.replace(/^\/api/, "");
    seen.set(`${r.method} ${path}`, { method: r.method, path, params: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!) });
  }
  return [...seen.values()];
}

/** Calls the route as the owner with `value` in its `which`-th parameter (the others real), and a valid body. */
/** Calls without a body only a client contact may make (so not in the body table): the fuzz calls them as the contact. */
const contactReads = new Set(["GET /catalog/:packageId", "DELETE /vault/:vaultEntryId", "DELETE /portal/people/:contactId"]);

async function callWithId(route: IdRoute, value: string, which: number): Promise<Reply & { url: string }> {
  const target = route.params[which % route.params.length]!;
  const real = filled(route.path.replace(":apiKeyId", "key_01jzzzzzzzzzzzzzzzzzzzzzzz").replace(":number", "1"), ids);
  const url = route.path
    .split("/")
    .map((part, i) => (part === `:${target}` ? encodeURIComponent(value) : real.split("/")[i]!))
    .join("/");
  const table = bodyRoutes.find((r) => r.method === route.method && r.path === route.path);
  const body = route.method === "GET" || route.method === "DELETE" ? undefined : (table?.valid(ids) ?? {});
  const query = route.method === "DELETE" ? "?version=1" : "";
  // Someone the route lets in: a refused caller is answered 403 before the id is looked at.
  const caller = table?.caller === "contact" || contactReads.has(`${route.method} ${route.path}`) ? world.contact : table?.caller === "assignee" ? world.sub : world.owner;
  return { ...(await caller.request(route.method, url + query, body)), url };
}
