import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, signIn, startApi, waitForEmail, type Started } from "../support/http.ts";
import type { CapturedEmail } from "@baton/local/mailbox";
import { backdateTimer } from "../support/timer.ts";
import { createAgency } from "../support/fixtures.ts";
import { acceptedTask, acceptInvitation, createWorld, type World } from "../support/world.ts";
import { uniqueEmail } from "../support/fixtures.ts";
import { approveTime } from "../support/approve-time.ts";

// Time and money over HTTP: timers and timesheets, rates, invoices numbered without gaps,
// payments by hand, and what each person may see of it.

let api: Started;
let world: World;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Billing Agency");
});
afterAll(() => api.close());

async function assignedTask(title = "Billable work") {
  const { request, task } = await acceptedTask(world, { title });
  const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
  expect(assigned.status).toBe(200);
  return { request, task: assigned.body.task };
}

/** US dollars as the emails show them to an English reader. */
const usd = (minor: number) => new Intl.NumberFormat("en", { style: "currency", currency: "USD" }).format(minor / 100);
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
/** The local date of an instant in Sam's zone (Asia/Kolkata), as the week view takes it. */
const kolkataDate = (iso: string) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(new Date(iso));

async function setRate(hourlyRate: number | null, extra: Record<string, unknown> = {}) {
  const client = await world.owner.get(`/clients/${world.ids.client}`);
  const saved = await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, billing: { hourlyRate, ...extra } });
  expect(saved.status).toBe(200);
  return saved.body;
}

