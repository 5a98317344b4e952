import { z } from "zod";
import { assertMember, forbidden, useAgencyId } from "../actor/index.ts";
import { useViewer } from "../actor/viewer.ts";
import { Audit } from "../audit/index.ts";
import { staleWrite } from "../db/conflict.ts";
import { db } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { calendarDate, idOf } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { MemberStore } from "../member/store.ts";
import { People } from "../people/index.ts";
import { PayoutStore } from "../payout/store.ts";
import { approveItem, lockedError, returnItem } from "./approve-entry.ts";
import { approvalOf, UNBILLED, type TimeEntryItem } from "./entity.ts";
import { loadEntry, presentAll, type TimeEntry } from "./present.ts";
import { entriesOfWeek, week, weekBounds, type Timesheet } from "./week.ts";

// Time approval (issue 17): a subcontractor submits their week (Monday to Sunday in their zone);
// the owner, or a member with the reviewer right, sees what waits per member and week and
// approves entries or returns them with a note. Only approved time counts against a retainer
// (approval writes the hour bank's use) or is invoiced, and approved time is locked.

/** DynamoDB's transactions hold at most 100 items: a week is submitted in slices this size. */
const SLICE = 50;

export const submitSchema = z.strictObject({
  /** Any day of the week, in the member's own zone; this week when left out. */
  date: calendarDate.optional(),
});

/** Submits the acting member's week: its open and returned entries go to review. */
export const submitWeek = fn(submitSchema, async ({ date }): Promise<Timesheet> => {
  const actor = assertMember();
  const member = await MemberStore.load(actor.agencyId, actor.memberId);
  if (!member) throw notFound("Team member");
  const { start, end } = weekBounds(date ? new Date(`${date}T12:00:00Z`) : new Date(), member.timeZone);
  const items = await entriesOfWeek(actor.agencyId, actor.memberId, start, end);
  const ready = items.filter((item) => approvalOf(item) === "open" || approvalOf(item) === "returned");
  if (!ready.length) {
    throw new VisibleError("conflict", "time.nothing_to_submit", "This week has no time waiting to be submitted.", { current: await week(date ? { date } : {}) });
  }
  for (let i = 0; i < ready.length; i += SLICE) {
    const slice = ready.slice(i, i + SLICE);
    const result = await db.transaction
      .write(({ timeEntry, ...tx }) => [
        ...slice.map((item) =>
          timeEntry
            .patch({ agencyId: item.agencyId, entryId: item.entryId })
            .set({ approval: "submitted" })
            .remove(["returnNote"])
            .add({ version: 1 })
            .where((attr, op) => `${op.eq(attr.version, item.version)} AND ${op.eq(attr.approval, item.approval!)}`)
            .commit(),
        ),
        Audit.item(tx, Audit.event("time.submitted", "member", actor.memberId, { weekStart: start.toISOString(), entries: slice.length })),
      ])
      .go();
    if (failedConditions(result).length) throw staleWrite("Time entry", await week(date ? { date } : {}));
  }
  return week(date ? { date } : {});
});

/** Throws 403 unless the actor reviews time: checked before the body is read, so a refusal never depends on it. */
export async function assertReviewer(): Promise<void> {
  await reviewer();
}

/** The owner, their API key, or a member with the reviewer right; a reviewer never reviews their own time. */
async function reviewer(): Promise<{ agencyId: string; memberId: string | null; owner: boolean }> {
  const viewer = await useViewer();
  if (!viewer.owner && !viewer.reviewer) throw forbidden();
  return { agencyId: useAgencyId(), memberId: viewer.memberId, owner: viewer.owner };
}

export type WaitingWeek = {
  member: { id: string; name: string; timeZone: string };
  /** Monday 00:00 in the member's zone, as a UTC instant. */
  weekStart: string;
  totalMinutes: number;
  billableMinutes: number;
  entries: TimeEntry[];
};

