import { z } from "zod";
import { assertMember, assertOwner } from "../actor/index.ts";
import { useViewer } from "../actor/viewer.ts";
import * as TaskPolicy from "../task/policy.ts";
import { Audit } from "../audit/index.ts";
import { staleWrite } from "../db/conflict.ts";
import { db } from "../db/index.ts";
import { conditionalWrite, failedConditions } from "../db/transaction.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { version, idOf, calendarDate, checkDateRange, instant, MAX_RANGE_DAYS } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { createId, isId } from "../id/index.ts";
import { People } from "../people/index.ts";
import type { TaskItem } from "../task/entity.ts";
import { TaskStore } from "../task/store.ts";
import { approvalOf, UNBILLED, type TimeEntryItem, type TimerItem } from "./entity.ts";
import { endTimer } from "./timer-stop.ts";
import { ClientStore } from "../client/store.ts";
import { lockedError, writeNewEntry } from "./approve-entry.ts";
import { loadEntry, presentAll, type TimeEntry } from "./present.ts";
import type { Timesheet as WeekSheet } from "./week.ts";

export * as Timesheet from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";
export { ApprovalStates, approvalOf, UNBILLED, type ApprovalState } from "./entity.ts";
export { present, presentAll, type TimeEntry } from "./present.ts";
export { week, weekSchema, type WeekState } from "./week.ts";
export { teamWeek, teamWeekSchema, type TeamWeek, type TeamWeekRow } from "./team-week.ts";
/** A member's week (week.ts); declared here so it shares its name with the area's namespace. */
export type Timesheet = WeekSheet;
export * from "./approval.ts";
export { teamTimeBetween, unbilledApprovedMinutesBetween } from "./queries.ts";
export { lockItems, releaseItems } from "./billing.ts";
export { exportTime, timeExportSchema } from "./export.ts";
export { DISCARD_UNDER_MS, stopTimerOnTask } from "./timer-stop.ts";

// Time spent: a running timer per member (one at a time, kept on the server so it survives a
// reload), manual entries, and weekly timesheets. An entry can be changed or deleted until it is
// approved (approval.ts: only approved time counts against a retainer or is invoiced) — the
// invoice's transaction then moves it off UNBILLED — and every edit is conditional on both.

export type Timer = { taskId: string | null; client: { id: string; name: string }; label: string; startedAt: string; note: string | null };

const labelOf = (task: TaskItem) => `${task.reference} · ${task.title}`;
const note = z.string().trim().max(500, "Keep the note under 500 characters.");
const minutes = z
  .number({ error: "Enter the time in minutes." })
  .int("Use whole minutes.")
  .min(1, "Log at least 1 minute.")
  .max(24 * 60, "One entry is at most 24 hours.");
const startedAt = instant("Choose when the work started.")
  .refine((value) => Date.parse(value) <= Date.now() + 60_000, "Time can't be logged in the future.");

/** The task the actor may log time on (task/policy.ts: its assignee, or the owner); any other is "not found". */
async function workableTask(agencyId: string, taskId: string): Promise<TaskItem> {
  assertMember();
  const task = await TaskStore.load(agencyId, taskId);
  if (!task || TaskPolicy.refusal(await useViewer(), task, "log_time") !== null) throw notFound("Task");
  return task;
}

async function loadTimer(agencyId: string, memberId: string): Promise<TimerItem | null> {
  return (await db.entities.timer.get({ agencyId, memberId }).go({ consistent: true })).data;
}

async function presentTimer(timer: TimerItem | null): Promise<Timer | null> {
  if (!timer) return null;
  const clients = await People.clientNames(timer.agencyId, [timer.clientId]);
  return {
    taskId: timer.taskId === "none" ? null : timer.taskId,
    client: { id: timer.clientId, name: clients.get(timer.clientId) ?? "" },
    label: timer.label,
    startedAt: timer.startedAt,
    note: timer.note ?? null,
  };
}

/**
 * My timer as GET /time/timer, start and stop all answer it: the running timer (or null), and the
 * entry the stop just recorded (null otherwise).
 */
export type TimerState = { timer: Timer | null; entry: TimeEntry | null };

/** The acting member's running timer, or null. */
export async function timer(): Promise<TimerState> {
  const actor = assertMember();
  return { timer: await presentTimer(await loadTimer(actor.agencyId, actor.memberId)), entry: null };
}

export const startSchema = z.strictObject({ taskId: idOf("task", "Choose the task."), note: note.optional() });

