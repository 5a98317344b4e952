import { db } from "../db/index.ts";
import { readerLocale, text } from "../i18n/index.ts";
import { isId } from "../id/index.ts";
import type { MemberItem } from "../member/entity.ts";
import { People } from "../people/index.ts";
import { approvalOf, type ApprovalState, UNBILLED, type TimeEntryItem } from "./entity.ts";

// A time entry as the API answers it, and the one read every change starts from. Kept apart from
// the area's index so the week, the approval and the index all use it without importing each other.

export type TimeEntry = {
  id: string;
  member: { id: string; name: string };
  client: { id: string; name: string };
  task: { id: string; reference: string; title: string } | null;
  label: string;
  startedAt: string;
  minutes: number;
  billable: boolean;
  note: string | null;
  /** The invoice it is locked on, or null while it can still change. */
  invoiceId: string | null;
  /** open → submitted → approved (locked), or returned with a note to fix and submit again. */
  approval: ApprovalState;
  /** Why the reviewer returned it, while it is returned. */
  returnNote: string | null;
  /** The retainer month (client's zone) its hours were taken from once approved; null when none were. */
  usedPeriod: string | null;
  version: number;
};

type Names = { team: ReadonlyMap<string, MemberItem>; clients: ReadonlyMap<string, string> };

export function present(item: TimeEntryItem, names: Names): TimeEntry {
  const [reference = "", ...title] = item.label.split(" · ");
  return {
    id: item.entryId,
    member: { id: item.memberId, name: names.team.get(item.memberId)?.name ?? text(readerLocale(), "people.formerMember") },
    client: { id: item.clientId, name: names.clients.get(item.clientId) ?? "" },
    task: item.taskId === "none" ? null : { id: item.taskId, reference, title: title.join(" · ") },
    label: item.label,
    startedAt: item.startedAt,
    minutes: item.minutes,
    billable: item.billable,
    note: item.note ?? null,
    invoiceId: item.invoiceId === UNBILLED ? null : item.invoiceId,
    approval: approvalOf(item),
    returnNote: item.returnNote ?? null,
    usedPeriod: item.usedPeriod ?? null,
    version: item.version,
  };
}

export async function presentAll(agencyId: string, items: TimeEntryItem[]): Promise<TimeEntry[]> {
  const names = await People.namesFor(agencyId, items);
  return items.map((item) => present(item, names));
}

export async function loadEntry(agencyId: string, entryId: string): Promise<TimeEntryItem | null> {
  if (!isId("time", entryId)) return null;
  return (await db.entities.timeEntry.get({ agencyId, entryId }).go({ consistent: true })).data;
}
