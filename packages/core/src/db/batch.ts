// Reads of single items asked for at the same moment (the independent reads of one request, side
// by side in a Promise.all) go to DynamoDB as one BatchGetItem instead of one GetItem each: the
// same items and capacity, one round trip. A read waits for the current turn of the event loop
// (setImmediate) to let the others join it; alone, it is an ordinary GetItem.
// Consistency: a batch holding one strongly consistent read is read strongly consistent whole
// (never weaker than asked).

type Key = Record<string, unknown>;
type Item = Record<string, unknown>;
type Params = { TableName?: string; Key: Key };

/** The ElectroDB client wrapper's calls this needs (lib-dynamodb's GetCommand and BatchGetCommand underneath). */
export type BatchClient = {
  get(params: { TableName: string; Key: Key; ConsistentRead?: boolean }): { promise(): Promise<{ Item?: Item }> };
  batchGet(params: { RequestItems: Record<string, { Keys: Key[]; ConsistentRead?: boolean }> }): {
    promise(): Promise<{ Responses?: Record<string, Item[]>; UnprocessedKeys?: Record<string, { Keys?: Key[] }> }>;
  };
};

type Waiting = { table: string; key: Key; id: string; consistent: boolean; resolve: (item: Item | null) => void; reject: (error: unknown) => void };

/** DynamoDB's limit of keys per BatchGetItem. */
const MAX_KEYS = 100;
/** How often keys DynamoDB left unprocessed (throttled) are asked again, with a growing pause. */
const RETRIES = 5;

const keyId = (key: Key) => JSON.stringify(Object.keys(key).sort().map((name) => [name, key[name]]));

/**
 * `groupOf` names whose reads may share a batch (the request asking): reads of different requests
 * never share one, so each request's reads are its own (and counted as its own).
 */
export function createBatcher(client: () => BatchClient, groupOf: () => object | undefined) {
  const waiting = new Map<object | undefined, Waiting[]>();

  async function flush(batch: Waiting[]) {
    const byTable = new Map<string, Waiting[]>();
    for (const read of batch) byTable.set(read.table, [...(byTable.get(read.table) ?? []), read]);
    await Promise.all([...byTable].map(([table, reads]) => readTable(table, reads)));
  }

  async function readTable(table: string, reads: Waiting[]) {
    const consistent = reads.some((read) => read.consistent);
    const unique = [...new Map(reads.map((read) => [read.id, read.key])).entries()];
    try {
      const found = new Map<string, Item>();
      if (unique.length === 1) {
        const { Item: item } = await client().get({ TableName: table, Key: unique[0]![1], ...(consistent ? { ConsistentRead: true } : {}) }).promise();
        if (item) found.set(unique[0]![0], item);
      } else {
        for (let start = 0; start < unique.length; start += MAX_KEYS) {
          let keys = unique.slice(start, start + MAX_KEYS).map(([, key]) => key);
          for (let attempt = 0; keys.length; attempt++) {
            const answer = await client().batchGet({ RequestItems: { [table]: { Keys: keys, ...(consistent ? { ConsistentRead: true } : {}) } } }).promise();
            for (const item of answer.Responses?.[table] ?? []) found.set(keyId(pick(item, keys[0]!)), item);
            keys = answer.UnprocessedKeys?.[table]?.Keys ?? [];
            if (keys.length && attempt >= RETRIES) throw new Error(`BatchGetItem left ${keys.length} keys unprocessed`);
            if (keys.length) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
          }
        }
      }
      for (const read of reads) read.resolve(found.get(read.id) ?? null);
    } catch (error) {
      for (const read of reads) read.reject(error);
    }
  }

  /** The key attributes of `item`, named as in `like` (a key of the same table). */
  function pick(item: Item, like: Key): Key {
    return Object.fromEntries(Object.keys(like).map((name) => [name, item[name]]));
  }

  /** The raw item at `params.Key` (null if none), read with the other reads asked for in this turn. */
  return function read(params: Params, options: { consistent?: boolean } = {}): Promise<Item | null> {
    return new Promise((resolve, reject) => {
      const group = groupOf();
      let batch = waiting.get(group);
      if (!batch) {
        const mine: Waiting[] = (batch = []);
        waiting.set(group, mine);
        setImmediate(() => {
          waiting.delete(group);
          void flush(mine);
        });
      }
      batch.push({ table: String(params.TableName), key: params.Key, id: keyId(params.Key), consistent: options.consistent === true, resolve, reject });
    });
  };
}
