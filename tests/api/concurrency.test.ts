import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Reply, type Started } from "../support/http.ts";
import { uniqueEmail } from "../support/fixtures.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";
import { approveTime } from "../support/approve-time.ts";

// Parallel, conflicting calls on the same items, the way two browser tabs or two people race:
// no lost update, no duplicate number, no double payment. Every race here is fired at once over
// HTTP against DynamoDB Local. Races that belong to one feature's story are tested with it:
// QA approvals and sibling task moves (pipeline-access), request numbers (pipeline-access),
// timer start/stop and invoice numbers (billing), link redemption (auth), client codes
// (clients), member edits (members), deposits taken off (packages), Stripe event replays
// (stripe), retainer and survey jobs run twice (jobs, surveys).

let api: Started;
let world: World;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Concurrency Agency");
  const client = await world.owner.get(`/clients/${world.ids.client}`);
  const saved = await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, billing: { hourlyRate: 6000 } });
  expect(saved.status).toBe(200);
});
afterAll(() => api.close());

const at = <T,>(count: number, call: (i: number) => Promise<T>) => Promise.all(Array.from({ length: count }, (_, i) => call(i)));
const statuses = (replies: Reply[]) => replies.map((reply) => reply.status).sort();

async function sentInvoice(amount: number) {
  const draft = await world.owner.post("/invoices", {
    clientId: world.ids.client,
    includeTime: false,
    lines: [{ kind: "custom", description: "Race", quantity: 1, unitAmount: amount }],
  });
  expect(draft.status).toBe(201);
  const sent = await world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version });
  expect(sent.status).toBe(200);
  return sent.body;
}

describe("payments", () => {
  it("takes one of ten simultaneous payments of the whole balance; the invoice is paid once", async () => {
    const invoice = await sentInvoice(25_000);
    const replies = await at(10, (i) => world.owner.post(`/invoices/${invoice.id}/payments`, { amount: invoice.total, method: "bank_transfer", reference: `T-${i}` }));
    expect(replies.filter((reply) => reply.status === 201)).toHaveLength(1);
    for (const refused of replies.filter((reply) => reply.status !== 201)) {
      expect([400, 409, 422]).toContain(refused.status);
      expect(refused.body.error.message).toEqual(expect.any(String));
    }
    const after = await world.owner.get(`/invoices/${invoice.id}`);
    expect(after.body).toMatchObject({ status: "paid", amountPaid: invoice.total, balance: 0 });
    expect(after.body.payments).toHaveLength(1);
  });

  it("never takes more than the balance when part payments race", async () => {
    const invoice = await sentInvoice(30_000);
    const third = invoice.total / 3;
    expect(Number.isInteger(third)).toBe(true);
    const replies = await at(6, () => world.owner.post(`/invoices/${invoice.id}/payments`, { amount: third, method: "wise" }));
    const accepted = replies.filter((reply) => reply.status === 201);
    const after = await world.owner.get(`/invoices/${invoice.id}`);
    // Every accepted payment is on the invoice, nothing else is, and the sum never passes the total.
    expect(after.body.payments).toHaveLength(accepted.length);
    expect(after.body.amountPaid).toBe(accepted.length * third);
    expect(after.body.amountPaid).toBeLessThanOrEqual(invoice.total);
    expect(after.body.balance).toBe(invoice.total - after.body.amountPaid);
    expect(after.body.status).toBe(after.body.balance === 0 ? "paid" : "partially_paid");
    // Whatever lost a race can be retried until the invoice is paid, and then no more.
    let balance = after.body.balance;
    while (balance > 0) {
      const retry = await world.owner.post(`/invoices/${invoice.id}/payments`, { amount: third, method: "wise" });
      expect(retry.status).toBe(201);
      balance = retry.body.balance;
    }
    expect((await world.owner.post(`/invoices/${invoice.id}/payments`, { amount: 1, method: "wise" })).status).toBe(400);
    expect((await world.owner.get(`/invoices/${invoice.id}`)).body.payments).toHaveLength(3);
  });
});

