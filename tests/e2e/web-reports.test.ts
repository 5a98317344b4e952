import { mkdirSync } from "node:fs";
import { db } from "@baton/core/db";
import { Money } from "@baton/core/money";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// The owner's money reports in the team app. Over HTTP: Acme (billed in USD) gets a part-paid
// invoice and one due on receipt; Bramble (billed in GBP, the agency's currency) gets one more;
// Sam, at a £25/h cost rate, logs time for both, and Maria, with no cost rate, for Acme. The
// page must show the totals that follow from that, and stay closed to subcontractors.

let platform: Started;
let browser: Browser;
let world: World;
let owner: Page;

const COST_RATE = 2500;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
/** Minor units as this browser (en-GB) shows them: "US$300.00", "£472.92". */
const shown = (minor: number, currency: string) => new Intl.NumberFormat("en-GB", { style: "currency", currency }).format(minor / 100);
/** A calendar day in the agency's zone (Europe/London), `daysBack` days ago. */
const londonDay = (daysBack = 0) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date(Date.now() - daysBack * 86_400_000));

type Invoice = { id: string; number: string; subtotal: number; total: number };
const expected = { usdRevenue: 0, usdCurrent: 0, gbpRevenue: 0, brambleBilled: 0, brambleCost: 0, samOwed: 0, convertedRevenue: 0, invoices: [] as Invoice[] };
/** The rate the owner keeps for dollars: 1 USD = 0.7913 GBP (the agency's currency). */
const USD_RATE = "0.7913";
let brambleId: string;
/** A Bramble request left unanswered past its promise: the one breach in the response report. */
let overdue: { id: string; reference: string };

async function check(reply: { status: number; body: any }, status: number) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  return reply.body;
}

/** A task for `clientId` accepted by the owner and assigned to `memberId`. */
async function assignedTask(clientId: string, memberId: string, title: string) {
  const { task } =
    clientId === world.ids.client
      ? await acceptedTask(world, { title })
      : await (async () => {
          const request = await check(await world.owner.post("/requests", { clientId, title, description: "Monthly content.", service: "Content" }), 201);
          const dueAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
          const accepted = await check(await world.owner.post(`/requests/${request.id}/accept`, { version: request.version, tasks: [{ title, estimateHours: 3, dueAt }] }), 200);
          return { task: accepted.tasks[0] };
        })();
  return (await check(await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId }), 200)).task;
}

/** A draft with one custom line, sent. */
async function sentInvoice(clientId: string, description: string, quantity: number, unitAmount: number): Promise<Invoice> {
  const draft = await check(await world.owner.post("/invoices", { clientId, includeTime: false, lines: [{ kind: "custom", description, quantity, unitAmount }] }), 201);
  return check(await world.owner.post(`/invoices/${draft.id}/send`, { version: draft.version }), 200);
}

async function setPaymentTerms(clientId: string, paymentTermsDays: number) {
  const client = await check(await world.owner.get(`/clients/${clientId}`), 200);
  await check(await world.owner.patch(`/clients/${clientId}`, { version: client.version, billing: { paymentTermsDays } }), 200);
}

