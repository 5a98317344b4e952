import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@baton/core/actor";
import { Reports } from "@baton/core/reports";
import { startApi, type Started } from "../support/http.ts";
import { approveTime } from "../support/approve-time.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// The owner's money reports over HTTP, against invoices and time made the way users make them.
// The agency is in GBP (Europe/London); Acme pays in USD, Globex in GBP, Tokyo KK in JPY.

let api: Started;
let world: World;
let globexId: string;
let tokyoId: string;

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const day = 86_400_000;
const utcDate = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);
/** A period around now wide enough for any time zone: three days back to tomorrow. */
const period = `from=${utcDate(-3)}&to=${utcDate(1)}`;

async function sentInvoice(body: Record<string, unknown>) {
  const draft = await world.owner.post("/invoices", body);
  expect(draft.status).toBe(201);
  const sent = await world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version });
  expect(sent.status).toBe(200);
  return sent.body;
}

async function setCostRate(memberId: string, costRate: number) {
  const member = await world.owner.get(`/members/${memberId}`);
  const saved = await world.owner.patch(`/members/${memberId}`, { version: member.body.version, costRate });
  expect(saved.status).toBe(200);
}

let acmeInvoice: any;
let globexInvoice: any;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Reports Agency");
  const globex = await world.owner.post("/clients", { name: "Globex", code: `GX${Date.now() % 100000}`, timeZone: "Europe/London", currency: "GBP", billing: { hourlyRate: 6000, taxRate: 2000, taxName: "VAT" } });
  globexId = globex.body.id;
  const tokyo = await world.owner.post("/clients", { name: "Tokyo KK", code: `TK${Date.now() % 100000}`, timeZone: "Asia/Tokyo", currency: "JPY" });
  tokyoId = tokyo.body.id;
  const acme = await world.owner.get(`/clients/${world.ids.client}`);
  await world.owner.patch(`/clients/${world.ids.client}`, { version: acme.body.version, billing: { hourlyRate: 10000, taxRate: 1000, taxName: "Tax" } });

  // Sam (£25/h) works 90 billable and 30 unbilled minutes for Acme; the owner (no cost rate) 60 for Globex.
  await setCostRate(world.ids.sub, 2500);
  const { task } = await acceptedTask(world, { title: "Report work" });
  const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
  expect(assigned.status).toBe(200);
  const billed = await world.sub.post("/time", { taskId: task.id, startedAt: hoursAgo(3), minutes: 90 });
  expect(billed.status).toBe(201);
  const unbilled = await world.sub.post("/time", { taskId: task.id, startedAt: hoursAgo(2), minutes: 30, billable: false });
  expect(unbilled.status).toBe(201);
  // Only approved time is invoiced: Sam submits the week and the owner approves it.
  await approveTime(world, [billed.body, unbilled.body]);
  expect((await world.owner.post("/time", { clientId: globexId, startedAt: hoursAgo(2), minutes: 60 })).status).toBe(201);

  acmeInvoice = await sentInvoice({ clientId: world.ids.client });
  globexInvoice = await sentInvoice({ clientId: globexId, includeTime: false, lines: [{ kind: "package", description: "Website care", quantity: 2, unitAmount: 15000 }] });
  await sentInvoice({ clientId: tokyoId, includeTime: false, lines: [{ kind: "custom", description: "Setup", quantity: 1, unitAmount: 50000 }] });
  // Neither a draft nor a void invoice is revenue.
  await world.owner.post("/invoices", { clientId: globexId, includeTime: false, lines: [{ kind: "custom", description: "Draft only", quantity: 1, unitAmount: 99900 }] });
  const voided = await sentInvoice({ clientId: globexId, includeTime: false, lines: [{ kind: "custom", description: "Mistake", quantity: 1, unitAmount: 77700 }] });
  expect((await world.owner.post(`/invoices/${voided.id}/void`, { version: voided.version })).status).toBe(200);
  // Acme pays part.
  expect((await world.owner.post(`/invoices/${acmeInvoice.id}/payments`, { amount: 1000, method: "bank_transfer" })).status).toBe(201);
});
afterAll(() => api.close());