/** Starts the member's timer on a task. A second timer is refused with the one that runs. */
export const start = fn(startSchema, async (input): Promise<TimerState> => {
  const actor = assertMember();
  const task = await workableTask(actor.agencyId, input.taskId);
  if (task.status === "done") throw new VisibleError("rule", "timer.task_done", "This task is done; log time on open work.");
  const started = await conditionalWrite(
    db.entities.timer
      .create({
        agencyId: actor.agencyId,
        memberId: actor.memberId,
        taskId: task.taskId,
        clientId: task.clientId,
        label: labelOf(task),
        startedAt: new Date().toISOString(),
        ...(input.note ? { note: input.note } : {}),
      })
      .go(),
  );
  if (!started) {
    const running = await presentTimer(await loadTimer(actor.agencyId, actor.memberId));
    throw new VisibleError("conflict", "timer.running", `A timer is already running on ${running?.label ?? "another task"}. Stop it first.`, {
      current: running,
    });
  }
  return timer();
});

export const stopSchema = z.strictObject({ billable: z.boolean().default(true), note: note.optional() });

/**
 * Stops the running timer and records the time as an entry (rounded to the minute). A run under
 * a minute is discarded: the answer has no entry, and nothing is billed.
 */
export const stop = fn(stopSchema, async (input): Promise<TimerState> => {
  const actor = assertMember();
  const running = await loadTimer(actor.agencyId, actor.memberId);
  if (!running) throw new VisibleError("conflict", "timer.not_running", "No timer is running.", { current: null });
  const entryId = await endTimer(running, input);
  if (!entryId) return { timer: null, entry: null };
  const [entry] = await presentAll(actor.agencyId, [(await loadEntry(actor.agencyId, entryId))!]);
  return { timer: null, entry: entry! };
});

export const createSchema = z.strictObject({
  taskId: idOf("task", "Choose the task.").optional(),
  /** Time for a client with no task (owner only). */
  clientId: idOf("client", "Choose the client.").optional(),
  startedAt,
  minutes,
  billable: z.boolean().default(true),
  note: note.optional(),
});

/** Logs time by hand: on a task (its assignee or the owner), or for a client (the owner). */
export const create = fn(createSchema, async (input): Promise<TimeEntry> => {
  const actor = assertMember();
  let target: { clientId: string; taskId: string; label: string };
  if (input.taskId) {
    const task = await workableTask(actor.agencyId, input.taskId);
    target = { clientId: task.clientId, taskId: task.taskId, label: labelOf(task) };
  } else if (input.clientId) {
    if (actor.role !== "owner") throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { taskId: "Choose the task." } });
    const client = isId("client", input.clientId) ? (await ClientStore.load(actor.agencyId, input.clientId)) : null;
    if (!client) throw notFound("Client");
    target = { clientId: client.clientId, taskId: "none", label: client.name };
  } else {
    throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { taskId: "Choose the task." } });
  }
  const entryId = createId("time");
  const entry = {
    agencyId: actor.agencyId,
    entryId,
    memberId: actor.memberId,
    ...target,
    startedAt: input.startedAt,
    minutes: input.minutes,
    billable: input.billable,
    ...(input.note ? { note: input.note } : {}),
  };
  await writeNewEntry(entry, (tx) => [Audit.item(tx, Audit.event("time.logged", "time", entryId, { minutes: input.minutes, label: target.label }))]);
  return (await presentAll(actor.agencyId, [(await loadEntry(actor.agencyId, entryId))!]))[0]!;
});

/** Throws 404 unless the entry is the actor's to change (their own; the owner any): checked before the body is read. */
export async function assertOwnEntry(entryId: string): Promise<void> {
  const actor = assertMember();
  const entry = await loadEntry(actor.agencyId, entryId);
  if (!entry || (actor.role !== "owner" && entry.memberId !== actor.memberId)) throw notFound("Time entry");
}

/** An entry the actor may change: their own, or any for the owner; an approved or invoiced one is refused. */
async function editableEntry(entryId: string): Promise<TimeEntryItem> {
  const actor = assertMember();
  const entry = await loadEntry(actor.agencyId, entryId);
  if (!entry || (actor.role !== "owner" && entry.memberId !== actor.memberId)) throw notFound("Time entry");
  if (entry.invoiceId !== UNBILLED || approvalOf(entry) === "approved") throw await lockedError(entry);
  return entry;
}

export const updateSchema = z.strictObject({
  version,
  startedAt: startedAt.optional(),
  minutes: minutes.optional(),
  billable: z.boolean().optional(),
  note: note.nullable().optional(),
});

