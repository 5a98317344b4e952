import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { freePort, startDynamoLocal, startS3, type DynamoLocal, type S3StandIn } from "@baton/local/stand-ins";
import { ensureLocalBucket } from "@baton/core/file/bucket";
import { pageChunks } from "./apps.ts";
import { baselineTree } from "./baseline.ts";
import { bundleApi, firstLoad, httpApiEvent, loadedBy, measureColdStarts } from "./cold-start.ts";
import { measureBaseline, measureEndpoint, prepareTarget, type Options, type Target } from "./measure.ts";
import { markdown, type DatasetResult, type EndpointResult, type Results } from "./report.ts";
import type { Manifest } from "./seed.ts";
import { shapes, type Shape } from "./shape.ts";
import { LAMBDA_MEMORY_MB, PRICES, PRICES_AS_OF, ratio } from "./stats.ts";

// `npm run bench`: seeds (once) a large and a 10× smaller agency in DynamoDB Local, then measures
// the hot endpoints one call at a time and under load, the Lambda bundle's cold start and the
// apps' first-load JavaScript, and writes bench/results.json and bench/RESULTS.md.

const HELP = `npm run bench -- [options]
  --scale N          dataset size factor (1 = the issue's: 50 clients, 20,000 tasks, 100,000 time entries)
  --fresh            reseed both agencies (otherwise the seeded data in bench/.data/ is reused)
  --duration S       seconds per load run (default 20)
  --connections L    comma-separated connection counts (default 16,64)
  --qa-calls N       QA approvals per load run (default 300)
  --trace-calls N    sequential calls per endpoint for round trips, capacity and overhead (default 20)
  --cold-runs N      fresh processes for the cold start, per bundle, taken in turns (default 15)
  --baseline REF     the commit whose API bundle is the cold start's baseline row (default: where this branch left main)
  --no-build         measure web/dist and portal/dist as they are instead of building the apps into bench/.data/apps/
  --report-only      only write bench/RESULTS.md again from bench/results.json
  --apps-only        only build and measure the apps' first load (and the portal's onboarding page); prints rows, writes nothing
  --label TEXT       with --apps-only: what the rows are called (default "this tree")`;

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    fresh: { type: "boolean", default: false },
    duration: { type: "string", default: "20" },
    connections: { type: "string", default: "16,64" },
    "qa-calls": { type: "string", default: "300" },
    "trace-calls": { type: "string", default: "20" },
    "cold-runs": { type: "string", default: "15" },
    baseline: { type: "string", default: "" },
    "no-build": { type: "boolean", default: false },
    "report-only": { type: "boolean", default: false },
    "apps-only": { type: "boolean", default: false },
    label: { type: "string", default: "this tree" },
    help: { type: "boolean", default: false },
  },
});
if (args.help) {
  console.log(HELP);
  process.exit(0);
}
if (args["report-only"]) {
  const results = JSON.parse(await readFile(join(import.meta.dirname, "results.json"), "utf8")) as Results;
  await writeFile(join(import.meta.dirname, "RESULTS.md"), markdown(results));
  console.log("wrote bench/RESULTS.md from bench/results.json");
  process.exit(0);
}

const repo = resolve(import.meta.dirname, "..");
if (args["apps-only"]) {
  const { appsOnly } = await import("./apps.ts");
  await appsOnly({ repo, outDir: resolve(import.meta.dirname, ".data/apps"), build: !args["no-build"], label: args.label! });
  process.exit(0);
}
const dataDir = resolve(import.meta.dirname, ".data");
const scale = Number(args.scale);
const options = {
  seconds: Number(args.duration),
  connections: args.connections!.split(",").map(Number),
  qaCalls: Number(args["qa-calls"]),
  traceCalls: Number(args["trace-calls"]),
};
const started = Date.now();
const loadAverageAtStart = loadavg();
const say = (line: string) => console.log(`[bench] ${line}`);
const measuring: Options = { ...options, warmup: 3, dataDir, say };
const children: ChildProcess[] = [];
let dynamo: DynamoLocal | undefined;
let s3: S3StandIn | undefined;
let workDir: string | undefined;
const DB_FILE = "shared-local-instance.db";

