import { spawn } from "node:child_process";
import { createServer, type Server } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { freePort } from "@baton/local/stand-ins";

// `npm start` with a port already taken says so in one sentence (which port, and how to pick
// another), and exits 1: no stack trace.

const repo = resolve(import.meta.dirname, "../..");
let dataDir: string;
let busy: Server;
let port: number;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "baton-busy-"));
  port = await freePort();
  busy = createServer();
  // Taken on every address, as another dev server would take it.
  await new Promise<void>((done) => busy.listen(port, done));
});
afterAll(async () => {
  await new Promise((done) => busy.close(done));
  await rm(dataDir, { recursive: true, force: true });
});

async function startWith(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "packages/local/src/main.ts"], {
    cwd: repo,
    env: { ...process.env, BATON_DATA_DIR: dataDir, PORT: String(await freePort()), DYNAMODB_PORT: String(await freePort()), SES_PORT: String(await freePort()), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((done) => child.once("exit", done));
  return { code, output };
}

it.each([
  ["PORT", "Baton"],
  ["DYNAMODB_PORT", "DynamoDB Local"],
  ["SES_PORT", "SES emulator"],
])("names the busy port and how to change it (%s)", async (variable, what) => {
  const { code, output } = await startWith({ [variable]: String(port) });
  expect(code).toBe(1);
  expect(output.trim()).toBe(`Port ${port} (${what}) is already in use: stop whatever uses it or start on another port, e.g. ${variable}=${port + 1} npm start.`);
  expect(output).not.toMatch(/\n\s+at /);
});
