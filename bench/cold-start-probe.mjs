// A Lambda cold start, as near as a laptop gets: a fresh Node process imports the bundled API
// handler and serves one API Gateway (HTTP API, payload 2.0) event, then a second one warm.
// Plain JavaScript, run by plain `node`, so no TypeScript loader is in the timings.
// Usage: node bench/cold-start-probe.mjs <handler.mjs> <event.json> [<record.txt>]
// With a record file, a loader hook writes the path of every module the process loads to it (the
// bundle's files a call needs); that run is for the record, its timings are not used.
import { readFileSync } from "node:fs";
import { register } from "node:module";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const [bundle, eventFile, record] = process.argv.slice(2);
if (record) {
  const hooks = `import { appendFileSync } from "node:fs"; import { fileURLToPath } from "node:url";
export async function load(url, context, next) {
  if (url.startsWith("file:")) appendFileSync(${JSON.stringify(record)}, fileURLToPath(url) + "\\n");
  return next(url, context);
}`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}
const event = JSON.parse(readFileSync(eventFile, "utf8"));
const context = { awsRequestId: "bench", functionName: "ApiHandler", getRemainingTimeInMillis: () => 10_000 };

// performance.now() counts from the process's start: this is Node's own boot.
const booted = performance.now();
const { handler } = await import(pathToFileURL(bundle).href);
const imported = performance.now();
const first = await handler(event, context);
const served = performance.now();
const second = await handler(event, context);
const warm = performance.now();

console.log(
  JSON.stringify({
    nodeBootMs: booted,
    importMs: imported - booted,
    firstRequestMs: served - imported,
    warmRequestMs: warm - served,
    status: first.statusCode,
    warmStatus: second.statusCode,
  }),
);
// The SDK's keep-alive sockets would hold the process open.
process.exit(0);
