import { forEveryAgency } from "./every-agency.ts";

// Gives every agency's items that sit in a job's index from before it was sharded
// (packages/core/src/db/shard.ts) their shard and sharded index key, so the job finds them; once,
// after the deploy that shards them. Safe to run again. Usage (AWS credentials in the shell):
//   npm run backfill-index-shards -- --table <TableName output>
// Covers the reminder job's invoices owing money (openInvoices) and the webhook job's events to
// prepare and deliveries due (eventsToPrepare, dueDeliveries). The outbox's waiting emails need no
// backfill: the outbox job drains the old partition itself (email/outbox.ts).
await forEveryAgency(import.meta.filename, async (agencyId) => {
  const { backfillInvoiceShards } = await import("@baton/core/invoice/backfill");
  const { backfillWebhookShards } = await import("@baton/core/webhook/backfill");
  const { invoices } = await backfillInvoiceShards(agencyId);
  const { events, deliveries } = await backfillWebhookShards(agencyId);
  return `moved to their shard: ${invoices} owing invoices, ${events} webhook events to prepare, ${deliveries} webhook deliveries due`;
});
