import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { promisify } from "node:util";
import { serve } from "@hono/node-server";
import { freePort, startDynamoLocal, startSes, ensureTable } from "@baton/local/stand-ins";
import { zodEnglishOnly } from "../infra/bundle.ts";
import { baselineTree } from "./baseline.ts";
import { bundleApi, httpApiEvent, loadedBy, measureColdStarts } from "./cold-start.ts";
import { shapes } from "./shape.ts";

// `npx tsx bench/bundle.ts`: the cold-start part of `npm run bench` alone, on a tiny agency in an
// in-memory DynamoDB Local: this tree's API bundle beside the baseline's (by default where this
// branch left main), built the same way (infra/bundle.ts), each with what GET /api/tasks/mine loads
// and its import + first request over fresh processes. Quick enough for before/after on a busy
// machine; the full bench measures the same against the large agency.

const { values: args } = parseArgs({ options: { runs: { type: "string", default: "15" }, baseline: { type: "string", default: "" }, "baseline-plugins": { type: "string", default: "then" } } });
const repo = resolve(import.meta.dirname, "..");
const dataDir = join(repo, "bench", ".data");
const run = promisify(execFile);

const dynamo = await startDynamoLocal({ port: await freePort() });
const ses = await startSes({ port: await freePort() });
const table = `bundle-${randomBytes(4).toString("hex")}`;
await ensureTable(dynamo.endpoint, table);
const env = {
  AWS_REGION: "us-east-1",
  DYNAMODB_ENDPOINT: dynamo.endpoint,
  SES_ENDPOINT: ses.endpoint,
  BATON_SESSION_SECRET: randomBytes(32).toString("base64url"),
  BATON_EMAIL_FROM: "Baton Bench <bench@baton.example>",
  BATON_TABLE_NAME: table,
  BATON_LOG_LEVEL: "warn",
};
Object.assign(process.env, env);

try {
  const { Deferred } = await import("@baton/core/deferred");
  const { app } = await import("@baton/functions/api");
  const { seedAgency } = await import("./seed.ts");
  const { signIn } = await import("./sessions.ts");
  const server = serve({ hostname: "127.0.0.1", port: 0, fetch: app.fetch });
  await new Promise<void>((done) => server.once("listening", () => done()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.BATON_WEB_URL = baseUrl;
  process.env.BATON_PORTAL_URL = `${baseUrl}/portal`;
  const manifest = await seedAgency({ ...shapes(0.02)[1]!, table }, () => {});
  const sub = await signIn(baseUrl, ses.endpoint, manifest.subcontractors.find((s) => s.id === manifest.myWorkMemberId)!.email, "web");
  await Deferred.settled();
  server.close();

  const mergeBase = (await run("git", ["merge-base", "HEAD", "main"], { cwd: repo })).stdout.trim();
  const baseline = await baselineTree(dataDir, args.baseline || mergeBase);
  const event = httpApiEvent("/api/tasks/mine", sub.cookie, "web");
  const lambdaEnv = { ...env, BATON_WEB_URL: baseUrl, BATON_PORTAL_URL: `${baseUrl}/portal`, NODE_ENV: "production" };
  const lambdaDir = join(dataDir, "lambda-quick");
  const kb = (n: number) => `${Math.round(n / 1024)} KB`;
  const rows: string[] = [];
  const variants = [[`baseline (${baseline.commit.slice(0, 7)})`, baseline.root], ["this tree", repo]] as const;
  const builds = [];
  for (const [label, root] of variants) {
    const dir = join(lambdaDir, label.startsWith("this") ? "tree" : "baseline");
    await mkdir(dir, { recursive: true });
    // The baseline as it was bundled then: split, minified, zod's locales out (--baseline-plugins
    // all: with today's plugins, to see what the source changes alone do).
    const plugins = root === repo || args["baseline-plugins"] === "all" ? undefined : [zodEnglishOnly];
    const built = await bundleApi(dir, { lean: true, root, plugins });
    const loaded = await loadedBy(built.file, event, lambdaEnv, dir);
    console.error(label, loaded.packages.join(" "));
    builds.push({ label, built, loaded });
  }
  // Their runs taken in turns, so that the machine's other work weighs on both alike.
  const colds = await measureColdStarts(builds.map((b) => b.built.file), event, lambdaEnv, Number(args.runs), lambdaDir);
  for (const [n, { label, built, loaded }] of builds.entries()) {
    const cold = colds[n]!;
    if (cold.statuses.some((s) => s !== 200)) throw new Error(`${label}: statuses ${cold.statuses.join(",")}`);
    rows.push(
      `| ${label} | ${kb(built.size.bytes)} | ${kb(loaded.bytes)} (${loaded.files} files) | ${kb(loaded.gzipBytes)} | ${Math.round(cold.importMs)} | ${Math.round(cold.firstRequestMs)} | ${Math.round(cold.coldMs)} | ${Math.round(cold.warmRequestMs)} |`,
    );
  }
  console.log(`| API bundle | All files | Loaded by GET /api/tasks/mine | Loaded gzip | Import ms | First request ms | Import + first request ms | Warm request ms |`);
  console.log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
  for (const row of rows) console.log(row);
} finally {
  await ses.stop();
  await dynamo.stop();
}
process.exit(0);
