import { describe, expect, it } from "vitest";
import { db } from "@baton/core/db";

// Offline: the quote area's key shapes as ACCESS_PATTERNS.md lists them (Quotes). Every key
// starts with the agency id; the counter is one item in the agency's partition.
const agencyId = "agy_01jaaaaaaaaaaaaaaaaaaaaaaa";
const clientId = "cli_01jbbbbbbbbbbbbbbbbbbbbbbb";
const quoteId = "quo_01jcccccccccccccccccccccccc";

type QueryParams = { IndexName?: string; ExpressionAttributeValues: Record<string, unknown> };
type GetParams = { Key: { pk: string; sk: string } };

describe("quote key shapes", () => {
  it("keeps a quote in the agency's partition and lists the agency's by that prefix", () => {
    const get = db.entities.quote.get({ agencyId, quoteId }).params<GetParams>();
    expect(get.Key).toEqual({ pk: `$baton#agencyid_${agencyId}`, sk: `$quote_1#quoteid_${quoteId}` });
    const list = db.entities.quote.query.quoteById({ agencyId }).params<QueryParams>();
    expect(list.IndexName).toBeUndefined();
    expect(list.ExpressionAttributeValues[":sk1"]).toBe("$quote_1#quoteid_");
  });

  it("lists a client's quotes from gsi1", () => {
    const params = db.entities.quote.query.quotesOfClient({ agencyId, clientId }).params<QueryParams>();
    expect(params.IndexName).toBe("gsi1");
    expect(params.ExpressionAttributeValues[":pk"]).toBe(`$baton#agencyid_${agencyId}#clientid_${clientId}`);
  });

  it("has one quote counter per agency", () => {
    expect(db.entities.quoteCounter.get({ agencyId }).params<GetParams>().Key).toEqual({ pk: `$baton#agencyid_${agencyId}`, sk: "$quotecounter_1" });
  });
});
