import { db } from "../db/index.ts";
import { acrossShards, shardOf } from "../db/shard.ts";
import { conditionalWrite } from "../db/transaction.ts";
import type { PageQuery } from "../fields/index.ts";
import type { WebhookDeliveryItem, WebhookEndpointItem, WebhookEventItem } from "./entity.ts";

// Every access pattern of the webhook area, named (packages/core/ACCESS_PATTERNS.md lists them).
// The job's two indexes across agencies (eventsToPrepare, dueDeliveries) are spread over 8 shards
// by the item's id (db/shard.ts) instead of one constant partition for every tenant; their key
// attribute moves (prepared no → yes; due yes ↔ no), so every write that moves it names the shard
// too (ElectroDB builds the key in an update only from what the update carries).

export const WebhookStore = {
  /** An agency's endpoints (a handful): the fan-out's and the settings page's one query. */
  async endpoints(agencyId: string): Promise<WebhookEndpointItem[]> {
    return (await db.entities.webhookEndpoint.query.endpointsOfAgency({ agencyId }).go({ pages: "all" })).data;
  },
  async endpoint(agencyId: string, endpointId: string, consistent = false): Promise<WebhookEndpointItem | null> {
    return (await db.entities.webhookEndpoint.get({ agencyId, endpointId }).go({ consistent })).data;
  },
  async createEndpoint(item: Parameters<typeof db.entities.webhookEndpoint.create>[0]): Promise<void> {
    await db.entities.webhookEndpoint.create(item).go();
  },
  /** A change from the version read; false when it changed (or is gone) since. */
  async patchEndpoint(agencyId: string, endpointId: string, version: number, set: Partial<Pick<WebhookEndpointItem, "url" | "description" | "events" | "status" | "failingSince" | "disabledAt">>, remove: ("failingSince" | "disabledAt")[] = []): Promise<boolean> {
    let update = db.entities.webhookEndpoint.patch({ agencyId, endpointId }).set({ ...set, version: version + 1 });
    if (remove.length) update = update.remove(remove);
    return conditionalWrite(update.where((attr, op) => op.eq(attr.version, version)).go());
  },
  async deleteEndpoint(agencyId: string, endpointId: string): Promise<boolean> {
    // False when it is gone already (deleted meanwhile): anything else is a failure to report, not a 404.
    return conditionalWrite(db.entities.webhookEndpoint.delete({ agencyId, endpointId }).where((attr, op) => op.exists(attr.endpointId)).go());
  },

  /** Writes a new event; false if it was written before (the same id: a retried job). */
  async recordEvent(item: NewWebhookEvent): Promise<boolean> {
    return conditionalWrite(db.entities.webhookEvent.create(item).go());
  },
  /** Writes a new event already prepared, with its deliveries, in one write; false if it was written before (a retried job). */
  async recordPrepared(event: NewWebhookEvent, payload: string, deliveries: Parameters<typeof db.entities.webhookDelivery.create>[0][]): Promise<boolean> {
    const item = { ...event, prepared: "yes" as const, payload };
    if (!deliveries.length) return WebhookStore.recordEvent(item);
    const result = await db.transaction.write(({ webhookEvent, webhookDelivery }) => [webhookEvent.create(item).commit(), ...deliveries.map((delivery) => webhookDelivery.create(delivery).commit())]).go();
    if (!result.canceled) return true;
    // Only the event's own condition means "written before"; cancelled for another reason (a
    // conflict), nothing was written: thrown, so the job is tried again rather than the event lost.
    if (result.data[0]?.code === "ConditionalCheckFailed") return false;
    throw new Error(`webhook: event ${event.eventId} not written (${result.data.map((op) => op.code).join(", ")})`);
  },
  async events(agencyId: string, eventIds: readonly string[]): Promise<WebhookEventItem[]> {
    if (!eventIds.length) return [];
    return (await db.entities.webhookEvent.get(eventIds.map((eventId) => ({ agencyId, eventId }))).go({ consistent: true })).data;
  },
  /** Events recorded before `before` whose deliveries were never made (the job's catch-up). */
  async eventsToPrepare(before: string): Promise<WebhookEventItem[]> {
    const events = await acrossShards(async (shard) => (await db.entities.webhookEvent.query.eventsToPrepare({ prepared: "no", shard }).go({ pages: "all" })).data, byEventId);
    return events.filter((event) => event.at <= before);
  },
  /** The poll list: one type's prepared events, newest first. */
  async eventsOfType(agencyId: string, type: string, page: PageQuery): Promise<{ data: WebhookEventItem[]; cursor: string | null }> {
    return db.entities.webhookEvent.query
      .eventsOfType({ agencyId, type })
      .where((attr, op) => op.eq(attr.prepared, "yes"))
      .go({ order: "desc", limit: page.limit, cursor: page.cursor ?? null });
  },
  /** A client's events of the last 30 days (the client-data export and erase): each type's list, filtered to the client. */
  async eventsOfClient(agencyId: string, clientId: string, types: readonly string[]): Promise<WebhookEventItem[]> {
    const lists = await Promise.all(
      types.map(async (type) => (await db.entities.webhookEvent.query.eventsOfType({ agencyId, type }).where((attr, op) => op.eq(attr.clientId, clientId)).go({ pages: "all" })).data),
    );
    return lists.flat();
  },
  /** Marks an event prepared (once: of two jobs, one wins) and makes its deliveries, in one transaction. */
  async prepareEvent(event: WebhookEventItem, payload: string, deliveries: Parameters<typeof db.entities.webhookDelivery.create>[0][]): Promise<boolean> {
    const result = await db.transaction
      .write(({ webhookEvent, webhookDelivery }) => [
        webhookEvent
          .patch({ agencyId: event.agencyId, eventId: event.eventId })
          .set({ prepared: "yes", payload, shard: shardOf(event.eventId) })
          .where((attr, op) => op.eq(attr.prepared, "no"))
          .commit(),
        ...deliveries.map((delivery) => webhookDelivery.create(delivery).commit()),
      ])
      .go();
    return !result.canceled;
  },

  /** An endpoint's delivery log, newest first. */
  async deliveriesOfEndpoint(agencyId: string, endpointId: string, page: PageQuery): Promise<{ data: WebhookDeliveryItem[]; cursor: string | null }> {
    return db.entities.webhookDelivery.query.deliveriesOfEndpoint({ agencyId, endpointId }).go({ order: "desc", limit: page.limit, cursor: page.cursor ?? null });
  },
  async delivery(agencyId: string, endpointId: string, deliveryId: string): Promise<WebhookDeliveryItem | null> {
    return (await db.entities.webhookDelivery.get({ agencyId, endpointId, deliveryId }).go({ consistent: true })).data;
  },
  async deliveries(keys: { agencyId: string; endpointId: string; deliveryId: string }[]): Promise<WebhookDeliveryItem[]> {
    if (!keys.length) return [];
    return (await db.entities.webhookDelivery.get(keys).go({ consistent: true })).data;
  },
  /** Whether an earlier delivery about the same resource to the same endpoint still waits (it goes first). */
  async earlierPending(item: WebhookDeliveryItem): Promise<boolean> {
    const result = await db.entities.webhookDelivery.query
      .deliveriesOfResource({ agencyId: item.agencyId, endpointId: item.endpointId, resourceId: item.resourceId })
      .lt({ deliveryId: item.deliveryId })
      .where((attr, op) => op.eq(attr.status, "pending"))
      .go({ pages: "all" });
    return result.data.length > 0;
  },
  /** Deliveries with an attempt due by `now`, across agencies, soonest first (the job's query). */
  async dueDeliveries(now: string): Promise<WebhookDeliveryItem[]> {
    return acrossShards(async (shard) => (await db.entities.webhookDelivery.query.dueDeliveries({ due: "yes", shard }).lte({ nextAttemptAt: now }).go({ pages: "all" })).data, bySoonest);
  },
  /** Takes this attempt: only the run that moves `attempts` on from what it read sends. */
  async claimDelivery(item: WebhookDeliveryItem, nextAttemptAt: string): Promise<boolean> {
    // False when another run took this attempt: anything else is thrown, and the job tries again.
    return conditionalWrite(
      db.entities.webhookDelivery
        .patch({ agencyId: item.agencyId, endpointId: item.endpointId, deliveryId: item.deliveryId })
        .set({ attempts: item.attempts + 1, due: "yes", shard: shardOf(item.deliveryId), nextAttemptAt })
        .where((attr, op) => `${op.eq(attr.attempts, item.attempts)} AND ${op.eq(attr.due, "yes")}`)
        .go(),
    );
  },
  /** After an attempt: its line in the log, and what comes next. */
  async settleDelivery(item: WebhookDeliveryItem, entry: WebhookDeliveryItem["log"][number], next: { status: WebhookDeliveryItem["status"]; nextAttemptAt: string }): Promise<void> {
    await db.entities.webhookDelivery
      .patch({ agencyId: item.agencyId, endpointId: item.endpointId, deliveryId: item.deliveryId })
      .append({ log: [entry] })
      .set({ status: next.status, due: next.status === "pending" ? "yes" : "no", shard: shardOf(item.deliveryId), nextAttemptAt: next.nextAttemptAt })
      .go();
  },
  /** Redelivery: due again now, with a new day of retries; the log keeps the earlier attempts. */
  async redue(item: WebhookDeliveryItem, now: string, giveUpAt: string): Promise<void> {
    await db.entities.webhookDelivery
      .patch({ agencyId: item.agencyId, endpointId: item.endpointId, deliveryId: item.deliveryId })
      .set({ status: "pending", due: "yes", shard: shardOf(item.deliveryId), nextAttemptAt: now, giveUpAt })
      .go();
  },
};

/** A webhook event as written (before it is read back). */
export type NewWebhookEvent = Parameters<typeof db.entities.webhookEvent.create>[0];

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** eventsToPrepare's order: by id (time-ordered), oldest first. */
const byEventId = (a: WebhookEventItem, b: WebhookEventItem) => compare(a.eventId, b.eventId);
/** dueDeliveries' order: soonest attempt first, then by id. */
const bySoonest = (a: WebhookDeliveryItem, b: WebhookDeliveryItem) => compare(a.nextAttemptAt, b.nextAttemptAt) || compare(a.deliveryId, b.deliveryId);