describe("time tracking", () => {
  it("runs one timer at a time, kept on the server, and records it as an entry when stopped", async () => {
    const { task } = await assignedTask("Timed work");
    expect((await world.sub.get("/time/timer")).body.timer).toBeNull();
    const started = await world.sub.post("/time/timer/start", { taskId: task.id, note: "Drafting" });
    expect(started.status).toBe(201);
    expect(started.body.timer).toMatchObject({ taskId: task.id, client: { name: "Acme Corp" }, note: "Drafting" });
    expect(started.body.entry).toBeNull();
    // Survives a reload: it is read back from the server.
    expect((await world.sub.get("/time/timer")).body.timer.startedAt).toBe(started.body.timer.startedAt);
    // A second timer is refused with the one that runs.
    const second = await world.sub.post("/time/timer/start", { taskId: task.id });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("timer.running");
    expect(second.body.current.taskId).toBe(task.id);
    // Ten simultaneous starts after a stop: exactly one timer.
    await backdateTimer(world.agency.agencyId, world.ids.sub, 5);
    const stopped = await world.sub.post("/time/timer/stop", {});
    expect(stopped.status).toBe(201);
    // Start, stop and GET /time/timer answer one shape: the timer (none now) and the entry a stop recorded.
    expect(stopped.body.timer).toBeNull();
    expect(stopped.body.entry).toMatchObject({ minutes: 5, billable: true, note: "Drafting", task: { id: task.id }, member: { name: "Sam Writer" }, invoiceId: null });
    expect((await world.sub.get("/time/timer")).body).toEqual({ timer: null, entry: null });
    const starts = await Promise.all(Array.from({ length: 10 }, () => world.sub.post("/time/timer/start", { taskId: task.id })));
    expect(starts.filter((r) => r.status === 201)).toHaveLength(1);
    expect(starts.filter((r) => r.status === 409)).toHaveLength(9);
    const stops = await Promise.all(Array.from({ length: 5 }, () => world.sub.post("/time/timer/stop", {})));
    expect(stops.filter((r) => r.status === 201)).toHaveLength(1);
    expect(stops.filter((r) => r.status === 409).every((r) => r.body.error.code === "timer.not_running")).toBe(true);
  });

  it("discards a timer stopped within a minute: nothing is logged or billed", async () => {
    const { task } = await assignedTask("Slip of the finger");
    expect((await world.sub.post("/time/timer/start", { taskId: task.id })).status).toBe(201);
    const stopped = await world.sub.post("/time/timer/stop", {});
    expect(stopped.status).toBe(201);
    expect(stopped.body).toEqual({ timer: null, entry: null });
    expect((await world.sub.get(`/time/task/${task.id}`)).body.entries).toEqual([]);
    expect((await world.sub.get("/time/timer")).body.timer).toBeNull();
    // Stopping again: nothing runs.
    expect((await world.sub.post("/time/timer/stop", {})).body.error.code).toBe("timer.not_running");
  });

  it("logs time by hand, corrects it, and shows the week in the member's own time zone", async () => {
    const { task } = await assignedTask("Manual work");
    const startedAt = hoursAgo(2);
    const logged = await world.sub.post("/time", { taskId: task.id, startedAt, minutes: 45, note: "Research" });
    expect(logged.status).toBe(201);
    const fixed = await world.sub.patch(`/time/${logged.body.id}`, { version: logged.body.version, minutes: 50, billable: false });
    expect(fixed.body).toMatchObject({ minutes: 50, billable: false, version: 2 });
    const stale = await world.sub.patch(`/time/${logged.body.id}`, { version: 1, minutes: 10 });
    expect(stale.status).toBe(409);
    // The week that holds the entry in Sam's zone (two hours ago may be last week there).
    const week = await world.sub.get(`/time/week?date=${kolkataDate(startedAt)}`);
    expect(week.status).toBe(200);
    expect(week.body.member).toMatchObject({ name: "Sam Writer", timeZone: "Asia/Kolkata" });
    expect(week.body.days).toHaveLength(7);
    expect(week.body.entries.map((e: any) => e.id)).toContain(logged.body.id);
    expect(week.body.totalMinutes).toBe(week.body.days.reduce((sum: number, d: any) => sum + d.minutes, 0));
    // Estimate vs actual on the task.
    const onTask = await world.sub.get(`/time/task/${task.id}`);
    expect(onTask.body).toMatchObject({ estimateMinutes: 180, loggedMinutes: 50 });
    // Bad input is a clear 400; the future is refused.
    const future = await world.sub.post("/time", { taskId: task.id, startedAt: new Date(Date.now() + 86_400_000).toISOString(), minutes: 30 });
    expect(future.status).toBe(400);
    expect(future.body.error.fields.startedAt).toMatch(/future/);
    expect((await world.sub.post("/time", { taskId: task.id, startedAt: hoursAgo(1), minutes: 0 })).status).toBe(400);
    const removed = await world.sub.delete(`/time/${logged.body.id}?version=${fixed.body.version}`);
    expect(removed.status).toBe(204);
  });

  it("keeps people to their own time", async () => {
    const { task } = await assignedTask("Private time");
    const startedAt = hoursAgo(1);
    const logged = await world.sub.post("/time", { taskId: task.id, startedAt, minutes: 30 });
    // The reviewer (another subcontractor) cannot log on Sam's task, see or change his entries, or read his week.
    expect((await world.reviewer.post("/time", { taskId: task.id, startedAt: hoursAgo(1), minutes: 30 })).status).toBe(404);
    expect((await world.reviewer.patch(`/time/${logged.body.id}`, { version: 1, minutes: 5 })).status).toBe(404);
    expect((await world.reviewer.get(`/time/week?memberId=${world.ids.sub}`)).status).toBe(403);
    expect((await world.reviewer.get(`/time/task/${task.id}`)).status).toBe(404);
    expect((await world.sub.get(`/time/unbilled?clientId=${world.ids.client}`)).status).toBe(403);
    expect((await world.contact.get("/time/week")).status).toBe(403);
    // The owner reads anyone's week.
    const week = await world.owner.get(`/time/week?memberId=${world.ids.sub}&date=${kolkataDate(startedAt)}`);
    expect(week.body.entries.map((e: any) => e.id)).toContain(logged.body.id);
  });
});

