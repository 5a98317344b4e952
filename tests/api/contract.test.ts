import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import openapiTS from "openapi-typescript";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiClient, startApi, type Started } from "../support/http.ts";
import { checkAnswer, describeMismatches, mismatches, reached } from "../support/contract.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";
import { samples, uploaded } from "../support/files.ts";
import { approveTime } from "../support/approve-time.ts";

// The API contract (README, "API"): the OpenAPI document declares every operation's success
// response, and what the API answers is what it declares. Every ApiClient answer in every suite is
// held to the document (tests/support/contract.ts; a file with a mismatch fails); this file walks
// the reads itself with real ids, and type-checks a client generated from the live document.

let api: Started;
let world: World;
let doc: any;
const ids: Record<string, string> = {};

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Contract Agency");
  const { request, task } = await acceptedTask(world, { title: "Contract work" });
  await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
  const sop = await world.owner.post("/sops", { title: "S", category: "C", body: "B", checklist: ["One"] });
  const entry = await world.owner.post("/time", { taskId: task.id, startedAt: new Date(Date.now() - 3_600_000).toISOString(), minutes: 15 });
  const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "X", quantity: 1, unitAmount: 100 }] });
  const invoice = await world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version });
  // Seen by every client, so the client's catalog reads it too.
  const pkg = await world.owner.post("/packages", { name: "P", prices: [{ currency: "USD", amount: 100 }], visibility: "all" });
  const file = await uploaded(world.owner, { name: "Contract.pdf", bytes: samples.pdf(), type: "application/pdf", place: "client", targetId: world.ids.client });
  // A sent quote: the owner and the client's contact both read it.
  const quoteDraft = await world.owner.post("/quotes", { clientId: world.ids.client, title: "Q", lines: [{ kind: "custom", description: "X", quantity: 1, unitAmount: 100 }], validUntil: "2199-12-31" });
  const quote = await world.owner.post(`/quotes/${quoteDraft.body.id}/send`, { version: quoteDraft.body.version });
  // A payout statement: the subcontractor's approved time of this month at their cost rate.
  const member = await world.owner.get(`/members/${world.ids.sub}`);
  expect((await world.owner.patch(`/members/${world.ids.sub}`, { version: member.body.version, costRate: 2000 })).status).toBe(200);
  const workedAt = new Date(Date.now() - 7_200_000);
  const subTime = await world.sub.post("/time", { taskId: task.id, startedAt: workedAt.toISOString(), minutes: 30 });
  await approveTime(world, [subTime.body]);
  // The month the time falls in, in the member's zone.
  const period = new Intl.DateTimeFormat("en-CA", { timeZone: member.body.timeZone, year: "numeric", month: "2-digit" }).format(workedAt);
  const payout = await world.owner.post("/payouts", { memberId: world.ids.sub, period });
  expect(payout.status, JSON.stringify(payout.body)).toBe(201);
  const schedule = await world.owner.post("/schedules", { clientId: world.ids.client, title: "Weekly inbox", rule: "weekly", days: [1], time: "09:00", startDate: "2099-01-05" });
  const endpoint = await world.owner.post("/integrations/endpoints", { url: "https://hooks.example.com/contract", events: ["invoice.overdue"] });
  Object.assign(ids, {
    endpointId: endpoint.body.endpoint.id,
    payoutId: payout.body.id,
    scheduleId: schedule.body.id,
    memberId: world.ids.sub,
    clientId: world.ids.client,
    contactId: world.ids.contact,
    requestId: request.id,
    taskId: task.id,
    sopId: sop.body.id,
    number: "1",
    entryId: entry.body.id,
    invoiceId: invoice.body.id,
    packageId: pkg.body.id,
    fileId: file,
    quoteId: quote.body.id,
  });
  // The client vault: an entry, a reveal on the log for the task, so every vault read has something to answer.
  const vaultEntry = await world.contact.post("/vault", { tool: "Contract tool", kind: "password", secret: "contract-vault-secret" });
  expect((await world.owner.request("PUT", `/vault/tasks/${task.id}`, { vaultEntryIds: [vaultEntry.body.id] })).status).toBe(200);
  expect((await world.sub.post(`/vault/${vaultEntry.body.id}/reveal`, { reason: "Contract reads", taskId: task.id })).status).toBe(200);
  doc = (await new ApiClient(api.baseUrl).get("/openapi.json")).body;
});
afterAll(() => api.close());

