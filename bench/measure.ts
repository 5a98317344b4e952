import { join } from "node:path";
import type { Trace } from "./instrument.ts";
import { callOnce, load, type Call } from "./load.ts";
import type { DatasetResult, EndpointResult, PerCall } from "./report.ts";
import type { Manifest } from "./seed.ts";
import { sessionsFor, type Session } from "./sessions.ts";
import type { Shape } from "./shape.ts";
import { costPer1000, latency, median, ratio } from "./stats.ts";

// The measurements of bench/run.ts. Each agency is a Target (its server, its signed-in callers,
// its endpoints); every measurement visits the targets in turns, so that the machine's changing
// background load falls on both agencies alike.

export type Options = {
  seconds: number;
  connections: number[];
  qaCalls: number;
  traceCalls: number;
  /** Calls made and thrown away before the sequential ones. */
  warmup: number;
  /** bench/.data: where the sessions are kept. */
  dataDir: string;
  say: (line: string) => void;
};

/** An endpoint to measure: what the report says of it (report.ts), and how to make its calls. */
export type Endpoint = Pick<EndpointResult, "key" | "label" | "request" | "caller" | "list" | "leftBehind"> & {
  prepare?: (count: number) => Promise<void>;
  next: () => Call;
};
/** What each benchmark upload sends: 64 KB that start like a PDF (the confirm checks the first bytes). */
const UPLOAD_BYTES = (() => {
  const bytes = new Uint8Array(64 * 1024);
  bytes.set(new TextEncoder().encode("%PDF-1.7\n"));
  return bytes;
})();

export type Target = { shape: Shape; baseUrl: string; manifest: Manifest; myWork: Session; endpoints: Endpoint[]; results: EndpointResult[]; baseline: DatasetResult["baseline"] };

