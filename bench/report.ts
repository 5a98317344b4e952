import type { Bundle, ColdStart, FirstLoad } from "./cold-start.ts";
import type { Loaded } from "./load.ts";
import type { Shape } from "./shape.ts";
import { BEFORE, BEFORE_ENDPOINTS, TARGETS } from "./before.ts";
import { PRICES, uploadCostPer1000, type CallCost, type Latency } from "./stats.ts";

// What bench/run.ts writes: bench/results.json (everything) and bench/RESULTS.md (the tables).

export type PerCall = {
  /** Medians over the sequential calls. */
  calls: Record<string, number>;
  roundTrips: number;
  /** Sequential steps (median): DynamoDB calls one after another; absent in results from before it was counted. */
  steps?: number;
  readUnits: number;
  writeUnits: number;
  emails: number;
  /** Of those, sent before the answer (SES calls in the request); absent in results from before it was counted. */
  emailsInRequest?: number;
  /** S3 requests the API sent (PUT- and GET-class). */
  s3Puts: number;
  s3Gets: number;
  responseBytes: number;
  serverMs: number;
  dynamoMs: number;
  sesMs: number;
  /** The work the call left behind its answer (medians): its DynamoDB calls and units, and its time (the worker's on AWS); absent in results from before it was counted. */
  afterAnswer?: { roundTrips: number; readUnits: number; writeUnits: number; ms: number };
};

export type EndpointResult = {
  key: string;
  label: string;
  request: string;
  caller: string;
  list: boolean;
  /** What the write leaves to do after its answer, in words (bench/measure.ts names it per endpoint). */
  leftBehind?: string;
  /** One call at a time (after warm-up calls), client-side latency. */
  sequential: { calls: number; latency: Latency; statuses: Record<string, number> };
  perCall: PerCall;
  /** Endpoint latency (sequential p50) ÷ the time its own DynamoDB calls took (p50). */
  overhead: number | null;
  load: Array<Loaded & { perCall: { roundTrips: number; readUnits: number; writeUnits: number } }>;
  cost: CallCost;
};

export type DatasetResult = {
  shape: Shape;
  counts: Record<string, number>;
  seedSeconds: number;
  seededThisRun: boolean;
  /** DynamoDB Local on its own (SDK client, no app): a GetItem and a small Query in the agency's partition. */
  baseline: { getItem: Latency; query: Latency; queryItems: number } | null;
  endpoints: EndpointResult[];
};

export type Results = {
  generatedAt: string;
  command: string;
  scale: number;
  fullSize: boolean;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; loadAverageAtStart: number[] };
  options: { seconds: number; connections: number[]; qaCalls: number; traceCalls: number };
  datasets: DatasetResult[];
  scaling: Array<{ key: string; label: string; list: boolean; baseline?: boolean; sequentialP50: [number, number]; sequentialRatio: number | null; loadP50: [number, number]; loadRatio: number | null; readUnits: [number, number] }>;
  coldStart: { bundle: Bundle; unminified: Bundle; minifiedRun: ColdStart; unminifiedRun: ColdStart } | null;
  firstLoad: { web: FirstLoad; portal: FirstLoad; built: boolean; onboarding?: { own: string[]; ownGzipBytes: number; withSharedGzipBytes: number } } | null;
  prices: { asOf: string; region: string; unit: typeof PRICES; lambdaMemoryMb: number; architecture: string };
  runSeconds: number;
};