const operations = () =>
  Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));

it("declares a success response for every operation: JSON with a schema, a media type, a redirect or no content", () => {
  const undeclared = operations().flatMap(({ path, method, op }) => {
    const [status, response] = (Object.entries(op.responses ?? {}) as [string, any][]).find(([code]) => /^[23]/.test(code)) ?? [];
    if (!status) return [`${method.toUpperCase()} ${path}: no success response`];
    if (status === "204" || status.startsWith("3")) return [];
    const content = Object.entries(response.content ?? {}) as [string, any][];
    if (!content.length) return [`${method.toUpperCase()} ${path}: ${status} without content`];
    return content.filter(([, media]) => !media.schema).map(([type]) => `${method.toUpperCase()} ${path}: ${status} ${type} without a schema`);
  });
  expect(undeclared).toEqual([]);
  expect(operations().length).toBeGreaterThan(100);
});

it("gives every list the one shape, { items, cursor }", () => {
  const resolve = (schema: any): any => (schema?.$ref ? doc.components.schemas[schema.$ref.split("/").pop()] : schema);
  const lists = operations().flatMap(({ path, method, op }) => {
    const schema = resolve(op.responses?.["200"]?.content?.["application/json"]?.schema);
    return schema?.properties?.items ? [{ name: `${method.toUpperCase()} ${path}`, schema }] : [];
  });
  expect(lists.length).toBeGreaterThan(15);
  for (const { name, schema } of lists) expect({ name, required: schema.required }).toEqual({ name, required: expect.arrayContaining(["items", "cursor"]) });
});

it("answers every read as the document declares it, for the owner, a subcontractor and a client contact", async () => {
  // Reads that need a query to answer: a client's unbilled time and open deposits.
  const queries: Record<string, string> = { "/time/unbilled": `?clientId=${ids.clientId}`, "/invoices/deposits": `?clientId=${ids.clientId}`, "/vault": `?clientId=${ids.clientId}`, "/vault/log": `?clientId=${ids.clientId}`, "/search": "?q=contract", "/integrations/events": "?type=invoice.sent" };
  const fill = (path: string) => path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? `unknown_${name}`) + (queries[path] ?? "");
  // Binary answers (downloads, PDFs, the brand's logo: tests/api/branding.test.ts, the PDF tests)
  // are not JSON reads; a signed agreement's or a credit note's PDF has no id here until made. An
  // overage consent link's token is made only by the 100 % email (tests/api/hour-bank-alerts.test.ts).
  const reads = operations().filter(({ path, method }) => method === "get" && !/openapi|docs|feeds|respond|download|view|logo|\/pdf$|\/consent\/\{token\}/.test(path));
  for (const caller of [world.owner, world.sub, world.contact]) {
    for (const { path } of reads) await caller.get(fill(path));
  }
  expect(describeMismatches()).toBe("");
  expect(mismatches).toEqual([]);
  // Each read was reached with an id that exists, so its 2xx shape was checked for someone.
  expect(reads.filter(({ path }) => !reached.has(`GET ${path}`)).map(({ path }) => path)).toEqual([]);
});

it("holds errors to the one Error shape", async () => {
  const before = mismatches.length;
  expect((await new ApiClient(api.baseUrl).get("/clients")).status).toBe(401);
  expect((await world.contact.get("/clients")).status).toBe(403);
  expect((await world.owner.get("/clients/cli_01jzzzzzzzzzzzzzzzzzzzzzzz")).status).toBe(404);
  expect((await world.owner.post("/clients", { name: 5 })).status).toBe(400);
  expect(mismatches.slice(before)).toEqual([]);
});