beforeAll(async () => {
  mkdirSync("/tmp/shots/rates", { recursive: true });
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Ledger Assistants");
  const bramble = await check(
    await world.owner.post("/clients", { name: "Bramble Ltd", code: `BR${Math.floor(Math.random() * 10_000)}`, timeZone: "Europe/London", currency: "GBP", status: "active" }),
    201,
  );
  brambleId = bramble.id;

  // Sam's time costs £25/h; Maria has no cost rate.
  const sam = await check(await world.owner.get(`/members/${world.ids.sub}`), 200);
  await check(await world.owner.patch(`/members/${world.ids.sub}`, { version: sam.version, costRate: COST_RATE }), 200);
  const acmeTask = await assignedTask(world.ids.client, world.ids.sub, "Write the newsletter");
  const brambleTask = await assignedTask(brambleId, world.ids.sub, "Write the blog post");
  const mariaTask = await assignedTask(world.ids.client, world.ids.reviewer, "Design the banner");
  const samEntries = [
    { taskId: acmeTask.id, minutes: 90, hours: 5 },
    { taskId: brambleTask.id, minutes: 45, hours: 4 },
    { taskId: brambleTask.id, minutes: 20, hours: 2 },
  ];
  for (const entry of samEntries) await check(await world.sub.post("/time", { taskId: entry.taskId, startedAt: hoursAgo(entry.hours), minutes: entry.minutes }), 201);
  await check(await world.reviewer.post("/time", { taskId: mariaTask.id, startedAt: hoursAgo(3), minutes: 30 }), 201);
  // Each entry is costed (and rounded) on its own, as the API does.
  const cost = (entries: typeof samEntries) => entries.reduce((sum, entry) => sum + Money.forMinutes(entry.minutes, COST_RATE), 0);
  expected.brambleCost = cost(samEntries.filter((entry) => entry.taskId === brambleTask.id));
  expected.samOwed = cost(samEntries);

  // The owner keeps a dollar rate, so Acme's invoices stamp it and the reports convert them.
  await check(await world.owner.request("PUT", "/agency/rates", { currency: "USD", rate: USD_RATE }), 200);
  // Acme: a part-paid invoice on the usual terms, then one due on receipt (overdue as soon as sent).
  const workshop = await sentInvoice(world.ids.client, "Strategy workshop", 2, 15_000);
  const paid = 10_000;
  await check(await world.owner.post(`/invoices/${workshop.id}/payments`, { amount: paid, method: "bank_transfer" }), 201);
  await setPaymentTerms(world.ids.client, 0);
  const report = await sentInvoice(world.ids.client, "Monthly report", 1, 8_000);
  const content = await sentInvoice(brambleId, "Content package", 1, 50_000);
  expected.invoices = [workshop, report];
  expected.usdRevenue = workshop.subtotal + report.subtotal;
  // Neither is a full day past due yet: both balances age as "current".
  expected.usdCurrent = workshop.total - paid + report.total;
  expected.gbpRevenue = content.subtotal;
  expected.brambleBilled = content.subtotal;
  expected.convertedRevenue = Money.convert(workshop.subtotal, "USD", "GBP", USD_RATE) + Money.convert(report.subtotal, "USD", "GBP", USD_RATE) + content.subtotal;

  // Three requests answered at once (the tasks above); one left waiting, its promise moved an
  // hour into the past as if it had waited that long (the server's clock can't be moved).
  overdue = await check(await world.owner.post("/requests", { clientId: brambleId, title: "Urgent: fix the footer", description: "It is broken.", service: "Content" }), 201);
  const { data } = await db.entities.request.get({ agencyId: world.agency.agencyId, requestId: overdue.id }).go();
  await db.entities.request.put({ ...data!, responseDueAt: hoursAgo(1) }).go();
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

/** Opens `path` signed out, signs in through the emailed link, and lands back on `path`. */
async function signInAt(page: Page, path: string, email: string) {
  await page.goto(`${platform.baseUrl}${path}`);
  await page.waitForURL(/\/sign-in/);
  await signInWithEmail(page, platform.baseUrl, email);
  await page.waitForURL(`${platform.baseUrl}${path}`);
}

const text = (page: Page, testId: string) => page.getByTestId(testId).first().innerText();

describe("money reports in the team app", () => {
  it("shows the owner revenue by currency and what clients owe, aged", async () => {
    owner = await newPerson(browser);
    await signInAt(owner, "/reports", world.agency.ownerEmail);
    await owner.getByRole("heading", { name: "Money reports", level: 1 }).waitFor();

    const usd = owner.locator('[data-testid="revenue-currency"][data-currency="USD"]');
    await usd.waitFor();
    await expect(usd.getByTestId("revenue-total").innerText()).resolves.toBe(shown(expected.usdRevenue, "USD"));
    await expect(owner.locator('[data-testid="revenue-currency"][data-currency="GBP"]').getByTestId("revenue-total").innerText()).resolves.toBe(shown(expected.gbpRevenue, "GBP"));
    // Everything in pounds, at the rate each invoice stamped.
    await expect(text(owner, "revenue-converted-total")).resolves.toBe(shown(expected.convertedRevenue, "GBP"));
    await expect(owner.getByTestId("revenue-converted-chart").count()).resolves.toBe(1);
    for (const [width, name] of [[1440, "reports-1440"], [390, "reports-390"]] as const) {
      await owner.setViewportSize({ width, height: 900 });
      await owner.getByTestId("revenue-converted").scrollIntoViewIfNeeded();
      await owner.screenshot({ path: `/tmp/shots/rates/${name}.png`, fullPage: false });
    }
    await owner.setViewportSize({ width: 1440, height: 900 });
    // The chart is an image with a summary, and each bar has a title.
    const chart = usd.getByRole("img");
    await expect(chart.getAttribute("aria-label")).resolves.toContain(shown(expected.usdRevenue, "USD"));
    await expect(chart.locator("title").count()).resolves.toBe(12);
    await expect(usd.getByTestId("revenue-client").filter({ hasText: "Acme Corp" }).innerText()).resolves.toContain(shown(expected.usdRevenue, "USD"));

    const aging = owner.locator('[data-testid="aging-currency"][data-currency="USD"]');
    await expect(aging.locator('[data-testid="aging-bucket"][data-bucket="current"]').innerText()).resolves.toBe(shown(expected.usdCurrent, "USD"));
    await expect(aging.locator('[data-testid="aging-bucket"][data-bucket="1-30"]').innerText()).resolves.toBe(shown(0, "USD"));
    // Both open invoices are listed, linking to their pages.
    for (const invoice of expected.invoices) {
      const link = owner.getByTestId("aging-invoice").getByRole("link", { name: invoice.number });
      await expect(link.getAttribute("href")).resolves.toBe(`/invoices/${invoice.id}`);
    }
  });

  it("shows margin per client and what the team is owed for a period picked on the page, kept in the URL", async () => {
    // From two days back, so the time logged a few hours ago is inside even on the 1st of a month.
    const from = londonDay(2);
    await owner.getByTestId("period-range").getByLabel("From").fill(from);
    await owner.waitForURL((url) => url.searchParams.get("pfrom") === from);
    await owner.reload();

    const bramble = owner.locator(`[data-testid="margin-row"][data-client="${brambleId}"]`);
    await bramble.waitFor();
    // The field shows the date in the app's language; its value stays ISO (DatePicker.tsx).
    await expect(owner.getByTestId("period-range").getByLabel("From").getAttribute("data-value")).resolves.toBe(from);
    await expect(bramble.getByTestId("margin-billed").innerText()).resolves.toBe(shown(expected.brambleBilled, "GBP"));
    await expect(bramble.getByTestId("margin-cost").innerText()).resolves.toBe(shown(expected.brambleCost, "GBP"));
    await expect(bramble.getByTestId("margin-value").innerText()).resolves.toBe(shown(expected.brambleBilled - expected.brambleCost, "GBP"));
    // Acme is billed in dollars, converted at the stamped rate: a margin in pounds, and a totals row.
    const acme = owner.locator(`[data-testid="margin-row"][data-client="${world.ids.client}"]`);
    await expect(acme.getByTestId("margin-value").innerText()).resolves.toMatch(/^-?£/);
    await expect(acme.getByTestId("margin-billed-converted").innerText()).resolves.toMatch(/^£/);
    await expect(text(owner, "margin-total-billed")).resolves.toBe(shown(expected.convertedRevenue, "GBP"));
    for (const [width, name] of [[1440, "margin-1440"], [390, "margin-390"]] as const) {
      await owner.setViewportSize({ width, height: 900 });
      await owner.getByTestId("margin-totals").scrollIntoViewIfNeeded();
      await owner.screenshot({ path: `/tmp/shots/rates/${name}.png`, fullPage: false });
    }
    await owner.setViewportSize({ width: 1440, height: 900 });
    // Maria's time has no cost rate: named, with the way to set one.
    const notice = owner.getByTestId("no-cost-rate");
    await expect(notice.innerText()).resolves.toContain("Maria Reviewer");
    await expect(notice.getByRole("link", { name: "Set cost rates on the Team page" }).getAttribute("href")).resolves.toBe("/team");

    const sam = owner.locator(`[data-testid="payout-row"][data-member="${world.ids.sub}"]`);
    await expect(sam.getByTestId("payout-amount").innerText()).resolves.toBe(shown(expected.samOwed, "GBP"));
    await expect(sam.innerText()).resolves.toContain(`${shown(COST_RATE, "GBP")}/h`);
    await expect(owner.locator(`[data-testid="payout-row"][data-member="${world.ids.reviewer}"]`).innerText()).resolves.toContain("No cost rate");
    await expect(text(owner, "payout-total")).resolves.toBe(shown(expected.samOwed, "GBP"));
  });

  it("shows the API's message for a bad month in the URL, and the rest of the page still works", async () => {
    await owner.goto(`${platform.baseUrl}/reports?from=2026-13`);
    const range = owner.getByTestId("revenue-range");
    await range.getByText(/^Use a month like 2026-11, between \d{4} and \d{4}\.$/).waitFor();
    await expect(range.getByLabel("From").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(owner.locator('[data-testid="aging-currency"][data-currency="USD"]').getByTestId("aging-total").innerText()).resolves.toBe(shown(expected.usdCurrent, "USD"));
    // Back to the default months: the revenue is there again.
    await owner.getByTestId("report-revenue").getByRole("button", { name: "Last 12 months" }).click();
    await owner.waitForURL((url) => !url.searchParams.has("from"));
    await expect(owner.locator('[data-testid="revenue-currency"][data-currency="USD"]').getByTestId("revenue-total").innerText()).resolves.toBe(shown(expected.usdRevenue, "USD"));
  });

  it("shows response promises per client with the breach flagged, for months kept in the URL", async () => {
    const month = londonDay().slice(0, 7);
    await owner.goto(`${platform.baseUrl}/reports`);
    const section = owner.getByTestId("report-responses");
    await section.getByRole("heading", { name: "Response promises" }).waitFor();
    await section.getByTestId("responses-range").getByLabel("From").fill(month);
    await owner.waitForURL((url) => url.searchParams.get("rfrom") === month);
    await owner.reload();

    const bramble = owner.locator(`[data-testid="responses-row"][data-client="${brambleId}"]`);
    await bramble.waitFor();
    await expect(owner.getByTestId("responses-range").getByLabel("From").inputValue()).resolves.toBe(month);
    // Bramble: two received, one answered at once, one unanswered past its promise.
    const breached = bramble.getByTestId("responses-breached");
    await expect(breached.locator(".badge-danger").innerText()).resolves.toBe("1");
    await expect(breached.innerText()).resolves.toContain("0 answered late, 1 unanswered");
    await expect(bramble.innerText()).resolves.toContain("50%");
    const acme = owner.locator(`[data-testid="responses-row"][data-client="${world.ids.client}"]`);
    await expect(acme.getByTestId("responses-breached").locator(".badge").count()).resolves.toBe(0);
    await expect(owner.getByTestId("responses-total").getByTestId("responses-breached").locator(".badge-danger").innerText()).resolves.toBe("1");
    await expect(text(owner, "responses-summary")).resolves.toBe("1 of 4 requests broke their promise.");
  });

  it("counts this month's breaches on the owner's home and flags the late request in the inbox with working time", async () => {
    await owner.goto(`${platform.baseUrl}/`);
    await expect(owner.getByTestId("home-breaches").getByTestId("home-breaches-count").innerText()).resolves.toBe("1");
    await expect(owner.getByTestId("home-breaches").innerText()).resolves.toContain("of 4 requests received");

    await owner.goto(`${platform.baseUrl}/requests`);
    const row = owner.locator(`[data-testid="request-row"][data-reference="${overdue.reference}"]`);
    const due = row.getByTestId("response-due");
    await expect(due.getAttribute("data-overdue")).resolves.toBe("true");
    // Overdue by the agency's working time since the due hour: none at night or at a weekend.
    await expect(due.locator(".badge-danger").innerText()).resolves.toMatch(/^overdue( by (\d+ h )?\d+ (min|h))?$/);
    await owner.getByText("Time left counts only the agency's working hours and skips its holidays.").waitFor();
  });

  it("lets the owner set working hours and holidays, with the API's messages beside the fields", async () => {
    await owner.goto(`${platform.baseUrl}/settings/hours`);
    const form = owner.getByTestId("working-hours-form");
    await form.getByLabel("Monday").waitFor();
    await expect(form.getByLabel("Saturday").isChecked()).resolves.toBe(false);
    await form.getByLabel("Day starts").fill("17:00");
    await form.getByLabel("Day ends").fill("09:00");
    await form.getByRole("button", { name: "Save" }).click();
    await form.getByText("The working day must end at least an hour after it starts.").waitFor();
    await expect(form.getByLabel("Day ends").getAttribute("aria-invalid")).resolves.toBe("true");

    await form.getByLabel("Day starts").fill("08:00");
    await form.getByLabel("Day ends").fill("16:30");
    await form.getByLabel("Saturday").check();
    await form.getByLabel("Holiday date").fill("2026-12-25");
    await form.getByRole("button", { name: "Add holiday" }).click();
    await form.getByLabel("Holiday date").fill("2026-12-24");
    await form.getByLabel("Holiday date").press("Enter");
    await expect(form.getByTestId("holiday-list").locator("li").evaluateAll((items) => items.map((item) => item.getAttribute("data-date")))).resolves.toEqual([
      "2026-12-24",
      "2026-12-25",
    ]);
    await form.getByRole("button", { name: /^Remove .*24/ }).click();
    await form.getByRole("button", { name: "Save" }).click();
    await owner.getByText("Working hours saved.").waitFor();
    const agency = await check(await world.owner.get("/agency"), 200);
    expect(agency.workingWeek).toEqual({ days: [1, 2, 3, 4, 5, 6], start: "08:00", end: "16:30" });
    expect(agency.holidays).toEqual(["2026-12-25"]);
  });

  it("is refused to a subcontractor", async () => {
    const sub = await newPerson(browser, "Asia/Kolkata");
    await signInAt(sub, "/time", world.people.sub.email);
    await expect(sub.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).count()).resolves.toBe(0);
    await sub.goto(`${platform.baseUrl}/reports`);
    await sub.getByTestId("not-allowed").waitFor();
    await expect(sub.getByTestId("revenue-total").count()).resolves.toBe(0);
    expect((await world.sub.get("/reports/revenue")).status).toBe(403);
  });
});
