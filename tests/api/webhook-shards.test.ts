import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@baton/core/db";
import { SHARDS, shardOf } from "@baton/core/db/shard";
import { createId } from "@baton/core/id";
import { Webhooks } from "@baton/core/webhook";
import { backfillWebhookShards } from "@baton/core/webhook/backfill";
import { WebhookStore } from "@baton/core/webhook/store";
import { createAgency } from "../support/fixtures.ts";

// The webhook job's two indexes across agencies (events still to prepare, deliveries with an
// attempt due) are spread over SHARDS partitions by the item's id instead of one constant
// partition. `prepared` and `due` move on update, so every write that moves them names the shard.
// The job reads every shard and merges: exactly what one partition showed, in the same order.

let agencyId: string;
// Another writer of the same table (an old version of the code): no shard, the old index key.
const elsewhere = DynamoDBDocumentClient.from(
  new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } }),
);
const at = (minute: number) => new Date(Date.UTC(2031, 0, 1, 12, minute)).toISOString();
const FOREVER = "9999-12-31";
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

beforeAll(async () => {
  agencyId = (await createAgency("Webhook Shards Agency")).agencyId;
});

/** `count` ids of `kind` until every shard holds three. */
function idsAcrossShards(kind: "webhookEvent" | "webhookDelivery"): string[] {
  const ids: string[] = [];
  const perShard = new Map<string, number>();
  while ([...perShard.values()].filter((n) => n >= 3).length < SHARDS) {
    const id = createId(kind);
    ids.push(id);
    perShard.set(shardOf(id), (perShard.get(shardOf(id)) ?? 0) + 1);
  }
  return ids;
}

const event = (eventId: string, when: string) => ({ agencyId, eventId, type: "request.submitted", resourceKind: "request", resourceId: "req_none", snapshot: "{}", at: when, prepared: "no" as const, expiresAt: Math.floor(Date.now() / 1000) + 86_400 });
// An endpoint that does not exist: an attempt fails at once ("The endpoint was deleted.") without a network call.
const delivery = (deliveryId: string, nextAttemptAt: string) => ({
  agencyId,
  endpointId: "whk_gone",
  deliveryId,
  eventId: "whe_none",
  type: "request.submitted",
  resourceId: `req_${deliveryId}`,
  createdAt: nextAttemptAt,
  giveUpAt: FOREVER,
  nextAttemptAt,
  due: "yes" as const,
  expiresAt: Math.floor(Date.now() / 1000) + 86_400,
});
const ourEvents = async (before = FOREVER) => (await WebhookStore.eventsToPrepare(before)).filter((e) => e.agencyId === agencyId);
const ourDeliveries = async (now = FOREVER) => (await WebhookStore.dueDeliveries(now)).filter((d) => d.agencyId === agencyId);

/** `Item` as an older version of the code wrote it: no shard, the old one-partition key. */
async function putBeforeTheShards(Item: Record<string, unknown>, gsi2pk: string) {
  delete Item.shard;
  await elsewhere.send(new PutCommand({ TableName: process.env.BATON_TABLE_NAME, Item: { ...Item, gsi2pk } }));
}