describe("rates", () => {
  it("stores the client's rate, terms, tax and retainer in minor units; refuses fractions", async () => {
    const client = await setRate(9000, { paymentTermsDays: 30, taxRate: 2000, taxName: "VAT", retainer: { fee: 150000, includedMinutes: 600 } });
    expect(client.billing).toEqual({ hourlyRate: 9000, paymentTermsDays: 30, taxRate: 2000, taxName: "VAT", depositRate: 0, retainer: { fee: 150000, includedMinutes: 600 }, increment: null });
    const fraction = await world.owner.patch(`/clients/${world.ids.client}`, { version: client.version, billing: { hourlyRate: 90.5 } });
    expect(fraction.status).toBe(400);
    expect(fraction.body.error.fields["billing.hourlyRate"]).toMatch(/smallest unit/);
    const cleared = await world.owner.patch(`/clients/${world.ids.client}`, { version: client.version, billing: { retainer: null, taxRate: 0 } });
    expect(cleared.body.billing).toMatchObject({ hourlyRate: 9000, retainer: null, taxRate: 0 });
  });

  it("shows a member's cost rate to the owner only", async () => {
    const member = await world.owner.get(`/members/${world.ids.sub}`);
    const saved = await world.owner.patch(`/members/${world.ids.sub}`, { version: member.body.version, costRate: 2500 });
    expect(saved.body.costRate).toBe(2500);
    const asSub = await world.sub.get("/me");
    expect(JSON.stringify(asSub.body)).not.toContain("costRate");
    expect((await world.sub.get(`/members/${world.ids.sub}`)).status).toBe(403);
    const mine = await world.sub.get("/tasks/mine");
    expect(JSON.stringify(mine.body)).not.toContain("2500");
  });
});

