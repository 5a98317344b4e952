import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, signIn, startApi, type Started } from "../support/http.ts";
import { createAgency } from "../support/fixtures.ts";
import { bodyRoutes, filled, type RouteIds } from "../support/routes.ts";
import { checkInSurveyId } from "../support/surveys.ts";
import { samples, uploaded } from "../support/files.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// Every route of the API × every kind of caller, from the app's own route table: a route
// without a rule here fails the first test. A caller is let in when the answer is anything but
// 401/403/404 (a valid body is sent, so validation never stands in for a refusal, and the ids
// exist); refused means 401 when signed out, else 403 or 404. Another agency's owner must get
// 404 for this agency's ids and only its own data elsewhere.

type Caller = "anonymous" | "owner" | "subcontractor" | "contact" | "otherOwner";
const callers: Caller[] = ["anonymous", "contact", "subcontractor", "otherOwner", "owner"];

/** Who is let in: "owner" only, team "members", the client's "contact", or combinations. */
type Rule = {
  allow: ReadonlyArray<Exclude<Caller, "otherOwner">>;
  query?: (ids: RouteIds) => string;
  /** The route judges a credential of its own (a sign-in link's token, Stripe's signature): only never 403 or 5xx. */
  ownCredential?: true;
  /** The matrix has no such thing to point at (a credit needs a card payment on a void invoice): let in may be 404. */
  absent?: true;
  /**
   * Whether the caller may go ahead depends on what the body asks (a subcontractor writes internal
   * notes but not to the client; uploads are judged by where they go), so a malformed body is
   * answered 400 before that question can be asked. Role-level refusals still come first.
   */
  bodyDecides?: true;
};

const owner: Rule = { allow: ["owner"] };
const team: Rule = { allow: ["owner", "subcontractor"] };
const ownerAndContact: Rule = { allow: ["owner", "contact"] };
const signedIn: Rule = { allow: ["owner", "subcontractor", "contact"] };
const everyone: Rule = { allow: ["anonymous", "owner", "subcontractor", "contact"] };
const contactOnly: Rule = { allow: ["contact"] };
const assignee: Rule = { allow: ["subcontractor"] };

