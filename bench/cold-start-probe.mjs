// A Lambda cold start, as near as a laptop gets: a fresh Node process imports the bundled API
// handler and serves one API Gateway (HTTP API, payload 2.0) event, then a second one warm.
// Plain JavaScript, run by plain `node`, so no TypeScript loader is in the timings.
// Usage: node bench/cold-start-probe.mjs <handler.mjs> <event.json>
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const [bundle, eventFile] = process.argv.slice(2);
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
