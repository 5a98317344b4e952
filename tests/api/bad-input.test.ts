import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, signIn, startApi, type Started } from "../support/http.ts";
import { createAgency, uniqueEmail } from "../support/fixtures.ts";
import { bodilessRoutes, bodyRoutes, filled as fillPath, type RouteIds } from "../support/routes.ts";
import { checkInSurveyId } from "../support/surveys.ts";
import { acceptInvitation } from "../support/world.ts";
import { samples, uploaded } from "../support/files.ts";

// Every route that takes a body (tests/support/routes.ts), with one valid body and one of wrong
// types. The first test checks that table against the app's own route list, so a new route
// cannot skip these checks.

let api: Started;
let owner: ApiClient;
let ids: RouteIds;
/** Each route is called by someone it lets in (authorization comes before validation). */
let callers: Record<"owner" | "contact" | "assignee", ApiClient>;

beforeAll(async () => {
  api = await startApi();
  const agency = await createAgency("Input Agency");
  owner = new ApiClient(api.baseUrl);
  await signIn(owner, agency.ownerEmail);
  const memberEmail = uniqueEmail("m");
  const member = await owner.post("/members", { email: memberEmail, name: "M", timeZone: "UTC", weeklyCapacityHours: 10 });
  const assignee = new ApiClient(api.baseUrl);
  await acceptInvitation(assignee, memberEmail);
  // Active, with a contact who accepted the invitation: the NPS check-in surveys them (ids.survey).
  const client = await owner.post("/clients", { name: "C", code: "BASE", timeZone: "UTC", currency: "EUR", status: "active" });
  const contactEmail = uniqueEmail("c");
  const contact = await owner.post(`/clients/${client.body.id}/contacts`, { email: contactEmail, name: "C", timeZone: "UTC" });
  const contactApi = new ApiClient(api.baseUrl, "portal");
  await acceptInvitation(contactApi, contactEmail);
  const request = await owner.post("/requests", { clientId: client.body.id, title: "T", description: "D", service: "Admin" });
  const accepted = await owner.post(`/requests/${request.body.id}/accept`, {
    version: request.body.version,
    tasks: [{ title: "T", estimateHours: 1, dueAt: "2026-12-01T10:00:00Z" }],
  });
  await owner.post(`/tasks/${accepted.body.tasks[0].id}/assign`, { version: accepted.body.tasks[0].version, memberId: member.body.id });
  callers = { owner, contact: contactApi, assignee };
  const sop = await owner.post("/sops", { title: "S", category: "C", body: "B", checklist: ["One"] });
  const entry = await owner.post("/time", { taskId: accepted.body.tasks[0].id, startedAt: "2026-11-01T09:00:00Z", minutes: 15 });
  const invoice = await owner.post("/invoices", { clientId: client.body.id, includeTime: false, lines: [{ kind: "custom", description: "X", quantity: 1, unitAmount: 100 }] });
  ids = {
    member: member.body.id,
    client: client.body.id,
    contact: contact.body.id,
    request: request.body.id,
    task: accepted.body.tasks[0].id,
    sop: sop.body.id,
    entry: entry.body.id,
    invoice: invoice.body.id,
    package: (await owner.post("/packages", { name: "Base", prices: [{ currency: "EUR", amount: 100 }] })).body.id,
    survey: await checkInSurveyId(contactEmail, { owner, contact: contactApi }),
    file: await uploaded(owner, { name: "Contract.pdf", bytes: samples.pdf(), type: "application/pdf", place: "client", targetId: client.body.id }),
    schedule: (await owner.post("/schedules", { clientId: client.body.id, title: "Weekly", rule: "weekly", days: [1], time: "09:00", startDate: "2026-12-01" })).body.id,
    endpoint: (await owner.post("/integrations/endpoints", { url: "https://hooks.example.com/bad-input", events: ["invoice.overdue"] })).body.endpoint.id,
    vaultEntry: (await contactApi.post("/vault", { tool: "Gmail", kind: "password", secret: "bad-input-secret" })).body.id,
  };
});
afterAll(() => api.close());