/** Corrects an entry until it is approved (a returned one too: then it is submitted again). */
export const update = fn(updateSchema, async ({ version: expected, note: text, ...changes }, entryId: string): Promise<TimeEntry> => {
  const entry = await editableEntry(entryId);
  const clear = text === null || text === "";
  const result = await db.transaction
    .write(({ timeEntry, ...tx }) => [
      timeEntry
        .patch({ agencyId: entry.agencyId, entryId })
        // The entry is unbilled (the condition below): its keys need the billing state when the start moves.
        .set({ ...changes, ...(changes.startedAt ? { invoiceId: UNBILLED } : {}), ...(text && !clear ? { note: text } : {}) })
        .remove(clear ? ["note"] : [])
        .add({ version: 1 })
        .where((attr, op) => `${op.eq(attr.version, expected)} AND ${op.eq(attr.invoiceId, UNBILLED)} AND ${op.exists(attr.approval)} AND ${op.ne(attr.approval, "approved")}`)
        .commit(),
      Audit.item(tx, Audit.event("time.updated", "time", entryId, { fields: Object.keys({ ...changes, ...(text !== undefined ? { note: text } : {}) }) })),
    ])
    .go();
  const current = await loadEntry(entry.agencyId, entryId);
  if (failedConditions(result).length) {
    if (current && (current.invoiceId !== UNBILLED || approvalOf(current) === "approved")) throw await lockedError(current);
    throw staleWrite("Time entry", current && (await presentAll(entry.agencyId, [current]))[0]);
  }
  return (await presentAll(entry.agencyId, [current!]))[0]!;
});

export const removeSchema = z.strictObject({ version: z.coerce.number().int().min(1) });

/** Deletes an entry until it is approved. */
export const remove = fn(removeSchema, async ({ version: expected }, entryId: string): Promise<void> => {
  const entry = await editableEntry(entryId);
  const result = await db.transaction
    .write(({ timeEntry, ...tx }) => [
      timeEntry
        .delete({ agencyId: entry.agencyId, entryId })
        .where((attr, op) => `${op.eq(attr.version, expected)} AND ${op.eq(attr.invoiceId, UNBILLED)} AND ${op.exists(attr.approval)} AND ${op.ne(attr.approval, "approved")}`)
        .commit(),
      Audit.item(tx, Audit.event("time.deleted", "time", entryId, { minutes: entry.minutes, label: entry.label })),
    ])
    .go();
  if (failedConditions(result).length) {
    const current = await loadEntry(entry.agencyId, entryId);
    if (current && (current.invoiceId !== UNBILLED || approvalOf(current) === "approved")) throw await lockedError(current);
    throw staleWrite("Time entry", current && (await presentAll(entry.agencyId, [current]))[0]);
  }
});

const isoDate = calendarDate;
/** Time logged on a task against its estimate: for the owner and the task's assignee. */
export async function forTask(taskId: string): Promise<{ estimateMinutes: number; loggedMinutes: number; entries: TimeEntry[] }> {
  const actor = assertMember();
  const task = await workableTask(actor.agencyId, taskId);
  const result = await db.entities.timeEntry.query.entriesOfTask({ agencyId: actor.agencyId, taskId }).go({ pages: "all" });
  return {
    estimateMinutes: task.estimateMinutes,
    loggedMinutes: result.data.reduce((sum, item) => sum + item.minutes, 0),
    entries: await presentAll(actor.agencyId, result.data),
  };
}

export const unbilledSchema = z.strictObject({ clientId: z.string().max(40), from: isoDate.optional(), to: isoDate.optional() }).superRefine(checkDateRange(MAX_RANGE_DAYS));

/** A client's approved billable time not on an invoice yet, oldest first, optionally within dates (UTC). */
export const unbilled = fn(unbilledSchema, async (query): Promise<TimeEntry[]> => {
  const agencyId = assertOwner();
  if (!isId("client", query.clientId)) throw notFound("Client");
  return presentAll(agencyId, await unbilledItems(agencyId, query.clientId, query.from, query.to));
});

/** The unbilled, approved, billable entries of a client (for invoices, which lock them): time waiting for approval is never invoiced. */
export async function unbilledItems(agencyId: string, clientId: string, from?: string, to?: string): Promise<TimeEntryItem[]> {
  const base = db.entities.timeEntry.query.entriesOfClient({ agencyId, clientId, invoiceId: UNBILLED });
  const ranged = from || to ? base.between({ startedAt: from ? `${from}T00:00:00.000Z` : "0" }, { startedAt: to ? `${to}T23:59:59.999Z` : "9" }) : base;
  const result = await ranged.go({ pages: "all" });
  return result.data.filter((item) => item.billable && approvalOf(item) === "approved");
}

/** The entries locked on an invoice. */
export async function onInvoice(agencyId: string, clientId: string, invoiceId: string): Promise<TimeEntryItem[]> {
  const result = await db.entities.timeEntry.query.entriesOfClient({ agencyId, clientId, invoiceId }).go({ pages: "all" });
  return result.data;
}
