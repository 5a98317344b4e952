import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@baton/core/db";
import { SHARDS, shardOf } from "@baton/core/db/shard";
import { backfillNoticeShards } from "@baton/core/notify/backfill";
import { Notices } from "@baton/core/notify/notice";
import { createAgency } from "../support/fixtures.ts";

// The outbox job's index of waiting client notices (pendingNotices) is spread over SHARDS
// partitions by the notice's id instead of one `pending = yes` partition for every tenant. The job
// reads every shard and merges: it must see exactly what one partition showed, in the same order.

let agencyId: string;
const minutes = (n: number) => new Date(Date.UTC(2031, 0, 1, 12, n)).toISOString();
// Another writer of the same table (an old version of the code): no shard, the old index key.
const elsewhere = DynamoDBDocumentClient.from(
  new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } }),
);

/** Ids that land three in each shard. */
function idsAcrossShards(prefix: string): string[] {
  const perShard = new Map<string, string[]>();
  for (let i = 0; [...perShard.values()].filter((ids) => ids.length >= 3).length < SHARDS; i++) {
    const id = `${prefix}-${i}`;
    const ids = perShard.get(shardOf(id)) ?? [];
    if (ids.length < 3) perShard.set(shardOf(id), [...ids, id]);
  }
  return [...perShard.values()].flat();
}

const ours = <T extends { agencyId: string }>(notices: T[]) => notices.filter((n) => n.agencyId === agencyId);
const notice = (noticeId: string, at: string) => ({ agencyId, noticeId, kind: "readyForApproval", clientId: "cli_nobody", params: "{}", url: "https://portal.example/x", queuedAt: at, nextAttemptAt: at });

beforeAll(async () => {
  agencyId = (await createAgency("Shard Agency")).agencyId;
});

describe("the outbox job's sharded index of waiting notices", () => {
  it("reads every shard: exactly the notices due, oldest first, as one partition did", async () => {
    const ids = idsAcrossShards(`n-${Date.now()}`);
    // Due times shuffled against the ids, so the merge (not each shard's order) decides the order.
    const written = ids.map((id, i) => notice(id, minutes((i * 7) % ids.length)));
    for (const item of written) await db.entities.outboxNotice.create(item).go();
    const stored = await db.entities.outboxNotice.query.noticeById({ agencyId }).go({ pages: "all" });
    expect(new Set(stored.data.map((n) => n.shard))).toEqual(new Set(Array.from({ length: SHARDS }, (_, i) => String(i))));
    expect(stored.data.every((n) => n.shard === shardOf(n.noticeId))).toBe(true);

    const byDue = (a: { nextAttemptAt: string; noticeId: string }, b: { nextAttemptAt: string; noticeId: string }) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.noticeId.localeCompare(b.noticeId);
    const cut = minutes(11);
    // As the one-partition query did (ElectroDB's lte on a partial sort key): due strictly before the cut.
    const expected = written.filter((n) => n.nextAttemptAt < cut).sort(byDue).map((n) => n.noticeId);
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.length).toBeLessThan(written.length);
    expect(ours(await Notices.waiting(new Date(cut))).map((n) => n.noticeId)).toEqual(expected);
    expect(ours(await Notices.waiting(new Date("9999-12-31"))).map((n) => n.noticeId)).toEqual([...written].sort(byDue).map((n) => n.noticeId));

    // The job turns the due ones (this client has nobody to email) and leaves the rest.
    await Notices.flush(new Date(Date.parse(cut) + 60_000));
    expect(ours(await Notices.waiting(new Date("9999-12-31"))).map((n) => n.noticeId)).toEqual(written.filter((n) => n.nextAttemptAt >= cut).sort(byDue).map((n) => n.noticeId));
  });

  it("a notice written before the shards is missed until the backfill moves it to its shard, once", async () => {
    const noticeId = `old-${Date.now()}`;
    const { Item } = db.entities.outboxNotice.put(notice(noticeId, minutes(1))).params() as { Item: Record<string, unknown> };
    delete Item.shard;
    await elsewhere.send(new PutCommand({ TableName: process.env.BATON_TABLE_NAME, Item: { ...Item, gsi2pk: "$baton#pending_yes" } }));
    const found = async () => ours(await Notices.waiting(new Date("9999-12-31"))).filter((n) => n.noticeId === noticeId);
    expect(await found()).toEqual([]);

    expect(await backfillNoticeShards(agencyId)).toEqual({ notices: 1 });
    expect((await found()).map((n) => [n.noticeId, n.shard, n.attempts])).toEqual([[noticeId, shardOf(noticeId), 0]]);
    expect(await backfillNoticeShards(agencyId)).toEqual({ notices: 0 });
  });
});
