import { db } from "../db/index.ts";
import { conditionalWrite } from "../db/transaction.ts";
import { VisibleError } from "../error/index.ts";
import { createId } from "../id/index.ts";
import { writeNewEntry } from "./approve-entry.ts";
import type { TimerItem } from "./entity.ts";

// Ending a running timer, for the timer's stop button and for a task's submit (a timer must not
// keep running after the work was handed to QA). Kept apart from the area's index so the task
// area can call it without importing the timesheet's whole surface.

/** A timer stopped within this long was a slip, not work: it records nothing. */
export const DISCARD_UNDER_MS = 60_000;

const alreadyStopped = () => new VisibleError("conflict", "timer.not_running", "This timer was already stopped.", { current: null });

/**
 * Ends `running` and records its time as an entry (rounded to the minute); a run under a minute
 * is discarded. Answers the new entry's id, or null when discarded. Stopped twice at once: 409.
 */
export async function endTimer(running: TimerItem, input: { billable: boolean; note?: string | undefined }, now = Date.now()): Promise<string | null> {
  const { agencyId, memberId } = running;
  const elapsed = now - Date.parse(running.startedAt);
  if (elapsed < DISCARD_UNDER_MS) {
    // Its condition fails when another stop (or a new start) got there first; anything else is thrown.
    const deleted = await conditionalWrite(
      db.entities.timer
        .delete({ agencyId, memberId })
        .where((attr, op) => op.eq(attr.startedAt, running.startedAt))
        .go(),
    );
    if (!deleted) throw alreadyStopped();
    return null;
  }
  const spent = Math.max(1, Math.round(elapsed / 60_000));
  const entryId = createId("time");
  const text = input.note ?? running.note;
  const entry = {
    agencyId,
    entryId,
    memberId,
    clientId: running.clientId,
    taskId: running.taskId,
    label: running.label,
    startedAt: running.startedAt,
    // Over a day (a timer left running): the first 24 hours; the entry can be corrected.
    minutes: Math.min(spent, 24 * 60),
    billable: input.billable,
    ...(text ? { note: text } : {}),
  };
  // The timer ends with the entry written (approved at once for whoever needs no approval), or not at all.
  const written = await writeNewEntry(entry, (tx) => [
    tx.timer
      .delete({ agencyId, memberId })
      .where((attr, op) => op.eq(attr.startedAt, running.startedAt))
      .commit(),
  ]);
  if (!written) throw alreadyStopped();
  return entryId;
}

/**
 * Stops the member's timer if it runs on `taskId` (the task was just submitted), recording its
 * time as billable like the stop button does. Another task's timer, or none, is left alone.
 */
export async function stopTimerOnTask(agencyId: string, memberId: string, taskId: string): Promise<boolean> {
  const running = (await db.entities.timer.get({ agencyId, memberId }).go({ consistent: true })).data;
  if (!running || running.taskId !== taskId) return false;
  try {
    await endTimer(running, { billable: true });
    return true;
  } catch (error) {
    // Stopped by hand at the same moment: the other stop recorded it.
    if (error instanceof VisibleError && error.code === "timer.not_running") return false;
    throw error;
  }
}
