import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { nodejsBundling } from "../infra/bundle.ts";
import { median } from "./stats.ts";

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, "..");

export type Bundle = {
  /** Every file of the build (the entry and all its chunks). */
  bytes: number;
  gzipBytes: number;
  minified: boolean;
  /** What a typical call (GET /api/tasks/mine) loads: the files it imported, measured by `loadedBy`. */
  loaded?: { files: number; bytes: number; gzipBytes: number; packages: string[] };
};

const BANNER = [
  `import { createRequire as topLevelCreateRequire } from 'module';`,
  `const require = topLevelCreateRequire(import.meta.url);`,
  `import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from "url"`,
  `const __dirname = topLevelFileUrlToPath(new topLevelURL(".", import.meta.url))`,
].join("\n");

/**
 * Bundles the API's Lambda entry the way SST v2 does for `nodejs: { format: "esm" }` (its
 * runtime/handlers/node.js: ESM, esnext, module-first main fields, the createRequire banner,
 * keepNames, everything bundled including the AWS SDK), with the options sst.config.ts deploys
 * (infra/bundle.ts: minified, split into chunks, zod's locales left out), or, for `baseline`, as
 * the tree at `root` was deployed before (one minified file). `root` is the repo to bundle: this
 * one, or a baseline's tree (bench/baseline.ts).
 */
export async function bundleApi(
  outDir: string,
  variant: { root?: string; lean: boolean; minify?: boolean; plugins?: typeof nodejsBundling.esbuild.plugins },
): Promise<{ file: string; size: Bundle }> {
  const root = variant.root ?? repo;
  const minify = variant.minify ?? true;
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const result = await build({
    entryPoints: [resolve(root, "packages/functions/src/api/lambda.ts")],
    ...(variant.lean ? { outdir: outDir, splitting: true, outExtension: { ".js": ".mjs" }, plugins: variant.plugins ?? nodejsBundling.esbuild.plugins } : { outfile: join(outDir, "lambda.mjs") }),
    platform: "node",
    format: "esm",
    target: "esnext",
    mainFields: ["module", "main"],
    bundle: true,
    keepNames: true,
    minify,
    metafile: true,
    external: ["sharp", "pg-native"],
    logLevel: "silent",
    banner: { js: BANNER },
  });
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of Object.keys(result.metafile.outputs)) {
    const code = await readFile(resolve(file));
    bytes += code.byteLength;
    gzipBytes += gzipSync(code, { level: 9 }).byteLength;
  }
  return { file: join(outDir, "lambda.mjs"), size: { bytes, gzipBytes, minified: minify } };
}

/**
 * The files of a bundle that serving `event` loads (the entry, its static chunks and the chunks the
 * call imports on the way), recorded in one extra, untimed process by a module loader hook, with
 * their sizes and names.
 */
export async function loadedBy(bundle: string, event: unknown, env: Record<string, string>, dir: string): Promise<NonNullable<Bundle["loaded"]>> {
  const eventFile = join(dir, "event.json");
  const record = join(dir, "loaded.txt");
  await writeFile(eventFile, JSON.stringify(event));
  await writeFile(record, "");
  await run(process.execPath, [resolve(import.meta.dirname, "cold-start-probe.mjs"), bundle, eventFile, record], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
  });
  const bundleDir = dirname(resolve(bundle));
  const files = [...new Set((await readFile(record, "utf8")).split("\n").filter((line) => line.startsWith(bundleDir)))];
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const code = await readFile(file);
    bytes += code.byteLength;
    gzipBytes += gzipSync(code, { level: 9 }).byteLength;
  }
  return { files: files.length, bytes, gzipBytes, packages: files.map((file) => file.slice(bundleDir.length + 1)).sort() };
}

export type ColdStart = {
  runs: number;
  /** Medians over the runs, ms. */
  nodeBootMs: number;
  importMs: number;
  firstRequestMs: number;
  /** Import plus first request: what the first caller waits for beyond Node's boot. */
  coldMs: number;
  warmRequestMs: number;
  statuses: number[];
};

type Sample = { nodeBootMs: number; importMs: number; firstRequestMs: number; warmRequestMs: number; status: number };

/** One fresh Node process that imports the bundle and serves the event in `eventFile`. */
async function coldRun(bundle: string, eventFile: string, env: Record<string, string>): Promise<Sample> {
  const { stdout } = await run(process.execPath, [resolve(import.meta.dirname, "cold-start-probe.mjs"), bundle, eventFile], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
  });
  return JSON.parse(stdout.trim().split("\n").pop()!);
}

