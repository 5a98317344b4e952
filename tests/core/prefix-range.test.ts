import { BatchWriteItemCommand, DynamoDBClient, QueryCommand } from "@aws-sdk/client-dynamodb";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createDynamoClient } from "@baton/core/db";
import { prefixUpperBound, rewriteQueryBody } from "../../packages/core/src/db/prefix-range.ts";
import { runs } from "../support/property.ts";

// The DynamoDB client turns ElectroDB's `begins_with` on a sort key into a BETWEEN range (flat on
// DynamoDB Local as history grows). It must return exactly the items begins_with would: checked
// against DynamoDB Local with a plain client, on random keys that include non-ASCII and emoji.

const table = process.env.BATON_TABLE_NAME!;

describe("the rewrite", () => {
  it("turns ElectroDB's prefix condition into a range and adds the bound", () => {
    const body = rewriteQueryBody({
      KeyConditionExpression: "#pk = :pk and begins_with(#sk1, :sk1)",
      ExpressionAttributeValues: { ":pk": { S: "$baton#agencyid_agy_1" }, ":sk1": { S: "$member_1#memberid_" } },
    });
    expect(body.KeyConditionExpression).toBe("#pk = :pk and #sk1 BETWEEN :sk1 AND :sk1_upper");
    expect(body.ExpressionAttributeValues![":sk1_upper"]!.S!.startsWith("$member_1#memberid_\u{10FFFF}")).toBe(true);
    expect(Buffer.byteLength(body.ExpressionAttributeValues![":sk1_upper"]!.S!)).toBeLessThanOrEqual(1024);
  });

  it("leaves queries without a prefix, and filters, alone", () => {
    const exact = { KeyConditionExpression: "#pk = :pk and #sk1 = :sk1", ExpressionAttributeValues: { ":pk": { S: "a" }, ":sk1": { S: "b" } } };
    expect(rewriteQueryBody(exact)).toBe(exact);
    const withFilter = { KeyConditionExpression: "#pk = :pk", FilterExpression: "begins_with(#name, :v0)", ExpressionAttributeValues: { ":pk": { S: "a" }, ":v0": { S: "b" } } };
    expect(rewriteQueryBody(withFilter)).toBe(withFilter);
  });

  it("bounds every prefix within a sort key's 1,024 bytes", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (prefix) => {
        const upper = prefixUpperBound(prefix);
        expect(upper.startsWith(prefix)).toBe(true);
        expect(Buffer.byteLength(upper)).toBeLessThanOrEqual(Math.max(1024, Buffer.byteLength(prefix) + 4));
      }),
      { numRuns: runs(200) },
    );
  });
});

describe("the bound, byte by byte (DynamoDB's order)", () => {
  const bytes = (s: string) => Buffer.from(s, "utf8");
  const within = (key: string, prefix: string) =>
    Buffer.compare(bytes(prefix), bytes(key)) <= 0 && Buffer.compare(bytes(key), bytes(prefixUpperBound(prefix))) <= 0;
  // Whole code points, astral ones included (no lone surrogates: they are not valid UTF-8).
  const text = (max: number) => fc.string({ unit: "binary", maxLength: max });

  it("holds every sort key that begins with the prefix, up to 1,024 bytes long", () => {
    fc.assert(
      fc.property(text(40), text(400), (prefix, rest) => {
        const key = prefix + rest;
        fc.pre(Buffer.byteLength(key) <= 1024);
        expect(within(key, prefix)).toBe(true);
      }),
      { numRuns: runs(500) },
    );
  });

  it("holds no key that does not begin with the prefix", () => {
    fc.assert(
      fc.property(text(20), text(40), (prefix, key) => {
        fc.pre(Buffer.byteLength(key) <= 1024 && !key.startsWith(prefix));
        expect(within(key, prefix)).toBe(false);
      }),
      { numRuns: runs(500) },
    );
  });

  it("holds the greatest keys there are: the prefix continued with U+10FFFF to the last byte, ending in a shorter character", () => {
    for (const prefix of ["$task_1#status_open", "é", "💥", "ab"]) {
      for (const tail of ["\u007F", "\u07FF", "\uFFFF"]) {
        const room = 1024 - Buffer.byteLength(prefix);
        const fill = "\u{10FFFF}".repeat(Math.floor((room - Buffer.byteLength(tail)) / 4));
        const key = prefix + fill + tail;
        if (Buffer.byteLength(key) !== 1024) continue;
        expect(within(key, prefix), JSON.stringify({ prefix, tail })).toBe(true);
      }
      expect(Buffer.byteLength(prefixUpperBound(prefix))).toBe(1024);
    }
  });
});

