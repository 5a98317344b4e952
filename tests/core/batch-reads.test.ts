import { describe, expect, it } from "vitest";
import { createBatcher, type BatchClient } from "../../packages/core/src/db/batch.ts";

// Single-item reads asked for at the same moment share one BatchGetItem (db/batch.ts): checked
// against a stand-in client that records what it was asked.

type Key = Record<string, unknown>;

function fakeClient(items: Record<string, Record<string, unknown>>, options: { unprocessedOnce?: boolean } = {}) {
  const asked: Array<{ kind: "get" | "batch"; keys: Key[]; consistent: boolean }> = [];
  let withheld = false;
  const id = (key: Key) => `${key.pk}|${key.sk}`;
  const client: BatchClient = {
    get: ({ Key, ConsistentRead }) => ({
      promise: async () => {
        asked.push({ kind: "get", keys: [Key], consistent: ConsistentRead === true });
        return items[id(Key)] ? { Item: items[id(Key)] } : {};
      },
    }),
    batchGet: ({ RequestItems }) => ({
      promise: async () => {
        const [table, { Keys, ConsistentRead }] = Object.entries(RequestItems)[0]!;
        asked.push({ kind: "batch", keys: Keys, consistent: ConsistentRead === true });
        let answered = Keys;
        let left: Key[] = [];
        if (options.unprocessedOnce && !withheld && Keys.length > 1) {
          withheld = true;
          answered = Keys.slice(1);
          left = Keys.slice(0, 1);
        }
        return {
          Responses: { [table]: answered.map((key) => items[id(key)]).filter(Boolean) as Array<Record<string, unknown>> },
          ...(left.length ? { UnprocessedKeys: { [table]: { Keys: left } } } : {}),
        };
      },
    }),
  };
  return { client, asked };
}

const item = (sk: string) => ({ pk: "p", sk, name: sk });
const params = (sk: string) => ({ TableName: "t", Key: { pk: "p", sk } });

describe("reads asked for together", () => {
  it("go as one batch, each answered with its own item (or null), a key asked twice asked once", async () => {
    const { client, asked } = fakeClient({ "p|a": item("a"), "p|b": item("b") });
    const read = createBatcher(() => client, () => undefined);
    const answers = await Promise.all([read(params("a")), read(params("b")), read(params("missing")), read(params("a"))]);
    expect(answers).toEqual([item("a"), item("b"), null, item("a")]);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.kind).toBe("batch");
    expect(asked[0]!.keys).toHaveLength(3);
  });

  it("a read alone is a plain get; one strongly consistent read makes its batch consistent", async () => {
    const { client, asked } = fakeClient({ "p|a": item("a"), "p|b": item("b") });
    const read = createBatcher(() => client, () => undefined);
    expect(await read(params("a"))).toEqual(item("a"));
    await Promise.all([read(params("a")), read(params("b"), { consistent: true })]);
    expect(asked.map((call) => [call.kind, call.consistent])).toEqual([["get", false], ["batch", true]]);
  });

  it("asks again for the keys DynamoDB left unprocessed", async () => {
    const { client, asked } = fakeClient({ "p|a": item("a"), "p|b": item("b") }, { unprocessedOnce: true });
    const read = createBatcher(() => client, () => undefined);
    expect(await Promise.all([read(params("a")), read(params("b"))])).toEqual([item("a"), item("b")]);
    expect(asked.map((call) => call.keys.length)).toEqual([2, 1]);
  });

  it("never mixes the reads of two requests", async () => {
    const { client, asked } = fakeClient({ "p|a": item("a"), "p|b": item("b") });
    let group: object = {};
    const read = createBatcher(() => client, () => group);
    const first = read(params("a"));
    group = {};
    const second = read(params("b"));
    expect(await Promise.all([first, second])).toEqual([item("a"), item("b")]);
    expect(asked.map((call) => call.kind)).toEqual(["get", "get"]);
  });

  it("a failed batch fails each of its reads", async () => {
    const failing: BatchClient = {
      get: () => ({ promise: () => Promise.reject(new Error("down")) }),
      batchGet: () => ({ promise: () => Promise.reject(new Error("down")) }),
    };
    const read = createBatcher(() => failing, () => undefined);
    const results = await Promise.allSettled([read(params("a")), read(params("b"))]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
  });
});
