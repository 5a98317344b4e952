import { randomUUID } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@baton/core/db";
import { inUnshardedPartition, SHARDS, shardOf } from "@baton/core/db/shard";
import { Email } from "@baton/core/email";
import { emailsTo } from "@baton/local/mailbox";
import { freePort } from "@baton/local/stand-ins";

// The outbox job's index of waiting emails (pendingEmails) is spread over SHARDS partitions by the
// email's id instead of one `pending = yes` partition for every tenant. `pending` moves on every
// attempt, so each write names the shard. The job reads every shard and merges: exactly what one
// partition showed, in the same order. Emails have no agency to backfill by, so the job also
// drains the old unsharded partition: an email written there is still sent, exactly once.

// Another writer of the same table (an old version of the code): no shard, the old index key.
const elsewhere = DynamoDBDocumentClient.from(
  new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } }),
);
const sesUp = process.env.SES_ENDPOINT;
let sesDown: string;
const at = (minute: number) => new Date(Date.UTC(2031, 0, 1, 12, minute)).toISOString();
const email = (emailId: string, to: string, nextAttemptAt: string) => ({ emailId, to, subject: `Shard ${emailId}`, html: "<p>Hi</p>", text: "Hi\n", queuedAt: nextAttemptAt, nextAttemptAt, pending: "yes" as const });
const waitingTo = async (to: string, until = new Date("9999-12-31")) => (await Email.waitingEmails(until)).filter((e) => e.to === to);

beforeAll(async () => {
  sesDown = `http://127.0.0.1:${await freePort()}`;
});
afterAll(() => {
  process.env.SES_ENDPOINT = sesUp;
});

/** Ids that land three in each shard. */
function idsAcrossShards(): string[] {
  const perShard = new Map<string, string[]>();
  while ([...perShard.values()].filter((ids) => ids.length >= 3).length < SHARDS) {
    const id = randomUUID();
    const ids = perShard.get(shardOf(id)) ?? [];
    if (ids.length < 3) perShard.set(shardOf(id), [...ids, id]);
  }
  return [...perShard.values()].flat();
}

/** `item` as an older version of the code wrote it: no shard, under the old one-partition key. */
async function putBeforeTheShards(item: ReturnType<typeof email>) {
  const { Item } = db.entities.outboxEmail.put(item).params() as { Item: Record<string, unknown> };
  delete Item.shard;
  await elsewhere.send(new PutCommand({ TableName: process.env.BATON_TABLE_NAME, Item: { ...Item, gsi2pk: "$baton#pending_yes" } }));
}

describe("the outbox job's sharded index of waiting emails", () => {
  it("reads every shard and the old partition: exactly the emails due, soonest first, as one partition did", async () => {
    const to = `shards-${Date.now()}@example.com`;
    const ids = idsAcrossShards();
    // Due times shuffled against the ids, so the merge (not each shard's order) decides the order; one under the old key.
    const written = ids.map((id, i) => email(id, to, at((i * 7) % ids.length)));
    const [old, ...rest] = written;
    for (const item of rest) await db.entities.outboxEmail.create(item).go();
    await putBeforeTheShards(old!);
    const all = await waitingTo(to);
    expect(new Set(all.map((e) => e.shard))).toEqual(new Set([...Array.from({ length: SHARDS }, (_, i) => String(i)), undefined]));
    expect(all.filter((e) => e.emailId !== old!.emailId).every((e) => e.shard === shardOf(e.emailId))).toBe(true);

    const bySoonest = (a: { nextAttemptAt: string; emailId: string }, b: { nextAttemptAt: string; emailId: string }) => (a.nextAttemptAt < b.nextAttemptAt ? -1 : a.nextAttemptAt > b.nextAttemptAt ? 1 : a.emailId < b.emailId ? -1 : 1);
    const cut = at(11);
    // As the one-partition query did (ElectroDB's lte on a partial sort key): due strictly before the cut.
    const expected = written.filter((e) => e.nextAttemptAt < cut).sort(bySoonest).map((e) => e.emailId);
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.length).toBeLessThan(written.length);
    expect((await waitingTo(to, new Date(cut))).map((e) => e.emailId)).toEqual(expected);
    expect(all.map((e) => e.emailId)).toEqual([...written].sort(bySoonest).map((e) => e.emailId));

    for (const item of written) await db.entities.outboxEmail.delete({ emailId: item.emailId }).go();
    expect(await waitingTo(to)).toEqual([]);
  });

  it("an email written under the old key is sent exactly once, moving to its shard on its first attempt", async () => {
    const to = `old-outbox-${Date.now()}@example.com`;
    const item = email(randomUUID(), to, new Date(Date.now() - 60_000).toISOString());
    await putBeforeTheShards(item);
    const fromOld = () => inUnshardedPartition(db.entities.outboxEmail as never, db.entities.outboxEmail.query.pendingEmails({ pending: "yes", shard: "0" }).lte({ nextAttemptAt: "9999" }).params()) as Promise<{ emailId: string }[]>;
    expect((await fromOld()).map((e) => e.emailId)).toContain(item.emailId);
    expect((await waitingTo(to)).map((e) => [e.emailId, e.shard])).toEqual([[item.emailId, undefined]]);

    // SES down at the first attempt: it waits, now under its shard, not the old key.
    process.env.SES_ENDPOINT = sesDown;
    await Email.flushOutbox(new Date());
    expect((await fromOld()).map((e) => e.emailId)).not.toContain(item.emailId);
    expect((await waitingTo(to)).map((e) => [e.emailId, e.shard, e.attempts])).toEqual([[item.emailId, shardOf(item.emailId), 1]]);

    // Back: two runs at once send it exactly once.
    process.env.SES_ENDPOINT = sesUp;
    const later = new Date(Date.now() + 3 * 60_000);
    await Promise.all([Email.flushOutbox(later), Email.flushOutbox(later)]);
    expect((await emailsTo(inject("sesEndpoint"), to)).map((e) => e.subject)).toEqual([item.subject]);
    expect(await waitingTo(to)).toEqual([]);
    await Email.flushOutbox(new Date(Date.now() + 60 * 60_000));
    expect(await emailsTo(inject("sesEndpoint"), to)).toHaveLength(1);
  });

  it("an old email due at once is sent by the next run, once", async () => {
    const to = `old-due-${Date.now()}@example.com`;
    const item = email(randomUUID(), to, new Date(Date.now() - 60_000).toISOString());
    await putBeforeTheShards(item);
    await Promise.all([Email.flushOutbox(new Date()), Email.flushOutbox(new Date())]);
    expect((await emailsTo(inject("sesEndpoint"), to)).map((e) => e.subject)).toEqual([item.subject]);
    expect(await waitingTo(to)).toEqual([]);
  });
});
