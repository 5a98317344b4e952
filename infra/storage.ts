import { RemovalPolicy } from "aws-cdk-lib/core";
import { BillingMode } from "aws-cdk-lib/aws-dynamodb";
import { Table, type StackContext } from "sst/constructs";

export function Storage({ stack, app }: StackContext) {
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
    },
    primaryIndex: { partitionKey: "pk", sortKey: "sk" },
    globalIndexes: {
      gsi1: { partitionKey: "gsi1pk", sortKey: "gsi1sk", projection: "all" },
      gsi2: { partitionKey: "gsi2pk", sortKey: "gsi2sk", projection: "all" },
      // Work by status (triage inbox, boards, QA queue, deadlines): see ACCESS_PATTERNS.md.
      gsi3: { partitionKey: "gsi3pk", sortKey: "gsi3sk", projection: "all" },
    },
    // Sessions, login links and other short-lived items expire on their own.
    timeToLiveAttribute: "expiresAt",
    cdk: {
      table: {
        // SST's defaults today, stated so that an SST upgrade cannot change them silently.
        billingMode: BillingMode.PAY_PER_REQUEST,
        pointInTimeRecovery: true,
        // Production data outlives the stack; preview stages clean up after themselves.
        removalPolicy: app.stage === "prod" ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      },
    },
  });

  stack.addOutputs({ TableName: table.tableName });
  return { table };
}
