import { forEveryAgency } from "./every-agency.ts";

// Gives every agency's waiting client notices written before the outbox job's index was sharded
// (packages/core/src/db/shard.ts) their shard and sharded index key, so the job finds them; once,
// after the deploy that shards it. Safe to run again. Usage (AWS credentials in the shell):
//   npm run backfill-notice-shards -- --table <TableName output>
await forEveryAgency(import.meta.filename, async (agencyId) => {
  const { backfillNoticeShards } = await import("@baton/core/notify/backfill");
  const { notices } = await backfillNoticeShards(agencyId);
  return `${notices} waiting notices moved to their shard`;
});
