import { db, type TransactionEntities } from "../db/index.ts";
import { isId } from "../id/index.ts";
import { OpenTaskStatuses } from "../workflow/index.ts";
import type { TaskItem } from "./entity.ts";

// The task area's table, for other areas: they read tasks, and build task items for their transactions, only through these.
export * as TaskStore from "./store.ts";

const all = { pages: "all" } as const;

/** Due between two instants (the sort key's bound: the end begins no key, so it is excluded). */
export type DueRange = { from: string; to: string };

/** One task of an agency, or null (also for a malformed id). */
export async function load(agencyId: string, taskId: string): Promise<TaskItem | null> {
  if (!isId("task", taskId)) return null;
  return (await db.entities.task.get({ agencyId, taskId }).go()).data;
}

/** A member's open tasks (`tasksOfAssignee`), optionally due in a range and of one client. */
export async function openOfAssignee(agencyId: string, assigneeId: string, filter: { due?: DueRange; clientId?: string | undefined } = {}): Promise<TaskItem[]> {
  const query = db.entities.task.query.tasksOfAssignee({ agencyId, assigneeId, state: "open" });
  const ranged = filter.due ? query.between({ dueAt: filter.due.from }, { dueAt: filter.due.to }) : query;
  const { clientId } = filter;
  return (await (clientId ? ranged.where((attr, op) => op.eq(attr.clientId, clientId)) : ranged).go(all)).data;
}

/** Every open task of an agency, one query per open status (`tasksByStatus`), optionally due in a range and of one client. */
export async function openOfAgency(agencyId: string, filter: { due?: DueRange; clientId?: string | undefined } = {}): Promise<TaskItem[]> {
  const { clientId, due } = filter;
  const pages = await Promise.all(
    OpenTaskStatuses.map((status) => {
      const query = db.entities.task.query.tasksByStatus({ agencyId, status });
      const ranged = due ? query.between({ dueAt: due.from }, { dueAt: due.to }) : query;
      return (clientId ? ranged.where((attr, op) => op.eq(attr.clientId, clientId)) : ranged).go(all);
    }),
  );
  return pages.flatMap((page) => page.data);
}

/** A client's open tasks (`tasksOfClient`). */
export async function openOfClient(agencyId: string, clientId: string): Promise<TaskItem[]> {
  return (await db.entities.task.query.tasksOfClient({ agencyId, clientId }).where((attr, op) => op.eq(attr.state, "open")).go(all)).data;
}

/** A request's tasks, every state (`tasksOfClient`, by the request). */
export async function ofRequest(agencyId: string, clientId: string, requestId: string): Promise<TaskItem[]> {
  return (await db.entities.task.query.tasksOfClient({ agencyId, clientId, requestId }).go(all)).data;
}

/** A new task, as an item of the caller's transaction (a scheduled occurrence creates its request's tasks with it). */
export function createItem(tx: Pick<TransactionEntities, "task">, attributes: Parameters<typeof db.entities.task.create>[0]) {
  return tx.task.create(attributes).commit();
}

/**
 * A check, in the caller's transaction, that a task is still open, still the member's and unchanged
 * since it was read: a vault reveal commits only if no reassignment came between its read and its write.
 */
export function stillAssignedItem(tx: Pick<TransactionEntities, "task">, task: Pick<TaskItem, "agencyId" | "taskId" | "version">, memberId: string) {
  return tx.task
    .check({ agencyId: task.agencyId, taskId: task.taskId })
    .where((attr, op) => `${op.eq(attr.version, task.version)} AND ${op.eq(attr.assigneeId, memberId)} AND ${op.eq(attr.state, "open")}`)
    .commit();
}

/** Tasks made after an id, oldest first (`taskById`, ids sort by creation): what search has yet to index. */
export async function createdAfter(agencyId: string, afterId: string, limit: number): Promise<TaskItem[]> {
  const query = db.entities.task.query.taskById({ agencyId });
  return (await (afterId ? query.gt({ taskId: afterId }) : query).go({ limit })).data;
}
