import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTable, freePort, startDynamoLocal, type DynamoLocal } from "@baton/local/stand-ins";

// Faults: DynamoDB stopped in the middle of a run. This file runs its own DynamoDB Local (kept on
// disk), so stopping it disturbs no other test; the core is loaded only once it points there.
// While it is down every call answers 503 with the JSON error; once it is back nothing was half
// written: the refused client doesn't exist, and its unique code is still free.

let dynamo: DynamoLocal;
let port: number;
let dataDir: string;
let http: typeof import("../support/http.ts");
let api: Awaited<ReturnType<(typeof import("../support/http.ts"))["startApi"]>>;
let owner: InstanceType<(typeof import("../support/http.ts"))["ApiClient"]>;

beforeAll(async () => {
  port = await freePort();
  dataDir = await mkdtemp(join(tmpdir(), "baton-dynamo-down-"));
  dynamo = await startDynamoLocal({ port, dataDir });
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  await ensureTable(dynamo.endpoint, process.env.BATON_TABLE_NAME!);
  http = await import("../support/http.ts");
  const { createAgency } = await import("../support/fixtures.ts");
  api = await http.startApi();
  const agency = await createAgency("Outage Agency");
  owner = new http.ApiClient(api.baseUrl);
  await http.signIn(owner, agency.ownerEmail);
}, 120_000);

afterAll(async () => {
  await api?.close();
  await dynamo?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("DynamoDB down", () => {
  it("answers 503 with a clear error while it is down, and nothing is half written once it is back", async () => {
    const before = await owner.post("/clients", { name: "Before", code: "BEFORE", timeZone: "UTC", currency: "EUR" });
    expect(before.status).toBe(201);
    const checker = new http.ApiClient(api.baseUrl, null);
    expect(await checker.get("/health")).toMatchObject({ status: 200, body: { ok: true, table: "reachable" } });

    await dynamo.stop();
    // The uptime check sees it too: the health route reads the table.
    const down = await checker.get("/health");
    expect(down.status).toBe(503);
    expect(down.body.error).toEqual({ code: "unavailable", message: "Baton can't reach its database right now." });
    for (const [method, path, body] of [
      ["GET", "/clients"],
      ["POST", "/clients", { name: "During", code: "DURING", timeZone: "UTC", currency: "EUR" }],
      ["PATCH", `/clients/${before.body.id}`, { version: before.body.version, name: "Renamed" }],
    ] as const) {
      const reply = await owner.request(method, path, body);
      expect(reply.status, `${method} ${path}`).toBe(503);
      expect(reply.body.error).toEqual({ code: "unavailable", message: expect.stringMatching(/temporarily unavailable/) });
    }

    dynamo = await startDynamoLocal({ port, dataDir });
    expect((await checker.get("/health")).status).toBe(200);
    const clients = await owner.get("/clients");
    expect(clients.status).toBe(200);
    expect(clients.body.items.map((c: { name: string }) => c.name)).toEqual(["Before"]);
    // The refused create left no claim on its code, and the refused rename changed nothing.
    expect((await owner.post("/clients", { name: "During", code: "DURING", timeZone: "UTC", currency: "EUR" })).status).toBe(201);
    expect((await owner.get(`/clients/${before.body.id}`)).body).toMatchObject({ name: "Before", version: before.body.version });
  }, 120_000);
});
