import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { firstLoad, type FirstLoad } from "./cold-start.ts";

// `npm run bench -- --apps-only`: only the apps' step of the bench (no DynamoDB, no load), for
// measuring a change to the apps before and after in a minute. Prints the RESULTS.md rows, with
// the portal's onboarding page (its own chunks, and with the shared chunks it loads beyond the first load).

const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;

/** The chunks a lazy page (`source`: its absolute path) loads beyond the first load: its own (found by its source in the sourcemap) and what they import. */
export async function pageChunks(dist: string, first: FirstLoad, source: string) {
  const assets = join(dist, "assets");
  const names = (await readdir(assets)).filter((name) => name.endsWith(".js"));
  const own: string[] = [];
  for (const name of names) {
    const map = JSON.parse(await readFile(join(assets, `${name}.map`), "utf8").catch(() => "{}")) as { sources?: string[] };
    // Sources are relative to the map; resolved, they name the page's own file wherever the build went.
    if (map.sources?.some((s) => resolve(assets, s) === source)) own.push(join(assets, name));
  }
  const loaded = new Set(first.files.map((file) => join(dist, file)));
  const seen = new Set<string>();
  const queue = [...own];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || loaded.has(file)) continue;
    seen.add(file);
    for (const match of (await readFile(file, "utf8")).matchAll(/\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["']([^"']+\.js)["']/g)) queue.push(resolve(dirname(file), match[1]!));
  }
  const gzip = async (files: Iterable<string>) => {
    let bytes = 0;
    for (const file of files) bytes += gzipSync(await readFile(file), { level: 9 }).byteLength;
    return bytes;
  };
  return { own: own.map((file) => file.slice(dist.length + 1)), ownGzipBytes: await gzip(own), withSharedGzipBytes: await gzip(seen) };
}

export async function appsOnly({ repo, outDir, build, label }: { repo: string; outDir: string; build: boolean; label: string }) {
  const dist = (app: string) => (build ? join(outDir, app) : join(repo, app, "dist"));
  if (build) {
    for (const app of ["web", "portal"]) {
      await new Promise<void>((done, fail) => {
        const child = spawn("nice", ["-n", "10", join(repo, app, "node_modules/.bin/vite"), "build", "--outDir", dist(app), "--emptyOutDir", "--logLevel", "warn"], { cwd: join(repo, app), stdio: "inherit" });
        child.on("exit", (code) => (code === 0 ? done() : fail(new Error(`vite build of ${app} exited ${code}`))));
      });
    }
  }
  const web = await firstLoad(dist("web"), "/");
  const portal = await firstLoad(dist("portal"), "/portal/");
  const onboarding = await pageChunks(dist("portal"), portal, join(repo, "portal/src/pages/onboarding/index.tsx"));
  const row = (app: string, f: FirstLoad) => `| ${app}, ${label} | ${f.files.length} | ${kb(f.jsBytes)} | ${kb(f.jsGzipBytes)} | ${kb(f.cssGzipBytes)} | ${kb(f.allJsGzipBytes)} |`;
  console.log(row("web/ (team app)", web));
  console.log(row("portal/ (client portal)", portal));
  console.log(`portal onboarding page, ${label}: its chunks ${kb(onboarding.ownGzipBytes)} gzip (${onboarding.own.join(", ")}); with the shared chunks it loads beyond the first load ${kb(onboarding.withSharedGzipBytes)}`);
}