describe("against DynamoDB Local", () => {
  const plain = new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  const rewriting = createDynamoClient();
  const pk = `prefix-range-${Date.now()}`;
  // Keys as ElectroDB writes them, plus non-ASCII, emoji and characters around U+FFFF.
  const keyPart = fc.oneof(
    fc.constantFrom("$task_1#", "$task_1#status_", "open#", "tsk_01j", "#", "_", "a", "z", "é", "Ω", "क", "\uFFFF", "\uFFFD", "💥", "𝔸"),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }),
  );
  const key = fc.array(keyPart, { minLength: 1, maxLength: 6 }).map((parts) => parts.join("")).filter((k) => Buffer.byteLength(k) <= 200);
  let keys: string[] = [];

  beforeAll(async () => {
    keys = [...new Set(fc.sample(key, { numRuns: 300, seed: 42 }).concat(["$task_1#status_open#tsk_1", "$task_1#status_open💥", "$task_1#status_opeo", "$task_1#status_"]))];
    for (let i = 0; i < keys.length; i += 25) {
      const batch = keys.slice(i, i + 25).map((sk) => ({ PutRequest: { Item: { pk: { S: pk }, sk: { S: sk } } } }));
      await plain.send(new BatchWriteItemCommand({ RequestItems: { [table]: batch } }));
    }
  });

  async function skWith(client: DynamoDBClient, prefix: string): Promise<string[]> {
    const found: string[] = [];
    let start: Record<string, { S: string }> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: "#pk = :pk and begins_with(#sk1, :sk1)",
          ExpressionAttributeNames: { "#pk": "pk", "#sk1": "sk" },
          ExpressionAttributeValues: { ":pk": { S: pk }, ":sk1": { S: prefix } },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) found.push(item.sk!.S!);
      start = page.LastEvaluatedKey as typeof start;
    } while (start);
    return found.sort();
  }

  it("returns the same items as begins_with for any prefix", async () => {
    const prefix = fc.oneof(
      fc.constantFrom(...keys).chain((k) => fc.nat({ max: k.length }).map((n) => k.slice(0, Math.max(1, n)))),
      key,
    );
    await fc.assert(
      fc.asyncProperty(prefix, async (p) => {
        expect(await skWith(rewriting, p), JSON.stringify(p)).toEqual(await skWith(plain, p));
      }),
      { numRuns: runs(60) },
    );
  });

  it("sends a range, and still finds keys that continue past the prefix with emoji", async () => {
    const sent: string[] = [];
    rewriting.middlewareStack.add(
      (next) => async (args) => {
        const body = (args.request as { body?: unknown }).body;
        sent.push(body instanceof Uint8Array ? new TextDecoder().decode(body) : String(body));
        return next(args);
      },
      { step: "finalizeRequest", name: "test:capture" },
    );
    const found = await skWith(rewriting, "$task_1#status_open");
    rewriting.middlewareStack.remove("test:capture");
    expect(found).toContain("$task_1#status_open💥");
    expect(found).toContain("$task_1#status_open#tsk_1");
    expect(found).not.toContain("$task_1#status_opeo");
    expect(found).toEqual(await skWith(plain, "$task_1#status_open"));
    expect(sent.some((body) => body.includes("BETWEEN :sk1 AND :sk1_upper") && !body.includes("begins_with"))).toBe(true);
  });
});