async function main() {
  if (!(scale > 0)) throw new Error(`--scale must be a positive number`);
  await mkdir(join(dataDir, "dynamodb"), { recursive: true });
  const secretFile = join(dataDir, "session-secret");
  if (!existsSync(secretFile)) await writeFile(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
  const sessionSecret = (await readFile(secretFile, "utf8")).trim();

  // The apps are built into bench/.data/apps/, never over web/dist or portal/dist, which a test
  // run or `npm start` may be serving at the same moment.
  const appsDir = join(dataDir, "apps");
  const built = !args["no-build"];
  if (built) {
    say("building web/ and portal/ into bench/.data/apps/ (vite build, at low priority)…");
    for (const app of ["web", "portal"]) {
      await exec("nice", ["-n", "10", join(repo, app, "node_modules/.bin/vite"), "build", "--outDir", join(appsDir, app), "--emptyOutDir", "--logLevel", "warn"], { cwd: join(repo, app) });
    }
  }

  // On this machine's disk DynamoDB Local writes about 100 items/s (it syncs every write), in
  // tmpfs 600–800. So the run works on a copy of the seeded data in memory: seeding is fast,
  // the measured writes don't wait on the disk (AWS doesn't either), and every run starts from
  // the same data. Newly seeded data is copied back to bench/.data/dynamodb/ for the next run.
  const persisted = join(dataDir, "dynamodb", DB_FILE);
  workDir = await mkdtemp(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "baton-bench-"));
  // Other scales' tables live in the same file: --fresh reseeds only this scale's two tables.
  if (existsSync(persisted)) await copyFile(persisted, join(workDir, DB_FILE));
  say(`starting DynamoDB Local (working copy in ${workDir}, kept in bench/.data/dynamodb) and the SES emulator…`);
  dynamo = await startDynamoLocal({ port: await freePort(), dataDir: workDir });
  const sesEndpoint = await startSesEmulator();
  // Uploads go to the S3 stand-in (in this process), its objects in the working copy's folder.
  s3 = await startS3({ port: await freePort(), directory: join(workDir, "s3") });
  await ensureLocalBucket(s3.endpoint, "baton-bench", ["*"]);
  const env = (table: string) => ({
    AWS_REGION: "us-east-1",
    DYNAMODB_ENDPOINT: dynamo!.endpoint,
    SES_ENDPOINT: sesEndpoint,
    BATON_SESSION_SECRET: sessionSecret,
    BATON_EMAIL_FROM: "Baton Bench <bench@baton.example>",
    BATON_WEB_URL: "http://localhost:3000",
    BATON_PORTAL_URL: "http://localhost:3000/portal",
    BATON_TABLE_NAME: table,
    S3_ENDPOINT: s3!.endpoint,
    BATON_BUCKET_NAME: "baton-bench",
  });

  // Seed what isn't seeded yet (each agency's server seeds its own table, then stops).
  const seededNow = new Set<string>();
  for (const shape of shapes(scale)) {
    const server = await startServer(shape, { ...env(shape.table), BENCH_DYNAMO_PID: String(dynamo.process.pid ?? 0), BENCH_FRESH: args.fresh ? "1" : "0" });
    await server.stop();
    if (!server.seededNow) continue;
    seededNow.add(shape.name);
    say(`${shape.name}: saving the seeded data to bench/.data/dynamodb/…`);
    await dynamo.stop();
    await copyFile(join(workDir, DB_FILE), persisted);
    dynamo = await startDynamoLocal({ port: await freePort(), dataDir: workDir });
  }

  // Both agencies are served at once and measured in turns (call by call, run by run), so a
  // change in the machine's background load hits both alike and the scaling ratio stays fair.
  await fetch(`${sesEndpoint}/clear-store`, { method: "POST" });
  const servers: Array<Awaited<ReturnType<typeof startServer>>> = [];
  const targets: Target[] = [];
  try {
    for (const shape of shapes(scale)) servers.push(await startServer(shape, env(shape.table)));
    for (const [i, shape] of shapes(scale).entries()) targets.push(await prepareTarget(shape, servers[i]!.baseUrl, servers[i]!.manifest, sesEndpoint, measuring));
    await measureBaseline(targets, measuring);
    for (const key of targets[0]!.endpoints.map((e) => e.key)) await measureEndpoint(targets, key, sesEndpoint, measuring);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
  const datasets: DatasetResult[] = targets.map((t) => ({
    shape: t.shape,
    counts: t.manifest.counts,
    seedSeconds: t.manifest.seedSeconds,
    seededThisRun: seededNow.has(t.shape.name),
    baseline: t.baseline,
    endpoints: t.results,
  }));
  const largeTarget = targets.find((t) => t.shape.name === "large");
  const coldStartTarget = largeTarget && { manifest: largeTarget.manifest, session: largeTarget.myWork };

  say("bundling the API handler with esbuild and timing cold starts…");
  const lambdaDir = join(dataDir, "lambda");
  const baseline = await baselineTree(dataDir, args.baseline || (await mergeBase()));
  const baselineRoot = baseline.root;
  const minified = await bundleApi(join(lambdaDir, "lean"), { lean: true });
  const unminified = await bundleApi(join(lambdaDir, "baseline"), { lean: false, root: baselineRoot });
  let coldStart: Results["coldStart"] = null;
  if (coldStartTarget) {
    const event = httpApiEvent("/api/tasks/mine", coldStartTarget.session.cookie, "web");
    const lambdaEnv = { ...env(coldStartTarget.manifest.table), NODE_ENV: "production" };
    const runs = Number(args["cold-runs"]);
    minified.size.loaded = await loadedBy(minified.file, event, lambdaEnv, join(lambdaDir, "lean"));
    unminified.size.loaded = await loadedBy(unminified.file, event, lambdaEnv, join(lambdaDir, "baseline"));
    const [minifiedRun, unminifiedRun] = await measureColdStarts([minified.file, unminified.file], event, lambdaEnv, runs, lambdaDir);
    coldStart = { bundle: minified.size, unminified: unminified.size, minifiedRun: minifiedRun!, unminifiedRun: unminifiedRun! };
  }

  say("measuring the apps' first-load JavaScript…");
  const appDist = (app: string) => (built ? join(appsDir, app) : join(repo, app, "dist"));
  const haveApps = existsSync(join(appDist("web"), "index.html")) && existsSync(join(appDist("portal"), "index.html"));
  const portalLoad = haveApps ? await firstLoad(appDist("portal"), "/portal/") : null;
  const apps = haveApps && portalLoad
    ? {
        web: await firstLoad(appDist("web"), "/"),
        portal: portalLoad,
        built,
        // The portal's onboarding page: its own chunks, and with the shared chunks it loads beyond the first load.
        onboarding: await pageChunks(appDist("portal"), portalLoad, join(repo, "portal/src/pages/onboarding/index.tsx")),
      }
    : null;
  if (!haveApps) say("web/dist or portal/dist is missing: run without --no-build to measure the apps.");

  const [large, small] = [datasets.find((d) => d.shape.name === "large"), datasets.find((d) => d.shape.name === "small")];
  const baselineRows: Results["scaling"] =
    large?.baseline && small?.baseline
      ? (["getItem", "query"] as const).map((which) => {
          const [little, big] = [small.baseline![which].p50, large.baseline![which].p50];
          return {
            key: `dynamodb-${which}`,
            label: which === "getItem" ? "DynamoDB Local alone: GetItem (the agency)" : `DynamoDB Local alone: Query of the team (${large.baseline!.queryItems} items in the agency's partition, its key prefix sent as BETWEEN)`,
            list: true,
            baseline: true,
            sequentialP50: [little, big],
            sequentialRatio: ratio(big, little),
            loadP50: [Number.NaN, Number.NaN],
            loadRatio: null,
            readUnits: [Number.NaN, Number.NaN],
          };
        })
      : [];
  const scaling: Results["scaling"] =
    large && small
      ? large.endpoints.map((big) => {
          const little = small.endpoints.find((e) => e.key === big.key)!;
          const at16 = (e: EndpointResult) => (e.load.find((run) => run.connections === 16) ?? e.load[0])?.latency.p50 ?? Number.NaN;
          return {
            key: big.key,
            label: big.label,
            list: big.list,
            sequentialP50: [little.sequential.latency.p50, big.sequential.latency.p50],
            sequentialRatio: ratio(big.sequential.latency.p50, little.sequential.latency.p50),
            loadP50: [at16(little), at16(big)],
            loadRatio: ratio(at16(big), at16(little)),
            readUnits: [little.perCall.readUnits, big.perCall.readUnits],
          };
        })
      : [];
  scaling.unshift(...baselineRows);

  const results: Results = {
    generatedAt: new Date().toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
    scale,
    fullSize: scale >= 1,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? "unknown CPU",
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadAverageAtStart,
    },
    options,
    datasets,
    scaling,
    coldStart,
    firstLoad: apps,
    prices: { asOf: PRICES_AS_OF, region: "us-east-1", unit: PRICES, lambdaMemoryMb: LAMBDA_MEMORY_MB, architecture: "arm64" },
    runSeconds: (Date.now() - started) / 1000,
  };
  await writeFile(join(import.meta.dirname, "results.json"), JSON.stringify(results, null, 2) + "\n");
  const table = markdown(results);
  await writeFile(join(import.meta.dirname, "RESULTS.md"), table);
  console.log(`\n${table}`);
  say(`wrote bench/results.json and bench/RESULTS.md in ${Math.round(results.runSeconds)} s`);
}

