import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import { freePort, startDynamoLocal, startSes, ensureTable } from "@baton/local/stand-ins";
import { shapes } from "./shape.ts";

// `npx tsx bench/trips.ts`: what each hot endpoint costs in DynamoDB round trips (and sequential
// steps), on a tiny agency in an in-memory DynamoDB Local. Quick enough to run before and after a
// change on a busy machine; the counts don't depend on the data's size (the full bench's do not
// either, except the board's RCU), so they match `npm run bench`'s per-call table.

const { values: args } = parseArgs({ options: { calls: { type: "string", default: "3" }, json: { type: "boolean", default: false }, indexes: { type: "boolean", default: false } } });
const calls = Number(args.calls);

const dynamo = await startDynamoLocal({ port: await freePort() });
const ses = await startSes({ port: await freePort() });
const table = `trips-${randomBytes(4).toString("hex")}`;
await ensureTable(dynamo.endpoint, table);
Object.assign(process.env, {
  AWS_REGION: "us-east-1",
  DYNAMODB_ENDPOINT: dynamo.endpoint,
  SES_ENDPOINT: ses.endpoint,
  BATON_SESSION_SECRET: randomBytes(32).toString("base64url"),
  BATON_EMAIL_FROM: "Baton Bench <bench@baton.example>",
  BATON_TABLE_NAME: table,
  BATON_LOG_LEVEL: "warn",
});

try {
  const { client } = await import("@baton/core/db");
  const { Deferred } = await import("@baton/core/deferred");
  const { app } = await import("@baton/functions/api");
  const { instrument, track, Tracker } = await import("./instrument.ts");
  const { seedAgency, createQaPool } = await import("./seed.ts");
  const { signIn } = await import("./sessions.ts");
  instrument(client, { indexes: args.indexes });

  // Sequential steps: DynamoDB calls that did not overlap one another.
  let traces: Array<{ roundTrips: number; steps: number; calls: Record<string, number>; readUnits: number; writeUnits: number; emails: number; byIndex: Record<string, number>; items: string[]; tracker: InstanceType<typeof Tracker> }> = [];
  const server = serve({
    hostname: "127.0.0.1",
    port: 0,
    fetch: async (request: Request) => {
      const tracker = new Tracker();
      const response = await track(tracker, () => app.fetch(request));
      const body = await response.arrayBuffer();
      // What the request started after its answer (emails from the outbox) is not the request's.
      const trace = tracker.trace(0);
      traces.push({ roundTrips: trace.roundTrips, steps: trace.steps, calls: { ...trace.calls }, readUnits: trace.readUnits, writeUnits: trace.writeUnits, emails: trace.emails, byIndex: { ...tracker.writeUnitsByIndex }, items: [...tracker.writeItems], tracker });
      return new Response(body, { status: response.status, headers: response.headers });
    },
  });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.BATON_WEB_URL = baseUrl;
  process.env.BATON_PORTAL_URL = `${baseUrl}/portal`;

  const shape = { ...shapes(0.02)[1], table };
  const manifest = await seedAgency(shape, () => {});
  const owner = await signIn(baseUrl, ses.endpoint, manifest.owner.email, "web");
  const sub = await signIn(baseUrl, ses.endpoint, manifest.subcontractors.find((s) => s.id === manifest.myWorkMemberId)!.email, "web");
  const contact = await signIn(baseUrl, ses.endpoint, manifest.clients.find((c) => c.id !== manifest.boardClientId)!.contact.email, "portal");
  const pool = await createQaPool(manifest, calls + 1);
  await Deferred.settled();

  type Session = typeof owner;
  const call = async (session: Session, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie: session.cookie, "x-baton-app": session.app, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    await Deferred.settled();
  };
  let n = 0;
  const endpoints: Array<[string, () => Promise<void>]> = [
    ["Request submit", () => call(contact, "POST", "/api/requests", { title: `Trip ${++n}`, description: "Book two flights.", service: "Travel", priority: "normal" })],
    ["QA approve", () => { const task = pool[n++ % pool.length]!; return call(owner, "POST", `/api/tasks/${task.taskId}/review`, { version: task.version, decision: "approve", rubric: 5 }); }],
    ["My work", () => call(sub, "GET", "/api/tasks/mine")],
    ["Client board", () => call(owner, "GET", `/api/tasks/board?clientId=${manifest.boardClientId}`)],
    ["Invoice list", () => call(owner, "GET", "/api/invoices")],
    ["Portal home: me", () => call(contact, "GET", "/api/me")],
    ["Portal home: requests", () => call(contact, "GET", "/api/requests")],
  ];
  const rows: Array<Record<string, unknown>> = [];
  for (const [label, run] of endpoints) {
    n = 0;
    await run(); // warm: the first call of a kind pays for the identity cache and module loads
    traces = [];
    const started = performance.now();
    for (let i = 0; i < calls; i++) await run();
    const last = traces.at(-1)!;
    // What the call left behind its answer (its emails, its webhook event), all finished by now (call() waits for it).
    const after = last.tracker.trace(0);
    rows.push({ afterCalls: after.roundTrips - last.roundTrips, afterWcu: after.writeUnits - last.writeUnits, endpoint: label, roundTrips: last.roundTrips, steps: last.steps, calls: last.calls, rcu: last.readUnits, wcu: last.writeUnits, emailsInRequest: last.emails, wcuByIndex: last.byIndex, written: last.items, ms: Math.round((performance.now() - started) / calls) });
  }
  if (args.json) console.log(JSON.stringify(rows, null, 2));
  else {
    console.log("| Endpoint | Round trips | Sequential steps | By command | RCU | WCU | SES calls in the request | After the answer: calls (WCU) |");
    console.log("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
    for (const r of rows) {
      const by = Object.entries(r.calls as Record<string, number>).map(([k, v]) => `${v} ${k}`).join(", ");
      console.log(`| ${r.endpoint} | ${r.roundTrips} | ${r.steps} | ${by} | ${r.rcu} | ${r.wcu} | ${r.emailsInRequest} | ${r.afterCalls ? `${r.afterCalls} (${r.afterWcu})` : "—"} |`);
    }
    if (args.indexes) {
      console.log("\nWrite units by table and index (`--indexes`: ReturnConsumedCapacity INDEXES), and the items written:\n");
      for (const r of rows.filter((r) => Object.keys(r.wcuByIndex as object).length)) {
        const split = Object.entries(r.wcuByIndex as Record<string, number>).map(([k, v]) => `${k} ${v}`).join(", ");
        console.log(`- ${r.endpoint}: ${split}; ${(r.written as string[]).join(", ")}`);
      }
    }
  }
  server.close();
} finally {
  await ses.stop();
  await dynamo.stop();
}
process.exit(0);
