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

/** A client's open tasks (`openWorkOfClient`: its open work only, however long its history). */
export async function openOfClient(agencyId: string, clientId: string): Promise<TaskItem[]> {
  return (await db.entities.task.query.openWorkOfClient({ agencyId, clientId, state: "open" }).go(all)).data;
}

/** How many open tasks the first page of `workOfClient` makes room for beside the done ones (more open work costs a page more). */
const OPEN_ROOM = 30;

/**
 * A client's open work and its latest done tasks, at most `doneLimit` (`openWorkOfClient`, newest
 * due first: every open task sorts before every closed one, under `open#` and `closed#`). One
 * Query for a client with up to OPEN_ROOM open tasks, in pages sized to what is still missing,
 * so its cost follows the client's open work and `doneLimit`, never its history.
 */
export async function workOfClient(agencyId: string, clientId: string, doneLimit: number): Promise<{ open: TaskItem[]; done: TaskItem[]; moreDone: boolean }> {
  const open: TaskItem[] = [];
  const done: TaskItem[] = [];
  let cursor: string | null = null;
  do {
    // While still among the open tasks, room for more of them; once past them, only the done ones missing.
    const limit: number = done.length ? doneLimit - done.length : doneLimit + OPEN_ROOM;
    const page: { data: TaskItem[]; cursor: string | null } = await db.entities.task.query.openWorkOfClient({ agencyId, clientId }).go({ order: "desc", limit, cursor });
    for (const item of page.data) (item.state === "open" ? open : done).push(item);
    cursor = page.cursor;
  } while (cursor && done.length < doneLimit);
  return { open, done: done.slice(0, doneLimit), moreDone: done.length > doneLimit || cursor !== null };
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
