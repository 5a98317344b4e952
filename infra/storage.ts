import { RemovalPolicy } from "aws-cdk-lib/core";
import { BillingMode } from "aws-cdk-lib/aws-dynamodb";
import { Config, Table, type StackContext } from "sst/constructs";

export function Storage({ stack, app }: StackContext) {
  const prod = app.stage === "prod";
  const table = new Table(stack, "baton", {
    fields: {
      pk: "string",
      sk: "string",
      gsi1pk: "string",
      gsi1sk: "string",
      gsi2pk: "string",
      gsi2sk: "string",
      gsi3pk: "string",
      gsi3sk: "string",
      gsi4pk: "string",
      gsi4sk: "string",
    },
    primaryIndex: { partitionKey: "pk", sortKey: "sk" },
    globalIndexes: {
      gsi1: { partitionKey: "gsi1pk", sortKey: "gsi1sk", projection: "all" },
      gsi2: { partitionKey: "gsi2pk", sortKey: "gsi2sk", projection: "all" },
      // Work by status (triage inbox, boards, QA queue, deadlines): see ACCESS_PATTERNS.md.
      gsi3: { partitionKey: "gsi3pk", sortKey: "gsi3sk", projection: "all" },
      // A client's work by state (the client board's open columns): see ACCESS_PATTERNS.md.
      gsi4: { partitionKey: "gsi4pk", sortKey: "gsi4sk", projection: "all" },
    },
    // Sessions, login links and other short-lived items expire on their own.
    timeToLiveAttribute: "expiresAt",
    cdk: {
      table: {
        // SST's defaults today, stated so that an SST upgrade cannot change them silently.
        billingMode: BillingMode.PAY_PER_REQUEST,
        pointInTimeRecovery: true,
        // Production data outlives the stack, and can't be deleted by a stray API call either.
        removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        deletionProtection: prod,
      },
    },
  });

  // The table the functions use. Normally this stack's; after a restore (README, "Restore the
  // table") the restored one, named by BATON_RESTORED_TABLE at deploy time: the parameter, the
  // functions' permissions and the alarms all follow it, and no code changes.
  const restored = process.env.BATON_RESTORED_TABLE || undefined;
  const active = restored
    ? { name: restored, arn: stack.formatArn({ service: "dynamodb", resource: "table", resourceName: restored }) }
    : { name: table.tableName, arn: table.tableArn };
  const TABLE_NAME = new Config.Parameter(stack, "TABLE_NAME", { value: active.name });

  stack.addOutputs({ TableName: active.name });
  return { table, active, TABLE_NAME };
}
