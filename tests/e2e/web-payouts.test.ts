import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { approveTime } from "../support/approve-time.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// Payouts in real Chromium (issue 17, part 6): the owner sees what a subcontractor is owed for
// last month on the Payouts page and issues the statement; the subcontractor sees it among their
// own statements and opens it; the owner marks it paid with Wise and a reference, and the
// subcontractor's statement says so. Screenshots at 1440 and 390 px.

const SHOTS = "/tmp/shots/payouts";
const ZONE = "Asia/Kolkata";

let platform: Started;
let browser: Browser;
let world: World;
let period: string;

function lastMonth(): string {
  const [year, month] = new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit" }).format(new Date()).split("-").map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Paying Agency");
  period = lastMonth();
  const member = await world.owner.get(`/members/${world.ids.sub}`);
  expect((await world.owner.patch(`/members/${world.ids.sub}`, { version: member.body.version, costRate: 2500 })).status).toBe(200);
  const { task } = await acceptedTask(world, { title: "Write the newsletter" });
  expect((await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub })).status).toBe(200);
  const logged = [];
  for (const [day, minutes] of [[10, 120], [11, 90]] as const) {
    const entry = await world.sub.post("/time", { taskId: task.id, startedAt: `${period}-${day}T06:00:00.000Z`, minutes });
    expect(entry.status).toBe(201);
    logged.push(entry.body);
  }
  await approveTime(world, logged);
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const toast = (page: Page, text: string | RegExp) => page.getByTestId("toast").filter({ hasText: text }).first().waitFor();
const poll = <T,>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const fits = (page: Page) => page.evaluate("document.documentElement.scrollWidth <= window.innerWidth");

async function signInAt(page: Page, path: string, email: string) {
  await page.goto(`${platform.baseUrl}${path}`);
  await page.waitForURL(/\/sign-in/);
  await signInWithEmail(page, platform.baseUrl, email);
  await page.waitForURL(`${platform.baseUrl}${path}`);
}

describe("paying a subcontractor", () => {
  let owner: Page;
  let sub: Page;
  let statementUrl: string;

  it("the owner sees what the subcontractor is owed for last month and issues the statement", async () => {
    owner = await newPerson(browser, "Europe/London");
    await owner.setViewportSize({ width: 1440, height: 900 });
    await signInAt(owner, `/payouts?month=${period}`, world.agency.ownerEmail);
    const row = owner.getByTestId("owed-row").filter({ hasText: "Sam Writer" });
    await poll(() => row.innerText()).toContain("3 h 30 min");
    await expect(row.innerText()).resolves.toContain("£87.50");
    await owner.screenshot({ path: `${SHOTS}/web-payouts-owed-1440.png`, fullPage: true });
    await row.getByRole("button", { name: /Issue the statement of Sam Writer/ }).click();
    await toast(owner, "Statement issued");
    const statement = owner.getByTestId("statement-row").first();
    await poll(() => statement.innerText()).toContain("Owed");
    await expect(statement.innerText()).resolves.toContain("£87.50");
    await owner.screenshot({ path: `${SHOTS}/web-payouts-issued-1440.png`, fullPage: true });
  });

  it("the subcontractor sees only their statement, opens it and can download its PDF", async () => {
    sub = await newPerson(browser, ZONE);
    await sub.setViewportSize({ width: 390, height: 844 });
    await signInAt(sub, "/payouts", world.people.sub.email);
    const row = sub.getByTestId("statement-row");
    await poll(() => row.count()).toBe(1);
    await expect(row.innerText()).resolves.toContain("£87.50");
    await expect(fits(sub)).resolves.toBe(true);
    await sub.screenshot({ path: `${SHOTS}/web-payouts-mine-390.png`, fullPage: true });
    await row.getByRole("link", { name: /Open the statement of Sam Writer/ }).click();
    await sub.waitForURL(/\/payouts\/pyo_/);
    statementUrl = sub.url();
    const card = sub.getByTestId("payout-statement");
    await poll(() => card.innerText()).toContain("Write the newsletter");
    await expect(sub.getByTestId("statement-total").innerText()).resolves.toBe("£87.50");
    await expect(sub.getByTestId("statement-mark-paid").count()).resolves.toBe(0);
    const pdf = await sub.request.get(`${platform.baseUrl}/api/payouts/${statementUrl.split("/").pop()}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    await expect(fits(sub)).resolves.toBe(true);
    await sub.screenshot({ path: `${SHOTS}/web-payout-statement-390.png`, fullPage: true });
    // Another member's statement would be another id: one that isn't theirs answers not found.
    const other = await sub.request.get(`${platform.baseUrl}/api/payouts/pyo_01kbz0000000000000000000zz`);
    expect(other.status()).toBe(404);
  });

  it("the owner marks it paid with Wise and a reference, and the subcontractor's statement says so", async () => {
    await owner.goto(statementUrl);
    await owner.getByTestId("statement-mark-paid").click();
    const form = owner.getByTestId("paid-form");
    await form.getByLabel("Method").selectOption("wise");
    await form.getByLabel("Reference").fill("W-778");
    await form.getByRole("button", { name: "Mark paid" }).click();
    await toast(owner, "Marked paid");
    await poll(() => owner.getByTestId("statement-paid").innerText()).toContain("W-778");
    await owner.screenshot({ path: `${SHOTS}/web-payout-statement-paid-1440.png`, fullPage: true });
    await owner.setViewportSize({ width: 390, height: 844 });
    await owner.goto(`${platform.baseUrl}/payouts?month=${period}`);
    await poll(() => owner.getByTestId("statement-row").first().innerText()).toContain("Paid");
    await expect(fits(owner)).resolves.toBe(true);
    await owner.screenshot({ path: `${SHOTS}/web-payouts-owner-390.png`, fullPage: true });

    await sub.reload();
    await poll(() => sub.getByTestId("statement-paid").innerText()).toContain("Wise");
    await sub.setViewportSize({ width: 1440, height: 900 });
    await sub.screenshot({ path: `${SHOTS}/web-payout-statement-paid-sub-1440.png`, fullPage: true });
  });
});
