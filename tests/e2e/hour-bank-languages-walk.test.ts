import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { approveTime } from "../support/approve-time.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// The hour bank's pages in Greek and Hindi, in real Chromium (issue 17): the owner, reading Greek,
// approves a subcontractor's week; the subcontractor, reading Hindi, sees last month's payout
// statement, opens it and downloads its PDF; the client, reading Greek, sees the balance move on
// the portal's Hours page. Screenshots at 1440 and 390 px in /tmp/shots/bank3.

const SHOTS = "/tmp/shots/bank3";
const ZONE = "Asia/Kolkata";

let platform: Started;
let browser: Browser;
let world: World;
let period: string;
let thisWeek: Array<{ id: string; startedAt: string }> = [];

function lastMonth(): string {
  const [year, month] = new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit" }).format(new Date()).split("-").map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Athena Assistants");
  period = lastMonth();
  expect((await world.owner.patch("/me", { locale: "el" })).status).toBe(200);
  expect((await world.sub.patch("/me", { locale: "hi" })).status).toBe(200);
  expect((await world.contact.patch("/me", { locale: "el" })).status).toBe(200);
  const member = await world.owner.get(`/members/${world.ids.sub}`);
  expect((await world.owner.patch(`/members/${world.ids.sub}`, { version: member.body.version, costRate: 2500 })).status).toBe(200);
  const client = await world.owner.get(`/clients/${world.ids.client}`);
  expect((await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, billing: { hourlyRate: 5000, retainer: { fee: 100000, includedMinutes: 600 } } })).status).toBe(200);
  const { task } = await acceptedTask(world, { title: "Write the newsletter" });
  expect((await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub })).status).toBe(200);
  // Last month: approved and on a statement.
  const before = [];
  for (const [day, minutes] of [[10, 120], [11, 90]] as const) {
    const entry = await world.sub.post("/time", { taskId: task.id, startedAt: `${period}-${day}T06:00:00.000Z`, minutes });
    expect(entry.status).toBe(201);
    before.push(entry.body);
  }
  await approveTime(world, before);
  expect((await world.owner.post("/payouts", { memberId: world.ids.sub, period })).status).toBe(201);
  // This week: submitted, waiting for the owner.
  for (const [hours, minutes] of [[2, 60], [1, 30]] as const) {
    const entry = await world.sub.post("/time", { taskId: task.id, startedAt: new Date(Date.now() - hours * 3_600_000).toISOString(), minutes, note: `Pass ${hours}` });
    expect(entry.status).toBe(201);
    thisWeek.push(entry.body);
  }
  const date = new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(new Date(thisWeek[0]!.startedAt));
  expect((await world.sub.post("/time/week/submit", { date })).status).toBe(200);
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

async function shoot(page: Page, name: string) {
  for (const [width, height] of [[1440, 900], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    await poll(() => fits(page)).toBe(true);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe("the hour bank in Greek and Hindi", () => {
  let contact: Page;

  it("the client, in Greek, sees the balance with last month's approved time taken (the bank opened this month)", async () => {
    contact = await newPerson(browser, "America/New_York");
    await signInWithEmail(contact, `${platform.baseUrl}/portal`, world.people.contact.email);
    await contact.goto(`${platform.baseUrl}/portal/hours`);
    await poll(() => contact.evaluate("document.documentElement.lang")).toBe("el");
    await poll(() => contact.getByTestId("hours-balance").textContent()).toBe("6 ώρ. 30 λεπ.");
    await shoot(contact, "portal-hours-el-before");
  });

  it("the owner, in Greek, approves the week", async () => {
    const owner = await newPerson(browser, "Europe/Athens");
    await owner.setViewportSize({ width: 1440, height: 900 });
    await signInAt(owner, "/time/approvals", world.agency.ownerEmail);
    await poll(() => owner.evaluate("document.documentElement.lang")).toBe("el");
    const week = owner.getByTestId("approval-week").filter({ hasText: world.people.sub.name });
    await poll(() => week.getByTestId("approval-entry").count()).toBe(2);
    await shoot(owner, "web-approvals-el");
    await week.getByTestId("approve-week").click();
    await toast(owner, "Ο χρόνος εγκρίθηκε");
    await owner.getByText("Τίποτα δεν περιμένει έγκριση").waitFor();
    await shoot(owner, "web-approvals-el-empty");
  });

  it("the client's balance moves, in Greek", async () => {
    await contact.reload();
    await poll(() => contact.getByTestId("hours-balance").textContent()).toBe("5 ώρ.");
    await shoot(contact, "portal-hours-el-after");
  });

  it("the subcontractor, in Hindi, sees last month's statement, opens it and downloads its PDF", async () => {
    const sub = await newPerson(browser, ZONE);
    await sub.setViewportSize({ width: 1440, height: 900 });
    await signInAt(sub, "/payouts", world.people.sub.email);
    await poll(() => sub.evaluate("document.documentElement.lang")).toBe("hi");
    const row = sub.getByTestId("statement-row");
    await poll(() => row.count()).toBe(1);
    await expect(row.innerText()).resolves.toContain("3 घं॰ 30 मि॰");
    await shoot(sub, "web-payouts-hi");
    await row.getByRole("link", { name: /भुगतान विवरण खोलें/ }).click();
    await sub.waitForURL(/\/payouts\/pyo_/);
    await poll(() => sub.getByTestId("payout-statement").innerText()).toContain("Write the newsletter");
    await shoot(sub, "web-payout-statement-hi");
    const [download] = await Promise.all([sub.waitForEvent("download"), sub.getByTestId("statement-pdf").click()]);
    const path = await download.path();
    expect(path).toBeTruthy();
    const { readFile } = await import("node:fs/promises");
    const bytes = await readFile(path!);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  });
});
