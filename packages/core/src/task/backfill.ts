import { UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { Config } from "../config/index.ts";
import { client, db } from "../db/index.ts";
import { OpenTaskStatuses } from "../workflow/index.ts";
import { conditionalWrite } from "../db/transaction.ts";

// The client board reads a client's open work from gsi4 (`openWorkOfClient`). Tasks written
// before that index existed carry no gsi4 keys until they next move, so this gives every open
// task of an agency its keys once: read by status (a Query per open status, never a Scan) and
// written with the keys ElectroDB makes for the task as it is, conditional on its version (a task
// that moved meanwhile already has them). Idempotent: run it again and nothing changes.

export async function backfillClientWork(agencyId: string): Promise<{ tasks: number }> {
  let tasks = 0;
  for (const status of OpenTaskStatuses) {
    const open = await db.entities.task.query.tasksByStatus({ agencyId, status }).go({ pages: "all" });
    for (const item of open.data) {
      const { Item } = db.entities.task.put(item).params<{ Item: Record<string, string | number> }>();
      const written = await conditionalWrite(
        client.send(
          new UpdateItemCommand({
            TableName: Config.tableName,
            Key: { pk: { S: String(Item.pk) }, sk: { S: String(Item.sk) } },
            UpdateExpression: "SET gsi4pk = :pk, gsi4sk = :sk",
            ConditionExpression: "version = :version",
            ExpressionAttributeValues: { ":pk": { S: String(Item.gsi4pk) }, ":sk": { S: String(Item.gsi4sk) }, ":version": { N: String(item.version) } },
          }),
        ),
      );
      if (written) tasks++;
    }
  }
  return { tasks };
}
