import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@baton/core/db";
import { SHARDS, shardOf } from "@baton/core/db/shard";
import { createId } from "@baton/core/id";
import { Invoices } from "@baton/core/invoice";
import { backfillInvoiceShards } from "@baton/core/invoice/backfill";
import { owingBefore, owingState } from "@baton/core/invoice/owing";
import { startApi, type Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// The reminder job's index of invoices that owe money (openInvoices) is spread over SHARDS
// partitions by the invoice's id instead of one `owing = yes` partition for every tenant. `owing`
// moves on update (sent: yes; paid, void: no), so every change that moves it must write the
// sharded key whole. The job reads every shard and merges: exactly what one partition showed, in
// the same order (due date, agency, id).

let api: Started;
let world: World;
// Another writer of the same table (an old version of the code): no shard, the old index key.
const elsewhere = DynamoDBDocumentClient.from(
  new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } }),
);
const FOREVER = "9999-12-31";

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Invoice Shards Agency");
});
afterAll(() => api.close());

const ours = async (cutoff = FOREVER) => (await owingBefore(cutoff)).filter((invoice) => invoice.agencyId === world.agency.agencyId);
const owingIds = async () => (await ours()).map((invoice) => invoice.invoiceId);

async function sentInvoice(amount = 10000) {
  const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "Work", quantity: 1, unitAmount: amount }] });
  expect(draft.status).toBe(201);
  const sent = await world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version });
  expect(sent.status).toBe(200);
  return sent.body as { id: string; version: number; dueAt: string; balance: number };
}

const stored = async (invoiceId: string) => (await db.entities.invoice.get({ agencyId: world.agency.agencyId, invoiceId }).go({ consistent: true })).data!;

/** The invoice as an older version of the code wrote it: no shard, under the old one-partition key. */
async function asBeforeTheShards(invoiceId: string) {
  const { shard: _none, ...item } = await stored(invoiceId);
  const { Item } = db.entities.invoice.put(item).params() as { Item: Record<string, unknown> };
  delete Item.shard;
  await elsewhere.send(new PutCommand({ TableName: process.env.BATON_TABLE_NAME, Item: { ...Item, gsi2pk: "$baton#owing_yes" } }));
}

