import { db, type TransactionEntities } from "../db/index.ts";

// The task area's table, for other areas' transactions: they build task items only through these.
export * as TaskStore from "./store.ts";

/** A new task, as an item of the caller's transaction (a scheduled occurrence creates its request's tasks with it). */
export function createItem(tx: Pick<TransactionEntities, "task">, attributes: Parameters<typeof db.entities.task.create>[0]) {
  return tx.task.create(attributes).commit();
}