describe("invoicing time", () => {
  it("bills each time entry on exactly one invoice when two invoices are made at once", async () => {
    const { task } = await acceptedTask(world, { title: "Race to bill" });
    const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
    expect(assigned.status).toBe(200);
    const startedAt = new Date(Date.now() - 5 * 3_600_000).toISOString();
    const entries = await at(4, () => world.sub.post("/time", { taskId: task.id, startedAt, minutes: 30 }));
    expect(statuses(entries)).toEqual([201, 201, 201, 201]);
    const ids = entries.map((entry) => entry.body.id as string);
    await approveTime(world, entries.map((entry) => entry.body));

    const drafts = await at(3, () => world.owner.post("/invoices", { clientId: world.ids.client, includeTime: true, lines: [] }));
    const made = drafts.filter((reply) => reply.status === 201);
    expect(made.length).toBeGreaterThanOrEqual(1);
    for (const refused of drafts.filter((reply) => reply.status !== 201)) expect([409, 422]).toContain(refused.status);

    // Each entry is on one invoice, the same one, and that invoice counts every entry; the
    // other invoices made in the race bill none of them.
    const onTask = await world.owner.get(`/time/task/${task.id}`);
    const billedOn = onTask.body.entries.filter((entry: any) => ids.includes(entry.id)).map((entry: any) => entry.invoiceId);
    expect(billedOn).toHaveLength(ids.length);
    expect(billedOn.every((invoiceId: string | null) => invoiceId !== null)).toBe(true);
    expect(new Set(billedOn).size).toBe(1);
    const owning = made.find((reply) => reply.body.id === billedOn[0]);
    expect(owning?.body.entryCount).toBeGreaterThanOrEqual(ids.length);
    const unbilled = await world.owner.get(`/time/unbilled?clientId=${world.ids.client}`);
    expect(unbilled.body.items.filter((entry: any) => ids.includes(entry.id))).toEqual([]);
  });
});

describe("edits of the same version", () => {
  it("keeps one of five simultaneous client edits and answers the rest with the current client", async () => {
    const client = await world.owner.get(`/clients/${world.ids.client}`);
    const replies = await at(5, (i) => world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, notes: `Edit ${i}` }));
    const won = replies.filter((reply) => reply.status === 200);
    expect(won).toHaveLength(1);
    for (const lost of replies.filter((reply) => reply.status !== 200)) {
      expect(lost.status).toBe(409);
      expect(lost.body.current).toMatchObject({ version: client.body.version + 1, notes: won[0]!.body.notes });
    }
    expect((await world.owner.get(`/clients/${world.ids.client}`)).body.notes).toBe(won[0]!.body.notes);
  });

  it("numbers a draft once when it is sent five times at once, leaving no gap", async () => {
    const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "Once", quantity: 1, unitAmount: 100 }] });
    const replies = await at(5, () => world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version }));
    const sent = replies.filter((reply) => reply.status === 200);
    expect(sent).toHaveLength(1);
    for (const lost of replies.filter((reply) => reply.status !== 200)) expect(lost.status).toBe(409);
    const next = await sentInvoice(100);
    const number = (value: string) => Number(value.replace(/\D/g, ""));
    expect(number(next.number)).toBe(number(sent[0]!.body.number) + 1);
  });

  it("either voids an invoice or records its payment when both arrive at once, never both", async () => {
    const invoice = await sentInvoice(4_000);
    const [voided, paid] = await Promise.all([
      world.owner.post(`/invoices/${invoice.id}/void`, { version: invoice.version }),
      world.owner.post(`/invoices/${invoice.id}/payments`, { amount: invoice.total, method: "cash" }),
    ]);
    const after = (await world.owner.get(`/invoices/${invoice.id}`)).body;
    if (voided!.status === 200) {
      expect(paid!.status).toBeGreaterThanOrEqual(400);
      expect(after).toMatchObject({ status: "void", amountPaid: 0, payments: [] });
    } else {
      expect([409, 422]).toContain(voided!.status);
      expect(paid!.status).toBe(201);
      expect(after).toMatchObject({ status: "paid", amountPaid: invoice.total });
    }
  });

  it("invites a contact once when the same email is invited five times at once", async () => {
    const email = uniqueEmail("twice");
    const replies = await at(5, () => world.owner.post(`/clients/${world.ids.client}/contacts`, { email, name: "Twin", timeZone: "UTC" }));
    expect(replies.filter((reply) => reply.status === 201)).toHaveLength(1);
    for (const lost of replies.filter((reply) => reply.status !== 201)) expect(lost.status).toBe(409);
    const contacts = await world.owner.get(`/clients/${world.ids.client}/contacts`);
    expect(contacts.body.items.filter((contact: any) => contact.email === email)).toHaveLength(1);
  });
});

describe("one signed-in person in two tabs", () => {
  it("runs one timer when timers for two different tasks start at once", async () => {
    const tasks = await Promise.all(
      ["Tab one", "Tab two"].map(async (title) => {
        const { task } = await acceptedTask(world, { title });
        return (await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub })).body.task;
      }),
    );
    const replies = await Promise.all(tasks.map((task) => world.sub.post("/time/timer/start", { taskId: task.id })));
    expect(statuses(replies)).toEqual([201, 409]);
    const timer = (await world.sub.get("/time/timer")).body.timer;
    expect(tasks.map((task) => task.id)).toContain(timer.taskId);
    expect(replies.find((reply) => reply.status === 409)!.body.current.taskId).toBe(timer.taskId);
    expect((await world.sub.post("/time/timer/stop", {})).status).toBe(201);
  });
});
