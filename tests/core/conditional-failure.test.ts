import { PutItemCommand } from "@aws-sdk/client-dynamodb";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { client, db } from "@baton/core/db";
import { conditionalWrite, isConditionalFailure } from "../../packages/core/src/db/transaction.ts";

// Every "someone got there first" in the core (a claim, a create-once, a counter, a backfill's
// write-if-unchanged) tells a failed condition from any other failure by this one check, on
// DynamoDB Local's real errors: a failed condition is expected and answered; anything else
// (a bad expression here, a throttle or the network on AWS) must be thrown, not taken for it.

const table = process.env.BATON_TABLE_NAME!;

async function failure(write: () => Promise<unknown>): Promise<unknown> {
  try {
    await write();
  } catch (error) {
    return error;
  }
  throw new Error("the write succeeded");
}

describe("isConditionalFailure", () => {
  it("is true for ElectroDB's error when a create's condition fails (the item exists)", async () => {
    const claim = { agencyId: `agy_${randomUUID()}`, scope: "client-code" as const, value: "ACME", ownerId: "cli_1" };
    await db.entities.uniqueness.create(claim).go();
    const error = await failure(() => db.entities.uniqueness.create({ ...claim, ownerId: "cli_2" }).go());
    expect(isConditionalFailure(error)).toBe(true);
  });

  it("is true for the AWS SDK's own error, sent without ElectroDB", async () => {
    const pk = { S: `conditional#${randomUUID()}` };
    await client.send(new PutItemCommand({ TableName: table, Item: { pk, sk: { S: "x" } } }));
    const error = await failure(() => client.send(new PutItemCommand({ TableName: table, Item: { pk, sk: { S: "x" } }, ConditionExpression: "attribute_not_exists(pk)" })));
    expect(isConditionalFailure(error)).toBe(true);
  });

  it("is false for any other failure, even one whose message speaks of conditions", async () => {
    const invalid = await failure(() =>
      client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: `conditional#${randomUUID()}` }, sk: { S: "x" } }, ConditionExpression: "attribute_not_exists(" })),
    );
    expect((invalid as Error).name).toBe("ValidationException");
    expect(String(invalid)).toMatch(/condition/i);
    expect(isConditionalFailure(invalid)).toBe(false);
    expect(isConditionalFailure(new Error("The conditional request failed"))).toBe(false);
    expect(isConditionalFailure(undefined)).toBe(false);
    expect(isConditionalFailure("ConditionalCheckFailedException")).toBe(false);
  });
});

describe("conditionalWrite", () => {
  it("answers true once written and false when the condition no longer holds, writing nothing", async () => {
    const claim = { agencyId: `agy_${randomUUID()}`, scope: "client-code" as const, value: "KOOK", ownerId: "cli_1" };
    expect(await conditionalWrite(db.entities.uniqueness.create(claim).go())).toBe(true);
    expect(await conditionalWrite(db.entities.uniqueness.create({ ...claim, ownerId: "cli_2" }).go())).toBe(false);
    const kept = await db.entities.uniqueness.get({ agencyId: claim.agencyId, scope: claim.scope, value: claim.value }).go({ consistent: true });
    expect(kept.data?.ownerId).toBe("cli_1");
  });

  it("throws any other failure instead of answering 'someone got there first'", async () => {
    const invalid = conditionalWrite(
      client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: `conditional#${randomUUID()}` }, sk: { S: "x" } }, ConditionExpression: "attribute_not_exists(" })),
    );
    await expect(invalid).rejects.toMatchObject({ name: "ValidationException" });
    const missingTable = conditionalWrite(db.entities.uniqueness.create({ agencyId: `agy_${randomUUID()}`, scope: "client-code", value: "SAK", ownerId: "cli_1" }).go({ table: `absent-${randomUUID()}` }));
    await expect(missingTable).rejects.toThrow();
  });
});
