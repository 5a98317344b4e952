import { db } from "../db/index.ts";
import { approvalOf, UNBILLED, type TimeEntryItem } from "./entity.ts";

// Time queries that the area's index and its export both read (kept apart so the export needn't import the index).

/** Every entry the given members started within [from, to] (ISO instants): one range query per member. */
export async function teamTimeBetween(agencyId: string, memberIds: readonly string[], from: string, to: string): Promise<TimeEntryItem[]> {
  const pages = await Promise.all(
    memberIds.map((memberId) =>
      db.entities.timeEntry.query.entriesOfMember({ agencyId, memberId }).between({ startedAt: from }, { startedAt: to }).go({ pages: "all" }),
    ),
  );
  return pages.flatMap((page) => page.data);
}

/**
 * A client's approved billable minutes used in retainer month `period` per task, with the label
 * the time was logged under ("ACME-7.2 · Write the newsletter"; the client's name for time
 * without a task): what the hour bank shows per request, so it adds up to the month's "used".
 * Approved time names the month its hours were taken from (`usedPeriod`: its own, or a later open
 * one when its own had closed or came before the bank opened); time without one (logged before
 * approval existed, which counts as approved) belongs to the month it was worked in, [from, to).
 * One Query of the client's entries, filtered.
 */
export async function approvedMinutesByTask(agencyId: string, clientId: string, period: string, from: string, to: string): Promise<Array<{ taskId: string; label: string; minutes: number }>> {
  const result = await db.entities.timeEntry.query
    .entriesOfClient({ agencyId, clientId })
    .where(
      (attr, op) =>
        `${op.eq(attr.billable, true)} AND (${op.notExists(attr.approval)} OR ${op.eq(attr.approval, "approved")}) AND (${op.eq(attr.usedPeriod, period)} OR (${op.notExists(attr.usedPeriod)} AND ${op.gte(attr.startedAt, from)} AND ${op.lt(attr.startedAt, to)}))`,
    )
    .go({ pages: "all", attributes: ["taskId", "label", "minutes", "startedAt"] });
  const byTask = new Map<string, { taskId: string; label: string; minutes: number; startedAt: string }>();
  for (const entry of result.data) {
    const taskId = entry.taskId ?? "none";
    const row = byTask.get(taskId) ?? { taskId, label: entry.label ?? "", minutes: 0, startedAt: "" };
    row.minutes += entry.minutes ?? 0;
    // The label as it read last (a task renamed since keeps its newest title).
    if ((entry.startedAt ?? "") >= row.startedAt) {
      row.label = entry.label ?? row.label;
      row.startedAt = entry.startedAt ?? "";
    }
    byTask.set(taskId, row);
  }
  return [...byTask.values()].map(({ taskId, label, minutes }) => ({ taskId, label, minutes }));
}

/** A client's approved billable minutes not invoiced yet, started within [from, to] (ISO instants; `entriesOfClient`, unbilled). */
export async function unbilledApprovedMinutesBetween(agencyId: string, clientId: string, from: string, to: string): Promise<number> {
  const entries = await db.entities.timeEntry.query
    .entriesOfClient({ agencyId, clientId, invoiceId: UNBILLED })
    .between({ startedAt: from }, { startedAt: to })
    .go({ pages: "all" });
  return entries.data.filter((entry) => entry.billable && approvalOf(entry) === "approved").reduce((sum, entry) => sum + entry.minutes, 0);
}