describe("the webhook job's sharded indexes", () => {
  it("reads every shard of events to prepare: exactly those recorded by the time asked, by id", async () => {
    const ids = idsAcrossShards("webhookEvent");
    // Recorded times shuffled against the ids; the index orders by id, the job filters by time.
    const written = ids.map((id, i) => event(id, at((i * 7) % ids.length)));
    for (const item of written) await db.entities.webhookEvent.create(item).go();
    const all = await ourEvents();
    expect(new Set(all.map((e) => e.shard)).size).toBe(SHARDS);
    expect(all.every((e) => e.shard === shardOf(e.eventId))).toBe(true);
    expect(all.map((e) => e.eventId)).toEqual([...ids].sort(compare));
    const cut = at(11);
    const expected = written.filter((e) => e.at <= cut).map((e) => e.eventId).sort(compare);
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.length).toBeLessThan(written.length);
    expect((await ourEvents(cut)).map((e) => e.eventId)).toEqual(expected);

    // The job prepares them (no endpoint wants them): prepared, out of the index.
    // The next day: past every recorded time (at() runs past the hour when a shard took many ids).
    await Webhooks.flush(new Date(Date.UTC(2031, 0, 2)));
    expect(await ourEvents()).toEqual([]);
    expect((await db.entities.webhookEvent.get({ agencyId, eventId: ids[0]! }).go()).data).toMatchObject({ prepared: "yes", shard: shardOf(ids[0]!) });
  });

  it("reads every shard of deliveries due: exactly those due by now, soonest first, then by id; each found exactly while due", async () => {
    const ids = idsAcrossShards("webhookDelivery");
    const written = ids.map((id, i) => delivery(id, at((i * 7) % ids.length)));
    for (const item of written) await db.entities.webhookDelivery.create(item).go();
    const bySoonest = (a: { nextAttemptAt: string; deliveryId: string }, b: { nextAttemptAt: string; deliveryId: string }) => compare(a.nextAttemptAt, b.nextAttemptAt) || compare(a.deliveryId, b.deliveryId);
    const all = await ourDeliveries();
    expect(new Set(all.map((d) => d.shard)).size).toBe(SHARDS);
    expect(all.map((d) => d.deliveryId)).toEqual([...written].sort(bySoonest).map((d) => d.deliveryId));
    const cut = at(11);
    // As the one-partition query did (ElectroDB's lte on a partial sort key): due strictly before the cut.
    const expected = written.filter((d) => d.nextAttemptAt < cut).sort(bySoonest).map((d) => d.deliveryId);
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.length).toBeLessThan(written.length);
    expect((await ourDeliveries(cut)).map((d) => d.deliveryId)).toEqual(expected);

    // The job attempts the due ones (claim, then settle as failed: the endpoint is gone) and leaves the rest.
    await Webhooks.flush(new Date(cut));
    expect((await ourDeliveries()).map((d) => d.deliveryId)).toEqual(written.filter((d) => d.nextAttemptAt >= cut).sort(bySoonest).map((d) => d.deliveryId));
    // Redelivered: due again, in its shard.
    const [first] = (await WebhookStore.deliveries([{ agencyId, endpointId: "whk_gone", deliveryId: expected[0]! }]));
    expect(first).toMatchObject({ status: "failed", due: "no" });
    await WebhookStore.redue(first!, at(30), FOREVER);
    expect((await ourDeliveries()).map((d) => [d.deliveryId, d.shard])).toContainEqual([first!.deliveryId, shardOf(first!.deliveryId)]);

    await Webhooks.flush(new Date(FOREVER));
    expect(await ourDeliveries()).toEqual([]);
  });

  it("an event and a delivery from before the shards are missed until the backfill moves them to their shard, once", async () => {
    const eventId = createId("webhookEvent");
    await putBeforeTheShards((db.entities.webhookEvent.put(event(eventId, at(1))).params() as { Item: Record<string, unknown> }).Item, "$baton#prepared_no");
    const deliveryId = createId("webhookDelivery");
    await putBeforeTheShards((db.entities.webhookDelivery.put(delivery(deliveryId, at(1))).params() as { Item: Record<string, unknown> }).Item, "$baton#due_yes");
    expect(await ourEvents()).toEqual([]);
    expect(await ourDeliveries()).toEqual([]);

    expect(await backfillWebhookShards(agencyId)).toEqual({ events: 1, deliveries: 1 });
    expect((await ourEvents()).map((e) => [e.eventId, e.shard])).toEqual([[eventId, shardOf(eventId)]]);
    expect((await ourDeliveries()).map((d) => [d.deliveryId, d.shard, d.attempts, d.nextAttemptAt])).toEqual([[deliveryId, shardOf(deliveryId), 0, at(1)]]);
    expect(await backfillWebhookShards(agencyId)).toEqual({ events: 0, deliveries: 0 });

    await Webhooks.flush(new Date(FOREVER));
    expect(await ourEvents()).toEqual([]);
    expect(await ourDeliveries()).toEqual([]);
  });
});
