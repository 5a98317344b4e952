import { GetItemCommand } from "@aws-sdk/client-dynamodb";
import { Config } from "../config/index.ts";
import { client } from "../db/index.ts";
import { VisibleError } from "../error/index.ts";
import { Log } from "../log/index.ts";

export * as Health from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";

// The health check behind GET /api/health: can this function read its table? One GetItem of a key
// no item has (half a read unit, no Scan, no DescribeTable and its low control-plane limits),
// bounded in time so a slow table answers "unavailable" rather than hanging the checker.

const PROBE_KEY = { pk: { S: "$baton#health" }, sk: { S: "$health" } };
const TIMEOUT_MS = 3_000;

export type Healthy = { ok: true; table: "reachable"; latencyMs: number };

export async function check(): Promise<Healthy> {
  const started = performance.now();
  try {
    await client.send(new GetItemCommand({ TableName: Config.tableName, Key: PROBE_KEY }), { abortSignal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    Log.error("health: the table is not reachable", error);
    throw new VisibleError("unavailable", "unavailable", "Baton can't reach its database right now.");
  }
  return { ok: true, table: "reachable", latencyMs: Math.round(performance.now() - started) };
}
