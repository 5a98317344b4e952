import { describe, expect, it } from "vitest";
import { db } from "@baton/core/db";
import { shardOf } from "@baton/core/db/shard";
import { owingState } from "@baton/core/invoice/owing";

// Offline: the sharded keys of the job indexes whose key attribute moves on update (owing,
// pending, prepared, due; db/shard.ts movingShardAttribute). An update that moves it writes the
// whole sharded key, from the shard it names; one that forgets the shard fails loudly (ElectroDB
// needs every composite of a conditional index) instead of writing a key no shard's query reads;
// a create or a whole put takes the shard from the id, whatever it is given.

const agencyId = "agy_01jaaaaaaaaaaaaaaaaaaaaaaa";
const invoiceId = "inv_01jcccccccccccccccccccccccc";
const emailId = "0f8fad5b-d9cb-469f-a165-70867728950e";
const eventId = "whe_01jddddddddddddddddddddddd";
const deliveryId = "dlv_01jeeeeeeeeeeeeeeeeeeeeeee";
const endpointId = "whk_01jfffffffffffffffffffffff";

type UpdateParams = { UpdateExpression: string; ExpressionAttributeValues: Record<string, unknown> };
const values = (params: UpdateParams) => Object.values(params.ExpressionAttributeValues);

describe("moving sharded keys", () => {
  it("moves an invoice into its shard of openInvoices when it owes, and out when it doesn't", () => {
    const owes = db.entities.invoice.patch({ agencyId, invoiceId }).set(owingState(invoiceId, "2026-12-20T00:00:00.000Z")).params<UpdateParams>();
    expect(values(owes)).toContain(`$baton#owing_yes#shard_${shardOf(invoiceId)}`);
    expect(values(owes)).toContain(`$invoice_1#owingsince_2026-12-20t00:00:00.000z#agencyid_${agencyId}#invoiceid_${invoiceId}`);
    const settled = db.entities.invoice.patch({ agencyId, invoiceId }).set(owingState(invoiceId, null)).params<UpdateParams>();
    expect(settled.UpdateExpression).toMatch(/REMOVE #gsi2pk, #gsi2sk/);
    expect(() => db.entities.invoice.patch({ agencyId, invoiceId }).set({ owing: "yes", owingSince: "2026-12-20" }).params()).toThrow(/Incomplete composite attributes/);
  });

  it("keeps each job index's shard in the update that moves its key", () => {
    const email = db.entities.outboxEmail.patch({ emailId }).set({ pending: "yes", shard: shardOf(emailId), nextAttemptAt: "2026-12-08T10:00:00.000Z" }).params<UpdateParams>();
    expect(values(email)).toContain(`$baton#pending_yes#shard_${shardOf(emailId)}`);
    expect(() => db.entities.outboxEmail.patch({ emailId }).set({ pending: "yes", nextAttemptAt: "2026-12-08T10:00:00.000Z" }).params()).toThrow(/Incomplete composite attributes/);

    const prepared = db.entities.webhookEvent.patch({ agencyId, eventId }).set({ prepared: "yes", payload: "{}", shard: shardOf(eventId) }).params<UpdateParams>();
    expect(prepared.UpdateExpression).toMatch(/REMOVE #gsi2pk, #gsi2sk/);
    expect(() => db.entities.webhookEvent.patch({ agencyId, eventId }).set({ prepared: "yes", payload: "{}" }).params()).toThrow(/Incomplete composite attributes/);

    const due = db.entities.webhookDelivery.patch({ agencyId, endpointId, deliveryId }).set({ due: "yes", shard: shardOf(deliveryId), nextAttemptAt: "2026-12-08T10:00:00.000Z" }).params<UpdateParams>();
    expect(values(due)).toContain(`$baton#due_yes#shard_${shardOf(deliveryId)}`);
    expect(() => db.entities.webhookDelivery.patch({ agencyId, endpointId, deliveryId }).set({ due: "yes", nextAttemptAt: "2026-12-08T10:00:00.000Z" }).params()).toThrow(/Incomplete composite attributes/);
  });

  it("takes a created or put item's shard from its id, whatever it was given", () => {
    const put = db.entities.webhookEvent
      .put({ agencyId, eventId, type: "request.submitted", resourceKind: "request", resourceId: "req_x", at: "2026-12-08T10:00:00.000Z", expiresAt: 1, shard: "not this" })
      .params<{ Item: Record<string, unknown> }>();
    expect(put.Item.shard).toBe(shardOf(eventId));
    expect(put.Item.gsi2pk).toBe(`$baton#prepared_no#shard_${shardOf(eventId)}`);
  });
});
