import { db } from "../db/index.ts";
import { shardOf } from "../db/shard.ts";
import { conditionalWrite } from "../db/transaction.ts";

// The webhook job reads events still to prepare (eventsToPrepare) and deliveries with an attempt
// due (dueDeliveries) from gsi2, one shard at a time (store.ts). One written before the shards has
// no `shard` and sits under the old unsharded key, where no shard's query finds it: an event never
// prepared, a retry never made. This reads the agency's events and deliveries with its own
// partition queries (eventById, deliveriesOfEndpoint: Queries, never a Scan, filtered to those
// still waiting) and writes each one without a shard its waiting state again with its shard,
// which gives it the sharded key; conditional on it being as read (an event prepared or a delivery
// attempted meanwhile is left to what that wrote). Run it again: nothing changes.

export async function backfillWebhookShards(agencyId: string): Promise<{ events: number; deliveries: number }> {
  const counts = { events: 0, deliveries: 0 };
  const events = await db.entities.webhookEvent.query.eventById({ agencyId }).where((attr, op) => op.eq(attr.prepared, "no")).go({ pages: "all" });
  for (const event of events.data) {
    if (event.shard) continue;
    const written = await conditionalWrite(
      db.entities.webhookEvent
        .patch({ agencyId, eventId: event.eventId })
        .set({ prepared: "no", shard: shardOf(event.eventId) })
        .where((attr, op) => `${op.eq(attr.prepared, "no")} AND ${op.notExists(attr.shard)}`)
        .go(),
    );
    if (written) counts.events++;
  }
  const deliveries = await db.entities.webhookDelivery.query.deliveriesOfEndpoint({ agencyId }).where((attr, op) => op.eq(attr.due, "yes")).go({ pages: "all" });
  for (const delivery of deliveries.data) {
    if (delivery.shard) continue;
    const written = await conditionalWrite(
      db.entities.webhookDelivery
        .patch({ agencyId, endpointId: delivery.endpointId, deliveryId: delivery.deliveryId })
        .set({ due: "yes", shard: shardOf(delivery.deliveryId), nextAttemptAt: delivery.nextAttemptAt })
        .where((attr, op) => `${op.eq(attr.due, "yes")} AND ${op.eq(attr.attempts, delivery.attempts)} AND ${op.notExists(attr.shard)}`)
        .go(),
    );
    if (written) counts.deliveries++;
  }
  return counts;
}
