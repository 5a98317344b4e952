import { randomUUID } from "node:crypto";
import { db, type TransactionEntities } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { acrossShards, shardOf } from "../db/shard.ts";
import { Deferred } from "../deferred/index.ts";
import { Email, type Notice } from "../email/index.ts";
import { ContactStore } from "../contact/store.ts";
import { Log } from "../log/index.ts";
import type { OutboxNoticeItem } from "./notice-entity.ts";
import { prepare } from "./index.ts";

export * as Notices from "./notice.ts";

// A hand-off email to a client's people whose recipients are read after the change is saved, not
// before it: the change's transaction carries one small notice (no contacts query in the request,
// no rendered emails in its transaction); the worker then reads the client's contacts, renders the
// email for each in their language, swaps the notice for outbox emails in one transaction and
// sends them itself, so each goes out once (Email.sentByThisRunIn). The job that turns it is
// handed the notice as written (no read back). The outbox job picks up a notice the worker never turned.

/** More emails than this are kept one write each, then the notice is removed (DynamoDB takes 100 items a transaction). */
const IN_ONE_TRANSACTION = 90;

const turnLater = Deferred.define("notify.notices", async ({ agencyId, noticeIds, notices }: { agencyId: string; noticeIds: string[]; notices?: OutboxNoticeItem[] }) => {
  // The notices as their transaction wrote them (no read back); a job queued by an older version names only their ids.
  const found = notices ?? (await db.entities.outboxNotice.get(noticeIds.map((noticeId) => ({ agencyId, noticeId }))).go({ consistent: true })).data;
  for (const notice of found) await turn(notice);
});

/**
 * `kind` to every contact of `clientId` who wants it (as `Notify.send` to them), as an item of the
 * caller's transaction: `items` go into it, `after` hands the notice to the worker once it committed.
 */
export function toClientIn(
  tx: Pick<TransactionEntities, "outboxNotice">,
  agencyId: string,
  clientId: string,
  kind: Notice,
  params: Record<string, string>,
  url: string,
  now = new Date(),
) {
  const noticeId = randomUUID();
  const at = now.toISOString();
  const notice = { agencyId, noticeId, kind, clientId, params: JSON.stringify(params), url, queuedAt: at, nextAttemptAt: at, attempts: 0, pending: "yes" as const, shard: shardOf(noticeId) };
  const commit = tx.outboxNotice.create(notice).commit();
  return { items: [commit], after: () => turnLater({ agencyId, noticeIds: [noticeId], notices: [notice] }) };
}

/** One notice into its emails; false if another run took it first. */
async function turn(notice: OutboxNoticeItem): Promise<boolean> {
  const contacts = await ContactStore.ofClient(notice.agencyId, notice.clientId);
  const prepared = await prepare(notice.agencyId, notice.kind as Notice, contacts, JSON.parse(notice.params) as Record<string, string>, notice.url);
  const key = { agencyId: notice.agencyId, noticeId: notice.noticeId };
  if (prepared.length > IN_ONE_TRANSACTION) {
    const result = await db.transaction.write(({ outboxNotice }) => [outboxNotice.delete(key).where((attr, op) => op.eq(attr.attempts, notice.attempts)).commit()]).go();
    if (failedConditions(result).length) return false;
    await Email.later(prepared);
    return true;
  }
  let after = () => Promise.resolve();
  const result = await db.transaction
    .write((tx) => {
      // Sent by this run once committed: the notice's delete makes it the only run that has them.
      const queued = Email.sentByThisRunIn(tx, prepared);
      after = queued.after;
      // Only the run that still finds the notice as it read it makes its emails.
      return [tx.outboxNotice.delete(key).where((attr, op) => op.eq(attr.attempts, notice.attempts)).commit(), ...queued.items];
    })
    .go();
  if (failedConditions(result).length) return false;
  await after();
  return true;
}

/** Every agency's notices still waiting whose next attempt is at or before `until`, oldest first (every shard of pendingNotices). */
export async function waiting(until: Date): Promise<OutboxNoticeItem[]> {
  const before = until.toISOString();
  return acrossShards(
    async (shard) => (await db.entities.outboxNotice.query.pendingNotices({ pending: "yes", shard }).lte({ nextAttemptAt: before }).go({ pages: "all" })).data,
    (a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.noticeId.localeCompare(b.noticeId),
  );
}

/** The outbox job: notices the worker has not turned into emails (it failed, or never ran), oldest first. */
export async function flush(now = new Date()): Promise<{ sent: number; failed: number }> {
  // A minute's grace: the worker normally turns a notice within moments of its commit.
  const due = await waiting(new Date(now.getTime() - 60_000));
  const outcome = { sent: 0, failed: 0 };
  for (const notice of due) {
    try {
      if (await turn(notice)) outcome.sent++;
    } catch (error) {
      outcome.failed++;
      Log.error("notify: a client notice could not be turned into emails; kept for the next run", error, { noticeId: notice.noticeId });
      await db.entities.outboxNotice
        .patch({ agencyId: notice.agencyId, noticeId: notice.noticeId })
        .set({ attempts: notice.attempts + 1, nextAttemptAt: new Date(now.getTime() + 2 ** Math.min(notice.attempts + 1, 6) * 60_000).toISOString() })
        .go()
        .catch(() => undefined);
    }
  }
  return outcome;
}