it("notices an answer that differs from the document: a missing field, an undeclared one, an undeclared status", async () => {
  const before = mismatches.length;
  const json = (status: number) => new Response(null, { status, headers: { "content-type": "application/json" } });
  const me = (await world.owner.get("/me")).body;
  const { email: _dropped, ...withoutEmail } = me;
  await checkAnswer(api.baseUrl, "GET", "/me", json(200), withoutEmail);
  await checkAnswer(api.baseUrl, "GET", "/me", json(200), { ...me, password: "x" });
  await checkAnswer(api.baseUrl, "GET", "/me", json(201), me);
  await checkAnswer(api.baseUrl, "GET", "/me", json(404), { message: "not the Error shape" });
  const found = mismatches.splice(before);
  expect(found.map((m) => m.problem)).toEqual([
    expect.stringContaining("must have required property 'email'"),
    expect.stringContaining("(password)"),
    expect.stringContaining("status 201 is not declared"),
    expect.stringContaining("must have required property 'error'"),
  ]);
});

const run = (file: string, args: string[], cwd: string) =>
  new Promise<{ code: number; output: string }>((resolve) => {
    execFile(process.execPath, [file, ...args], { cwd, timeout: 90_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });

it("generates a typed client from the live document that type-checks a script calling the API", { timeout: 120_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), "baton-client-"));
  try {
    await writeFile(join(dir, "api.d.ts"), await openapiTS(doc));
    await writeFile(join(dir, "script.ts"), SCRIPT);
    await writeFile(
      join(dir, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: "es2022", module: "esnext", moduleResolution: "bundler", lib: ["es2022", "dom"], skipLibCheck: false, types: [] }, files: ["script.ts"] }),
    );
    const tsc = join(dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin", "tsc");
    const checked = await run(tsc, ["-p", "tsconfig.json"], dir);
    expect(checked.output).toBe("");
    expect(checked.code).toBe(0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/** An integrator's script against the generated `paths`: it compiles only if the document types each answer. */
const SCRIPT = `import type { paths } from "./api";

type Ok<P extends keyof paths, M extends keyof paths[P], S extends number = 200> = paths[P][M] extends { responses: infer R }
  ? S extends keyof R
    ? R[S] extends { content: { "application/json": infer T } }
      ? T
      : never
    : never
  : never;

async function call<T>(key: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(\`https://baton.example/api\${path}\`, {
    method,
    headers: { authorization: \`Bearer \${key}\`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return (await response.json()) as T;
}

export async function script(key: string): Promise<string[]> {
  const clients = await call<Ok<"/clients", "get">>(key, "GET", "/clients");
  const next: string | null = clients.cursor;
  const first = clients.items[0];
  const code: string = first ? first.code : "";
  const created = await call<Ok<"/clients", "post", 201>>(key, "POST", "/clients", { name: "New", code: "NEW", timeZone: "UTC", currency: "EUR" });
  const rate: number | null = created.billing.hourlyRate;
  const detail = await call<Ok<"/tasks/{taskId}", "get">>(key, "GET", "/tasks/tsk_1");
  const status: "todo" | "in_progress" | "in_qa" | "returned" | "client_review" | "done" = detail.task.status;
  const assigned = await call<Ok<"/tasks/{taskId}/assign", "post">>(key, "POST", "/tasks/tsk_1/assign", { version: detail.task.version, memberId: "mem_1" });
  const sameShape: typeof detail = assigned;
  const invoice = await call<Ok<"/invoices/{invoiceId}", "get">>(key, "GET", "/invoices/inv_1");
  const balance: number = invoice.balance;
  const paid: string[] = invoice.payments.map((payment) => payment.method);
  const timer = await call<Ok<"/time/timer", "get">>(key, "GET", "/time/timer");
  const running: string | undefined = timer.timer?.label;
  // @ts-expect-error: the document says what a client is, and this is not part of it.
  const secret: unknown = first?.secretField;
  return [String(next), code, String(rate), status, sameShape.request.reference, String(balance), ...paid, running ?? "", String(secret)];
}
`;
