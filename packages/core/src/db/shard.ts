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
