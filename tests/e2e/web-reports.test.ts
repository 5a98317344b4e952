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
const expected = { usdRevenue: 0, usdCurrent: 0, gbpRevenue: 0, brambleBilled: 0, brambleCost: 0, samOwed: 0, invoices: [] as Invoice[] };
let brambleId: string;

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
  return check(await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId }), 200);
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
    await expect(owner.getByTestId("period-range").getByLabel("From").inputValue()).resolves.toBe(from);
    await expect(bramble.getByTestId("margin-billed").innerText()).resolves.toBe(shown(expected.brambleBilled, "GBP"));
    await expect(bramble.getByTestId("margin-cost").innerText()).resolves.toBe(shown(expected.brambleCost, "GBP"));
    await expect(bramble.getByTestId("margin-value").innerText()).resolves.toBe(shown(expected.brambleBilled - expected.brambleCost, "GBP"));
    // Acme is billed in dollars against costs in pounds: no margin, and the reason.
    const acme = owner.locator(`[data-testid="margin-row"][data-client="${world.ids.client}"]`);
    await expect(acme.getByTestId("margin-value").innerText()).resolves.toContain("Billed in USD, costs in GBP");
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
    await range.getByText("Use a month like 2026-11.").waitFor();
    await expect(range.getByLabel("From").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(owner.locator('[data-testid="aging-currency"][data-currency="USD"]').getByTestId("aging-total").innerText()).resolves.toBe(shown(expected.usdCurrent, "USD"));
    // Back to the default months: the revenue is there again.
    await owner.getByTestId("report-revenue").getByRole("button", { name: "Last 12 months" }).click();
    await owner.waitForURL((url) => !url.searchParams.has("from"));
    await expect(owner.locator('[data-testid="revenue-currency"][data-currency="USD"]').getByTestId("revenue-total").innerText()).resolves.toBe(shown(expected.usdRevenue, "USD"));
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
