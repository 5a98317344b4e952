import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { BatchGetItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand, QueryCommand, TransactWriteItemsCommand, UpdateItemCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { ensureTable, freePort, startDynamoLocal } from "@baton/local/stand-ins";

// `npx tsx bench/dynamo-local-cost.ts`: what DynamoDB Local itself spends, in its own CPU time
// (Linux: /proc), on each kind of call the API makes, 8 at a time, on task-sized items. Why the
// writes under load are bounded by calls, not by the work of one: every call has a fixed cost, and
// a transaction several times that. Not part of `npm run bench` (it measures the stand-in, not Baton).

const { values: args } = parseArgs({ options: { calls: { type: "string", default: "1500" } } });
const calls = Number(args.calls);
const dynamo = await startDynamoLocal({ port: await freePort() });
const table = `cost-${randomBytes(3).toString("hex")}`;
await ensureTable(dynamo.endpoint, table);
const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
/** DynamoDB Local's CPU time so far, ms (utime + stime, in clock ticks of 10 ms). */
const cpuMs = () => {
  const fields = readFileSync(`/proc/${dynamo.process.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

const pk = { S: "$baton#agencyid_agy_bench" };
const key = (i: number) => ({ pk, sk: { S: `$task_1#taskid_${i}` } });
const item = (i: number): Record<string, AttributeValue> => ({
  ...key(i),
  ...Object.fromEntries([1, 2, 3, 4].flatMap((g) => [[`gsi${g}pk`, { S: `$baton#agencyid_agy_bench#g${g}` }], [`gsi${g}sk`, { S: `$task_1#${String(i).padStart(8, "0")}` }]])),
  body: { S: "x".repeat(1000) },
  n: { N: "0" },
});
const seeded = calls + 200;
for (let i = 0; i < seeded; i++) await client.send(new PutItemCommand({ TableName: table, Item: item(i) }));
let fresh = seeded;

async function measure(label: string, op: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 50; i++) await op(i); // warm the JIT a little
  const cpu = cpuMs();
  const start = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 8 }, async () => { while (next < calls) await op(next++); }));
  const seconds = (performance.now() - start) / 1000;
  console.log(`| ${label} | ${Math.round(calls / seconds)} | ${((cpuMs() - cpu) / calls).toFixed(1)} |`);
}

const update = (i: number) => ({ TableName: table, Key: key(i % seeded), UpdateExpression: "SET n = n + :one", ExpressionAttributeValues: { ":one": { N: "1" } } });
console.log("| Call (8 at a time) | Calls/s | DynamoDB Local CPU ms per call |\n| --- | ---: | ---: |");
try {
  await measure("GetItem", (i) => client.send(new GetItemCommand({ TableName: table, Key: key(i) })));
  await measure("BatchGetItem of 2", (i) => client.send(new BatchGetItemCommand({ RequestItems: { [table]: { Keys: [key(i), key(i + 1)] } } })));
  await measure("Query of 20 on an index", (i) => client.send(new QueryCommand({ TableName: table, IndexName: "gsi1", KeyConditionExpression: "gsi1pk = :p AND gsi1sk > :s", ExpressionAttributeValues: { ":p": { S: "$baton#agencyid_agy_bench#g1" }, ":s": { S: `$task_1#${String(i).padStart(8, "0")}` } }, Limit: 20 })));
  await measure("PutItem, attribute_not_exists", () => client.send(new PutItemCommand({ TableName: table, Item: item(fresh++), ConditionExpression: "attribute_not_exists(pk)" })));
  await measure("UpdateItem", (i) => client.send(new UpdateItemCommand(update(i))));
  await measure("TransactWriteItems of 2 updates", (i) => client.send(new TransactWriteItemsCommand({ TransactItems: [0, 1].map((j) => ({ Update: update(i * 2 + j) })) })));
  await measure("TransactWriteItems of 6 updates", (i) => client.send(new TransactWriteItemsCommand({ TransactItems: [0, 1, 2, 3, 4, 5].map((j) => ({ Update: update(i * 6 + j) })) })));
} finally {
  await dynamo.stop();
}
process.exit(0);