const ms = (value: number | null | undefined) => (value == null || !Number.isFinite(value) ? "–" : value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString("en"));
const x = (value: number | null | undefined) => (value == null || !Number.isFinite(value) ? "–" : `${value.toFixed(value < 10 ? 2 : 1)}×`);
const n = (value: number, digits = 1) => (Number.isInteger(value) ? value.toLocaleString("en") : value.toFixed(digits));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
const usd = (value: number) => (value === 0 ? "0" : value < 0.0001 ? value.toExponential(1) : value < 0.01 ? value.toFixed(5) : value.toFixed(4));
const calls = (byCommand: Record<string, number>) =>
  Object.entries(byCommand)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${count} ${name}`)
    .join(", ") || "none";
const statuses = (byStatus: Record<string, number>) => {
  const other = Object.entries(byStatus).filter(([status]) => !status.startsWith("2"));
  return other.length ? other.map(([status, count]) => `${count}×${status}`).join(" ") : "0";
};

/** Issue 14's targets: where this run stands against the run it started from (bench/before.ts). */
function targetsTable(results: Results): string[] {
  const large = results.datasets.find((d) => d.shape.name === "large");
  if (!large) return [];
  const rows: string[][] = [];
  const met = (ok: boolean | null) => (ok === null ? "–" : ok ? "yes" : "**no**");
  const endpoint = (key: string) => large.endpoints.find((e) => e.key === key);
  for (const [key, target] of Object.entries(TARGETS.roundTrips)) {
    const e = endpoint(key);
    if (!e) continue;
    const steps = e.perCall.steps;
    rows.push([`${e.label}: DynamoDB round trips (sequential steps)`, n(BEFORE_ENDPOINTS[key]?.roundTrips ?? Number.NaN), `${n(e.perCall.roundTrips)}${steps !== undefined ? ` (${n(steps)})` : ""}`, `≤ ${target}`, met(e.perCall.roundTrips <= target)]);
  }
  const board = endpoint("board");
  if (board) rows.push(["Client board: RCU per call", n(BEFORE_ENDPOINTS.board!.readUnits!), n(board.perCall.readUnits), `≤ ${TARGETS.boardReadUnits}`, met(board.perCall.readUnits <= TARGETS.boardReadUnits)]);
  const submit = endpoint("submit");
  if (submit && submit.perCall.emailsInRequest !== undefined) {
    rows.push(["Request submit: SES calls in the request", n(BEFORE_ENDPOINTS.submit!.emails!), `${n(submit.perCall.emailsInRequest)} (${n(submit.perCall.emails - submit.perCall.emailsInRequest)} sent after the answer)`, "0", met(submit.perCall.emailsInRequest === 0)]);
  }
  const qa = endpoint("qaApprove");
  if (qa) rows.push(["QA approve: WCU per call", n(BEFORE_ENDPOINTS.qaApprove!.writeUnits!), n(qa.perCall.writeUnits), `≤ ${TARGETS.qaApproveWriteUnits}`, met(qa.perCall.writeUnits <= TARGETS.qaApproveWriteUnits)]);
  /** The writes whose wait under load misses its target (explained below the table). */
  const slowWrites: EndpointResult[] = [];
  for (const e of large.endpoints) {
    const before = BEFORE_ENDPOINTS[e.key]?.p50At16;
    const now = e.load.find((run) => run.connections === 16)?.latency.p50;
    if (before === undefined || now === undefined) continue;
    const fast = now <= before * TARGETS.p50Share;
    if (!fast && !e.list) slowWrites.push(e);
    rows.push([`${e.label}: p50 ms at 16 connections, large agency`, ms(before), `${ms(now)} (${x(now / before)})`, `≤ ${ms(before * TARGETS.p50Share)} (0.20×)`, met(fast)]);
  }
  const control = results.scaling.find((s) => s.key === "dynamodb-query");
  if (control) rows.push(["DynamoDB Local alone, the team's Query: p50 large ÷ small", x(BEFORE.controlQueryRatio), x(control.sequentialRatio), `≤ ${x(TARGETS.controlQueryRatio)}`, met(control.sequentialRatio !== null && control.sequentialRatio <= TARGETS.controlQueryRatio)]);
  const cold = results.coldStart;
  if (cold?.bundle.loaded && cold.unminified.loaded) {
    rows.push(["API bundle loaded by GET /api/tasks/mine", kb(cold.unminified.loaded.bytes), kb(cold.bundle.loaded.bytes), `≤ ${kb(TARGETS.loadedBytes)}`, met(cold.bundle.loaded.bytes <= TARGETS.loadedBytes)]);
  }
  if (cold) {
    const share = cold.minifiedRun.coldMs / cold.unminifiedRun.coldMs;
    rows.push(["Cold start: import + first request ms (side by side in this run)", ms(cold.unminifiedRun.coldMs), `${ms(cold.minifiedRun.coldMs)} (${x(share)})`, `≤ ${x(TARGETS.coldShare)}`, met(share <= TARGETS.coldShare)]);
  }
  const apps = results.firstLoad;
  if (apps) {
    rows.push(["Portal first load, JS gzip", `${BEFORE.portalFirstLoadGzipKb} KB`, kb(apps.portal.jsGzipBytes), `≤ ${TARGETS.portalFirstLoadGzipKb} KB`, met(apps.portal.jsGzipBytes / 1024 <= TARGETS.portalFirstLoadGzipKb)]);
    if (apps.onboarding) {
      rows.push([
        "Portal onboarding page, JS gzip: its own chunks (with the shared chunks it loads beyond the first load)",
        `${BEFORE.onboardingGzipKb} KB`,
        `${kb(apps.onboarding.ownGzipBytes)} (${kb(apps.onboarding.withSharedGzipBytes)})`,
        `≤ ${TARGETS.onboardingGzipKb} KB`,
        met(apps.onboarding.withSharedGzipBytes / 1024 <= TARGETS.onboardingGzipKb),
      ]);
    }
  }
  // Why a target is not met, for the ones whose reason is known (measured, not guessed).
  const why: string[] = [];
  if (qa && qa.perCall.writeUnits > TARGETS.qaApproveWriteUnits) {
    why.push(
      "**QA approve's write units.** One transaction of six items: the task, its request, the audit event, the reviewer's counters, the client's unread mark and the client notice. " +
        "DynamoDB bills an item written in a transaction 2 units per started KB on the table, and again on every index it is projected into; all four shared indexes project every attribute. " +
        "The task (1.3–2 KB, of which about 800 bytes are its ten key attributes) is rewritten on all four indexes and moves on the status index (a delete and a put); the request (over 1 KB) is rewritten on two. " +
        "`npx tsx bench/trips.ts --indexes` splits the units by table and index. With keys-only indexes for the task and the request the six items would still cost about 24; " +
        "under 20 would also need items out of the transaction or under 1 KB, and keys-only task indexes would add a BatchGetItem after each query of my work and the client board, past their round-trip targets.",
    );
  }
  if (slowWrites.length) {
    why.push(
      `**${slowWrites.map((e) => e.label).join(" and ")} under load.** The reads' waits fell with DynamoDB Local's flat queries; the writes' far less, because DynamoDB Local's throughput on this machine bounds them. ` +
        `${slowWrites.map(callsAroundAnswer).join("; ")}: all on the one DynamoDB Local, on the two cores the API and autocannon share, so requests per second, not the work of one call, set the p50 at 16 connections. ` +
        "DynamoDB Local spends milliseconds of its own CPU on every call, several times that on a transaction (`npx tsx bench/dynamo-local-cost.ts`). " +
        "On AWS the work after the answer runs in the worker function, and DynamoDB's throughput is not one process's.",
    );
  }
  if (cold && cold.minifiedRun.coldMs / cold.unminifiedRun.coldMs > TARGETS.coldShare) {
    why.push(
      `**Cold start.** The import takes ${x(cold.minifiedRun.importMs / cold.unminifiedRun.importMs)} of the single file's; then GET /api/tasks/mine loads the task routes' chunks in its first request (${cold.bundle.loaded?.files ?? "–"} files in all). ` +
        "Loading many small chunks costs about what the bytes they save do. Fewer, larger chunks (esbuild has no minimum chunk size) or V8's compile cache (Node 22's `module.enableCompileCache`) are the next things to try.",
    );
  }
  return [
    `## Issue 14's targets: before (${BEFORE.date}) and now`,
    "",
    `Before: the full-size run of ${BEFORE.date} on this machine (commit ${BEFORE.commit}; the portal home's round trips and the onboarding chunk are the issue's own figures); the cold start's before is that tree's bundle, built and timed in this run. Now: this run. The sections below have every figure.`,
    "",
    "| Measure | Before | Now | Target | Met |",
    "| --- | ---: | ---: | ---: | --- |",
    ...rows.map((row) => `| ${row.join(" | ")} |`),
    "",
    ...(why.length ? ["Where a target is not met:", "", ...why.map((text) => `- ${text}`), ""] : []),
  ];
}