const filled = (path: string) => fillPath(path, ids);

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
  const caller = () => callers[route.caller ?? "owner"];

  it("rejects malformed JSON with 400 invalid_json", async () => {
    const reply = await caller().request(live().method, live().path, '{"name": ', { "content-type": "application/json" });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe("invalid_json");
    expect(reply.body.error.message).toEqual(expect.any(String));
  });

  it("rejects a body that is not JSON with 415", async () => {
    const reply = await caller().request(live().method, live().path, "name=x", { "content-type": "text/plain" });
    expect(reply.status).toBe(415);
    expect(reply.body.error.code).toBe("unsupported_media_type");
  });

  it("rejects wrong types with 400 and names each field", async () => {
    const reply = await caller().request(live().method, live().path, { ...live().valid(ids), ...route.wrongTypes });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe("validation_failed");
    // A field's message may point inside it ("links.0"); each wrong field is named once.
    const named = new Set(Object.keys(reply.body.error.fields).map((key) => key.split(".")[0]));
    expect([...named].sort()).toEqual(Object.keys(route.wrongTypes).sort());
    // Every message is a sentence for a person, never zod's own ("expected number, received NaN").
    const raw = Object.values(reply.body.error.fields as Record<string, string>).filter((message) => /expected|received|Invalid|Too (small|big)|Unrecognized/.test(message));
    expect(raw).toEqual([]);
  });

  it("rejects unknown fields", async () => {
    const reply = await caller().request(live().method, live().path, { ...live().valid(ids), isAdmin: true });
    expect(reply.status).toBe(400);
    expect(reply.body.error.fields).toEqual({ isAdmin: "Unknown field." });
  });

  it("rejects a prototype-pollution key as an unknown field", async () => {
    const body = `{${JSON.stringify(live().valid(ids)).slice(1, -1)},"__proto__":{"role":"owner"}}`;
    const reply = await caller().request(live().method, live().path, body, { "content-type": "application/json" });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe("validation_failed");
  });

  it("rejects an oversize body with 413", async () => {
    const reply = await caller().request(live().method, live().path, { ...live().valid(ids), padding: "x".repeat(70 * 1024) });
    expect(reply.status).toBe(413);
    expect(reply.body.error.code).toBe("payload_too_large");
  });
});

