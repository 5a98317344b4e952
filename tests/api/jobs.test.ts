import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Invoices } from "@baton/core/invoice";
import { emailsTo } from "@baton/local/mailbox";
import { inject } from "vitest";
import { startApi, type Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// The scheduled money jobs, run the way the 15-minute schedule runs them, at chosen moments.
// Each runs twice (and concurrently) to show it does its work once.

let api: Started;
let world: World;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Jobs Agency");
});
afterAll(() => api.close());

const day = 86_400_000;
const remindersTo = async (email: string, number: string) =>
  (await emailsTo(inject("sesEndpoint"), email)).filter((e) => e.subject.includes(`Reminder: invoice ${number}`)).length;

describe("overdue reminders", () => {
  it("reminds 1, 7 and 14 days after the due date, once each, and stops when paid", async () => {
    const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "Work", quantity: 1, unitAmount: 5000 }] });
    const sent = await world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version });
    const due = Date.parse(sent.body.dueAt);
    const number = sent.body.number as string;

    expect((await Invoices.MoneyJobs.remindOverdue(new Date(due + day / 2))).sent).toBe(0);
    const first = await Promise.all([Invoices.MoneyJobs.remindOverdue(new Date(due + day + 60_000)), Invoices.MoneyJobs.remindOverdue(new Date(due + day + 60_000))]);
    expect(first.map((r) => r.sent).sort()).toEqual([0, 1]);
    expect((await Invoices.MoneyJobs.remindOverdue(new Date(due + 2 * day))).sent).toBe(0);
    expect(await remindersTo(world.people.contact.email, number)).toBe(1);

    expect((await Invoices.MoneyJobs.remindOverdue(new Date(due + 7 * day + 60_000))).sent).toBe(1);
    expect((await Invoices.MoneyJobs.remindOverdue(new Date(due + 7 * day + 120_000))).sent).toBe(0);
    expect(await remindersTo(world.people.contact.email, number)).toBe(2);
    const seen = await world.owner.get(`/invoices/${draft.body.id}`);
    expect(seen.body.remindersSent).toBe(2);

    // Paid: no third reminder.
    await world.owner.post(`/invoices/${draft.body.id}/payments`, { amount: seen.body.balance, method: "bank_transfer" });
    expect((await Invoices.MoneyJobs.remindOverdue(new Date(due + 15 * day))).sent).toBe(0);
    expect(await remindersTo(world.people.contact.email, number)).toBe(2);
  });
});

describe("retainer invoices", () => {
  it("issues each retainer client's monthly invoice once, in the client's time zone, billing last month's overage", async () => {
    const client = await world.owner.get(`/clients/${world.ids.client}`);
    const saved = await world.owner.patch(`/clients/${world.ids.client}`, {
      version: client.body.version,
      status: "active",
      billing: { hourlyRate: 6000, taxRate: 0, retainer: { fee: 100000, includedMinutes: 600 } },
    });
    expect(saved.status).toBe(200);
    // 11 hours in November (New York time): one hour beyond the 10 included.
    const { task } = await acceptedTask(world, { title: "Retainer work" });
    for (const startedAt of ["2026-11-10T14:00:00Z", "2026-11-11T14:00:00Z"]) {
      const logged = await world.owner.post("/time", { taskId: task.id, startedAt, minutes: 330 });
      expect(logged.status).toBe(201);
    }
    // 1 December 03:00 UTC is still 30 November in New York: the run issues November's invoice
    // (which bills October's overage: none), not December's.
    expect((await Invoices.MoneyJobs.issueRetainers(new Date("2026-12-01T03:00:00Z"))).issued).toBe(1);
    const november = (await world.owner.get(`/invoices?clientId=${world.ids.client}&limit=100`)).body.items.filter((i: any) => i.kind === "retainer");
    expect(november.map((i: any) => [i.period, i.lines.length, i.total])).toEqual([["2026-11", 1, 100000]]);

    const runs = await Promise.all([0, 1, 2].map(() => Invoices.MoneyJobs.issueRetainers(new Date("2026-12-01T06:00:00Z"))));
    expect(runs.reduce((sum, r) => sum + r.issued, 0)).toBe(1);
    expect((await Invoices.MoneyJobs.issueRetainers(new Date("2026-12-15T12:00:00Z"))).issued).toBe(0);

    const retainers = (await world.owner.get(`/invoices?clientId=${world.ids.client}&limit=100`)).body.items.filter((i: any) => i.kind === "retainer");
    expect(retainers.map((i: any) => i.period).sort()).toEqual(["2026-11", "2026-12"]);
    const invoice = retainers.find((i: any) => i.period === "2026-12");
    expect(invoice).toMatchObject({ period: "2026-12", status: "sent", currency: "USD", number: expect.stringMatching(/^INV-\d{5}$/) });
    expect(invoice.lines).toEqual([
      expect.objectContaining({ kind: "retainer", amount: 100000, description: expect.stringContaining("December 2026") }),
      expect.objectContaining({ kind: "overage", quantity: 60, unitAmount: 6000, amount: 6000 }),
    ]);
    expect(invoice.total).toBe(106000);
    // November's time is locked on it, not billed again.
    const unbilled = await world.owner.get(`/time/unbilled?clientId=${world.ids.client}`);
    expect(unbilled.body.items.filter((e: any) => e.startedAt.startsWith("2026-11-1"))).toEqual([]);
    // January is another month: a new invoice.
    expect((await Invoices.MoneyJobs.issueRetainers(new Date("2027-01-01T12:00:00Z"))).issued).toBe(1);
  });
});
