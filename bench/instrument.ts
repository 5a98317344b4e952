import { AsyncLocalStorage } from "node:async_hooks";
import { performance } from "node:perf_hooks";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import type { S3Client } from "@baton/core/file/storage";
import { busyTime, sequentialSteps } from "./stats.ts";

// Counts what one API call costs in DynamoDB: round trips by command, consumed capacity (asked
// for on every call with ReturnConsumedCapacity: "TOTAL", which DynamoDB Local reports too) and
// the time with at least one DynamoDB call in flight. Added from the bench process to the
// client the core already made, so production code is unchanged.

const READS = new Set(["GetItemCommand", "QueryCommand", "ScanCommand", "BatchGetItemCommand", "TransactGetItemsCommand"]);
const WRITES = new Set(["PutItemCommand", "UpdateItemCommand", "DeleteItemCommand", "BatchWriteItemCommand", "TransactWriteItemsCommand"]);

export type Trace = {
  /** Round trips by command name (GetItem, Query, TransactWriteItems, …). */
  calls: Record<string, number>;
  roundTrips: number;
  /** DynamoDB calls one after another (those in flight together count once). */
  steps: number;
  readUnits: number;
  writeUnits: number;
  /** Wall time with at least one DynamoDB call of this request in flight, ms. */
  dynamoMs: number;
  emails: number;
  /** Emails sent before the answer: SES calls the caller waited for. */
  emailsInRequest: number;
  /** Wall time with an SES call in flight, ms. */
  sesMs: number;
  /** S3 requests the call sent, billed as PUT-class and GET-class (presigning sends none). */
  s3Puts: number;
  s3Gets: number;
  /** Time in the API's fetch handler, ms. */
  serverMs: number;
  /** For a traced call: how long the server held its answer back for the work after it (emails), ms. */
  afterAnswerMs?: number;
  /** For a traced call: the DynamoDB calls and units of the work it left behind its answer (its emails, its webhook event: the worker's on AWS). */
  afterAnswer?: { roundTrips: number; readUnits: number; writeUnits: number };
};

export class Tracker {
  calls: Record<string, number> = {};
  readUnits = 0;
  writeUnits = 0;
  emails = 0;
  s3Puts = 0;
  s3Gets = 0;
  dynamo: Array<[number, number]> = [];
  ses: Array<[number, number]> = [];
  /** Write units by where they were spent (the table, each index), when `instrument(…, { indexes: true })`. */
  writeUnitsByIndex: Record<string, number> = {};
  /** What each write touched: the entity and the operation (Put, Update, Delete, ConditionCheck). */
  writeItems: string[] = [];

  trace(serverMs: number): Trace {
    return {
      // A copy: work the call left behind it (emails from the outbox) must not change its trace.
      calls: { ...this.calls },
      roundTrips: Object.values(this.calls).reduce((sum, n) => sum + n, 0),
      steps: sequentialSteps(this.dynamo),
      readUnits: this.readUnits,
      writeUnits: this.writeUnits,
      dynamoMs: busyTime(this.dynamo),
      emails: this.emails,
      emailsInRequest: this.emails,
      sesMs: busyTime(this.ses),
      s3Puts: this.s3Puts,
      s3Gets: this.s3Gets,
      serverMs,
    };
  }
}

const current = new AsyncLocalStorage<Tracker>();

/** Runs `work` with its DynamoDB and SES calls counted in `tracker`. */
export const track = <R>(tracker: Tracker, work: () => R): R => current.run(tracker, work);

type Capacity = {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  Table?: Capacity;
  GlobalSecondaryIndexes?: Record<string, Capacity>;
};

function addByIndex(tracker: Tracker, consumed: Capacity | Capacity[] | undefined) {
  for (const item of consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed]) {
    const parts: Array<[string, Capacity | undefined]> = [["table", item.Table], ...Object.entries(item.GlobalSecondaryIndexes ?? {})];
    for (const [name, part] of parts) {
      const units = part?.WriteCapacityUnits ?? part?.CapacityUnits ?? 0;
      if (units) tracker.writeUnitsByIndex[name] = (tracker.writeUnitsByIndex[name] ?? 0) + units;
    }
  }
}

