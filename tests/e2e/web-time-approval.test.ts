import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// Time approval in real Chromium (issue 17, part 2): a subcontractor submits their week on the
// Time page, the owner returns an entry with a note, the subcontractor sees the note, fixes the
// entry and submits again, the owner approves the week, and the client's Hours page in the
// portal shows the balance move only then. Screenshots at 1440 and 390 px.

const SHOTS = "/tmp/shots/approval";

let platform: Started;
let browser: Browser;
let world: World;
let entries: Array<{ id: string; startedAt: string; minutes: number }> = [];

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Approving Agency");
  const client = await world.owner.get(`/clients/${world.ids.client}`);
  const billing = await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, billing: { hourlyRate: 5000, retainer: { fee: 100000, includedMinutes: 600 } } });
  expect(billing.status).toBe(200);
  const { task } = await acceptedTask(world, { title: "Tidy the inbox" });
  expect((await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub })).status).toBe(200);
  // Sam logs an hour and 45 minutes this week (an hour and two hours ago: the same week in his zone).
  for (const [hours, minutes] of [[2, 60], [1, 45]] as const) {
    const logged = await world.sub.post("/time", { taskId: task.id, startedAt: new Date(Date.now() - hours * 3_600_000).toISOString(), minutes, note: `Inbox pass ${hours}` });
    expect(logged.status).toBe(201);
    entries.push(logged.body);
  }
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const toast = (page: Page, text: string | RegExp) => page.getByTestId("toast").filter({ hasText: text }).first().waitFor();
/** Sam's week: the day of his first entry in his zone (Asia/Kolkata). */
const weekDate = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(new Date(entries[0]!.startedAt));

async function signInAt(page: Page, path: string, email: string) {
  await page.goto(`${platform.baseUrl}${path}`);
  await page.waitForURL(/\/sign-in/);
  await signInWithEmail(page, platform.baseUrl, email);
  await page.waitForURL(`${platform.baseUrl}${path}`);
}

/** Pages load the queue after they render: give each check the page's own time, not expect.poll's one second. */
const poll = <T,>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

const fits = (page: Page) => page.evaluate("document.documentElement.scrollWidth <= window.innerWidth");

describe("approving a subcontractor's week", () => {
  let sub: Page;
  let owner: Page;
  let contact: Page;

  it("the subcontractor submits the week from the Time page", async () => {
    sub = await newPerson(browser, "Asia/Kolkata");
    await sub.setViewportSize({ width: 1440, height: 900 });
    await signInAt(sub, `/time?date=${weekDate()}`, world.people.sub.email);
    const status = sub.getByTestId("week-status");
    await poll(() => status.getAttribute("data-state")).toBe("open");
    await sub.getByTestId("submit-week").click();
    await toast(sub, "Week submitted for approval");
    await poll(() => status.getAttribute("data-state")).toBe("submitted");
    await expect(sub.getByTestId("submit-week").count()).resolves.toBe(0);
    await poll(() => sub.getByTestId("entry-approval").first().innerText()).toBe("Waiting for approval");
    await sub.screenshot({ path: `${SHOTS}/web-time-submitted-1440.png`, fullPage: true });
  });

  it("the client's Hours page counts none of it yet", async () => {
    contact = await newPerson(browser, "America/New_York");
    await contact.setViewportSize({ width: 1440, height: 900 });
    await signInWithEmail(contact, `${platform.baseUrl}/portal`, world.people.contact.email);
    await contact.goto(`${platform.baseUrl}/portal/hours`);
    await poll(() => contact.getByTestId("hours-balance").textContent()).toBe("10 h");
  });

  it("the owner returns an entry with a note, and the subcontractor fixes it and submits again", async () => {
    owner = await newPerson(browser, "Europe/London");
    await owner.setViewportSize({ width: 1440, height: 900 });
    await signInAt(owner, "/time/approvals", world.agency.ownerEmail);
    const week = owner.getByTestId("approval-week").filter({ hasText: world.people.sub.name });
    await poll(() => week.getByTestId("approval-entry").count()).toBe(2);
    await owner.screenshot({ path: `${SHOTS}/web-approvals-1440.png`, fullPage: true });

    await week.getByTestId("approval-entry").filter({ hasText: "Inbox pass 1" }).getByRole("button", { name: /^Return / }).click();
    const dialog = owner.getByRole("dialog", { name: "Return this time?" });
    await dialog.getByRole("button", { name: "Return" }).click();
    // A note is required: the browser keeps the empty form from going out.
    await expect(dialog.isVisible()).resolves.toBe(true);
    await dialog.getByLabel("What needs fixing").fill("This was 30 minutes, not 45.");
    await dialog.getByRole("button", { name: "Return" }).click();
    await toast(owner, "Time returned with your note");
    await poll(() => week.getByTestId("approval-entry").count()).toBe(1);

    await sub.reload();
    await poll(() => sub.getByTestId("week-status").getAttribute("data-state")).toBe("returned");
    await poll(() => sub.getByTestId("return-note").innerText()).toContain("This was 30 minutes, not 45.");
    await sub.screenshot({ path: `${SHOTS}/web-time-returned-1440.png`, fullPage: true });
    const row = sub.getByTestId("time-entry").filter({ hasText: "Inbox pass 1" });
    await row.getByRole("button", { name: /^Edit / }).click();
    const edit = sub.getByTestId("time-entry-form");
    await edit.getByLabel("Duration").fill("30");
    await edit.getByRole("button", { name: "Save" }).click();
    await toast(sub, "Time saved");
    await sub.getByTestId("submit-week").click();
    await toast(sub, "Week submitted for approval");
    await poll(() => sub.getByTestId("week-status").getAttribute("data-state")).toBe("submitted");
  });

  it("the owner approves the week, and the client's balance moves", async () => {
    await owner.reload();
    const week = owner.getByTestId("approval-week").filter({ hasText: world.people.sub.name });
    await poll(() => week.getByTestId("approval-entry").count()).toBe(2);
    await owner.setViewportSize({ width: 390, height: 844 });
    await poll(() => fits(owner)).toBe(true);
    await owner.screenshot({ path: `${SHOTS}/web-approvals-390.png`, fullPage: true });
    await owner.setViewportSize({ width: 1440, height: 900 });
    await week.getByTestId("approve-week").click();
    await toast(owner, "Time approved");
    await owner.getByText("Nothing waits for approval").waitFor();
    await owner.screenshot({ path: `${SHOTS}/web-approvals-empty-1440.png`, fullPage: true });

    // 10 h − (60 + 30) min.
    await contact.reload();
    await poll(() => contact.getByTestId("hours-balance").textContent()).toBe("8 h 30 min");
    await contact.screenshot({ path: `${SHOTS}/portal-hours-after-approval-1440.png`, fullPage: true });
    await contact.setViewportSize({ width: 390, height: 844 });
    await contact.reload();
    await poll(() => contact.getByTestId("hours-balance").textContent()).toBe("8 h 30 min");
    await poll(() => fits(contact)).toBe(true);
    await contact.screenshot({ path: `${SHOTS}/portal-hours-after-approval-390.png`, fullPage: true });

    await sub.reload();
    await poll(() => sub.getByTestId("week-status").getAttribute("data-state")).toBe("approved");
    await sub.setViewportSize({ width: 390, height: 844 });
    await sub.reload();
    await poll(() => fits(sub)).toBe(true);
    await sub.screenshot({ path: `${SHOTS}/web-time-approved-390.png`, fullPage: true });
  });
});
