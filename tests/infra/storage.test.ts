import { beforeAll, describe, expect, it } from "vitest";
import type { Template } from "aws-cdk-lib/assertions";
import { Storage } from "../../infra/storage.ts";
import { only, synth, SYNTH_TIMEOUT } from "./synth.ts";
import { tableDefinition } from "@baton/core/db/table";

let storage: Template;
beforeAll(async () => {
  storage = (await synth("storage")).template(Storage);
}, SYNTH_TIMEOUT);

const table = () => only(storage, "AWS::DynamoDB::Table");

describe("the single table", () => {
  it("is keyed by pk (hash) and sk (range), both strings", () => {
    const { Properties } = table();
    expect(Properties.KeySchema).toEqual([
      { AttributeName: "pk", KeyType: "HASH" },
      { AttributeName: "sk", KeyType: "RANGE" },
    ]);
    expect(Properties.AttributeDefinitions).toEqual(
      expect.arrayContaining(
        ["pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk", "gsi3pk", "gsi3sk", "gsi4pk", "gsi4sk"].map((AttributeName) => ({
          AttributeName,
          AttributeType: "S",
        })),
      ),
    );
  });

  it("has exactly the generic GSIs gsi1 to gsi4, projecting all attributes", () => {
    const indexes = table().Properties.GlobalSecondaryIndexes;
    expect(indexes).toHaveLength(4);
    for (const n of [1, 2, 3, 4]) {
      expect(indexes).toContainEqual({
        IndexName: `gsi${n}`,
        KeySchema: [
          { AttributeName: `gsi${n}pk`, KeyType: "HASH" },
          { AttributeName: `gsi${n}sk`, KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      });
    }
  });

  it("declares the same indexes as the table the local runtime and the tests create", () => {
    const local = tableDefinition("baton").GlobalSecondaryIndexes!.map((index) => ({
      IndexName: index.IndexName,
      KeySchema: index.KeySchema,
      Projection: index.Projection,
    }));
    expect(table().Properties.GlobalSecondaryIndexes).toEqual(expect.arrayContaining(local));
    expect(table().Properties.GlobalSecondaryIndexes).toHaveLength(local.length);
  });

  it("bills on demand", () => {
    expect(table().Properties.BillingMode).toBe("PAY_PER_REQUEST");
  });

  it("has point-in-time recovery enabled", () => {
    expect(table().Properties.PointInTimeRecoverySpecification).toMatchObject({
      PointInTimeRecoveryEnabled: true,
    });
  });

  it("expires items through the expiresAt attribute", () => {
    expect(table().Properties.TimeToLiveSpecification).toEqual({
      AttributeName: "expiresAt",
      Enabled: true,
    });
  });

  it("is deleted with a non-prod stage, and has no deletion protection there", () => {
    expect(table().DeletionPolicy).toBe("Delete");
    expect(table().Properties.DeletionProtectionEnabled).toBe(false);
  });

  it("is named to the functions by a parameter (so a restored table can take its place)", () => {
    const parameter = only(storage, "AWS::SSM::Parameter", { Name: "/sst/baton/storage/Parameter/TABLE_NAME/value" });
    expect(parameter.Properties.Value).toEqual({ Ref: table().logicalId });
    expect(storage.findOutputs("TableName").TableName!.Value).toEqual({ Ref: table().logicalId });
  });
});
