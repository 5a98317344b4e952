// A constant partition key on an index ("pending = yes", "owing = yes", every agency) puts every
// tenant's items in one partition, whose writes share one partition's throughput on DynamoDB.
// Such an index key carries a shard too, derived from the item's own id, so the items spread over
// SHARDS partitions; the reader (a job) queries every shard at once and merges what they hold.

/** How many partitions a constant index key is spread over. Changing it needs a backfill. */
export const SHARDS = 8;

/** Every shard's name, "0" to "7". */
export const SHARD_NAMES: readonly string[] = Array.from({ length: SHARDS }, (_, i) => String(i));

/** The shard of the item with this id: FNV-1a of the id, so the same id always lands in the same one. */
export function shardOf(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return String(hash % SHARDS);
}

/**
 * An ElectroDB attribute that holds the item's shard, set from `idAttribute` when the item is
 * created (or put whole) and never changed: the partition key of its sharded index includes it.
 */
export function shardAttribute<Id extends string>(idAttribute: Id) {
  return {
    type: "string",
    required: true,
    readOnly: true,
    default: () => "",
    set: (value: string | undefined, item: Record<string, unknown>) => value || shardOf(String(item[idAttribute] ?? "")),
  } as const;
}

/** `query` on every shard at once, merged in `order` (each shard's page is in index order already). */
export async function acrossShards<T>(query: (shard: string) => Promise<T[]>, order: (a: T, b: T) => number): Promise<T[]> {
  const parts = await Promise.all(SHARD_NAMES.map((shard) => query(shard)));
  return parts.flat().sort(order);
}

/**
 * An item's shard for an index key that MOVES on update ("owing" yes/no, "pending", "due",
 * "prepared"): set from `idAttribute` when the item is created or put whole (the id wins over any
 * value given), and written again, as `shard: shardOf(id)`, by every update that writes the
 * index's other attributes. ElectroDB builds a conditional index's key in an update only from the
 * attributes the update carries (it throws "Incomplete composite attributes" without the shard),
 * and it hides the item's key attributes (the id) from setters and `watch` (a watcher would see no
 * id and land every item in shardOf("")), so the update names the shard itself. Not read-only for
 * that reason; an item from before the shards gets its shard with its next such update.
 */
export function movingShardAttribute<Id extends string>(idAttribute: Id) {
  return {
    type: "string",
    required: true,
    default: () => "",
    set: (value: string | undefined, item: Record<string, unknown>) => (item[idAttribute] ? shardOf(String(item[idAttribute])) : value || ""),
  } as const;
}

type RawPage = { Items?: Record<string, unknown>[]; LastEvaluatedKey?: Record<string, unknown> };
type Queryable<T> = { client: unknown; parse(response: { Items: Record<string, unknown>[] }): { data: T[] } | null };

/**
 * What the index's partition from before the shards still holds for `shardedQuery` (that query's
 * `.params()` for shard "0", the same sort-key condition): its partition key without the shard.
 * Items written by an older version of the code (or not yet backfilled) wait there.
 */
export async function inUnshardedPartition<T>(entity: Queryable<T>, shardedQuery: Record<string, unknown>): Promise<T[]> {
  const params = structuredClone(shardedQuery) as { ExpressionAttributeValues: Record<string, unknown>; ExclusiveStartKey?: Record<string, unknown> };
  const pk = String(params.ExpressionAttributeValues[":pk"]);
  if (!pk.endsWith("#shard_0")) throw new Error(`Not a query of shard 0: ${pk}`);
  params.ExpressionAttributeValues[":pk"] = pk.slice(0, -"#shard_0".length);
  const client = entity.client as { query(params: unknown): { promise(): Promise<RawPage> } };
  const items: T[] = [];
  do {
    const page = await client.query(params).promise();
    items.push(...(entity.parse({ Items: page.Items ?? [] })?.data ?? []));
    params.ExclusiveStartKey = page.LastEvaluatedKey;
  } while (params.ExclusiveStartKey);
  return items;
}