describe("page cursors", () => {
  const cursor = (key: Record<string, string>) => Buffer.from(JSON.stringify(key)).toString("base64url");

  it("refuses a cursor that isn't one with 400 on the field", async () => {
    for (const value of ["0", "abc", "%%%", cursor({ pk: "x" }), cursor({ pk: "x", sk: "y", role: "owner" }), Buffer.from("[1,2]").toString("base64url")]) {
      for (const path of ["/requests", "/invoices", "/sops", "/clients", "/audit"]) {
        const reply = await owner.get(`${path}?cursor=${encodeURIComponent(value)}`);
        expect(reply.status, `${path} ${value}`).toBe(400);
        expect(reply.body.error.fields.cursor, `${path} ${value}`).toMatch(/first page/);
      }
    }
  });

  it("refuses a well-formed cursor DynamoDB can't start from with 400 invalid_cursor", async () => {
    // The status list reads an index: a table key is not a place it can start from.
    const reply = await owner.get(`/requests?status=submitted&cursor=${cursor({ pk: "a", sk: "b" })}`);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe("invalid_cursor");
  });

  it("follows a real cursor to the next page", async () => {
    for (let i = 0; i < 3; i++) await owner.post("/sops", { title: `Paged ${i}`, category: "Paging", body: "B" });
    const first = await owner.get("/sops?limit=2");
    expect(first.body.cursor).toEqual(expect.any(String));
    const next = await owner.get(`/sops?limit=2&cursor=${encodeURIComponent(first.body.cursor)}`);
    expect(next.status).toBe(200);
    expect(next.body.items.map((s: any) => s.id)).not.toContain(first.body.items[0].id);
  });

  it("refuses search without words, with too many, or with a cursor that isn't one, on the field", async () => {
    for (const [query, field] of [["", "q"], ["?q=%20", "q"], [`?q=${"x".repeat(101)}`, "q"], ["?q=a&cursor=abc", "cursor"], ["?q=a&limit=51", "limit"]] as const) {
      const reply = await owner.get(`/search${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.body.error.fields?.[field], query).toEqual(expect.any(String));
    }
  });

  it("refuses a team week for a date that isn't one, or an unknown query field, on the field", async () => {
    for (const [query, field] of [["?date=2026-02-30", "date"], ["?date=tomorrow", "date"], ["?date=2026-11-25&member=x", "member"]] as const) {
      const reply = await owner.get(`/time/team${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.body.error.fields?.[field], query).toEqual(expect.any(String));
    }
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
      ["PATCH", `/clients/${ids.client}/contacts/con_01jzzzzzzzzzzzzzzzzzzzzzzz`, { version: 1, role: "admin" }],
      ["PATCH", `/clients/${unknown.client}/contacts/${ids.contact}`, { version: 1, role: "admin" }],
      ["DELETE", "/api-keys/key_01jzzzzzzzzzzzzzzzzzzzzzzz"],
      ["GET", "/requests/req_01jzzzzzzzzzzzzzzzzzzzzzzz"],
      ["GET", "/requests/%3Cscript%3E"],
      ["POST", "/requests/req_01jzzzzzzzzzzzzzzzzzzzzzzz/accept", { version: 1, tasks: [{ title: "T", estimateHours: 1, dueAt: "2026-12-01T10:00:00Z" }] }],
      ["POST", "/requests/req_01jzzzzzzzzzzzzzzzzzzzzzzz/decline", { version: 1, reason: "x" }],
      ["GET", "/requests/req_01jzzzzzzzzzzzzzzzzzzzzzzz/messages"],
      ["POST", "/requests/req_01jzzzzzzzzzzzzzzzzzzzzzzz/messages", { body: "x" }],
      ["GET", "/requests/req_01jzzzzzzzzzzzzzzzzzzzzzzz/history"],
      ["GET", "/tasks/tsk_01jzzzzzzzzzzzzzzzzzzzzzzz"],
      ["GET", "/tasks/tsk_01jzzzzzzzzzzzzzzzzzzzzzzz/candidates"],
      ["POST", "/tasks/tsk_01jzzzzzzzzzzzzzzzzzzzzzzz/assign", { version: 1, memberId: ids.member }],
      ["POST", "/tasks/tsk_01jzzzzzzzzzzzzzzzzzzzzzzz/review", { version: 1, decision: "approve", rubric: 3 }],
      ["GET", "/sops/sop_01jzzzzzzzzzzzzzzzzzzzzzzz"],
      ["PATCH", "/sops/sop_01jzzzzzzzzzzzzzzzzzzzzzzz", { version: 1, title: "S", category: "C", body: "B", checklist: [] }],
      ["GET", "/sops/sop_01jzzzzzzzzzzzzzzzzzzzzzzz/versions"],
      ["PUT", "/sops/sop_01jzzzzzzzzzzzzzzzzzzzzzzz/tools", { version: 1, tools: ["Gmail"] }],
      ["GET", `/sops/${ids.sop}/versions/99`],
      ["GET", `/sops/${ids.sop}/versions/abc`],
      ["PATCH", "/time/tim_01jzzzzzzzzzzzzzzzzzzzzzzz", { version: 1 }],
      ["DELETE", "/time/tim_01jzzzzzzzzzzzzzzzzzzzzzzz?version=1"],
      ["GET", "/time/task/tsk_01jzzzzzzzzzzzzzzzzzzzzzzz"],
      ["POST", "/time", { taskId: "tsk_01jzzzzzzzzzzzzzzzzzzzzzzz", startedAt: "2026-11-01T10:00:00Z", minutes: 5 }],
      ["GET", "/invoices/inv_01jzzzzzzzzzzzzzzzzzzzzzzz"],
      ["GET", "/invoices/%3Cscript%3E"],
      ["GET", "/invoices/inv_01jzzzzzzzzzzzzzzzzzzzzzzz/pdf"],
      ["GET", "/invoices/%3Cscript%3E/pdf"],
      ["POST", "/invoices/inv_01jzzzzzzzzzzzzzzzzzzzzzzz/send", { version: 1 }],
      ["POST", "/invoices/inv_01jzzzzzzzzzzzzzzzzzzzzzzz/void", { version: 1 }],
      ["POST", "/invoices/inv_01jzzzzzzzzzzzzzzzzzzzzzzz/payments", { amount: 1, method: "cash" }],
      ["DELETE", "/invoices/inv_01jzzzzzzzzzzzzzzzzzzzzzzz?version=1"],
      ["GET", "/packages/pkg_01jzzzzzzzzzzzzzzzzzzzzzzz"],
      ["GET", "/packages/not-a-package"],
      ["PATCH", "/packages/pkg_01jzzzzzzzzzzzzzzzzzzzzzzz", { version: 1 }],
      ["POST", "/surveys/srv_01jzzzzzzzzzzzzzzzzzzzzzzz/follow-up", { version: 1 }],
      ["POST", "/surveys/not-a-survey/follow-up", { version: 1 }],
      ["GET", "/onboarding/clients/cli_01jzzzzzzzzzzzzzzzzzzzzzzz"],
      ["GET", "/onboarding/clients/not-a-client"],
      ["POST", "/onboarding/clients/cli_01jzzzzzzzzzzzzzzzzzzzzzzz/start"],
      ["GET", "/onboarding/clients/cli_01jzzzzzzzzzzzzzzzzzzzzzzz/agreement/pdf"],
      ["GET", `/onboarding/clients/cli_01j${"z".repeat(400)}/agreement/pdf`],
      ["GET", "/onboarding/clients/not-a-client/agreement/pdf"],
      ["GET", "/files/fil_01jzzzzzzzzzzzzzzzzzzzzzzz"],
      ["GET", "/files/not-a-file/download"],
      ["GET", "/files/fil_01jzzzzzzzzzzzzzzzzzzzzzzz/view"],
      ["POST", "/files/fil_01jzzzzzzzzzzzzzzzzzzzzzzz/confirm", {}],
      ["DELETE", "/files/../../etc/passwd"],
      ["GET", "/clients/cli_01jzzzzzzzzzzzzzzzzzzzzzzz/files"],
      ["GET", "/sops/sop_01jzzzzzzzzzzzzzzzzzzzzzzz/files"],
      ["GET", "/requests/req_01jzzzzzzzzzzzzzzzzzzzzzzz/activity"],
      ["POST", "/requests/req_01jzzzzzzzzzzzzzzzzzzzzzzz/read"],
      ["POST", "/tasks/tsk_01jzzzzzzzzzzzzzzzzzzzzzzz/calendar-invitation"],
      ["POST", "/tasks/not-a-task/calendar-invitation"],
      ["GET", `/planner/people?client=${unknown.client}`],
      ["GET", "/catalog/clients/cli_01jzzzzzzzzzzzzzzzzzzzzzzz"],
      ["GET", "/catalog/clients/not-a-client"],
      ["GET", "/quotes/quo_01jzzzzzzzzzzzzzzzzzzzzzzz/pdf"],
      ["GET", "/quotes/%3Cscript%3E/pdf"],
      ["GET", `/quotes/quo_01j${"z".repeat(400)}/pdf`],
      ["GET", "/no/such/route"],
    ];
    for (const [method, path, body] of probes) {
      const reply = await owner.request(method, path, body);
      expect(reply.status, `${method} ${path}`).toBe(404);
      expect(reply.body.error.code, `${method} ${path}`).toBe("not_found");
    }
  });

  it("answers 400 on the field for an id in a body that can't be one, before any database call", async () => {
    const probes: Array<[string, string, Record<string, unknown>, string]> = [
      ["POST", "/time/timer/start", { taskId: "not-a-task" }, "taskId"],
      ["POST", "/time", { taskId: `tsk_${"x".repeat(996)}`, startedAt: "2026-11-01T10:00:00Z", minutes: 5 }, "taskId"],
      ["POST", "/invoices", { clientId: "💥".repeat(300), includeTime: false, lines: [] }, "clientId"],
      ["POST", `/tasks/${ids.task}/assign`, { version: 1, memberId: ids.client }, "memberId"],
      ["POST", "/requests", { clientId: "cli_short", title: "T", description: "D", service: "S" }, "clientId"],
      ["POST", "/planner/proposals", { title: "T", start: "2099-01-01T10:00:00Z", minutes: 30, members: ["mem_short"] }, "members.0"],
    ];
    for (const [method, path, body, field] of probes) {
      const reply = await owner.request(method, path, body);
      expect(reply.status, `${method} ${path}`).toBe(400);
      expect(reply.body.error.fields?.[field], `${method} ${path}`).toEqual(expect.any(String));
    }
  });

  it("refuses an invoice PDF's unknown app or query field with 400 JSON, not a PDF", async () => {
    for (const [query, field] of [["app=desktop", "app"], ["download=1", "download"]] as const) {
      const reply = await owner.download(`/invoices/${ids.invoice}/pdf?${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.headers.get("content-type"), query).toMatch(/json/);
      expect(Object.keys(reply.body.error.fields ?? {}).join(), query).toContain(field);
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