const rules: Record<string, Rule> = {
  // Signing in, the reference, and Stripe's webhook (its signature is its authorization).
  "POST /api/auth/link": everyone,
  "POST /api/auth/verify": { ...everyone, ownCredential: true },
  "POST /api/auth/sign-out": everyone,
  "GET /api/docs": everyone,
  // Uptime checks and the deploy's smoke test.
  "GET /api/health": everyone,
  "GET /api/openapi.json": everyone,
  "POST /api/webhooks/stripe": { ...everyone, ownCredential: true },
  // Oneself.
  "GET /api/me": signedIn,
  "PATCH /api/me": signedIn,
  // The agency and its team.
  "GET /api/agency": signedIn,
  "PATCH /api/agency": owner,
  // Exchange rates: the owner's alone (a client never sees what its invoices were converted at).
  "GET /api/agency/rates": owner,
  "PUT /api/agency/rates": owner,
  "DELETE /api/agency/rates/:currency": { ...owner, absent: true },
  // The brand: the owner's settings; the public read the portal's sign-in page makes (no agency
  // named: the installation's, neutral here), and the logo (none named: not found for anyone).
  "GET /api/brand": owner,
  "PATCH /api/brand": owner,
  "GET /api/brand/public": everyone,
  "GET /api/brand/public/logo": { ...everyone, absent: true },
  "GET /api/audit": owner,
  "GET /api/api-keys": owner,
  "POST /api/api-keys": owner,
  "DELETE /api/api-keys/:apiKeyId": owner,
  "GET /api/members": owner,
  "POST /api/members": owner,
  "GET /api/members/:memberId": owner,
  "PATCH /api/members/:memberId": owner,
  "DELETE /api/members/:memberId": owner,
  "POST /api/members/:memberId/invite": owner,
  // Clients.
  "GET /api/clients": owner,
  "POST /api/clients": owner,
  "GET /api/clients/:clientId": owner,
  "PATCH /api/clients/:clientId": owner,
  "GET /api/clients/:clientId/contacts": owner,
  "GET /api/clients/:clientId/credits": owner,
  "GET /api/clients/:clientId/card": owner,
  "POST /api/clients/:clientId/contacts": owner,
  "POST /api/clients/:clientId/contacts/:contactId/invite": owner,
  "POST /api/clients/:clientId/contacts/:contactId/deactivate": owner,
  "POST /api/clients/:clientId/contacts/:contactId/reactivate": owner,
  "DELETE /api/clients/:clientId/contacts/:contactId": owner,
  // A client's data handed back or erased: the owner in person (never an API key); the matrix's
  // body names the wrong code, so nothing is erased here.
  "POST /api/clients/:clientId/export": owner,
  "POST /api/clients/:clientId/erase": owner,
  "GET /api/portal/company": contactOnly,
  // A client's people: its admins in the portal (the matrix's contact is the client's first, its
  // admin; a member is refused: tests/api/client-admins.test.ts), the owner on the client's page.
  "GET /api/portal/people": contactOnly,
  "POST /api/portal/people": contactOnly,
  "PATCH /api/portal/people/:contactId": contactOnly,
  "DELETE /api/portal/people/:contactId": contactOnly,
  "PATCH /api/clients/:clientId/contacts/:contactId": owner,
  "GET /api/portal/files": contactOnly,
  "GET /api/portal/hours": contactOnly,
  // Saved card and autopay: the client's own; the owner reads it on the client page.
  "GET /api/portal/card": contactOnly,
  "POST /api/portal/card/setup": contactOnly,
  "DELETE /api/portal/card": contactOnly,
  "PUT /api/portal/card/autopay": contactOnly,
  "POST /api/portal/hours/consent": contactOnly,
  "GET /api/clients/:clientId/files": owner,
  // Requests: the client's own, the owner's all; the subcontractor sees the one their task is on.
  "GET /api/requests": ownerAndContact,
  "POST /api/requests": ownerAndContact,
  "GET /api/requests/:requestId": signedIn,
  "GET /api/requests/:requestId/history": signedIn,
  "GET /api/requests/:requestId/messages": signedIn,
  // The client thread: subcontractors write internal notes unless the agency lets them (off by default).
  "POST /api/requests/:requestId/messages": { ...ownerAndContact, bodyDecides: true },
  "GET /api/requests/:requestId/activity": signedIn,
  "POST /api/requests/:requestId/read": signedIn,
  "GET /api/inbox": signedIn,
  "POST /api/requests/:requestId/accept": owner,
  "POST /api/requests/:requestId/decline": owner,
  // Tasks: the assignee works them, the owner runs them, the client approves them.
  "GET /api/tasks/board": owner,
  "GET /api/tasks/deadlines": owner,
  "GET /api/tasks/workload": owner,
  "GET /api/tasks/mine": team,
  // QA reviewers and the owner; this subcontractor is no reviewer.
  "GET /api/tasks/qa": owner,
  "GET /api/tasks/:taskId": team,
  "GET /api/tasks/:taskId/candidates": owner,
  "POST /api/tasks/:taskId/assign": owner,
  "POST /api/tasks/:taskId/checklist/:itemId": team,
  "POST /api/tasks/:taskId/submit": assignee,
  "POST /api/tasks/:taskId/review": owner,
  // Only the client approves its work or asks for a revision.
  "POST /api/tasks/:taskId/approve": contactOnly,
  "POST /api/tasks/:taskId/revision": contactOnly,
  // A due date to the assignee's calendar: the owner sends it, or the assignee to themselves.
  "POST /api/tasks/:taskId/calendar-invitation": team,
  // SOPs: the team reads, the owner writes.
  "GET /api/sops": team,
  "POST /api/sops": owner,
  "GET /api/sops/:sopId": team,
  "PATCH /api/sops/:sopId": owner,
  "PUT /api/sops/:sopId/tools": owner,
  "GET /api/sops/:sopId/versions": team,
  "GET /api/sops/:sopId/versions/:number": team,
  "GET /api/sops/:sopId/files": team,
  // Time: members their own.
  "GET /api/time/timer": team,
  "POST /api/time/timer/start": team,
  "POST /api/time/timer/stop": team,
  "GET /api/time/week": team,
  "POST /api/time/week/submit": team,
  // The team's week against capacity: the owner's Time page.
  "GET /api/time/team": owner,
  // The owner and members with the reviewer right (this subcontractor has none).
  "GET /api/time/approvals": owner,
  "POST /api/time/approvals/approve": owner,
  "POST /api/time/approvals/return": owner,
  "GET /api/time/unbilled": { allow: ["owner"], query: (ids) => `clientId=${ids.client}` },
  "GET /api/time/task/:taskId": team,
  "POST /api/time": team,
  "PATCH /api/time/:entryId": team,
  "DELETE /api/time/:entryId": { allow: ["owner", "subcontractor"], query: () => "version=999" },
  // Money: the owner's; the client sees and pays its own sent invoices.
  "GET /api/invoices": ownerAndContact,
  "POST /api/invoices": owner,
  "GET /api/invoices/deposits": { allow: ["owner"], query: (ids) => `clientId=${ids.client}` },
  "GET /api/invoices/:invoiceId": ownerAndContact,
  "GET /api/invoices/:invoiceId/print": ownerAndContact,
  "GET /api/invoices/:invoiceId/pdf": ownerAndContact,
  "DELETE /api/invoices/:invoiceId": { allow: ["owner"], query: () => "version=999" },
  "PATCH /api/invoices/:invoiceId": owner,
  "POST /api/invoices/:invoiceId/send": owner,
  "POST /api/invoices/:invoiceId/void": owner,
  "PUT /api/invoices/:invoiceId/rate": owner,
  "POST /api/invoices/:invoiceId/payments": owner,
  "POST /api/invoices/:invoiceId/credits/:paymentId/refund": { ...owner, absent: true },
  "POST /api/invoices/:invoiceId/credits/:paymentId/apply": { ...owner, absent: true },
  "POST /api/invoices/:invoiceId/checkout": ownerAndContact,
  "POST /api/invoices/:invoiceId/credit-notes": owner,
  "POST /api/invoices/:invoiceId/refunds": owner,
  "GET /api/invoices/:invoiceId/credit-notes/:creditNoteId/pdf": { ...ownerAndContact, absent: true },
  "GET /api/exports/invoices": owner,
  "GET /api/exports/time": owner,
  "GET /api/packages": owner,
  "POST /api/packages": owner,
  "GET /api/packages/:packageId": owner,
  "PATCH /api/packages/:packageId": owner,
  // The catalog as a client reads it: their company's visible services (the matrix's package is visible to all).
  "GET /api/catalog": contactOnly,
  "GET /api/catalog/:packageId": contactOnly,
  // The owner reads a client's catalog to file a request for them.
  "GET /api/catalog/clients/:clientId": owner,
  // The hour bank: the owner's ledger, adjustments and rollover policies.
  "GET /api/hour-bank/policy": owner,
  "PATCH /api/hour-bank/policy": owner,
  "GET /api/hour-bank/clients/:clientId": owner,
  "PATCH /api/hour-bank/clients/:clientId/policy": owner,
  "POST /api/hour-bank/clients/:clientId/adjustments": owner,
  "PATCH /api/hour-bank/clients/:clientId/transparency": owner,
  "GET /api/hour-bank/overage": owner,
  "PATCH /api/hour-bank/overage": owner,
  "PATCH /api/hour-bank/clients/:clientId/overage": owner,
  // Overage consent links work signed out: the signed token is the credential.
  "GET /api/hour-bank/consent/:token": { ...everyone, ownCredential: true },
  "POST /api/hour-bank/consent": { ...everyone, ownCredential: true },
  "GET /api/reports/revenue": owner,
  "GET /api/reports/receivables": owner,
  "GET /api/reports/margin": owner,
  "GET /api/reports/payouts": owner,
  "GET /api/reports/responses": owner,
  // Feedback surveys: the score links work signed out (the signed token is the credential); the numbers are the owner's.
  "GET /api/surveys/respond/:token": { ...everyone, ownCredential: true },
  "POST /api/surveys/respond": { ...everyone, ownCredential: true },
  "POST /api/surveys/respond/comment": { ...everyone, ownCredential: true },
  "GET /api/surveys/summary": owner,
  "POST /api/surveys/:surveyId/follow-up": owner,
  // The deadline calendar: the team's (a subcontractor sees their own); every person's private feed,
  // whose URL token is its credential.
  "GET /api/calendar/month": { ...team, query: () => "month=2026-12" },
  "POST /api/calendar/feed-url": signedIn,
  "POST /api/calendar/feed-url/rotate": signedIn,
  "GET /api/calendar/feeds/:token": { ...everyone, ownCredential: true },
  // Client onboarding: the owner's kit and each client's progress; the contact's own checklist.
  "GET /api/onboarding/kit": owner,
  "PUT /api/onboarding/kit": owner,
  "GET /api/onboarding/clients/:clientId": owner,
  "POST /api/onboarding/clients/:clientId/start": owner,
  "GET /api/onboarding/mine": contactOnly,
  "PUT /api/onboarding/mine/answers": contactOnly,
  "POST /api/onboarding/mine/agreement": contactOnly,
  "POST /api/onboarding/mine/packet": contactOnly,
  // The signed agreement's PDF: the matrix's client has not signed, so let in may be 404.
  "GET /api/onboarding/clients/:clientId/agreement/pdf": { allow: ["owner"], absent: true },
  "GET /api/onboarding/mine/agreement/pdf": { allow: ["contact"], absent: true },
  // Files. Starting an upload with this body (a new request's brief) is the client's or the
  // owner's; a subcontractor uploads for their deliverable or a thread (tests/api/files.test.ts).
  "POST /api/files": { ...ownerAndContact, bodyDecides: true },
  "GET /api/files/usage": owner,
  // The file: the client attached it in the request's thread, so its people see it.
  "GET /api/files/:fileId": signedIn,
  "GET /api/files/:fileId/download": signedIn,
  "GET /api/files/:fileId/view": signedIn,
  // Only its uploader confirms an upload.
  "POST /api/files/:fileId/confirm": contactOnly,
  "DELETE /api/files/:fileId": owner,
  // Self-serve sign-up (open in tests): before anyone is known; a verification link is its own credential.
  "GET /api/signup": everyone,
  "POST /api/signup/start": everyone,
  "POST /api/signup/check": { ...everyone, ownCredential: true },
  "POST /api/signup/complete": { ...everyone, ownCredential: true },
  // The owner's first-run checklist on Home.
  "GET /api/first-run": owner,
  "POST /api/first-run/dismiss": owner,
  // Quotes: the owner's to draft, edit and send; the client's contact reads their company's sent
  // ones and answers them (the matrix's quote is sent).
  "GET /api/quotes": ownerAndContact,
  "POST /api/quotes": owner,
  "GET /api/quotes/:quoteId": ownerAndContact,
  "GET /api/quotes/:quoteId/pdf": ownerAndContact,
  "PATCH /api/quotes/:quoteId": owner,
  "POST /api/quotes/:quoteId/send": owner,
  "POST /api/quotes/:quoteId/accept": contactOnly,
  "POST /api/quotes/:quoteId/decline": contactOnly,
  // Subcontractor payouts: the owner's overview, statements and CSV; a member reads their own
  // statements (the matrix has none to point at, so let in may be 404; tests/api/payouts.test.ts
  // shows another member's answering 404).
  "GET /api/payouts": owner,
  "POST /api/payouts": owner,
  "GET /api/payouts/mine": team,
  "GET /api/payouts/export": owner,
  "GET /api/payouts/:payoutId": { ...team, absent: true },
  "GET /api/payouts/:payoutId/pdf": { ...team, absent: true },
  "POST /api/payouts/:payoutId/paid": { ...owner, absent: true },
  // Recurring work: the owner's schedules.
  "GET /api/schedules": owner,
  "POST /api/schedules": owner,
  "GET /api/schedules/:scheduleId": owner,
  "PATCH /api/schedules/:scheduleId": owner,
  "POST /api/schedules/:scheduleId/pause": owner,
  "POST /api/schedules/:scheduleId/resume": owner,
  "DELETE /api/schedules/:scheduleId": owner,
  // The meeting planner (owner): who to meet and their hours, and proposing a slot by email.
  "GET /api/planner/people": { ...owner, query: (ids) => `client=${ids.client}` },
  "POST /api/planner/proposals": owner,
  // Outgoing webhooks: the owner's (in person; tests/api/webhooks.test.ts refuses API keys). The
  // matrix's endpoint has no delivery to point at, so a redelivery let in may be 404.
  "GET /api/integrations/event-types": owner,
  "GET /api/integrations/endpoints": owner,
  "POST /api/integrations/endpoints": owner,
  "GET /api/integrations/endpoints/:endpointId": owner,
  "PATCH /api/integrations/endpoints/:endpointId": owner,
  "DELETE /api/integrations/endpoints/:endpointId": owner,
  "POST /api/integrations/endpoints/:endpointId/test": owner,
  "GET /api/integrations/endpoints/:endpointId/deliveries": owner,
  "POST /api/integrations/endpoints/:endpointId/deliveries/:deliveryId/redeliver": { ...owner, absent: true },
  // REST hooks (Zapier, Make): the owner, or a key with the webhooks scope (tests/api/webhook-subscriptions.test.ts).
  // The matrix's endpoint is the owner's own, which is never ended as a subscription: let in may be 404.
  "POST /api/integrations/subscriptions": owner,
  "DELETE /api/integrations/subscriptions/:endpointId": { ...owner, absent: true },
  "GET /api/integrations/events": { ...owner, query: () => "type=invoice.overdue" },
  // The client vault: the contact keeps their company's logins; reveals are judged per entry and
  // task (tests/api/vault.test.ts), so the matrix, with no entry to point at, checks the door only.
  "GET /api/vault": { ...ownerAndContact, query: (ids) => `clientId=${ids.client}` },
  "POST /api/vault": { ...contactOnly, bodyDecides: true },
  "GET /api/vault/log": { ...ownerAndContact, query: (ids) => `clientId=${ids.client}` },
  "POST /api/vault/requests": { ...owner, bodyDecides: true },
  "GET /api/vault/tasks/:taskId": team,
  "PUT /api/vault/tasks/:taskId": { ...owner, bodyDecides: true },
  "GET /api/vault/offboarding/:memberId": owner,
  "GET /api/vault/clients/:clientId/checklist": owner,
  "PATCH /api/vault/:vaultEntryId": { ...contactOnly, absent: true, bodyDecides: true },
  "POST /api/vault/:vaultEntryId/rotate": { ...contactOnly, absent: true, bodyDecides: true },
  "POST /api/vault/:vaultEntryId/reveal": { ...signedIn, absent: true, bodyDecides: true },
  "DELETE /api/vault/:vaultEntryId": { ...contactOnly, absent: true },
  // Search: everyone signed in, each finding only what they may open (tests/api/search.test.ts).
  "GET /api/search": { ...signedIn, query: () => "q=a" },
};

