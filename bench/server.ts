import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { getPriority, setPriority } from "node:os";
import { performance } from "node:perf_hooks";
import { DeleteTableCommand, DescribeTableCommand, GetItemCommand, QueryCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { serve } from "@hono/node-server";
import { client, db } from "@baton/core/db";
import { Deferred } from "@baton/core/deferred";
import { app } from "@baton/functions/api";
import { ensureTable, localDynamo } from "@baton/local/stand-ins";
import { instrument, instrumentS3, track, Tracker, type Trace } from "./instrument.ts";
import { s3Client } from "@baton/core/file/storage";
import { createQaPool, seedAgency, type Manifest } from "./seed.ts";
import { backfillClientWork } from "@baton/core/task/backfill";
import type { Shape } from "./shape.ts";

// One benchmark agency's API, run by bench/run.ts as a child process (so the load generator and
// the server don't share an event loop): seeds the agency if its table doesn't hold it yet, then
// serves the same Hono app as the Lambda handler and the local runtime, with the core's DynamoDB
// client instrumented (bench/instrument.ts). The environment comes from run.ts.

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (bench/server.ts is started by bench/run.ts)`);
  return value;
};
const shape = JSON.parse(env("BENCH_SHAPE")) as Shape;
const manifestFile = env("BENCH_MANIFEST");
const endpoint = env("DYNAMODB_ENDPOINT");
const log = (line: string) => console.log(line);

instrument(client);
instrumentS3(await s3Client());

/** Runs `work` at a low CPU priority (and DynamoDB Local with it): seeding shares the machine. */
async function niced<R>(work: () => Promise<R>): Promise<R> {
  const pids = [0, Number(process.env.BENCH_DYNAMO_PID ?? 0)].filter((pid, i) => i === 0 || pid > 0);
  const before = pids.map((pid) => getPriority(pid));
  pids.forEach((pid) => setPriority(pid, 10));
  try {
    return await work();
  } finally {
    pids.forEach((pid, i) => {
      try {
        setPriority(pid, before[i]!);
      } catch {
        log(`(could not restore the priority of process ${pid || process.pid}: not root)`);
      }
    });
  }
}

async function loadManifest(): Promise<Manifest | null> {
  if (process.env.BENCH_FRESH === "1" || !existsSync(manifestFile)) return null;
  const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as Manifest;
  if (JSON.stringify(manifest.shape) !== JSON.stringify(shape)) return null;
  try {
    const agency = await db.entities.agency.get({ agencyId: manifest.agencyId }).go();
    return agency.data ? manifest : null;
  } catch {
    return null;
  }
}

async function seeded(): Promise<{ manifest: Manifest; seededNow: boolean }> {
  const existing = await loadManifest();
  if (existing) {
    log(`${shape.name}: using the seeded agency in ${shape.table} (seeded ${existing.seededAt}; --fresh reseeds)`);
    // Seeded before the client board's index (gsi4): the index is added and the open tasks get their keys.
    await ensureTable(endpoint, shape.table);
    await backfillClientWork(existing.agencyId);
    return { manifest: existing, seededNow: false };
  }
  // Nothing usable: start from an empty table (a half-seeded one from an interrupted run too).
  const dynamo = localDynamo(endpoint);
  const exists = await dynamo.send(new DescribeTableCommand({ TableName: shape.table })).then(() => true, () => false);
  if (exists) await dynamo.send(new DeleteTableCommand({ TableName: shape.table }));
  await ensureTable(endpoint, shape.table);
  log(`${shape.name}: seeding ${shape.table} (${shape.clients} clients, ${shape.tasks.toLocaleString("en")} tasks, ${shape.timeEntries.toLocaleString("en")} time entries) at low priority…`);
  const manifest = await niced(() => seedAgency(shape, log));
  await writeFile(manifestFile, JSON.stringify(manifest, null, 2));
  log(`${shape.name}: seeded in ${manifest.seedSeconds}s: ${JSON.stringify(manifest.counts)}`);
  return { manifest, seededNow: true };
}

const { manifest, seededNow } = await seeded();

// Totals across every API call since the last reset: what a load run cost.
type Totals = Omit<Trace, "dynamoMs" | "sesMs" | "steps" | "emailsInRequest"> & { requests: number; responseBytes: number };
const zero = (): Totals => ({ requests: 0, calls: {}, roundTrips: 0, readUnits: 0, writeUnits: 0, emails: 0, s3Puts: 0, s3Gets: 0, serverMs: 0, responseBytes: 0 });
let totals = zero();
// Calls still being served: autocannon stops at its deadline without waiting for the calls it
// has in flight, and the next run must not share DynamoDB Local with them.
let inflight = 0;

function add(trace: Trace, bytes: number) {
  totals.requests++;
  totals.roundTrips += trace.roundTrips;
  totals.readUnits += trace.readUnits;
  totals.writeUnits += trace.writeUnits;
  totals.emails += trace.emails;
  totals.s3Puts += trace.s3Puts;
  totals.s3Gets += trace.s3Gets;
  totals.serverMs += trace.serverMs;
  totals.responseBytes += bytes;
  for (const [name, n] of Object.entries(trace.calls)) totals.calls[name] = (totals.calls[name] ?? 0) + n;
}

async function control(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (path === "/__bench/reset" && request.method === "POST") {
    totals = zero();
    return Response.json({ ok: true });
  }
  if (path === "/__bench/totals") return Response.json({ ...totals, inflight });
  if (path === "/__bench/baseline") return Response.json(await baseline());
  if (path === "/__bench/qa-pool" && request.method === "POST") {
    const { count } = (await request.json()) as { count: number };
    return Response.json(await createQaPool(manifest, count));
  }
  return new Response("not found", { status: 404 });
}

/**
 * DynamoDB Local on its own, as a control for the scaling ratio: a GetItem (the agency) and a
 * bounded Query in the agency's partition (the team, ~20 items), sent with the core's SDK client
 * directly (no app), with the keys ElectroDB makes: its sort key prefix goes out as BETWEEN, as
 * every query of the app does (db/prefix-range.ts).
 */
async function baseline() {
  const string = (values: Record<string, unknown> | undefined) =>
    Object.fromEntries(Object.entries(values ?? {}).map(([name, value]) => [name, { S: String(value) } as AttributeValue]));
  const get = db.entities.agency.get({ agencyId: manifest.agencyId }).params<{ TableName: string; Key: Record<string, string> }>();
  const team = db.entities.member.query.membersOfAgency({ agencyId: manifest.agencyId }).params<{
    TableName: string;
    KeyConditionExpression: string;
    FilterExpression?: string;
    ExpressionAttributeNames: Record<string, string>;
    ExpressionAttributeValues: Record<string, string>;
  }>();
  let start = performance.now();
  await client.send(new GetItemCommand({ TableName: get.TableName, Key: string(get.Key) }));
  const getItemMs = performance.now() - start;
  start = performance.now();
  const found = await client.send(
    new QueryCommand({ ...team, ExpressionAttributeValues: string(team.ExpressionAttributeValues) }),
  );
  return { getItemMs, queryMs: performance.now() - start, queryItems: found.Count ?? 0 };
}

const server = serve({
  hostname: "127.0.0.1",
  port: 0,
  fetch: async (request: Request, nodeEnv: unknown) => {
    if (new URL(request.url).pathname.startsWith("/__bench/")) return control(request);
    const tracker = new Tracker();
    const start = performance.now();
    inflight++;
    let response: Response;
    let body: ArrayBuffer;
    try {
      response = await track(tracker, () => app.fetch(request, nodeEnv as never));
      // Hono has built the whole body by now (JSON), so the handler's work is done.
      body = await response.arrayBuffer();
    } finally {
      inflight--;
    }
    const trace = tracker.trace(performance.now() - start);
    if (request.headers.get("x-bench-trace")) {
      // A sequential traced call: its emails go out after the response (from the outbox), and
      // are still its own (SES is billed per email). Its DynamoDB figures stay the request's. The
      // wait for them is not the call's latency: the caller takes it off (load.ts, callOnce).
      const settling = performance.now();
      await Deferred.settled();
      trace.emails = tracker.emails;
      trace.afterAnswerMs = performance.now() - settling;
      const all = tracker.trace(0);
      trace.afterAnswer = { roundTrips: all.roundTrips - trace.roundTrips, readUnits: all.readUnits - trace.readUnits, writeUnits: all.writeUnits - trace.writeUnits };
    }
    add(trace, body.byteLength);
    const headers = new Headers(response.headers);
    if (request.headers.get("x-bench-trace")) headers.set("x-bench-trace", JSON.stringify(trace));
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  },
});
await new Promise<void>((resolve) => server.once("listening", () => resolve()));
const { port } = server.address() as AddressInfo;
console.log(`READY ${JSON.stringify({ port, manifest, seededNow })}`);

// Nothing to flush: stop at once, even with autocannon's connections still open.
process.once("SIGTERM", () => process.exit(0));
process.once("SIGINT", () => process.exit(0));