describe("the reminder job's sharded index of invoices owing money", () => {
  it("reads every shard: exactly the invoices owing since before the cut, by due date, agency and id", async () => {
    // Invoices until every shard holds three, due dates shuffled against the ids.
    const written: { invoiceId: string; owingSince: string }[] = [];
    const perShard = new Map<string, number>();
    for (let i = 0; [...perShard.values()].filter((n) => n >= 3).length < SHARDS; i++) {
      const invoiceId = createId("invoice");
      const owingSince = new Date(Date.UTC(2031, 0, 1 + ((i * 7) % 23))).toISOString();
      perShard.set(shardOf(invoiceId), (perShard.get(shardOf(invoiceId)) ?? 0) + 1);
      written.push({ invoiceId, owingSince });
      await db.entities.invoice
        .create({ agencyId: world.agency.agencyId, invoiceId, clientId: world.ids.client, currency: "USD", status: "sent", lines: [], subtotal: 0, taxName: "", taxRate: 0, tax: 0, total: 100, paymentTermsDays: 14, owing: "yes", owingSince })
        .go();
    }
    const all = await ours();
    expect(all.every((invoice) => invoice.shard === shardOf(invoice.invoiceId))).toBe(true);
    expect(new Set(all.map((invoice) => invoice.shard)).size).toBe(SHARDS);

    const byDue = (a: { owingSince: string; invoiceId: string }, b: { owingSince: string; invoiceId: string }) => (a.owingSince < b.owingSince ? -1 : a.owingSince > b.owingSince ? 1 : a.invoiceId < b.invoiceId ? -1 : 1);
    const cut = new Date(Date.UTC(2031, 0, 12)).toISOString();
    const expected = written.filter((w) => w.owingSince < cut).sort(byDue).map((w) => w.invoiceId);
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.length).toBeLessThan(written.length);
    expect((await ours(cut)).map((invoice) => invoice.invoiceId)).toEqual(expected);
    expect(all.map((invoice) => invoice.invoiceId)).toEqual([...written].sort(byDue).map((w) => w.invoiceId));
    // Another agency's invoice due the same day sorts by the agency id, as the one partition did.
    const merged = await owingBefore(FOREVER);
    const keys = merged.map((invoice) => [invoice.owingSince, invoice.agencyId, invoice.invoiceId].join(" "));
    expect(keys).toEqual([...keys].sort());

    // Paid off, so the rest of the file sees only its own invoices.
    for (const { invoiceId } of written) {
      await db.entities.invoice.patch({ agencyId: world.agency.agencyId, invoiceId }).set({ status: "paid", ...owingState(invoiceId, null) }).go();
    }
    expect(await ours()).toEqual([]);
  });

  it("finds an invoice exactly while it owes: sent, partly paid, backdated, paid; sent and voided; sent and credited in full", async () => {
    const a = await sentInvoice(10000);
    expect(await owingIds()).toEqual([a.id]);
    expect(await ours()).toEqual([expect.objectContaining({ owingSince: a.dueAt, shard: shardOf(a.id) })]);

    expect((await world.owner.post(`/invoices/${a.id}/payments`, { amount: 4000, method: "bank_transfer" })).status).toBe(201);
    expect(await ours()).toEqual([expect.objectContaining({ invoiceId: a.id, owingSince: a.dueAt, status: "partially_paid" })]);

    // Moved 20 days back: still owing, now since the earlier date, and the job reminds it.
    const { dueAt } = await Invoices.backdate(world.agency.agencyId, a.id, 20);
    expect(await ours()).toEqual([expect.objectContaining({ invoiceId: a.id, owingSince: dueAt })]);
    expect((await ours(new Date().toISOString())).map((invoice) => invoice.invoiceId)).toEqual([a.id]);
    expect((await Invoices.MoneyJobs.remindOverdue(new Date())).sent).toBeGreaterThanOrEqual(1);
    expect((await stored(a.id)).remindersSent).toBeGreaterThan(0);

    expect((await world.owner.post(`/invoices/${a.id}/payments`, { amount: 6000, method: "bank_transfer" })).status).toBe(201);
    expect(await owingIds()).toEqual([]);

    const b = await sentInvoice(5000);
    expect(await owingIds()).toEqual([b.id]);
    expect((await world.owner.post(`/invoices/${b.id}/void`, { version: b.version })).status).toBe(200);
    expect(await owingIds()).toEqual([]);

    const c = await sentInvoice(7000);
    expect(await owingIds()).toEqual([c.id]);
    const note = await world.owner.post(`/invoices/${c.id}/credit-notes`, { version: c.version, amount: 7000, reason: "Not needed after all" });
    expect(note.status).toBe(201);
    expect(await owingIds()).toEqual([]);
    expect((await stored(c.id)).status).toBe("paid");
  });

  it("an invoice owing from before the shards is missed until the backfill moves it to its shard, once, on the version read", async () => {
    const old = await sentInvoice(3000);
    await asBeforeTheShards(old.id);
    expect((await stored(old.id)).shard).toBeUndefined();
    expect(await owingIds()).toEqual([]);

    expect(await backfillInvoiceShards(world.agency.agencyId)).toEqual({ invoices: 1 });
    expect(await ours()).toEqual([expect.objectContaining({ invoiceId: old.id, shard: shardOf(old.id), owingSince: old.dueAt, version: old.version })]);
    expect(await backfillInvoiceShards(world.agency.agencyId)).toEqual({ invoices: 0 });

    // One that moves before the backfill reaches it gets its shard from that change.
    const paidOnOld = await sentInvoice(3000);
    await asBeforeTheShards(paidOnOld.id);
    expect((await world.owner.post(`/invoices/${paidOnOld.id}/payments`, { amount: 1000, method: "cash" })).status).toBe(201);
    expect((await ours()).map((invoice) => [invoice.invoiceId, invoice.shard])).toEqual([old.id, paidOnOld.id].map((id) => [id, shardOf(id)]));
    expect(await backfillInvoiceShards(world.agency.agencyId)).toEqual({ invoices: 0 });
  });
});
