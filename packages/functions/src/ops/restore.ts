import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  RestoreTableToPointInTimeCommand,
  ScanCommand,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type AttributeValue,
} from "@aws-sdk/client-dynamodb";
import { tableDefinition, TTL_ATTRIBUTE } from "@baton/core/db/table";

// The restore drill's steps (scripts/restore-drill.ts runs them; README "Operating Baton" is the
// runbook). On AWS a point-in-time restore makes a new table; locally, where DynamoDB Local has no
// backups, the same drill exports the table to a file in DynamoDB's own export format and imports
// it into a new table. Either way the new table is then checked item for item per entity before
// anything is pointed at it. An ops tool, never a request path: it scans whole tables.

type Item = Record<string, AttributeValue>;

/** ElectroDB's marker of which entity an item is ("member", "client" …); other items count as "(other)". */
const ENTITY = "__edb_e__";

/** Every item of a table, page by page. */
async function* scan(dynamo: DynamoDBClient, table: string, projection?: string): AsyncGenerator<Item> {
  let start: Item | undefined;
  do {
    const page = await dynamo.send(
      new ScanCommand({
        TableName: table,
        ExclusiveStartKey: start,
        ...(projection ? { ProjectionExpression: projection, ExpressionAttributeNames: { "#e": ENTITY } } : {}),
      }),
    );
    for (const item of page.Items ?? []) yield item;
    start = page.LastEvaluatedKey;
  } while (start);
}

export type Counts = Record<string, number>;

/** How many items of each entity the table holds. */
export async function countByEntity(dynamo: DynamoDBClient, table: string): Promise<Counts> {
  const counts: Counts = {};
  for await (const item of scan(dynamo, table, "pk, sk, #e")) {
    const entity = item[ENTITY]?.S ?? "(other)";
    counts[entity] = (counts[entity] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** Writes the table as DynamoDB's export format: one `{"Item": …}` (DynamoDB JSON) per line. */
export async function exportTable(dynamo: DynamoDBClient, table: string, file: string): Promise<number> {
  const out = createWriteStream(file);
  let items = 0;
  for await (const item of scan(dynamo, table)) {
    if (!out.write(`${JSON.stringify({ Item: item })}\n`)) await once(out, "drain");
    items++;
  }
  out.end();
  await once(out, "finish");
  return items;
}

/** Creates `table` with the app's definition and loads an export file into it, 25 items a call. */
export async function importTable(dynamo: DynamoDBClient, file: string, table: string): Promise<number> {
  await dynamo.send(new CreateTableCommand(tableDefinition(table)));
  await waitUntilActive(dynamo, table);
  let batch: Item[] = [];
  let items = 0;
  const flush = async () => {
    let requests = batch.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length; attempt++) {
      if (attempt > 8) throw new Error(`${requests.length} items were never written to ${table}`);
      if (attempt) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      const result = await dynamo.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }));
      requests = (result.UnprocessedItems?.[table] ?? []) as typeof requests;
    }
    items += batch.length;
    batch = [];
  };
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    batch.push((JSON.parse(line) as { Item: Item }).Item);
    if (batch.length === 25) await flush();
  }
  if (batch.length) await flush();
  return items;
}

/** On AWS: restores `source` as it was at `time` (or as late as possible) into a new table. */
export async function restoreToPointInTime(dynamo: DynamoDBClient, source: string, target: string, time?: Date): Promise<void> {
  await dynamo.send(
    new RestoreTableToPointInTimeCommand({
      SourceTableName: source,
      TargetTableName: target,
      ...(time ? { RestoreDateTime: time } : { UseLatestRestorableTime: true }),
    }),
  );
  // Restores take minutes to hours, with the table's size.
  await waitUntilActive(dynamo, target, 6 * 3600_000);
}

/**
 * A restored table has none of the source's settings but its keys and indexes: turn on what the
 * stack gives its table (PITR, the TTL on expiresAt, deletion protection) before it takes traffic.
 */
export async function harden(dynamo: DynamoDBClient, table: string): Promise<void> {
  await dynamo.send(new UpdateContinuousBackupsCommand({ TableName: table, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
  await dynamo.send(new UpdateTimeToLiveCommand({ TableName: table, TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true } }));
  await dynamo.send(new UpdateTableCommand({ TableName: table, DeletionProtectionEnabled: true }));
}

async function waitUntilActive(dynamo: DynamoDBClient, table: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: table })).catch(() => ({ Table: undefined }));
    const indexesReady = (Table?.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === "ACTIVE");
    if (Table?.TableStatus === "ACTIVE" && indexesReady) return;
    if (Date.now() > deadline) throw new Error(`${table} is not active after ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, Math.min(15_000, 500 + (Date.now() % 1000))));
  }
}

export type Comparison = { entity: string; source: number; target: number }[];

export function compare(source: Counts, target: Counts): Comparison {
  return [...new Set([...Object.keys(source), ...Object.keys(target)])].sort().map((entity) => ({ entity, source: source[entity] ?? 0, target: target[entity] ?? 0 }));
}

/**
 * What is wrong with a restored table. `exact`: the source has not changed since (an export of a
 * quiet table); otherwise (a point in time in the past) the target may hold fewer or more items of
 * an entity than the source does now, but never none of an entity the source has.
 */
export function problems(rows: Comparison, exact: boolean): string[] {
  return rows
    .filter((row) => (exact ? row.source !== row.target : row.source > 0 && row.target === 0))
    .map((row) => `${row.entity}: ${row.source} in the source, ${row.target} in the restored table`);
}