describe("revenue", () => {
  it("sums invoiced amounts before tax by month and client, per currency, without drafts or void invoices", async () => {
    const report = await world.owner.get("/reports/revenue");
    expect(report.status).toBe(200);
    expect(report.body.months).toHaveLength(12);
    expect(report.body.timeZone).toBe("Europe/London");
    const byCurrency = Object.fromEntries(report.body.currencies.map((c: any) => [c.currency, c]));
    expect(Object.keys(byCurrency).sort()).toEqual(["GBP", "JPY", "USD"]);
    // 90 billable minutes at $100/h; tax is not revenue.
    expect(acmeInvoice.subtotal).toBe(15000);
    expect(byCurrency.USD).toMatchObject({ total: 15000, clients: [{ name: "Acme Corp", total: 15000, invoices: 1 }] });
    expect(byCurrency.GBP).toMatchObject({ total: 30000, clients: [{ name: "Globex", total: 30000, invoices: 1 }] });
    expect(byCurrency.JPY.total).toBe(50000);
    // The invoices fall in the current month, in the agency's zone; every month sums its clients.
    const current = byCurrency.GBP.months.at(-1);
    expect(current).toMatchObject({ month: report.body.to, total: 30000, byClient: [{ clientId: globexId, amount: 30000 }] });
    for (const currency of report.body.currencies) {
      expect(currency.months.reduce((sum: number, m: any) => sum + m.total, 0)).toBe(currency.total);
    }
  });

  it("reads only the months asked for", async () => {
    const lastYear = await world.owner.get("/reports/revenue?from=2024-01&to=2024-03");
    expect(lastYear.status).toBe(200);
    expect(lastYear.body.months).toEqual(["2024-01", "2024-02", "2024-03"]);
    expect(lastYear.body.currencies).toEqual([]);
  });

  it("refuses months that aren't, ranges backwards and ranges too long", async () => {
    const cases: Array<[string, string]> = [
      ["from=2026-13", "from"],
      ["to=26-01", "to"],
      ["from=2026-05&to=2026-01", "from"],
      ["from=2020-01&to=2026-01", "from"],
      ["from=2026-01&extra=1", ""],
    ];
    for (const [query, field] of cases) {
      const reply = await world.owner.get(`/reports/revenue?${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.body.error.message).toBeTruthy();
      if (field) expect(Object.keys(reply.body.error.fields ?? {}), query).toContain(field);
    }
  });
});

describe("receivables aging", () => {
  it("shows what is owed now per currency and client, part payments taken off", async () => {
    const report = await world.owner.get("/reports/receivables");
    expect(report.status).toBe(200);
    expect(report.body.buckets).toEqual(["current", "1-30", "31-60", "61-90", "90+"]);
    const usd = report.body.currencies.find((c: any) => c.currency === "USD");
    // $150 + 10% tax, less the $10 paid.
    expect(usd.total).toBe(16500 - 1000);
    expect(usd.buckets.find((b: any) => b.bucket === "current")).toEqual({ bucket: "current", amount: 15500, count: 1 });
    expect(usd.clients).toEqual([expect.objectContaining({ name: "Acme Corp", total: 15500 })]);
    const gbp = report.body.currencies.find((c: any) => c.currency === "GBP");
    expect(gbp.total).toBe(globexInvoice.total);
    expect(report.body.invoices.map((i: any) => i.id)).toContain(acmeInvoice.id);
    expect(report.body.invoices.every((i: any) => i.balance > 0)).toBe(true);
  });

  it("ages invoices into 1–30, 31–60, 61–90 and 90+ days past due as time passes", async () => {
    const due = Date.parse(acmeInvoice.dueAt);
    const bucketAt = async (daysLate: number) => {
      const report = await withActor({ type: "system", agencyId: world.agency.agencyId }, () => Reports.receivables(new Date(due + daysLate * day + 60_000)));
      return report.invoices.find((i) => i.id === acmeInvoice.id)!;
    };
    expect(await bucketAt(0)).toMatchObject({ bucket: "current", daysOverdue: 0 });
    expect(await bucketAt(1)).toMatchObject({ bucket: "1-30", daysOverdue: 1 });
    expect(await bucketAt(30)).toMatchObject({ bucket: "1-30" });
    expect(await bucketAt(31)).toMatchObject({ bucket: "31-60" });
    expect(await bucketAt(75)).toMatchObject({ bucket: "61-90" });
    expect(await bucketAt(200)).toMatchObject({ bucket: "90+", daysOverdue: 200 });
  });
});

describe("margin and payouts", () => {
  it("gives each client's billed amount less the team's cost, only where the currencies match", async () => {
    const report = await world.owner.get(`/reports/margin?${period}`);
    expect(report.status).toBe(200);
    expect(report.body.currency).toBe("GBP");
    const byName = Object.fromEntries(report.body.clients.map((c: any) => [c.name, c]));
    // Globex: £300 billed; the owner's hour has no cost rate, so it costs nothing here — and says so.
    expect(byName.Globex).toMatchObject({ currency: "GBP", billed: 30000, cost: 0, minutes: 60, margin: 30000, marginRate: 10000 });
    expect(report.body.withoutCostRate).toEqual([{ id: world.agency.ownerId, name: "Owner Person", minutes: 60 }]);
    // Acme is billed in USD, costs are in GBP: two hours of Sam's at £25, no margin across currencies.
    expect(byName["Acme Corp"]).toMatchObject({ currency: "USD", billed: 15000, cost: 5000, minutes: 120, margin: null, marginRate: null });
    expect(byName["Tokyo KK"]).toMatchObject({ billed: 50000, cost: 0, margin: null });
  });

  it("costs the owner's time once a cost rate is set, and margins can go negative", async () => {
    await setCostRate(world.agency.ownerId, 40000);
    const report = await world.owner.get(`/reports/margin?${period}`);
    const globex = report.body.clients.find((c: any) => c.name === "Globex");
    expect(globex).toMatchObject({ cost: 40000, margin: -10000, marginRate: -3333 });
    expect(report.body.withoutCostRate).toEqual([]);
  });

  it("owes each team member (not the owner) their time at their cost rate", async () => {
    await setCostRate(world.ids.reviewer, 3000);
    const report = await world.owner.get(`/reports/payouts?${period}`);
    expect(report.status).toBe(200);
    expect(report.body.currency).toBe("GBP");
    expect(report.body.members).toEqual([
      { id: world.ids.sub, name: "Sam Writer", role: "subcontractor", minutes: 120, billableMinutes: 90, costRate: 2500, amount: 5000, statements: null },
      { id: world.ids.reviewer, name: "Maria Reviewer", role: "subcontractor", minutes: 0, billableMinutes: 0, costRate: 3000, amount: 0, statements: null },
    ]);
    expect(report.body.total).toBe(5000);
    // A period before any of it owes nothing.
    const before = await world.owner.get("/reports/payouts?from=2024-01-01&to=2024-01-31");
    expect(before.body.total).toBe(0);
    expect(before.body.members.every((m: any) => m.minutes === 0)).toBe(true);
  });

  it("refuses dates that don't exist, backwards periods and periods over a year", async () => {
    for (const query of ["from=2026-02-30", "to=2026/11/01", "from=2026-11-10&to=2026-11-01", "from=2024-01-01&to=2025-06-01"]) {
      for (const report of ["margin", "payouts"]) {
        const reply = await world.owner.get(`/reports/${report}?${query}`);
        expect(reply.status, `${report}?${query}`).toBe(400);
        expect(Object.keys(reply.body.error.fields ?? {}).length, query).toBeGreaterThan(0);
      }
    }
  });
});

describe("who may read them", () => {
  it("is the owner's alone: team members and clients are refused", async () => {
    for (const path of ["/reports/revenue", "/reports/receivables", `/reports/margin?${period}`, `/reports/payouts?${period}`]) {
      expect((await world.sub.get(path)).status, path).toBe(403);
      expect((await world.reviewer.get(path)).status, path).toBe(403);
      expect((await world.contact.get(path)).status, path).toBe(403);
    }
  });
});
