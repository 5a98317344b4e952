import { randomUUID } from "node:crypto";
import { db, type TransactionEntities } from "../db/index.ts";
import { acrossShards, inUnshardedPartition, shardOf } from "../db/shard.ts";
import { conditionalWrite, isConditionalFailure } from "../db/transaction.ts";
import type { RenderedEmail } from "./layout.ts";
import type { OutboxEmailItem } from "./outbox-entity.ts";
import { Log } from "../log/index.ts";
import { Metrics } from "../metrics/index.ts";

// When SES can't take an email (down, throttling), it waits here instead of being lost; the
// scheduled job sends it later with growing pauses, each attempt claimed by a conditional write
// so two runs never send it twice. After MAX_ATTEMPTS it is given up (and logged).
//
// The job's index of waiting emails (pendingEmails) is spread over 8 shards by the email's id
// (db/shard.ts) instead of one `pending = yes` partition for every tenant; every write that moves
// `pending` names the shard too. An email written before the shards (or by an older version of the
// code still running during a deploy) sits under the old unsharded key. Emails are not inside an
// agency's keys (sign-in links go out before anyone is known), so no per-agency backfill can find
// them; instead the job also reads that old partition (one more Query per run, in the job only,
// never in a request path; an empty partition costs one read) and merges what it holds with the
// shards. Its first attempt's claim rewrites the email's key with its shard, so the old partition
// empties by itself as its emails fall due; no backfill script is needed.

export const MAX_ATTEMPTS = 8;
/** Minutes to wait before each retry: 1, 2, 4 … 64. */
const backoffMinutes = (attempts: number) => 2 ** Math.min(attempts, 6);

export async function queue(to: string, email: RenderedEmail, error: unknown, now = new Date()): Promise<void> {
  // A send that failed now: retried by the outbox job a minute on, with why it failed.
  const record = outboxRecord(randomUUID(), to, email, now);
  await db.entities.outboxEmail.create({ ...record, nextAttemptAt: new Date(now.getTime() + 60_000).toISOString(), lastError: describe(error) }).go();
}

/**
 * Keeps an email to be sent after the change that caused it is saved and answered: due at once,
 * sent by `deliverQueued` right after the response (or by the outbox job if that never happens).
 */
export async function enqueue(to: string, email: RenderedEmail, now = new Date()): Promise<string> {
  const emailId = randomUUID();
  await db.entities.outboxEmail.create(outboxRecord(emailId, to, email, now)).go();
  return emailId;
}

/** The outbox item for `email`, as part of the transaction of the change that causes it (no write of its own). */
export function enqueueItem(tx: Pick<TransactionEntities, "outboxEmail">, to: string, email: RenderedEmail, now = new Date()) {
  const emailId = randomUUID();
  return { emailId, commit: tx.outboxEmail.create(outboxRecord(emailId, to, email, now)).commit() };
}

function outboxRecord(emailId: string, to: string, email: RenderedEmail, now: Date) {
  return {
    emailId,
    to,
    subject: email.subject,
    html: email.html,
    text: email.text,
    ...(email.fromName ? { fromName: email.fromName } : {}),
    ...(email.replyTo ? { replyTo: email.replyTo } : {}),
    ...(email.attachments?.length ? { attachments: email.attachments } : {}),
    queuedAt: now.toISOString(),
    nextAttemptAt: now.toISOString(),
    pending: "yes" as const,
  };
}

/** How an email leaves the outbox: SES, and which of some addresses must not be mailed (they bounced or complained). */
export type Sender = {
  deliver: (to: string, email: RenderedEmail) => Promise<void>;
  undeliverableAmong: (addresses: readonly string[]) => Promise<ReadonlySet<string>>;
};

/**
 * Sends the queued emails named, if still waiting (the outbox job may have sent one already).
 * Each is claimed by the write that reads it (no read before it), the addresses are checked in
 * one read, and the sent ones leave the outbox in one write.
 */
export async function deliverQueued(emailIds: readonly string[], sender: Sender, now = new Date()): Promise<void> {
  const claimed = (await Promise.all(emailIds.map((emailId) => claimQueued(emailId, now)))).filter((item): item is OutboxEmailItem => item !== null);
  const results = await sendClaimed(claimed, sender, now, true);
  // As when a send in the request failed: SES refused it, and it waits in the outbox.
  for (const result of results) if (result === "waiting") Metrics.count(Metrics.Names.emailsQueued);
}

