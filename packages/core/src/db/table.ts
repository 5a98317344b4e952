import type { CreateTableCommandInput } from "@aws-sdk/client-dynamodb";

// The one table's shape. infra/storage.ts declares the same keys for AWS; the local runtime and the
// tests create the table from this definition.
export const TTL_ATTRIBUTE = "expiresAt";

export function tableDefinition(tableName: string): CreateTableCommandInput {
  const index = (name: string) => ({
    IndexName: name,
    KeySchema: [
      { AttributeName: `${name}pk`, KeyType: "HASH" as const },
      { AttributeName: `${name}sk`, KeyType: "RANGE" as const },
    ],
    Projection: { ProjectionType: "ALL" as const },
  });
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: ["pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk", "gsi3pk", "gsi3sk", "gsi4pk", "gsi4sk"].map((name) => ({
      AttributeName: name,
      AttributeType: "S" as const,
    })),
    KeySchema: [
      { AttributeName: "pk", KeyType: "HASH" },
      { AttributeName: "sk", KeyType: "RANGE" },
    ],
    GlobalSecondaryIndexes: [index("gsi1"), index("gsi2"), index("gsi3"), index("gsi4")],
  };
}
