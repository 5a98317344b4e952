import { db } from "../db/index.ts";
import { conditionalWrite } from "../db/transaction.ts";

// The outbox job reads waiting client notices from pendingNotices (gsi2) one shard at a time
// (db/shard.ts). A notice written before the shards has no `shard` and sits under the old
// unsharded key, where no shard's query finds it. This writes each such notice of an agency again
// whole (read with the agency's notice query, noticeById: a Query of its partition, never a Scan),
// which gives it its shard and its sharded index key; conditional on it being unchanged since it
// was read (one the worker turned or the job retried meanwhile is left alone). Run it again:
// nothing changes.

export async function backfillNoticeShards(agencyId: string): Promise<{ notices: number }> {
  const notices = await db.entities.outboxNotice.query.noticeById({ agencyId }).go({ pages: "all" });
  let count = 0;
  for (const notice of notices.data) {
    if (notice.shard) continue;
    const { shard: _none, ...item } = notice;
    const written = await conditionalWrite(
      db.entities.outboxNotice
        .put(item)
        .where((attr, op) => `${op.exists(attr.noticeId)} AND ${op.eq(attr.attempts, notice.attempts)}`)
        .go(),
    );
    if (written) count++;
  }
  return { notices: count };
}
