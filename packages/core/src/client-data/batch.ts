import { Log } from "../log/index.ts";

// Deleting many items: ElectroDB's batch delete (BatchWriteItem, 25 keys a call) answers the keys
// DynamoDB left unprocessed under load; they are tried again a few times, then it is an error
// (erase is idempotent: pressing it again finishes the job).

type BatchDeletable<K> = { delete(keys: K[]): { go(): Promise<{ unprocessed: unknown[] }> } };

export async function deleteAll<K>(entity: BatchDeletable<K>, keys: K[]): Promise<number> {
  let pending = keys;
  for (let attempt = 0; pending.length && attempt < 5; attempt++) {
    if (attempt) await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    const { unprocessed } = await entity.delete(pending).go();
    pending = unprocessed as K[];
  }
  if (pending.length) {
    Log.error("client data: DynamoDB left items undeleted", undefined, { left: pending.length });
    throw new Error(`${pending.length} items could not be deleted; run the erase again`);
  }
  return keys.length;
}