async function startServer(shape: Shape, env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", resolve(import.meta.dirname, "server.ts")], {
    cwd: repo,
    env: { ...process.env, ...env, BENCH_SHAPE: JSON.stringify(shape), BENCH_MANIFEST: join(dataDir, `manifest-${shape.table}.json`) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  const ready = await new Promise<{ port: number; manifest: Manifest; seededNow: boolean }>((resolveReady, reject) => {
    child.once("exit", (code) => reject(new Error(`bench/server.ts exited (${code}) before it was ready`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (line.startsWith("READY ")) resolveReady(JSON.parse(line.slice(6)));
      else console.log(`[server] ${line}`);
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${ready.port}`,
    manifest: ready.manifest,
    seededNow: ready.seededNow,
    stop: () => stopChild(child),
  };
}

async function mergeBase(): Promise<string> {
  return new Promise((resolveBase, reject) => {
    const child = spawn("git", ["merge-base", "HEAD", "main"], { cwd: repo, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout!.on("data", (chunk) => (out += chunk));
    child.once("exit", (code) => (code === 0 ? resolveBase(out.trim()) : reject(new Error("git merge-base HEAD main failed: pass --baseline REF"))));
  });
}

async function startSesEmulator(): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(repo, "node_modules/aws-ses-v2-local/dist/cli.js"), "--host", "127.0.0.1", "--port", String(port)], { stdio: "ignore" });
  children.push(child);
  const endpoint = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await fetch(`${endpoint}/health-check`).then((r) => r.ok, () => false)) return endpoint;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the SES emulator did not start");
}

function exec(command: string, argv: string[], { cwd }: { cwd: string }): Promise<void> {
  return new Promise((resolveExec, reject) => {
    const child = spawn(command, argv, { cwd, stdio: ["ignore", "ignore", "inherit"] });
    child.once("exit", (code) => (code === 0 ? resolveExec() : reject(new Error(`${command} ${argv.join(" ")} exited with ${code}`))));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolveStop();
    });
    child.kill("SIGTERM");
  });
}

async function cleanUp() {
  await Promise.all(children.map(stopChild));
  await s3?.stop();
  await dynamo?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
}

process.once("SIGINT", () => void cleanUp().then(() => process.exit(130)));
main()
  .then(cleanUp)
  .catch(async (error) => {
    console.error(error);
    await cleanUp();
    process.exit(1);
  });
