import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { DeleteItemCommand, ScanCommand } from "@aws-sdk/client-dynamodb";
import { localDynamo } from "@baton/local/stand-ins";
import { startApi, type Started } from "../support/http.ts";
import { acceptedTask, createWorld } from "../support/world.ts";

// The restore drill, run as the operator runs it (npm run restore-drill -- --local …) against
// DynamoDB Local: a seeded table is exported in DynamoDB's export format, imported into a new
// table, counted entity by entity, read through the app's data layer, and — as a check that the
// check works — a restored table missing an item is refused.

const repo = join(import.meta.dirname, "../..");
const endpoint = inject("dynamoEndpoint");
const source = process.env.BATON_TABLE_NAME!;
const target = `${source}-restored`;
let api: Started;

const drill = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(join(repo, "node_modules/.bin/tsx"), ["packages/functions/src/scripts/restore-drill.ts", ...args], {
      cwd: repo,
      env: { ...process.env, BATON_LOG_LEVEL: "warn" },
      timeout: 120_000,
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout, err: failed.stderr };
  }
};

/** Items per entity, counted here independently of the script. */
async function census(table: string) {
  const counts: Record<string, number> = {};
  let start: Record<string, any> | undefined;
  do {
    const page = await localDynamo(endpoint).send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) counts[item.__edb_e__?.S ?? "(other)"] = (counts[item.__edb_e__?.S ?? "(other)"] ?? 0) + 1;
    start = page.LastEvaluatedKey;
  } while (start);
  return counts;
}

beforeAll(async () => {
  api = await startApi();
  const world = await createWorld(api, "Restorable Agency");
  const { task } = await acceptedTask(world, { title: "Restorable work" });
  await world.owner.post("/time", { taskId: task.id, startedAt: "2026-11-02T10:00:00Z", minutes: 45 });
}, 60_000);
afterAll(() => api.close());

describe("the local restore drill", () => {
  let run: Awaited<ReturnType<typeof drill>>;

  it("exports, imports into a new table and passes its checks", async () => {
    run = await drill("--local", "--endpoint", endpoint, "--source", source, "--target", target);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain(`✓ ${target} holds what ${source} held`);
    expect(run.out).toContain(`BATON_TABLE_NAME=${target} npm start`);
  }, 150_000);

  it("made a table with every item of every entity", async () => {
    const [before, after] = await Promise.all([census(source), census(target)]);
    expect(after).toEqual(before);
    for (const entity of ["agency", "member", "client", "contact", "request", "task", "timeEntry", "auditEvent"]) expect(after[entity], entity).toBeGreaterThan(0);
  });

  it("read the restored table through the app's data layer (its indexes answer)", () => {
    expect(run.out).toMatch(/health: ok · agencies: 1 \(Restorable Agency\)/);
  });

  it("refuses a restored table that lost an item", async () => {
    const dynamo = localDynamo(endpoint);
    const { Items } = await dynamo.send(new ScanCommand({ TableName: target, FilterExpression: "#e = :task", ExpressionAttributeNames: { "#e": "__edb_e__" }, ExpressionAttributeValues: { ":task": { S: "task" } } }));
    await dynamo.send(new DeleteItemCommand({ TableName: target, Key: { pk: Items![0]!.pk!, sk: Items![0]!.sk! } }));
    const check = await drill("--local", "--verify-only", "--endpoint", endpoint, "--source", source, "--target", target);
    expect(check.code).toBe(1);
    expect(check.err).toContain("task: 1 in the source, 0 in the restored table");
  }, 150_000);

  it("says how to run it when an argument is missing", async () => {
    const check = await drill("--local", "--source", source);
    expect(check.code).toBe(2);
    expect(check.err).toMatch(/Give --source and --target/);
  }, 60_000);
});