/** "QA approve makes 3 DynamoDB calls before its answer and 5 after it (…)": what a write puts on DynamoDB Local in all. */
function callsAroundAnswer(e: EndpointResult): string {
  const after = e.perCall.afterAnswer?.roundTrips;
  const leftBehind = e.leftBehind ?? "its emails and events";
  return `${e.label} makes ${n(e.perCall.roundTrips)} DynamoDB calls before its answer${after !== undefined ? ` and ${n(after)} after it (${leftBehind})` : ""}`;
}

/** The work a call left behind its answer: "11 calls, 2 RCU, 12 WCU", or "—" with none (or none counted). */
function afterAnswer(p: PerCall): string {
  const after = p.afterAnswer;
  if (!after?.roundTrips) return "—";
  return `${n(after.roundTrips)} ${after.roundTrips === 1 ? "call" : "calls"}, ${n(after.readUnits)} RCU, ${n(after.writeUnits)} WCU`;
}

export function markdown(results: Results): string {
  const large = results.datasets.find((d) => d.shape.name === "large");
  const out: string[] = [];
  const describe = (d: DatasetResult) =>
    `${d.shape.name}: ${d.shape.clients} clients, ${d.shape.subcontractors} subcontractors, ${n(d.counts.tasks ?? 0)} tasks (${n(d.counts.openTasks ?? 0)} open), ${n(d.counts.requests ?? 0)} requests, ${n(d.counts.timeEntries ?? 0)} time entries, ${n(d.counts.invoices ?? 0)} invoices over ${n(d.shape.months)} months`;
  out.push(`# Baton benchmarks`);
  out.push("");
  out.push(
    `Generated ${results.generatedAt} by \`${results.command}\`${results.fullSize ? "" : ` — **reduced size (--scale ${results.scale})**, not the issue's full dataset`}. ` +
      `Local runtime: the API (the same Hono app as the Lambda) in one Node process per agency, DynamoDB Local (working on an in-memory copy of the seeded data) and the SES emulator beside it, autocannon in the bench's own process, all on one machine ` +
      `(${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}, load average ${results.machine.loadAverageAtStart.map((v) => v.toFixed(1)).join(" / ")} at start). ` +
      `Absolute numbers are this machine's and DynamoDB Local's, not AWS's; the ratios are the point.`,
  );
  out.push("");
  for (const d of results.datasets) out.push(`- ${describe(d)}.`);
  out.push("");
  out.push(...targetsTable(results));

  if (large) {
    out.push(`## Latency and throughput (large agency, ${results.options.seconds} s per run)`);
    out.push("");
    out.push("| Endpoint | Request | Connections | Requests/s | p50 ms | p95 ms | p99 ms | Non-2xx |");
    out.push("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |");
    for (const e of large.endpoints) {
      for (const run of e.load) {
        out.push(`| ${e.label} | \`${e.request}\` | ${run.connections} | ${n(run.rps)} | ${ms(run.latency.p50)} | ${ms(run.latency.p95)} | ${ms(run.latency.p99)} | ${statuses(run.statuses)}${run.errors ? `, ${run.errors} errors` : ""} |`);
      }
    }
    out.push("");
    out.push(
      "QA approve runs a fixed number of calls (each approves a deliverable of its own), not a fixed time. " +
        "Throughput is bounded by DynamoDB Local sharing two cores with the API and autocannon: from 16 to 64 connections requests per second barely move and the wait grows.",
    );
    out.push("");

    out.push(`## DynamoDB per call and cost per 1,000 calls (large agency)`);
    out.push("");
    out.push("| Endpoint | Round trips | RCU | WCU | After the answer | Emails | S3 requests | Response | Handler ms | DynamoDB | Lambda | API GW | SES | S3 | Total USD / 1,000 |");
    out.push("| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const e of large.endpoints) {
      const p = e.perCall;
      const s3 = (p.s3Puts ?? 0) + (p.s3Gets ?? 0) ? `${p.s3Puts ?? 0} PUT, ${p.s3Gets ?? 0} GET` : "0";
      out.push(
        `| ${e.label} | ${p.roundTrips}${p.steps !== undefined ? ` in ${n(p.steps)} ${p.steps === 1 ? "step" : "steps"}` : ""}: ${calls(p.calls)} | ${n(p.readUnits)} | ${n(p.writeUnits)} | ${afterAnswer(p)} | ${p.emails} | ${s3} | ${kb(p.responseBytes)} | ${ms(p.serverMs)} | ${usd(e.cost.dynamo)} | ${usd(e.cost.lambda)} | ${usd(e.cost.apiGateway)} | ${usd(e.cost.ses)} | ${usd(e.cost.s3 ?? 0)} | **${usd(e.cost.total)}** |`,
      );
    }
    out.push("");
    const [start, confirm] = [large.endpoints.find((e) => e.key === "uploadStart"), large.endpoints.find((e) => e.key === "uploadConfirm")];
    if (start && confirm) {
      const upload = uploadCostPer1000(start.cost, confirm.cost);
      out.push(
        `**1,000 uploads** from the browser (presign, the browser's own POST to S3, confirm): $${usd(upload.total)} — DynamoDB $${usd(upload.dynamo)}, Lambda $${usd(upload.lambda)}, API Gateway $${usd(upload.apiGateway)}, ` +
          `S3 $${usd(upload.s3)} (1 PUT by the browser, ${n(start.perCall.s3Puts + confirm.perCall.s3Puts)} PUT and ${n(start.perCall.s3Gets + confirm.perCall.s3Gets)} GET/HEAD by the API per upload). ` +
          `The two calls take ${start.perCall.roundTrips} + ${confirm.perCall.roundTrips} DynamoDB round trips and ${n(start.perCall.readUnits + confirm.perCall.readUnits)} RCU + ${n(start.perCall.writeUnits + confirm.perCall.writeUnits)} WCU. ` +
          `Each later download is one API call (a redirect: Lambda and API Gateway as above, no DynamoDB write) and one S3 GET ($${usd(1000 * PRICES.s3GetRequest)} per 1,000); storage ($0.023 per GB-month) and transfer out are not included.`,
      );
      out.push("");
    }
    out.push(
      `Medians of ${results.options.traceCalls} sequential calls. RCU/WCU are DynamoDB's own ReturnConsumedCapacity (TOTAL) figures, billed on demand as read/write request units. ` +
        "Round trips, RCU and WCU are the call's own, before its answer; *after the answer* is the work it leaves behind (its emails from the outbox, its webhook event), which the worker function does on AWS: its DynamoDB units and one more Lambda invocation for its time are in the cost. " +
        `Lambda: arm64, ${results.prices.lambdaMemoryMb} MB (sst.config.ts), billed for the handler time measured here (rounded up to 1 ms) plus the invocation fee; that time includes DynamoDB Local's latency, well above DynamoDB's within a region, so the Lambda part is an upper bound. ` +
        `Prices (${results.prices.region}; ${results.prices.asOf}): DynamoDB $${n(PRICES.dynamoReadUnit * 1e6, 3)} per million read and $${n(PRICES.dynamoWriteUnit * 1e6, 3)} per million write request units; ` +
        `Lambda $${PRICES.lambdaGbSecond} per GB-second and $${n(PRICES.lambdaRequest * 1e6, 2)} per million requests; HTTP API $${n(PRICES.httpApiRequest * 1e6, 2)} per million requests (512 KB units); SES $${n(PRICES.sesEmail * 1000, 2)} per 1,000 emails; S3 $${n(PRICES.s3PutRequest * 1000, 3)} per 1,000 PUT and $${n(PRICES.s3GetRequest * 1000, 4)} per 1,000 GET requests. ` +
        `Not included: CloudFront in front of the API, data transfer out, CloudWatch logs, storage.`,
    );
    out.push("");
  }

  if (results.scaling.length) {
    const [small, big] = [results.datasets.find((d) => d.shape.name === "small"), large];
    out.push(`## Scaling: large ÷ small agency`);
    out.push("");
    out.push(
      `Same team, clients and open work; the large agency has ${small && big ? n((big.counts.tasks ?? 0) / Math.max(1, small.counts.tasks ?? 1)) : "10"}× the history. ` +
        "Both are served at once and measured in turns. An endpoint that reads a bounded page should read the same on both: compare the RCU column (what DynamoDB on AWS bills and what its latency follows).",
    );
    out.push("");
    out.push("| Endpoint | p50 small → large (1 at a time) | Ratio | p50 small → large (16 connections) | Ratio | RCU per call small → large |");
    out.push("| --- | ---: | ---: | ---: | ---: | ---: |");
    const units = (value: number) => (Number.isFinite(value) ? n(value) : "–");
    for (const s of results.scaling) {
      const label = s.baseline ? `*${s.label}*` : `${s.label}${s.list ? "" : " (write)"}`;
      out.push(`| ${label} | ${ms(s.sequentialP50[0])} → ${ms(s.sequentialP50[1])} | ${x(s.sequentialRatio)} | ${ms(s.loadP50[0])} → ${ms(s.loadP50[1])} | ${x(s.loadRatio)} | ${units(s.readUnits[0])} → ${units(s.readUnits[1])} |`);
    }
    out.push("");
    const query = results.scaling.find((s) => s.key === "dynamodb-query");
    if (query) {
      out.push(
        `DynamoDB Local itself is not flat: its Query time grows with the size of the partition it queries, not only with what it returns (the control row above: ${x(query.sequentialRatio)} for the same ${large?.baseline?.queryItems ?? ""} items). ` +
          "Every item of an agency shares one partition key (the agency), and every endpoint here reads the team with such a Query, so on DynamoDB Local all of them slow down with the agency's history. " +
          "On AWS a Query's cost and latency follow the items it reads, so an endpoint whose RCU stays flat scales; one whose RCU grows with history does not.",
      );
      out.push("");
    }
  }

  if (large) {
    out.push(`## Overhead: endpoint ÷ its own DynamoDB calls (large agency)`);
    out.push("");
    out.push("| Endpoint | p50 latency ms | Handler ms | DynamoDB ms | SES ms | Overhead |");
    out.push("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (const e of large.endpoints) {
      out.push(`| ${e.label} | ${ms(e.sequential.latency.p50)} | ${ms(e.perCall.serverMs)} | ${ms(e.perCall.dynamoMs)} | ${ms(e.perCall.sesMs)} | ${x(e.overhead)} |`);
    }
    out.push("");
    out.push(
      "One call at a time. DynamoDB ms is the wall time during which at least one of the call's own DynamoDB requests was in flight (timed at the SDK client, same run, same data); " +
        "the rest is HTTP, Hono, validation, ElectroDB, presenting, JSON and, for writes, the SES emulator.",
    );
    out.push("");
  }

  if (results.coldStart) {
    const c = results.coldStart;
    out.push(`## Lambda cold start`);
    out.push("");
    const loaded = (b: typeof c.bundle) => (b.loaded ? `${kb(b.loaded.bytes)} (${b.loaded.files} files)` : "–");
    out.push("| API handler bundle (esbuild, as SST bundles it) | All files | Gzip | Loaded by the call | Import ms | First request ms | Import + first request ms | Warm request ms |");
    out.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    out.push(`| baseline: the tree before issue 14's split (one minified file) | ${kb(c.unminified.bytes)} | ${kb(c.unminified.gzipBytes)} | ${loaded(c.unminified)} | ${ms(c.unminifiedRun.importMs)} | ${ms(c.unminifiedRun.firstRequestMs)} | ${ms(c.unminifiedRun.coldMs)} | ${ms(c.unminifiedRun.warmRequestMs)} |`);
    out.push(`| now: minified, split into chunks (what sst.config.ts deploys, infra/bundle.ts) | ${kb(c.bundle.bytes)} | ${kb(c.bundle.gzipBytes)} | ${loaded(c.bundle)} | ${ms(c.minifiedRun.importMs)} | ${ms(c.minifiedRun.firstRequestMs)} | ${ms(c.minifiedRun.coldMs)} | ${ms(c.minifiedRun.warmRequestMs)} |`);
    out.push(`| now ÷ baseline | | | ${c.bundle.loaded && c.unminified.loaded ? x(c.bundle.loaded.bytes / c.unminified.loaded.bytes) : "–"} | ${x(c.minifiedRun.importMs / c.unminifiedRun.importMs)} | | ${x(c.minifiedRun.coldMs / c.unminifiedRun.coldMs)} | |`);
    out.push("");
    out.push(
      `Medians of ${c.minifiedRun.runs} fresh \`node\` processes for each bundle, the two taken in turns (Node's own boot, ${ms(c.minifiedRun.nodeBootMs)} ms, not included): import the bundle, then serve an HTTP API (payload 2.0) event for \`GET /api/tasks/mine\` against the large agency in DynamoDB Local. ` +
        "On AWS the first request also reads the bound secrets from SSM and opens a TLS connection to DynamoDB; the Lambda runtime's own init is not here.",
    );
    out.push("");
  }
  if (results.firstLoad) {
    const { web, portal } = results.firstLoad;
    out.push(`## Apps: JavaScript of the first load`);
    out.push("");
    out.push("| App | Files | JS | JS gzip | CSS gzip | All JS (lazy routes too) gzip |");
    out.push("| --- | ---: | ---: | ---: | ---: | ---: |");
    out.push(`| web/ (team app) | ${web.files.length} | ${kb(web.jsBytes)} | ${kb(web.jsGzipBytes)} | ${kb(web.cssGzipBytes)} | ${kb(web.allJsGzipBytes)} |`);
    out.push(`| portal/ (client portal) | ${portal.files.length} | ${kb(portal.jsBytes)} | ${kb(portal.jsGzipBytes)} | ${kb(portal.cssGzipBytes)} | ${kb(portal.allJsGzipBytes)} |`);
    out.push("");
    out.push("First load: index.html's module script, its modulepreload links and everything they import statically (the page's own lazy route chunk comes on top); gzip level 9.");
    out.push("");
  }
  out.push(`Reproduce: \`npm run bench\` (see README.md, "Benchmarks"). Run took ${Math.round(results.runSeconds)} s.`);
  return out.join("\n") + "\n";
}