function addCapacity(tracker: Tracker, command: string, consumed: Capacity | Capacity[] | undefined) {
  for (const item of consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed]) {
    const read = item.ReadCapacityUnits ?? 0;
    const write = item.WriteCapacityUnits ?? 0;
    if (read || write) {
      tracker.readUnits += read;
      tracker.writeUnits += write;
    } else if (WRITES.has(command)) {
      tracker.writeUnits += item.CapacityUnits ?? 0;
    } else {
      tracker.readUnits += item.CapacityUnits ?? 0;
    }
  }
}

type Attribute = { S?: string };
type Written = { Item?: Record<string, Attribute>; Key?: Record<string, Attribute>; ExpressionAttributeValues?: Record<string, Attribute> };

/** "Update task" for each item a write command names (its entity from ElectroDB's `__edb_e__`, or the key's prefix). */
function writtenItems(command: string, input: Record<string, unknown>): string[] {
  const one = (op: string, w: Written) => {
    const text = (v: unknown) => (typeof v === "string" ? v : (v as Attribute | undefined)?.S);
    const entity = text(w.Item?.__edb_e__) ?? text((w.Key ?? w.Item)?.sk)?.replace(/^\$/, "").split(/[#_]/)[0] ?? "?";
    const bytes = w.Item ? JSON.stringify(w.Item).length : 0;
    return bytes ? `${op} ${entity} (~${Math.round(bytes / 100) / 10} KB)` : `${op} ${entity}`;
  };
  if (command === "TransactWriteItemsCommand") {
    return ((input.TransactItems ?? []) as Array<Record<string, Written>>).map((t) => {
      const [op, w] = Object.entries(t)[0]!;
      return one(op, w);
    });
  }
  return [one(command.replace(/ItemCommand$/, ""), input as Written)];
}

let installed = false;

const S3_GETS = new Set(["GetObjectCommand", "HeadObjectCommand"]);

/** Counts the S3 requests the core's client sends. In the deserialize step: presigning stops before it, sending nothing. */
export function instrumentS3(s3: S3Client): void {
  s3.middlewareStack.add(
    (next, context) => async (args) => {
      const tracker = current.getStore();
      if (tracker) S3_GETS.has(context.commandName ?? "") ? tracker.s3Gets++ : tracker.s3Puts++;
      return next(args);
    },
    { step: "deserialize", name: "batonBenchS3Counter" },
  );
}

/**
 * Adds the counting middleware to the core's DynamoDB client and wraps SES sends. Once per process.
 * `indexes`: ask for ReturnConsumedCapacity INDEXES and split writes by table and index.
 */
export function instrument(dynamo: DynamoDBClient, options: { indexes?: boolean } = {}): void {
  if (installed) return;
  installed = true;
  dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      const tracker = current.getStore();
      const command = context.commandName ?? "unknown";
      if (tracker && (READS.has(command) || WRITES.has(command))) {
        (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = options.indexes ? "INDEXES" : "TOTAL";
      }
      const start = performance.now();
      try {
        const result = await next(args);
        const consumed = (result.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
        if (tracker) addCapacity(tracker, command, consumed);
        if (tracker && options.indexes && WRITES.has(command)) {
          addByIndex(tracker, consumed);
          tracker.writeItems.push(...writtenItems(command, args.input as Record<string, unknown>));
        }
        return result;
      } finally {
        if (tracker) {
          const name = command.replace(/Command$/, "");
          tracker.calls[name] = (tracker.calls[name] ?? 0) + 1;
          tracker.dynamo.push([start, performance.now()]);
        }
      }
    },
    { step: "initialize", name: "batonBenchCounter", priority: "high" },
  );

  // The core keeps its SES client private; every send goes through this prototype method.
  const send = SESv2Client.prototype.send as (...args: unknown[]) => Promise<unknown>;
  SESv2Client.prototype.send = async function (this: SESv2Client, ...args: unknown[]) {
    const tracker = current.getStore();
    const start = performance.now();
    try {
      return await send.apply(this, args);
    } finally {
      if (tracker) {
        tracker.emails++;
        tracker.ses.push([start, performance.now()]);
      }
    }
  } as typeof SESv2Client.prototype.send;
}
