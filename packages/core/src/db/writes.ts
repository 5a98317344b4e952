import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";

// Everything this process writes to the table, by item key, told to whoever keeps copies of items
// (the identity cache, a request's reads): a copy is dropped as its item is written, before the
// write is sent and again once it is done (so a read that raced the write is not kept either).
// Watching the client rather than the domain's write functions means no write path can forget.

export type WrittenKey = {
  pk: string;
  sk: string;
  /** The attributes an update names; absent when the whole item is put or deleted. */
  attributes?: readonly string[];
};
type Listener = (key: WrittenKey) => void;

const listeners = new Set<Listener>();

/** Calls `listener` with the key of every item this process writes. Answers the unsubscribe. */
export function onWrite(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

type Value = string | { S?: string } | undefined;
type KeyLike = Record<string, Value> | undefined;
type Update = { Key?: KeyLike; ExpressionAttributeNames?: Record<string, string> };
type WriteInput = Update & {
  Item?: KeyLike;
  TransactItems?: Array<{ Put?: { Item?: KeyLike }; Update?: Update; Delete?: { Key?: KeyLike } }>;
  RequestItems?: Record<string, Array<{ PutRequest?: { Item?: KeyLike }; DeleteRequest?: { Key?: KeyLike } }> | unknown>;
};

const text = (value: Value) => (typeof value === "string" ? value : value?.S);

function keyOf(item: KeyLike, update?: Update): WrittenKey | undefined {
  const pk = text(item?.pk);
  const sk = text(item?.sk);
  if (pk === undefined || sk === undefined) return undefined;
  return update?.ExpressionAttributeNames ? { pk, sk, attributes: Object.values(update.ExpressionAttributeNames) } : { pk, sk };
}

/** The keys of the items a write command touches (plain or marshalled input alike). */
export function writtenKeys(command: string, input: WriteInput): WrittenKey[] {
  const keys: Array<WrittenKey | undefined> = [];
  if (/^Update(Item)?Command$/.test(command)) keys.push(keyOf(input.Key, input));
  if (/^(Put|Delete)(Item)?Command$/.test(command)) keys.push(keyOf(input.Key ?? input.Item));
  if (/^TransactWrite(Items)?Command$/.test(command)) {
    for (const op of input.TransactItems ?? []) keys.push(op.Update ? keyOf(op.Update.Key, op.Update) : keyOf(op.Put?.Item ?? op.Delete?.Key));
  }
  if (/^BatchWrite(Item)?Command$/.test(command)) {
    for (const requests of Object.values(input.RequestItems ?? {})) {
      if (!Array.isArray(requests)) continue;
      for (const request of requests as Array<{ PutRequest?: { Item?: KeyLike }; DeleteRequest?: { Key?: KeyLike } }>) {
        keys.push(keyOf(request.PutRequest?.Item ?? request.DeleteRequest?.Key));
      }
    }
  }
  return keys.filter((key): key is WrittenKey => key !== undefined);
}

function tell(keys: WrittenKey[]) {
  for (const key of keys) for (const listener of listeners) listener(key);
}

/** Whether a write may have changed one of `names` (a put or delete changes them all). */
export const touches = (key: WrittenKey, names: readonly string[]) => !key.attributes || names.some((name) => key.attributes!.includes(name));

/** Installs the watch on a client (before marshalling, so ElectroDB's plain input is read as is). */
export function useWriteWatch(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const keys = writtenKeys(context.commandName ?? "", args.input as WriteInput);
      if (!keys.length) return next(args);
      tell(keys);
      try {
        return await next(args);
      } finally {
        tell(keys);
      }
    },
    { step: "initialize", priority: "low", name: "baton:writeWatch" },
  );
}