function summary(samples: Sample[]): ColdStart {
  const of = (key: keyof Sample) => median(samples.map((s) => s[key]));
  return {
    runs: samples.length,
    nodeBootMs: of("nodeBootMs"),
    importMs: of("importMs"),
    firstRequestMs: of("firstRequestMs"),
    coldMs: median(samples.map((s) => s.importMs + s.firstRequestMs)),
    warmRequestMs: of("warmRequestMs"),
    statuses: samples.map((s) => s.status),
  };
}

/**
 * Starts `runs` fresh Node processes per bundle that import it and serve `event` (GET
 * /api/tasks/mine), the bundles' runs taken in turns (A, B, A, B…) so that whatever else the
 * machine is doing weighs on each alike: the ratio of two medians is then far steadier than when
 * one bundle's runs all come before the other's.
 */
export async function measureColdStarts(bundles: string[], event: unknown, env: Record<string, string>, runs: number, dir: string): Promise<ColdStart[]> {
  const eventFile = join(dir, "event.json");
  await writeFile(eventFile, JSON.stringify(event));
  const samples: Sample[][] = bundles.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [n, bundle] of bundles.entries()) samples[n]!.push(await coldRun(bundle, eventFile, env));
  }
  return samples.map(summary);
}

/** An API Gateway HTTP API (payload 2.0) event, as the Api stack's routes deliver it. */
export function httpApiEvent(path: string, cookie: string, app: "web" | "portal") {
  const now = Date.now();
  return {
    version: "2.0",
    routeKey: "ANY /api/{proxy+}",
    rawPath: path,
    rawQueryString: "",
    cookies: [cookie],
    headers: { host: "api.bench.example", "x-baton-app": app, "x-forwarded-proto": "https", "user-agent": "baton-bench" },
    requestContext: {
      accountId: "123456789012",
      apiId: "bench",
      domainName: "api.bench.example",
      domainPrefix: "api",
      http: { method: "GET", path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "baton-bench" },
      requestId: "bench",
      routeKey: "ANY /api/{proxy+}",
      stage: "$default",
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
    isBase64Encoded: false,
  };
}

export type FirstLoad = {
  files: string[];
  jsBytes: number;
  jsGzipBytes: number;
  cssBytes: number;
  cssGzipBytes: number;
  /** Every JS file of the build, lazy routes included, for scale. */
  allJsGzipBytes: number;
};

/**
 * What a browser fetches before the app can run: index.html's module script and stylesheets, its
 * modulepreload links, and every module those import statically (lazy routes, `import()`, are not
 * first load). Gzip at level 9, about what a CDN serves.
 */
export async function firstLoad(dist: string, base: string): Promise<FirstLoad> {
  const html = await readFile(join(dist, "index.html"), "utf8");
  const local = (url: string) => join(dist, url.startsWith(base) ? url.slice(base.length) : url.replace(/^\.?\//, ""));
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => local(m[1]!));
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => local(m[1]!));
  const seen = new Set<string>();
  const queue = [...scripts];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = await readFile(file, "utf8");
    // Static imports and re-exports only: `import(...)` has a parenthesis before the quote.
    for (const match of code.matchAll(/\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["']([^"']+\.js)["']/g)) {
      const target = match[1]!;
      queue.push(target.startsWith(".") ? resolve(dirname(file), target) : local(target));
    }
  }
  const size = async (files: Iterable<string>) => {
    let bytes = 0;
    let gzipBytes = 0;
    for (const file of files) {
      if (!existsSync(file)) continue;
      const content = await readFile(file);
      bytes += content.byteLength;
      gzipBytes += gzipSync(content, { level: 9 }).byteLength;
    }
    return { bytes, gzipBytes };
  };
  const js = await size(seen);
  const css = await size(styles);
  const all = await size((await readdir(join(dist, "assets"))).filter((name) => name.endsWith(".js")).map((name) => join(dist, "assets", name)));
  return {
    files: [...seen].map((f) => f.slice(dist.length + 1)),
    jsBytes: js.bytes,
    jsGzipBytes: js.gzipBytes,
    cssBytes: css.bytes,
    cssGzipBytes: css.gzipBytes,
    allJsGzipBytes: all.gzipBytes,
  };
}