let api: Started;
let world: World;
let ids: RouteIds & { apiKey: string };
let clients: Record<Caller, ApiClient>;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Matrix Agency");
  const { request, task } = await acceptedTask(world, { title: "Matrix work" });
  const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
  const sop = await world.owner.post("/sops", { title: "S", category: "C", body: "B", checklist: ["One"] });
  const entry = await world.sub.post("/time", { taskId: task.id, startedAt: new Date(Date.now() - 3_600_000).toISOString(), minutes: 15 });
  const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "X", quantity: 1, unitAmount: 100 }] });
  const invoice = await world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version });
  const pkg = await world.owner.post("/packages", { name: "P", prices: [{ currency: "USD", amount: 100 }], visibility: "all" });
  const apiKey = await world.owner.post("/api-keys", { name: "Matrix key" });
  const quoteDraft = await world.owner.post("/quotes", { clientId: world.ids.client, title: "Q", lines: [{ kind: "custom", description: "X", quantity: 1, unitAmount: 100 }], validUntil: "2030-12-31" });
  const quote = await world.owner.post(`/quotes/${quoteDraft.body.id}/send`, { version: quoteDraft.body.version });
  const file = await uploaded(world.contact, { name: "Notes.pdf", bytes: samples.pdf(), type: "application/pdf", place: "thread", targetId: request.id });
  const message = await world.contact.post(`/requests/${request.id}/messages`, { body: "The notes", fileIds: [file] });
  const schedule = await world.owner.post("/schedules", { clientId: world.ids.client, title: "Matrix weekly", rule: "weekly", days: [1], time: "09:00", startDate: "2026-12-01" });
  for (const reply of [assigned, sop, entry, invoice, pkg, apiKey, message, quote, schedule]) expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(300);
  ids = {
    member: world.ids.sub,
    client: world.ids.client,
    contact: world.ids.contact,
    request: request.id,
    task: task.id,
    sop: sop.body.id,
    entry: entry.body.id,
    invoice: invoice.body.id,
    package: pkg.body.id,
    survey: await checkInSurveyId(world.people.contact.email, { owner: world.owner, contact: world.contact }),
    apiKey: apiKey.body.apiKey.id,
    file,
    quote: quote.body.id,
    schedule: schedule.body.id,
    endpoint: (await world.owner.post("/integrations/endpoints", { url: "https://hooks.example.com/matrix", events: ["invoice.overdue"] })).body.endpoint.id,
  };
  const other = await createAgency("Other Matrix Agency");
  const otherOwner = new ApiClient(api.baseUrl);
  await signIn(otherOwner, other.ownerEmail);
  clients = { anonymous: new ApiClient(api.baseUrl), owner: world.owner, subcontractor: world.sub, contact: world.contact, otherOwner };
});
afterAll(() => api.close());

