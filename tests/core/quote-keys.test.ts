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

  it("finds an agency's quotes waiting for an answer by validity date in gsi2, and only those", () => {
    const params = db.entities.quote.query.quotesAwaiting({ agencyId, awaiting: "yes" }).lte({ validUntil: "2026-12-08" }).params<QueryParams>();
    expect(params.IndexName).toBe("gsi2");
    expect(params.ExpressionAttributeValues[":pk"]).toBe(`$baton#agencyid_${agencyId}#awaiting_yes`);
    const draft = db.entities.quote
      .put({ agencyId, quoteId, clientId, currency: "USD", title: "T", lines: [], subtotal: 0, taxName: "Tax", taxRate: 0, tax: 0, total: 0, validUntil: "2026-12-08" })
      .params<{ Item: Record<string, unknown> }>();
    expect(draft.Item.gsi2pk).toBeUndefined();
    const sent = db.entities.quote
      .put({ agencyId, quoteId, clientId, currency: "USD", title: "T", lines: [], subtotal: 0, taxName: "Tax", taxRate: 0, tax: 0, total: 0, validUntil: "2026-12-08", status: "sent", awaiting: "yes" })
      .params<{ Item: Record<string, unknown> }>();
    expect(sent.Item.gsi2pk).toBe(`$baton#agencyid_${agencyId}#awaiting_yes`);
    expect(sent.Item.gsi2sk).toBe(`$quote_1#validuntil_2026-12-08#quoteid_${quoteId}`);
  });

  it("has one quote counter per agency", () => {
    expect(db.entities.quoteCounter.get({ agencyId }).params<GetParams>().Key).toEqual({ pk: `$baton#agencyid_${agencyId}`, sk: "$quotecounter_1" });
  });
});
