import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { db } from "@baton/core/db";
import { SHARDS, shardOf } from "@baton/core/db/shard";
import { backfillAgencyShards } from "@baton/core/agency/backfill";
import { createId } from "@baton/core/id";
import { Job } from "@baton/core/job";
import { createAgency } from "../support/fixtures.ts";

// The `agencies` index (every agency: where each scheduled job starts) is spread over SHARDS
// partitions by the agency's id instead of one constant partition. The jobs read every shard and
// merge: they must list exactly the agencies one partition listed, once each, by id.

// Another writer of the same table (an old version of the code): no shard, the old index key.
const elsewhere = DynamoDBDocumentClient.from(
  new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } }),
);

const listed = async () => (await Job.agencies()).map((agency) => agency.agencyId);

describe("the jobs' sharded list of agencies", () => {
  it("lists every agency of every shard once, by id", async () => {
    const real = (await createAgency("Shards Agency")).agencyId;
    // Agencies until every shard holds at least two.
    const ids: string[] = [];
    const perShard = new Map<string, number>();
    while ([...perShard.values()].filter((n) => n >= 2).length < SHARDS) {
      const agencyId = createId("agency");
      ids.push(agencyId);
      perShard.set(shardOf(agencyId), (perShard.get(shardOf(agencyId)) ?? 0) + 1);
      await db.entities.agency.create({ agencyId, name: `Agency ${ids.length}`, timeZone: "UTC", currency: "EUR" }).go();
    }
    const all = await listed();
    expect(all).toEqual([...ids, real].sort());
    const stored = await Job.agencies();
    expect(stored.every((agency) => agency.shard === shardOf(agency.agencyId))).toBe(true);
  });

  it("an agency written before the shards is missed until the backfill gives it its shard, once, leaving the rest of it as it was", async () => {
    const agencyId = createId("agency");
    const { Item } = db.entities.agency.put({ agencyId, name: "Old Agency", timeZone: "UTC", currency: "USD" }).params() as { Item: Record<string, unknown> };
    delete Item.shard;
    await elsewhere.send(new PutCommand({ TableName: process.env.BATON_TABLE_NAME, Item: { ...Item, gsi2pk: "$baton", extra: "kept" } }));
    expect(await listed()).not.toContain(agencyId);

    expect(await backfillAgencyShards()).toEqual({ agencies: 1 });
    expect(await listed()).toContain(agencyId);
    const [agency] = (await Job.agencies()).filter((a) => a.agencyId === agencyId);
    expect(agency).toMatchObject({ name: "Old Agency", currency: "USD", shard: shardOf(agencyId), version: Item.version });
    expect(await backfillAgencyShards()).toEqual({ agencies: 0 });
  });
});