/** Signs in one agency's callers and describes its hot endpoints. */
export async function prepareTarget(shape: Shape, baseUrl: string, manifest: Manifest, sesEndpoint: string, o: Options): Promise<Target> {
  const contacts = manifest.clients.filter((c) => c.id !== manifest.boardClientId).slice(0, 8).map((c) => c.contact.email);
  const myWorkEmail = manifest.subcontractors.find((s) => s.id === manifest.myWorkMemberId)!.email;
  o.say(`${shape.name}: signing in the owner, a subcontractor and ${contacts.length} client contacts (magic links; kept in bench/.data/)…`);
  const sessions = await sessionsFor(join(o.dataDir, `sessions-${shape.table}.json`), baseUrl, sesEndpoint, [
    { email: manifest.owner.email, app: "web" },
    { email: myWorkEmail, app: "web" },
    ...contacts.map((email) => ({ email, app: "portal" as const })),
  ]);
  const owner = sessions.get(manifest.owner.email)!;
  const myWork = sessions.get(myWorkEmail)!;
  const portal = contacts.map((email) => sessions.get(email)!);
  const get = (session: Session, path: string): Call => ({ method: "GET", path, headers: { cookie: session.cookie, "x-baton-app": session.app } });
  const post = (session: Session, path: string, body: unknown): Call => ({
    method: "POST",
    path,
    headers: { cookie: session.cookie, "x-baton-app": session.app, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

  let submitted = 0;
  let started = 0;
  let uploads: Array<{ id: string; session: Session }> = [];
  let uploadAt = 0;
  let pool: Array<{ taskId: string; version: number }> = [];
  let poolAt = 0;
  const endpoints: Endpoint[] = [
    { key: "board", label: "Client board", request: "GET /api/tasks/board?clientId=…", caller: "owner", list: true, next: () => get(owner, `/api/tasks/board?clientId=${manifest.boardClientId}`) },
    { key: "myWork", label: "My work", request: "GET /api/tasks/mine", caller: "subcontractor", list: true, next: () => get(myWork, "/api/tasks/mine") },
    {
      key: "submit",
      label: "Request submit",
      request: "POST /api/requests",
      caller: "client contact",
      list: false,
      leftBehind: "the emails to the owners and the receipt, the webhook event",
      next: () => {
        const n = submitted++;
        return post(portal[n % portal.length]!, "/api/requests", {
          title: `Bench request ${n + 1}`,
          description: "Please book two flights to Denver for the January offsite: aisle seats, under $600 each, and add them to the shared calendar.",
          service: "Travel",
          priority: "normal",
        });
      },
    },
    {
      key: "qaApprove",
      label: "QA approve",
      request: "POST /api/tasks/:id/review",
      caller: "owner",
      list: false,
      leftBehind: "the client's notice turned into its email",
      prepare: async (count) => {
        const response = await fetch(`${baseUrl}/__bench/qa-pool`, { method: "POST", body: JSON.stringify({ count }) });
        pool = (await response.json()) as typeof pool;
        poolAt = 0;
      },
      // Past the pool's end (autocannon may build a request it never sends) the last one repeats.
      next: () => {
        const task = pool[Math.min(poolAt++, pool.length - 1)]!;
        return post(owner, `/api/tasks/${task.taskId}/review`, { version: task.version, decision: "approve", rubric: 5 });
      },
    },
    { key: "invoices", label: "Invoice list", request: "GET /api/invoices", caller: "owner", list: true, next: () => get(owner, "/api/invoices") },
    // The portal's home page is the client's requests (portal/src/routes.tsx); its shell's GET /api/me is one GetItem.
    { key: "portalHome", label: "Portal home", request: "GET /api/requests", caller: "client contact", list: true, next: () => get(portal[0]!, "/api/requests") },
    {
      key: "uploadStart",
      label: "Upload: presign",
      request: "POST /api/files",
      caller: "client contact",
      list: false,
      next: () => {
        const n = started++;
        return post(portal[n % portal.length]!, "/api/files", { name: `Brief ${n + 1}.pdf`, size: UPLOAD_BYTES.length, type: "application/pdf", place: "request" });
      },
    },
    {
      key: "uploadConfirm",
      label: "Upload: confirm",
      request: "POST /api/files/:id/confirm",
      caller: "client contact",
      list: false,
      // Each confirm needs an upload of its own: started through the API and sent to the S3 stand-in first.
      prepare: async (count) => {
        uploads = [];
        uploadAt = 0;
        for (let i = 0; i < count; i++) {
          const session = portal[i % portal.length]!;
          const call = post(session, "/api/files", { name: `Scan ${i + 1}.pdf`, size: UPLOAD_BYTES.length, type: "application/pdf", place: "request" });
          const reply = (await (await fetch(`${baseUrl}${call.path}`, { method: "POST", headers: call.headers, body: call.body })).json()) as {
            file: { id: string };
            upload: { url: string; fields: Record<string, string> };
          };
          const form = new FormData();
          for (const [name, value] of Object.entries(reply.upload.fields)) form.append(name, value);
          form.append("file", new Blob([UPLOAD_BYTES]));
          const sent = await fetch(reply.upload.url, { method: "POST", body: form });
          if (!sent.ok) throw new Error(`the S3 stand-in refused an upload: ${sent.status}`);
          uploads.push({ id: reply.file.id, session });
        }
      },
      next: () => {
        const upload = uploads[Math.min(uploadAt++, uploads.length - 1)]!;
        return post(upload.session, `/api/files/${upload.id}/confirm`, {});
      },
    },
  ];
  return { shape, baseUrl, manifest, myWork, endpoints, results: [], baseline: null };
}

/** DynamoDB Local's own latency on each agency's table, in turns: the control for the scaling ratio. */
export async function measureBaseline(targets: Target[], o: Options) {
  o.say(`DynamoDB Local alone: a GetItem and a small Query on each agency's table, in turns…`);
  const samples = targets.map(() => ({ getItem: [] as number[], query: [] as number[], items: 0 }));
  for (let i = 0; i < o.warmup + o.traceCalls; i++) {
    for (const [t, target] of targets.entries()) {
      const one = (await (await fetch(`${target.baseUrl}/__bench/baseline`)).json()) as { getItemMs: number; queryMs: number; queryItems: number };
      if (i < o.warmup) continue;
      samples[t]!.getItem.push(one.getItemMs);
      samples[t]!.query.push(one.queryMs);
      samples[t]!.items = one.queryItems;
    }
  }
  for (const [t, target] of targets.entries()) {
    target.baseline = { getItem: latency(samples[t]!.getItem), query: latency(samples[t]!.query), queryItems: samples[t]!.items };
    o.say(`  ${target.shape.name}: GetItem p50 ${target.baseline.getItem.p50.toFixed(1)} ms, Query (${target.baseline.queryItems} items) p50 ${target.baseline.query.p50.toFixed(1)} ms`);
  }
}

/** One endpoint on every agency, in turns: one call at a time, then each connection count under load. */
export async function measureEndpoint(targets: Target[], key: string, sesEndpoint: string, o: Options) {
  const label = targets[0]!.endpoints.find((e) => e.key === key)!.label;
  o.say(`${label}: ${o.traceCalls} calls one at a time on each agency, in turns…`);
  const traced = targets.map(() => ({ samples: [] as number[], statuses: {} as Record<string, number>, traces: [] as Trace[], bytes: [] as number[] }));
  for (const target of targets) await target.endpoints.find((e) => e.key === key)!.prepare?.(o.warmup + o.traceCalls);
  for (let i = 0; i < o.warmup + o.traceCalls; i++) {
    for (const [t, target] of targets.entries()) {
      const step = await callOnce(target.baseUrl, target.endpoints.find((e) => e.key === key)!.next());
      if (i < o.warmup) continue;
      const into = traced[t]!;
      into.samples.push(step.ms);
      into.statuses[step.status] = (into.statuses[step.status] ?? 0) + 1;
      into.bytes.push(step.bytes);
      if (step.trace) into.traces.push(step.trace);
    }
  }
  const loaded = targets.map(() => [] as EndpointResult["load"]);
  for (const connections of o.connections) {
    for (const [t, target] of targets.entries()) {
      const endpoint = target.endpoints.find((e) => e.key === key)!;
      // Writes that need a target each (QA approve) run a fixed number of calls; autocannon wants one per connection at least.
      const amount = endpoint.prepare ? Math.max(o.qaCalls, connections) : undefined;
      await endpoint.prepare?.((amount ?? 0) + connections + 1);
      for (const other of targets) await idle(other.baseUrl);
      await fetch(`${target.baseUrl}/__bench/reset`, { method: "POST" });
      o.say(`${target.shape.name}: ${label}: ${connections} connections, ${amount ? `${amount} calls` : `${o.seconds} s`}…`);
      const run = await load(target.baseUrl, endpoint.next, { connections, seconds: o.seconds, ...(amount ? { amount } : {}) });
      await idle(target.baseUrl);
      const totals = (await (await fetch(`${target.baseUrl}/__bench/totals`)).json()) as { requests: number; roundTrips: number; readUnits: number; writeUnits: number };
      const per = (value: number) => (totals.requests ? value / totals.requests : 0);
      loaded[t]!.push({ ...run, perCall: { roundTrips: per(totals.roundTrips), readUnits: per(totals.readUnits), writeUnits: per(totals.writeUnits) } });
      o.say(`  ${run.rps.toFixed(1)} req/s, p50 ${run.latency.p50.toFixed(1)} ms, p99 ${run.latency.p99.toFixed(1)} ms, statuses ${JSON.stringify(run.statuses)}${run.requests ? "" : " (no call finished: run longer with --duration)"}`);
      await fetch(`${sesEndpoint}/clear-store`, { method: "POST" });
    }
  }
  for (const [t, target] of targets.entries()) {
    const endpoint = target.endpoints.find((e) => e.key === key)!;
    const perCall = perCallOf(traced[t]!.traces, traced[t]!.bytes);
    const sequentialLatency = latency(traced[t]!.samples);
    target.results.push({
      key,
      label,
      request: endpoint.request,
      caller: endpoint.caller,
      list: endpoint.list,
      ...(endpoint.leftBehind ? { leftBehind: endpoint.leftBehind } : {}),
      sequential: { calls: o.traceCalls, latency: sequentialLatency, statuses: traced[t]!.statuses },
      perCall,
      overhead: ratio(sequentialLatency.p50, perCall.dynamoMs),
      load: loaded[t]!,
      cost: costPer1000({
        readUnits: perCall.readUnits,
        writeUnits: perCall.writeUnits,
        durationMs: perCall.serverMs,
        responseBytes: perCall.responseBytes,
        emails: perCall.emails,
        s3Puts: perCall.s3Puts,
        s3Gets: perCall.s3Gets,
        ...(perCall.afterAnswer ? { afterAnswer: perCall.afterAnswer } : {}),
      }),
    });
  }
}

/** Waits until the server has finished every call it was given (up to 5 minutes). */
async function idle(baseUrl: string) {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const { inflight } = (await (await fetch(`${baseUrl}/__bench/totals`)).json()) as { inflight: number };
    if (!inflight) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${baseUrl} still had calls in flight after 5 minutes`);
}

function perCallOf(traces: Trace[], responseBytes: number[]): PerCall {
  const of = (pick: (t: Trace) => number) => median(traces.map(pick));
  const commands = [...new Set(traces.flatMap((t) => Object.keys(t.calls)))];
  return {
    calls: Object.fromEntries(commands.map((name) => [name, of((t) => t.calls[name] ?? 0)])),
    roundTrips: of((t) => t.roundTrips),
    steps: of((t) => t.steps),
    readUnits: of((t) => t.readUnits),
    writeUnits: of((t) => t.writeUnits),
    emails: of((t) => t.emails),
    emailsInRequest: of((t) => t.emailsInRequest ?? t.emails),
    s3Puts: of((t) => t.s3Puts ?? 0),
    s3Gets: of((t) => t.s3Gets ?? 0),
    responseBytes: median(responseBytes),
    serverMs: of((t) => t.serverMs),
    dynamoMs: of((t) => t.dynamoMs),
    sesMs: of((t) => t.sesMs),
    afterAnswer: {
      roundTrips: of((t) => t.afterAnswer?.roundTrips ?? 0),
      readUnits: of((t) => t.afterAnswer?.readUnits ?? 0),
      writeUnits: of((t) => t.afterAnswer?.writeUnits ?? 0),
      ms: of((t) => t.afterAnswerMs ?? 0),
    },
  };
}