/**
 * Outbox items for `messages` that this run has claimed as it writes them (their first attempt
 * taken, the next one due after the usual pause), for a transaction whose run sends them itself
 * right after it commits (`sendClaimed`): no other run knows them before that pause, so no claim
 * of their own is needed. For work that runs once per change (a notice turned into emails), never
 * for a request's emails, which a separate job sends (it may run twice: it claims).
 */
export function claimedItems(tx: Pick<TransactionEntities, "outboxEmail">, messages: ReadonlyArray<{ to: string; email: RenderedEmail }>, now = new Date()) {
  const records = messages.map(({ to, email }) => {
    const emailId = randomUUID();
    return { ...outboxRecord(emailId, to, email, now), shard: shardOf(emailId), attempts: 1, nextAttemptAt: new Date(now.getTime() + backoffMinutes(1) * 60_000).toISOString() };
  });
  return { items: records.map((record) => tx.outboxEmail.create(record).commit()), records: records as OutboxEmailItem[] };
}

/**
 * Every email waiting whose next attempt is due by `until`, soonest first (then by id), as the
 * one-partition query listed them: every shard of pendingEmails at once, and the old unsharded
 * partition's emails (see the top of this file).
 */
export async function waiting(until: Date): Promise<OutboxEmailItem[]> {
  const due = (shard: string) => db.entities.outboxEmail.query.pendingEmails({ pending: "yes", shard }).lte({ nextAttemptAt: until.toISOString() });
  const [sharded, unsharded] = await Promise.all([
    acrossShards(async (shard) => (await due(shard).go({ pages: "all" })).data, bySoonest),
    inUnshardedPartition<OutboxEmailItem>(db.entities.outboxEmail as never, due("0").params()),
  ]);
  // An old email claimed between the two reads could show in both: once, as the later read saw it.
  const once = new Map<string, OutboxEmailItem>();
  for (const item of [...unsharded, ...sharded]) if (!once.has(item.emailId) || once.get(item.emailId)!.attempts < item.attempts) once.set(item.emailId, item);
  return [...once.values()].sort(bySoonest);
}

const bySoonest = (a: OutboxEmailItem, b: OutboxEmailItem) => (a.nextAttemptAt < b.nextAttemptAt ? -1 : a.nextAttemptAt > b.nextAttemptAt ? 1 : a.emailId < b.emailId ? -1 : a.emailId > b.emailId ? 1 : 0);

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 500);

/** Sends every queued email that is due, one at a time. Safe to run twice at once. */
export async function flush(
  sender: Sender,
  now = new Date(),
): Promise<{ sent: number; failed: number; waiting: number; oldestWaitingSeconds: number }> {
  const due = await waiting(now);
  const outcome = { sent: 0, failed: 0, waiting: 0, oldestWaitingSeconds: 0 };
  for (const item of due) {
    let result: Awaited<ReturnType<typeof attempt>>;
    try {
      result = await attempt(item, sender, now);
    } catch (error) {
      // A write about it failed (its claim, its removal: a throttle): it stays in the outbox, due again after its pause.
      Log.error("email: an outbox attempt failed; the email stays in the outbox", error, { emailId: item.emailId });
      result = "waiting";
    }
    if (result === "sent") outcome.sent++;
    if (result === "failed") outcome.failed++;
    if (result === "waiting") {
      outcome.waiting++;
      outcome.oldestWaitingSeconds = Math.max(outcome.oldestWaitingSeconds, Math.round((now.getTime() - Date.parse(item.queuedAt)) / 1000));
    }
  }
  // The backlog alarm's input: how long the oldest email that is still waiting has waited (0
  // when nothing failed again). Read from this run's due emails, so it costs no extra query.
  Metrics.put(Metrics.Names.outboxOldestAgeSeconds, outcome.oldestWaitingSeconds, { unit: "Seconds" });
  Metrics.put(Metrics.Names.outboxPending, outcome.waiting);
  return outcome;
}

/** One attempt at one email: claimed first, so of two runs at once only one sends it. */
async function attempt(item: OutboxEmailItem, sender: Sender, now: Date): Promise<"sent" | "failed" | "waiting" | "taken"> {
  if (!(await claim(item, now))) return "taken";
  const [result] = await sendClaimed([{ ...item, attempts: item.attempts + 1 }], sender, now);
  return result!;
}

/**
 * Sends emails this run has claimed (`attempts` counts this attempt): those to an address that
 * must not be mailed are dropped, the sent ones removed from the outbox in one write, each failed
 * one kept for its next attempt (or given up after MAX_ATTEMPTS).
 */