describe("invoices", () => {
  it("bills unbilled time at the client's rate, locks it, and numbers invoices without gaps when sent", async () => {
    await setRate(9000, { taxRate: 2000, taxName: "VAT", paymentTermsDays: 15 });
    const { task } = await assignedTask("Invoiced work");
    const a = await world.sub.post("/time", { taskId: task.id, startedAt: hoursAgo(30), minutes: 90 });
    const b = await world.sub.post("/time", { taskId: task.id, startedAt: hoursAgo(28), minutes: 25 });
    await approveTime(world, [a.body, b.body]);
    const unbilled = await world.owner.get(`/time/unbilled?clientId=${world.ids.client}`);
    expect(unbilled.body.items.map((e: any) => e.id)).toEqual(expect.arrayContaining([a.body.id, b.body.id]));

    const draft = await world.owner.post("/invoices", { clientId: world.ids.client, lines: [{ kind: "package", description: "Monthly report", quantity: 1, unitAmount: 20000 }] });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: "draft", number: null, currency: "USD", taxName: "VAT", taxRate: 2000 });
    const timeLine = draft.body.lines.find((l: any) => l.description.includes("Invoiced work"));
    // 115 minutes at $90.00/h = $172.50.
    expect(timeLine).toMatchObject({ kind: "time", quantity: 115, unitAmount: 9000, amount: 17250 });
    expect(draft.body.subtotal).toBe(draft.body.lines.reduce((sum: number, l: any) => sum + l.amount, 0));
    expect(draft.body.tax).toBe(Math.floor((draft.body.subtotal * 2000 * 2 + 10_000) / 20_000));
    expect(draft.body.total).toBe(draft.body.subtotal + draft.body.tax);

    // Locked: the time can't change and isn't billed twice.
    const locked = await world.sub.patch(`/time/${a.body.id}`, { version: a.body.version + 2, minutes: 5 });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe("time.locked");
    expect((await world.owner.get(`/time/unbilled?clientId=${world.ids.client}`)).body.items.map((e: any) => e.id)).not.toContain(a.body.id);
    const again = await world.owner.post("/invoices", { clientId: world.ids.client });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe("invoice.empty");

    // The client sees nothing of a draft.
    expect((await world.contact.get(`/invoices/${draft.body.id}`)).status).toBe(404);
    expect((await world.contact.get("/invoices")).body.items.map((i: any) => i.id)).not.toContain(draft.body.id);
    expect((await world.contact.get("/invoices?status=draft")).body.items).toEqual([]);
    expect((await world.contact.get(`/invoices?status=all`)).body.items.map((i: any) => i.id)).not.toContain(draft.body.id);

    const sent = await world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: "sent", number: "INV-00001", overdue: false });
    expect(Date.parse(sent.body.dueAt) - Date.parse(sent.body.issuedAt)).toBe(15 * 86_400_000);
    const mail = await waitForEmail(world.people.contact.email, (e) => e.subject.includes("INV-00001"));
    expect(mail.subject).toContain("$");
    expect(mail.body.text).toContain(`/portal/invoices/${draft.body.id}`);

    // Twelve drafts sent at once take 2..13, each once.
    const drafts = await Promise.all(
      Array.from({ length: 12 }, (_, i) => world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: `Item ${i}`, quantity: 1, unitAmount: 1000 }] })),
    );
    const sends = await Promise.all(drafts.map((d) => world.owner.post(`/invoices/${d.body.id}/send`, { version: d.body.version })));
    expect(sends.map((s) => s.status)).toEqual(Array(12).fill(200));
    expect(sends.map((s) => s.body.number).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `INV-${String(i + 2).padStart(5, "0")}`));
    // Sending twice is refused, and takes no number.
    const twice = await world.owner.post(`/invoices/${draft.body.id}/send`, { version: sent.body.version });
    expect(twice.status).toBe(409);
  });

  it("records payments by hand up to the balance: partially paid, then paid", async () => {
    const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "Setup", quantity: 2, unitAmount: 5000 }] });
    expect((await world.owner.post(`/invoices/${draft.body.id}/payments`, { amount: 100, method: "bank_transfer" })).status).toBe(422);
    const sent = await world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version });
    const total = sent.body.total;
    const part = await world.owner.post(`/invoices/${draft.body.id}/payments`, { amount: 4000, method: "wise", reference: "W-1" });
    expect(part.status).toBe(201);
    expect(part.body).toMatchObject({ status: "partially_paid", amountPaid: 4000, balance: total - 4000 });
    const over = await world.owner.post(`/invoices/${draft.body.id}/payments`, { amount: total, method: "paypal" });
    expect(over.status).toBe(400);
    expect(over.body.error.fields.amount).toMatch(/balance/);
    const rest = await world.owner.post(`/invoices/${draft.body.id}/payments`, { amount: total - 4000, method: "bank_transfer" });
    expect(rest.body).toMatchObject({ status: "paid", balance: 0 });
    expect(rest.body.payments.map((p: any) => p.method)).toEqual(["wise", "bank_transfer"]);
    await waitForEmail(world.agency.ownerEmail, (e) => e.subject.includes(sent.body.number) && e.subject.includes("Payment received"));
    // The client gets a receipt for each payment, with what is still owed.
    const receipt = (amount: string) => (e: CapturedEmail) => e.subject === `Receipt: ${amount} received for invoice ${sent.body.number}`;
    const first = await waitForEmail(world.people.contact.email, receipt("$40.00"));
    expect(first.body.text).toContain(`Balance remaining: ${usd(total - 4000)}.`);
    const second = await waitForEmail(world.people.contact.email, receipt(usd(total - 4000)));
    expect(second.body.text).toContain("Balance remaining: $0.00.");
    // A paid invoice can't be voided.
    expect((await world.owner.post(`/invoices/${draft.body.id}/void`, { version: rest.body.version })).status).toBe(422);
  });

  it("voids a sent invoice and deletes a draft, unbilling their time", async () => {
    const { task } = await assignedTask("Void work");
    const entry = await world.sub.post("/time", { taskId: task.id, startedAt: hoursAgo(3), minutes: 60 });
    await approveTime(world, [entry.body]);
    const draft = await world.owner.post("/invoices", { clientId: world.ids.client });
    expect(draft.body.entryCount).toBeGreaterThanOrEqual(1);
    expect((await world.owner.delete(`/invoices/${draft.body.id}?version=${draft.body.version}`)).status).toBe(204);
    expect((await world.owner.get(`/time/unbilled?clientId=${world.ids.client}`)).body.items.map((e: any) => e.id)).toContain(entry.body.id);
    const second = await world.owner.post("/invoices", { clientId: world.ids.client });
    const sent = await world.owner.post(`/invoices/${second.body.id}/send`, { version: second.body.version });
    const voided = await world.owner.post(`/invoices/${second.body.id}/void`, { version: sent.body.version, reason: "Wrong month" });
    expect(voided.body.status).toBe("void");
    expect((await world.owner.get(`/time/unbilled?clientId=${world.ids.client}`)).body.items.map((e: any) => e.id)).toContain(entry.body.id);
    // Its number stays used: the next invoice gets a new one.
    const next = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "After void", quantity: 1, unitAmount: 100 }] });
    const nextSent = await world.owner.post(`/invoices/${next.body.id}/send`, { version: next.body.version });
    expect(Number(nextSent.body.number.slice(4))).toBe(Number(sent.body.number.slice(4)) + 1);
  });

  it("bills in the client's currency with its own decimals (JPY has none)", async () => {
    const tokyo = await world.owner.post("/clients", { name: "Tokyo KK", code: `TK${Date.now() % 100000}`, timeZone: "Asia/Tokyo", currency: "JPY", billing: { hourlyRate: 8000, taxRate: 1000, taxName: "Consumption tax" } });
    expect(tokyo.status).toBe(201);
    const minutes = 50; // 50 min at ¥8,000/h = ¥6,666.67 → ¥6,667
    const entry = await world.owner.post("/time", { clientId: tokyo.body.id, startedAt: hoursAgo(5), minutes });
    expect(entry.status).toBe(201);
    const invoice = await world.owner.post("/invoices", { clientId: tokyo.body.id });
    expect(invoice.body).toMatchObject({ currency: "JPY", subtotal: 6667, tax: 667, total: 7334 });
  });

  it("keeps invoices from subcontractors and other companies", async () => {
    expect((await world.sub.get("/invoices")).status).toBe(403);
    expect((await world.sub.post("/invoices", { clientId: world.ids.client })).status).toBe(403);
    const list = await world.contact.get("/invoices");
    expect(list.status).toBe(200);
    expect(list.body.items.every((i: any) => i.status !== "draft" && i.client.id === world.ids.client)).toBe(true);
    const one = list.body.items[0];
    const seen = await world.contact.get(`/invoices/${one.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ cardPayments: false, agency: { name: "Billing Agency" } });
    // A contact can't record payments, void or send.
    expect((await world.contact.post(`/invoices/${one.id}/payments`, { amount: 1, method: "cash" })).status).toBe(403);
    expect((await world.contact.post(`/invoices/${one.id}/void`, { version: one.version })).status).toBe(403);
    // Another agency sees nothing.
    const other = await createAgency("Other Billing");
    const stranger = new ApiClient(api.baseUrl);
    await signIn(stranger, other.ownerEmail);
    expect((await stranger.get(`/invoices/${one.id}`)).status).toBe(404);
    expect((await stranger.get("/invoices")).body.items).toEqual([]);
    // Another company's contact neither.
    const globex = await world.owner.post("/clients", { name: "Globex", code: `GB${Date.now() % 100000}`, timeZone: "Europe/London", currency: "GBP" });
    const email = uniqueEmail("globex");
    await world.owner.post(`/clients/${globex.body.id}/contacts`, { email, name: "Hank", timeZone: "Europe/London" });
    const hank = new ApiClient(api.baseUrl, "portal");
    await acceptInvitation(hank, email);
    expect((await hank.get(`/invoices/${one.id}`)).status).toBe(404);
  });

  it("takes the agency's payment instructions for clients paying without a card", async () => {
    const agency = await world.owner.get("/agency");
    const saved = await world.owner.patch("/agency", { version: agency.body.version, paymentInstructions: "IBAN GB00 BATN 0000 0000 00 · Wise: pay@billing.example" });
    expect(saved.status).toBe(200);
    const list = await world.contact.get("/invoices");
    const seen = await world.contact.get(`/invoices/${list.body.items[0].id}`);
    expect(seen.body.paymentInstructions).toContain("IBAN GB00");
    expect((await world.sub.patch("/agency", { version: saved.body.version, name: "x" })).status).toBe(403);
  });
});

describe("printing and exports", () => {
  it("prints an invoice as a self-contained page with every value escaped", async () => {
    const draft = await world.owner.post("/invoices", {
      clientId: world.ids.client,
      includeTime: false,
      lines: [{ kind: "custom", description: '<script>alert(1)</script> & "Co"', quantity: 3, unitAmount: 3333 }],
    });
    const sent = await world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version });
    const page = await world.contact.request("GET", `/invoices/${draft.body.id}/print`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = page.body as string;
    expect(html).toContain(`Invoice ${sent.body.number}`);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("$99.99");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect((await world.sub.request("GET", `/invoices/${draft.body.id}/print`)).status).toBe(403);
  });

  it("exports invoices for QuickBooks and Xero, and time, as CSV whose tax adds up", async () => {
    const quickbooks = await world.owner.request("GET", "/exports/invoices?format=quickbooks");
    expect(quickbooks.status).toBe(200);
    expect(quickbooks.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(quickbooks.headers.get("content-disposition")).toContain("invoices-quickbooks.csv");
    const rows = (quickbooks.body as string).trim().split("\r\n");
    expect(rows[0]).toBe("InvoiceNo,Customer,InvoiceDate,DueDate,Terms,Item(Product/Service),ItemDescription,ItemQuantity,ItemRate,ItemAmount,ItemTaxAmount,Currency,Type,CreditedInvoice,Total,ExchangeRate");
    // The first invoice: its lines' tax shares add up to its tax, to the cent.
    const first = (await world.owner.get("/invoices?status=all&limit=100")).body.items.find((i: any) => i.number === "INV-00001");
    const lines = rows.slice(1).filter((row) => row.startsWith("INV-00001,"));
    expect(lines).toHaveLength(first.lines.length);
    const taxCents = lines.reduce((sum, row) => sum + Math.round(Number(row.split(",").at(-6)) * 100), 0);
    expect(taxCents).toBe(first.tax);
    // A formula-looking description is defused.
    expect(quickbooks.body).not.toMatch(/,=/);

    const xero = await world.owner.request("GET", "/exports/invoices?format=xero");
    const xeroRows = (xero.body as string).trim().split("\r\n");
    expect(xeroRows[0]).toBe("*ContactName,*InvoiceNumber,*InvoiceDate,*DueDate,Description,*Quantity,*UnitAmount,LineAmount,*AccountCode,*TaxType,TaxAmount,Currency,Type,CreditedInvoice,Total,ExchangeRate");
    expect(xeroRows.find((row) => row.includes("INV-00001"))).toMatch(/,\d{2}\/\d{2}\/\d{4},/);

    const time = await world.owner.request("GET", "/exports/time?from=2026-01-01&to=2026-12-31");
    expect((time.body as string).split("\r\n")[0]).toBe("Date,Member,Client,Task,Minutes,Hours,Billable,Note,Invoice");
    expect(time.body).toContain("Sam Writer");
    expect((await world.sub.request("GET", "/exports/time")).status).toBe(403);
    expect((await world.owner.request("GET", "/exports/invoices?format=excel")).status).toBe(400);
  });
});
