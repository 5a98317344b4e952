import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monthOf } from "@baton/kernel/dates";
import { startApi, waitForEmail, type Started } from "../support/http.ts";
import { pdfText } from "../support/pdf.ts";
import { approveTime } from "../support/approve-time.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// Subcontractor payouts (issue 17, part 6) over HTTP: a month's statement is the member's approved
// time not yet on a statement × their cost rate, in their own currency with the exchange rate to
// the agency's (GBP) stamped; it is fixed once issued (time approved later goes on the next one),
// issued once per member and month, marked paid once (the same answer again changes nothing);
// the member is emailed both times and sees only their own statements.

let api: Started;
let world: World;
let taskId: string;

const ZONE = "Asia/Kolkata";
const current = () => monthOf(new Date(), ZONE);
/** The month before this one in the member's zone. */
function lastMonth(): string {
  const [year, month] = current().split("-").map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}
const dayOf = (period: string, day: number) => `${period}-${String(day).padStart(2, "0")}T06:00:00.000Z`;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Payout Agency");
  const { task } = await acceptedTask(world, { title: "Newsletter", dueInDays: 20 });
  const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
  expect(assigned.status).toBe(200);
  taskId = task.id;
  const member = await world.owner.get(`/members/${world.ids.sub}`);
  const saved = await world.owner.patch(`/members/${world.ids.sub}`, { version: member.body.version, costRate: 2000, costCurrency: "EUR" });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  expect(saved.body.costCurrency).toBe("EUR");
});
afterAll(() => api.close());

async function logAndApprove(startedAt: string, minutes: number) {
  const logged = await world.sub.post("/time", { taskId, startedAt, minutes });
  expect(logged.status, JSON.stringify(logged.body)).toBe(201);
  await approveTime(world, [logged.body]);
  return logged.body;
}