/** Submitted time waiting for review, per member and week (oldest week first). */
export async function waiting(): Promise<{ weeks: WaitingWeek[] }> {
  const me = await reviewer();
  const result = await db.entities.timeEntry.query.entriesByApproval({ agencyId: me.agencyId, approval: "submitted" }).go({ pages: "all" });
  const items = result.data.filter((item) => me.owner || item.memberId !== me.memberId);
  const team = await People.team(me.agencyId);
  const groups = new Map<string, { memberId: string; weekStart: string; items: TimeEntryItem[] }>();
  for (const item of items) {
    const timeZone = team.get(item.memberId)?.timeZone ?? "UTC";
    const weekStart = weekBounds(new Date(item.startedAt), timeZone).start.toISOString();
    const key = `${weekStart}#${item.memberId}`;
    const group = groups.get(key) ?? { memberId: item.memberId, weekStart, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  const entries = await presentAll(me.agencyId, items);
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const weeks = [...groups.values()]
    .sort((a, b) => a.weekStart.localeCompare(b.weekStart) || a.memberId.localeCompare(b.memberId))
    .map((group) => {
      const member = team.get(group.memberId);
      const sorted = group.items.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
      return {
        member: { id: group.memberId, name: byId.get(sorted[0]!.entryId)!.member.name, timeZone: member?.timeZone ?? "UTC" },
        weekStart: group.weekStart,
        totalMinutes: sorted.reduce((sum, item) => sum + item.minutes, 0),
        billableMinutes: sorted.filter((item) => item.billable).reduce((sum, item) => sum + item.minutes, 0),
        entries: sorted.map((item) => byId.get(item.entryId)!),
      };
    });
  return { weeks };
}

const entryIds = z
  .array(idOf("time", "Choose time entries."), { error: "Choose time entries." })
  .min(1, "Choose time entries.")
  .max(100, "Choose at most 100 entries at once.");

/** The entries named, each one the reviewer may decide on; any other is "not found". */
async function decidable(ids: readonly string[]): Promise<{ me: Awaited<ReturnType<typeof reviewer>>; items: TimeEntryItem[] }> {
  const me = await reviewer();
  const items: TimeEntryItem[] = [];
  for (const id of new Set(ids)) {
    const item = await loadEntry(me.agencyId, id);
    if (!item || (!me.owner && item.memberId === me.memberId)) throw notFound("Time entry");
    items.push(item);
  }
  return { me, items };
}

async function notSubmitted(items: TimeEntryItem[]): Promise<VisibleError> {
  return new VisibleError("conflict", "time.not_submitted", "This time hasn't been submitted for approval yet.", { current: await presentAll(items[0]!.agencyId, items) });
}

export const approveSchema = z.strictObject({ entryIds });

/**
 * Approves submitted entries: each is locked and its billable minutes are taken from the client's
 * retainer. Approving approved time again changes nothing; time not submitted is a 409.
 */
export const approve = fn(approveSchema, async (input): Promise<{ entries: TimeEntry[] }> => {
  const { me, items } = await decidable(input.entryIds);
  const early = items.filter((item) => approvalOf(item) !== "submitted" && approvalOf(item) !== "approved");
  if (early.length) throw await notSubmitted(early);
  for (const item of items) await approveItem(item, me.memberId);
  return { entries: await presentAll(me.agencyId, await reread(me.agencyId, items)) };
});

export const returnSchema = z.strictObject({
  entryIds,
  note: z.string({ error: "Say what needs fixing." }).trim().min(1, "Say what needs fixing.").max(500, "Keep the note under 500 characters."),
});

/**
 * Returns entries to their member with a note: submitted ones, or approved ones not yet invoiced
 * (their use leaves the hour bank). Invoiced time is a 409, as is time never submitted or time
 * already on a payout statement.
 */
export const returnEntries = fn(returnSchema, async (input): Promise<{ entries: TimeEntry[] }> => {
  const { me, items } = await decidable(input.entryIds);
  const invoiced = items.find((item) => item.invoiceId !== UNBILLED);
  if (invoiced) throw await lockedError(invoiced);
  const early = items.filter((item) => approvalOf(item) === "open");
  if (early.length) throw await notSubmitted(early);
  const paidOut = await PayoutStore.paidOutEntryIds(me.agencyId, items.map((item) => item.memberId));
  const onStatement = items.filter((item) => paidOut.has(item.entryId));
  if (onStatement.length) {
    throw new VisibleError("conflict", "time.paid_out", "This time is on a payout statement, so it can't be returned.", { current: await presentAll(me.agencyId, onStatement) });
  }
  for (const item of items) await returnItem(item, input.note);
  return { entries: await presentAll(me.agencyId, await reread(me.agencyId, items)) };
});

async function reread(agencyId: string, items: readonly TimeEntryItem[]): Promise<TimeEntryItem[]> {
  const fresh = await Promise.all(items.map((item) => loadEntry(agencyId, item.entryId)));
  return fresh.filter((item): item is TimeEntryItem => item !== null);
}