async function routeTable() {
  const { app } = await import("@baton/functions/api");
  return [...new Set(app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`))];
}

it("has a rule for every route of the API, and no rule for a route that is gone", async () => {
  const routes = await routeTable();
  expect(routes.filter((route) => !rules[route]), "routes without a rule").toEqual([]);
  expect(Object.keys(rules).filter((route) => !routes.includes(route)), "rules without a route").toEqual([]);
});

/**
 * Probes one route as one caller, with a valid body (or, `bad`, the route's wrong types and an
 * unknown query field: a refusal must not depend on the input), and answers its status.
 */
async function probe(caller: Caller, route: string, bad = false): Promise<number> {
  const [method, path] = route.split(" ") as [string, string];
  const local = path.replace(/^\/api/, "");
  const table = bodyRoutes.find((r) => r.method === method && r.path === local);
  const body = bad ? (table?.wrongTypes ?? { unknown: 1 }) : table?.valid(ids);
  const query = bad ? "limit=-1&unknown=1" : rules[route]?.query?.(ids);
  const url = filled(local, ids).replace(":apiKeyId", ids.apiKey).replace(":number", "1").replace(":paymentId", "pay_none") + (query ? `?${query}` : "");
  const reply = await clients[caller].request(method, url, method === "GET" || method === "DELETE" ? undefined : (body ?? {}));
  return reply.status;
}

// Signing out, deleting the subcontractor and revoking the key would change the callers for the
// routes after them: they go last.
const lastOnes = ["DELETE /api/integrations/endpoints/:endpointId", "DELETE /api/schedules/:scheduleId", "DELETE /api/files/:fileId", "DELETE /api/clients/:clientId/contacts/:contactId", "DELETE /api/members/:memberId", "DELETE /api/api-keys/:apiKeyId", "POST /api/auth/sign-out"];
const order = (route: string) => lastOnes.indexOf(route);

describe.each(callers)("as %s", (caller) => {
  it("is let in exactly where the rules say", async () => {
    const routes = (await routeTable()).sort((a, b) => order(a) - order(b));
    const wrong: string[] = [];
    for (const route of routes) {
      const status = await probe(caller, route);
      const rule = rules[route]!;
      if (rule.ownCredential) {
        if (status >= 500 || status === 403) wrong.push(`${route} → ${status}`);
        continue;
      }
      if (caller === "otherOwner") {
        // Another agency's owner: this agency's ids are not found; anything else is its own (a
        // currency code names the caller's own kept rate, not this agency's).
        const hasId = /\/:(?!itemId|number|paymentId|currency)\w+/.test(route);
        const expected = hasId ? (rule.allow.includes("owner") ? [404] : [403, 404]) : null;
        if (expected ? !expected.includes(status) : rule.allow.includes("owner") ? [401, 403].includes(status) : ![401, 403].includes(status)) {
          wrong.push(`${route} → ${status}`);
        }
        continue;
      }
      const allowed = rule.allow.includes(caller);
      const refused = caller === "anonymous" ? status === 401 : status === 403 || status === 404;
      // Let in means past the door: these ids exist and are the caller's to reach, so not even a 404.
      if (status >= 500 || (allowed ? (rule.absent ? [401, 403] : [401, 403, 404]).includes(status) : !refused)) wrong.push(`${route} → ${status} (${allowed ? "should be let in" : "should be refused"})`);
      if (!allowed && refused && route !== "POST /api/auth/sign-out" && !rule.bodyDecides) {
        // Refused with a good request, refused the same with a bad one: authorization before validation.
        const badStatus = await probe(caller, route, true);
        if (badStatus !== status) wrong.push(`${route} → ${badStatus} with bad input, ${status} with good`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