describe("payout statements", () => {
  let statement: any;

  it("owes approved time only, and needs an exchange rate for the member's currency", async () => {
    await logAndApprove(dayOf(lastMonth(), 10), 90);
    await logAndApprove(dayOf(lastMonth(), 11), 60);
    // Waiting for approval: not owed.
    const waiting = await world.sub.post("/time", { taskId, startedAt: dayOf(lastMonth(), 12), minutes: 45 });
    expect(waiting.status).toBe(201);

    const overview = await world.owner.get(`/payouts?period=${lastMonth()}`);
    expect(overview.status).toBe(200);
    const sam = overview.body.owed.find((row: any) => row.member.id === world.ids.sub);
    expect(sam).toMatchObject({ minutes: 150, amount: 5000, currency: "EUR", costRate: 2000, statementId: null });

    const noRate = await world.owner.post("/payouts", { memberId: world.ids.sub, period: lastMonth() });
    expect(noRate.status).toBe(422);
    expect(noRate.body.error.code).toBe("payout.no_rate");
  });

  it("issues the month once, with the exchange rate stamped, and emails the member", async () => {
    expect((await world.owner.request("PUT", "/agency/rates", { currency: "EUR", rate: "0.85" })).status).toBe(200);
    const issued = await world.owner.post("/payouts", { memberId: world.ids.sub, period: lastMonth() });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    statement = issued.body;
    expect(statement).toMatchObject({ period: lastMonth(), currency: "EUR", costRate: 2000, minutes: 150, amount: 5000, status: "issued", paid: null });
    expect(statement.exchange).toMatchObject({ rate: "0.85", to: "GBP", amount: 4250 });
    expect(statement.lines.reduce((sum: number, line: any) => sum + line.minutes, 0)).toBe(150);

    const again = await world.owner.post("/payouts", { memberId: world.ids.sub, period: lastMonth() });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("payout.already_issued");

    const email = await waitForEmail(world.people.sub.email, (each) => /Your payout statement/.test(each.subject));
    expect(email.subject).toContain("€50.00");
    // 150 minutes, in the one duration format.
    expect(email.body.text).toContain(": 2 h 30 min of approved time, €50.00.");
    const after = await world.owner.get(`/payouts?period=${lastMonth()}`);
    expect(after.body.owed.find((row: any) => row.member.id === world.ids.sub)).toMatchObject({ minutes: 150, amount: 5000, statementId: statement.id });
  });

  it("keeps the amount once issued: time of that month approved later goes on the next statement", async () => {
    const late = await logAndApprove(dayOf(lastMonth(), 14), 30);
    const read = await world.owner.get(`/payouts/${statement.id}`);
    expect(read.body).toMatchObject({ minutes: 150, amount: 5000 });
    const next = await world.owner.post("/payouts", { memberId: world.ids.sub, period: current() });
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    // The 30 approved minutes, plus whatever the 45 waiting minutes were (not approved: not owed).
    expect(next.body).toMatchObject({ period: current(), minutes: 30, amount: 1000 });
    // Paid out time stays as it is: a reviewer can no longer return it.
    const returned = await world.owner.post("/time/approvals/return", { entryIds: [late.id], note: "Logged on the wrong task." });
    expect(returned.status).toBe(409);
    expect(returned.body.error.code).toBe("time.paid_out");
    expect(returned.body.current.map((entry: any) => entry.id)).toEqual([late.id]);
  });

  it("is marked paid once: the same answer again changes nothing, another answers 409, and the member is emailed", async () => {
    const paid = await world.owner.post(`/payouts/${statement.id}/paid`, { method: "wise", reference: "W-2026-1" });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body.status).toBe("paid");
    expect(paid.body.paid).toMatchObject({ method: "wise", reference: "W-2026-1" });
    expect(paid.body.amount).toBe(5000);

    const retry = await world.owner.post(`/payouts/${statement.id}/paid`, { method: "wise", reference: "W-2026-1" });
    expect(retry.status).toBe(200);
    expect(retry.body.version).toBe(paid.body.version);
    const twice = await world.owner.post(`/payouts/${statement.id}/paid`, { method: "bank", reference: "TR-9" });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("payout.already_paid");

    const email = await waitForEmail(world.people.sub.email, (each) => /^Paid: your payout/.test(each.subject));
    expect(email.body.text).toContain("W-2026-1");
  });

  it("shows in the payouts report what each member's statements hold: owed and paid", async () => {
    const report = await world.owner.get(`/reports/payouts?from=${lastMonth()}-01&to=${new Date().toISOString().slice(0, 10)}`);
    expect(report.status).toBe(200);
    const sam = report.body.members.find((member: any) => member.id === world.ids.sub);
    expect(sam.statements).toEqual({ currency: "EUR", owed: 1000, paid: 5000 });
  });

  it("shows a member only their own statements: another member's answer 404, a client's 403", async () => {
    const mine = await world.sub.get("/payouts/mine");
    expect(mine.status).toBe(200);
    expect(mine.body.statements.map((each: any) => each.id)).toContain(statement.id);
    expect((await world.sub.get(`/payouts/${statement.id}`)).status).toBe(200);
    const pdf = await world.sub.download(`/payouts/${statement.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(pdf.bytes.slice(0, 5)).toString()).toBe("%PDF-");
    // Its time reads in the one duration format: the total and the lines (which add up to it).
    const printed = await pdfText(new Uint8Array(pdf.bytes));
    expect(printed).toMatch(/Total hours\s*2 h 30 min/);
    expect(printed).not.toMatch(/(^|\s)2\.50(\s|$)/);

    expect((await world.reviewer.get("/payouts/mine")).body.statements).toEqual([]);
    expect((await world.reviewer.get(`/payouts/${statement.id}`)).status).toBe(404);
    expect((await world.reviewer.download(`/payouts/${statement.id}/pdf`)).status).toBe(404);
    expect((await world.reviewer.get(`/payouts?period=${lastMonth()}`)).status).toBe(403);
    expect((await world.reviewer.post(`/payouts/${statement.id}/paid`, { method: "bank", reference: "x" })).status).toBe(403);
    expect((await world.contact.get(`/payouts/${statement.id}`)).status).toBe(403);
  });

  it("exports the statements as CSV with the stamped rate and how each was paid", async () => {
    const csv = await world.owner.get(`/payouts/export?from=${lastMonth()}&to=${current()}`);
    expect(csv.status).toBe(200);
    const lines = String(csv.body).trim().split("\r\n");
    expect(lines[0]).toBe("Month,Member,Status,Hours,Currency,Amount,Exchange rate,Agency currency,Agency amount,Issued at,Paid at,Method,Reference");
    const row = lines.find((line) => line.startsWith(`${lastMonth()},Sam Writer,paid,`));
    expect(row).toContain(",2.50,EUR,50.00,0.85,GBP,42.50,");
    expect(row).toMatch(/,wise,W-2026-1$/);
    expect(lines).toHaveLength(3);
  });

  it("refuses bad input with 4xx: an unknown month, a future month, a member without a cost rate, an unknown method, an over-long id", async () => {
    expect((await world.owner.post("/payouts", { memberId: world.ids.sub, period: "2026-13" })).status).toBe(400);
    const future = await world.owner.post("/payouts", { memberId: world.ids.sub, period: "2099-01" });
    expect(future.status).toBe(400);
    expect(future.body.error.fields.period).toBe("Choose a month that has begun.");
    const uncosted = await world.owner.post("/payouts", { memberId: world.ids.reviewer, period: lastMonth() });
    expect(uncosted.status).toBe(422);
    expect(uncosted.body.error.code).toBe("payout.no_cost_rate");
    expect((await world.owner.post("/payouts", { memberId: "mem_nobody", period: lastMonth() })).status).toBe(404);
    const method = await world.owner.post(`/payouts/${statement.id}/paid`, { method: "cheque", reference: "x" });
    expect(method.status).toBe(400);
    expect(method.body.error.fields.method).toBe("Choose bank transfer, Wise, PayPal or other.");
    expect((await world.owner.get(`/payouts/${"x".repeat(1000)}`)).status).toBe(404);
    expect((await world.owner.get(`/payouts/pyo_01kbz0000000000000000000zz`)).status).toBe(404);
  });
});
