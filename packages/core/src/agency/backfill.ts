import { QueryCommand, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { Config } from "../config/index.ts";
import { client, db } from "../db/index.ts";
import { shardOf } from "../db/shard.ts";
import { conditionalWrite } from "../db/transaction.ts";

// The jobs list the agencies from the `agencies` index (gsi2), one shard at a time (db/shard.ts).
// An agency written before the shards has no `shard` and sits under the old one-partition key
// ("$baton"), where no shard's query finds it, so no job would run for it. This reads that old
// partition (a Query of the index, never a Scan) and gives each agency there its shard and its
// sharded key (only those two attributes are written; the rest of the item is left as it is),
// unless it has one already. Run it before anything lists the agencies; again, nothing changes.

const LEGACY_KEY = "$baton";

export async function backfillAgencyShards(): Promise<{ agencies: number }> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: Config.tableName,
        IndexName: "gsi2",
        KeyConditionExpression: "gsi2pk = :pk AND begins_with(gsi2sk, :sk)",
        ExpressionAttributeValues: { ":pk": { S: LEGACY_KEY }, ":sk": { S: "$agency_1#agencyid_" } },
        ExclusiveStartKey: start as never,
      }),
    );
    for (const raw of page.Items ?? []) {
      const [agencyId, pk, sk] = [raw.agencyId?.S ?? "", raw.pk?.S ?? "", raw.sk?.S ?? ""];
      const shard = shardOf(agencyId);
      // The sharded key as ElectroDB makes it for this shard.
      const { ExpressionAttributeValues } = db.entities.agency.query.agencies({ shard }).params() as { ExpressionAttributeValues: Record<string, string> };
      const written = await conditionalWrite(
        client.send(
          new UpdateItemCommand({
            TableName: Config.tableName,
            Key: { pk: { S: pk }, sk: { S: sk } },
            UpdateExpression: "SET #shard = :shard, gsi2pk = :pk",
            ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(#shard)",
            ExpressionAttributeNames: { "#shard": "shard" },
            ExpressionAttributeValues: { ":shard": { S: shard }, ":pk": { S: ExpressionAttributeValues[":pk"]! } },
          }),
        ),
      );
      if (written) count++;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return { agencies: count };
}