export async function sendClaimed(items: readonly OutboxEmailItem[], sender: Sender, now: Date, logWaiting = false): Promise<Array<"sent" | "failed" | "waiting">> {
  if (!items.length) return [];
  const undeliverable = await sender.undeliverableAmong([...new Set(items.map((item) => item.to))]);
  const results = await Promise.all(
    items.map(async (item): Promise<"sent" | "failed" | "waiting" | "suppressed"> => {
      if (undeliverable.has(item.to)) {
        Metrics.count(Metrics.Names.emailsSuppressed);
        return "suppressed";
      }
      try {
        await sender.deliver(item.to, { subject: item.subject, html: item.html, text: item.text, ...(item.fromName ? { fromName: item.fromName } : {}), ...(item.replyTo ? { replyTo: item.replyTo } : {}), ...(item.attachments?.length ? { attachments: item.attachments } : {}) });
        return "sent";
      } catch (error) {
        // Kept for its next attempt; if even that write fails, its claim's pause runs out and the job tries it again.
        return keepForLater(item, error, now, logWaiting).catch((keepError: unknown) => {
          Log.error("email: a failed send could not be rescheduled; the outbox job retries it after its pause", keepError, { emailId: item.emailId });
          return "waiting" as const;
        });
      }
    }),
  );
  // Sent or dropped: out of the outbox. If this write fails, the claim's pause runs out and the job sends again (at least once, as ever).
  const done = items.filter((_, i) => results[i] === "sent" || results[i] === "suppressed");
  if (done.length) await removeAll(done.map((item) => item.emailId));
  return results.map((result) => (result === "suppressed" ? "sent" : result));
}

/** A failed attempt (`item.attempts` counts it): due again after a growing pause, or given up. */
async function keepForLater(item: OutboxEmailItem, error: unknown, now: Date, logWaiting: boolean): Promise<"failed" | "waiting"> {
  const attempts = item.attempts;
  const givenUp = attempts >= MAX_ATTEMPTS;
  await db.entities.outboxEmail
    .patch({ emailId: item.emailId })
    .set({
      pending: givenUp ? "no" : "yes",
      shard: shardOf(item.emailId),
      nextAttemptAt: new Date(now.getTime() + backoffMinutes(attempts) * 60_000).toISOString(),
      lastError: describe(error),
      ...(givenUp ? { expiresAt: Math.floor(now.getTime() / 1000) + 30 * 86_400 } : {}),
    })
    .go();
  if (givenUp) {
    Log.error("email: gave up on an email", error, { emailId: item.emailId, attempts });
    Metrics.count(Metrics.Names.emailsFailed);
    return "failed";
  }
  if (logWaiting) Log.error("email: SES send failed; keeping it in the outbox", error, { emailId: item.emailId });
  return "waiting";
}

/** Removes sent emails, 25 a write; what DynamoDB leaves unprocessed is removed one by one. */
async function removeAll(emailIds: readonly string[]): Promise<void> {
  const result = await db.entities.outboxEmail.delete(emailIds.map((emailId) => ({ emailId }))).go();
  for (const key of result.unprocessed ?? []) await db.entities.outboxEmail.delete({ emailId: (key as { emailId: string }).emailId }).go();
}

/**
 * Claims an email a request queued, as it was queued (no attempt yet), and answers it as claimed;
 * null if another run has it. Any other failure is thrown: the email stays due for the outbox job.
 */
async function claimQueued(emailId: string, now: Date): Promise<OutboxEmailItem | null> {
  try {
    const claimed = await db.entities.outboxEmail
      .patch({ emailId })
      .set({ attempts: 1, pending: "yes", shard: shardOf(emailId), nextAttemptAt: new Date(now.getTime() + backoffMinutes(1) * 60_000).toISOString() })
      .where((attr, op) => `${op.eq(attr.attempts, 0)} AND ${op.eq(attr.pending, "yes")}`)
      .go({ response: "all_new" });
    return claimed.data as OutboxEmailItem;
  } catch (error) {
    if (isConditionalFailure(error)) return null;
    throw error;
  }
}

/** Takes this attempt: only the run that moves `attempts` on from what it read sends (any other failure is thrown). */
function claim(item: OutboxEmailItem, now: Date): Promise<boolean> {
  return conditionalWrite(
    db.entities.outboxEmail
      .patch({ emailId: item.emailId })
      .set({ attempts: item.attempts + 1, pending: "yes", shard: shardOf(item.emailId), nextAttemptAt: new Date(now.getTime() + backoffMinutes(item.attempts + 1) * 60_000).toISOString() })
      .where((attr, op) => `${op.eq(attr.attempts, item.attempts)} AND ${op.eq(attr.pending, "yes")}`)
      .go(),
  );
}
