// Reading back what a write just wrote costs a round trip and tells nothing new: the caller knows
// what it wrote. The one value it doesn't choose is the `updatedAt` stamp ElectroDB sets itself;
// this reads it from the transaction operation that carries it.

type UpdateOp = {
  Update?: {
    UpdateExpression?: string;
    ExpressionAttributeNames?: Record<string, string>;
    ExpressionAttributeValues?: Record<string, unknown>;
  };
};

/** The value an update operation (a transaction's `.commit()`) sets `attribute` to, if it sets it. */
export function valueSet(commit: unknown, attribute: string): unknown {
  const update = (commit as UpdateOp).Update;
  const name = Object.entries(update?.ExpressionAttributeNames ?? {}).find(([, value]) => value === attribute)?.[0];
  if (!update || !name) return undefined;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const placeholder = new RegExp(`${escaped} = (:[A-Za-z0-9_]+)`).exec(update.UpdateExpression ?? "")?.[1];
  return placeholder ? update.ExpressionAttributeValues?.[placeholder] : undefined;
}

/** An item after `set` and `add` (numbers added) were applied, stamped as the write stamped it. */
export function applied<T extends object>(item: T, changes: { set?: object; add?: Record<string, number>; commit: unknown }): T {
  const next = { ...item } as Record<string, unknown>;
  for (const [name, value] of Object.entries(changes.set ?? {})) if (value !== undefined) next[name] = value;
  for (const [name, value] of Object.entries(changes.add ?? {})) next[name] = (Number(next[name] ?? 0) || 0) + value;
  const stamp = valueSet(changes.commit, "updatedAt");
  if (typeof stamp === "string") next.updatedAt = stamp;
  return next as T;
}
