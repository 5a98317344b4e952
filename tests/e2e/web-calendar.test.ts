import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// The deadline calendar in the team app, in a real Chromium: the owner finds a task on the day
// it is due in the month grid (today marked), moves between months, opens the task, reads the
// list view on a small screen, and copies the private feed URL, which serves text/calendar
// without any session; resetting the link retires the old URL.

let platform: Started;
let browser: Browser;
let world: World;
let owner: Page;

type Task = { id: string; reference: string; title: string };
let today: Task;
let nextMonth: Task;

const zone = "Europe/London";
const dateIn = (at: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
const monthName = (month: string) => new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-15T12:00:00Z`));
const shift = (month: string, by: number) => {
  const [year, m] = month.split("-").map(Number) as [number, number];
  const index = year * 12 + m - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
};

const todayDate = dateIn(new Date());
const thisMonth = todayDate.slice(0, 7);
const followingMonth = shift(thisMonth, 1);

async function accepted(title: string, dueAt: string): Promise<Task> {
  const submitted = await world.contact.post("/requests", { title, description: "Calendar work", service: "Content" });
  const reply = await world.owner.post(`/requests/${submitted.body.id}/accept`, {
    version: submitted.body.version,
    tasks: [{ title, estimateHours: 1, dueAt, urgent: true }],
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.tasks[0];
}

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Calendar Makers");
  // Noon UTC is the same calendar day in London, summer or winter.
  today = await accepted("Send the weekly report", `${todayDate}T12:00:00Z`);
  nextMonth = await accepted("Plan the quarterly review, with notes; and slides", `${followingMonth}-15T10:00:00Z`);
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const cell = (page: Page, date: string) => page.locator(`[data-testid="calendar-day"][data-date="${date}"]`);

describe("the deadline calendar in the team app", () => {
  it("shows the owner a task on the day it is due, with today marked", async () => {
    owner = await newPerson(browser, zone);
    await owner.goto(`${platform.baseUrl}/calendar`);
    await owner.waitForURL(/\/sign-in/);
    await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
    await owner.waitForURL(`${platform.baseUrl}/calendar`);

    await owner.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calendar", exact: true }).waitFor();
    expect(await owner.getByTestId("calendar-month").innerText()).toBe(monthName(thisMonth));
    const grid = owner.getByRole("table", { name: `Deadlines in ${monthName(thisMonth)}` });
    await grid.waitFor();
    // Seven columns, Monday first.
    expect(await grid.getByRole("columnheader").allInnerTexts()).toHaveLength(7);
    expect((await grid.getByRole("columnheader").first().innerText()).toLowerCase()).toContain("mon");

    const day = cell(owner, todayDate);
    await expect(day.getAttribute("aria-current")).resolves.toBe("date");
    const link = day.getByRole("link", { name: new RegExp(`${today.reference}.*Send the weekly report.*Urgent`) });
    await link.waitFor();
    await expect(owner.locator('[aria-current="date"][data-testid="calendar-day"]').count()).resolves.toBe(1);
    // The other task is next month's: not in this grid.
    await expect(owner.getByTestId("calendar-grid").getByText(nextMonth.reference).count()).resolves.toBe(0);
  });

  it("moves to the next month and back, and Today returns to this month", async () => {
    await owner.getByRole("button", { name: "Next month" }).click();
    await owner.waitForURL(`${platform.baseUrl}/calendar?month=${followingMonth}`);
    await owner.getByTestId("calendar-month").filter({ hasText: monthName(followingMonth) }).waitFor();
    const task = cell(owner, `${followingMonth}-15`).getByRole("link", { name: new RegExp(nextMonth.reference) });
    await task.waitFor();
    expect(await task.innerText()).toContain("Plan the quarterly review, with notes; and slides");
    await expect(owner.locator('[aria-current="date"][data-testid="calendar-day"]').count()).resolves.toBe(0);

    await owner.getByRole("button", { name: "Next month" }).click();
    await owner.getByTestId("calendar-month").filter({ hasText: monthName(shift(thisMonth, 2)) }).waitFor();
    await owner.getByText(`Nothing due in ${monthName(shift(thisMonth, 2))}`).waitFor();

    await owner.getByRole("button", { name: "Previous month" }).click();
    await owner.getByTestId("calendar-month").filter({ hasText: monthName(followingMonth) }).waitFor();
    await owner.getByRole("button", { name: "Today" }).click();
    await owner.waitForURL(`${platform.baseUrl}/calendar`);
    await owner.getByTestId("calendar-month").filter({ hasText: monthName(thisMonth) }).waitFor();
    await cell(owner, todayDate).getByRole("link", { name: new RegExp(today.reference) }).waitFor();
  });

  it("opens the task from its day, with the keyboard", async () => {
    const link = cell(owner, todayDate).getByRole("link", { name: new RegExp(today.reference) });
    await link.focus();
    await owner.keyboard.press("Enter");
    await owner.waitForURL(`${platform.baseUrl}/tasks/${today.id}`);
    await owner.goBack();
    await owner.waitForURL(`${platform.baseUrl}/calendar`);
    await owner.getByTestId("calendar-grid").waitFor();
  });

  it("lists the days with deadlines instead of the grid on a small screen", async () => {
    await owner.setViewportSize({ width: 420, height: 800 });
    await expect(owner.getByTestId("calendar-grid").isVisible()).resolves.toBe(false);
    const list = owner.getByRole("region", { name: `Deadlines in ${monthName(thisMonth)}, day by day` });
    await list.getByRole("link", { name: new RegExp(today.reference) }).waitFor();
    await owner.setViewportSize({ width: 1280, height: 800 });
    await owner.getByTestId("calendar-grid").waitFor();
  });

  it("copies the private feed URL, which serves text/calendar with no session; a reset retires it", async () => {
    await owner.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: platform.baseUrl });
    const panel = owner.getByTestId("calendar-feed");
    await panel.getByRole("heading", { name: "Subscribe in your calendar" }).waitFor();
    const field = panel.getByLabel("Your private calendar link");
    await field.waitFor();
    const shown = await field.inputValue();
    expect(shown).toMatch(new RegExp(`^${platform.baseUrl}/api/calendar/feeds/agy_\\w+\\.mem_\\w+\\.[\\w-]{43}\\.ics$`));
    await panel.getByRole("button", { name: "Copy link" }).click();
    await panel.getByRole("button", { name: "Copied" }).waitFor();
    const copied = await owner.evaluate<string>("navigator.clipboard.readText()");
    expect(copied).toBe(shown);

    // A calendar app: no cookie, no app header.
    const feed = await fetch(copied);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const text = await feed.text();
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text).toContain(`UID:${today.id}@baton`);
    expect(text).toContain(`DTSTART:${todayDate.replace(/-/g, "")}T120000Z`);
    expect(text.replace(/\r\n /g, "")).toContain(`SUMMARY:${nextMonth.reference} · Plan the quarterly review\\, with notes\\; and slides`);

    await panel.getByRole("button", { name: "Reset link" }).click();
    const dialog = owner.getByRole("dialog", { name: "Reset your calendar link?" });
    await dialog.getByRole("button", { name: "Reset link" }).click();
    await owner.getByTestId("toast").filter({ hasText: "Your new calendar link is ready." }).first().waitFor();
    await expect.poll(() => field.inputValue()).not.toBe(shown);
    expect((await fetch(shown)).status).toBe(404);
    expect((await fetch(await field.inputValue())).status).toBe(200);
  });

  it("after a reload, says the link exists without showing it again", async () => {
    await owner.reload();
    const panel = owner.getByTestId("calendar-feed");
    await panel.getByTestId("calendar-feed-hidden").waitFor();
    await expect(panel.getByLabel("Your private calendar link").count()).resolves.toBe(0);
    await panel.getByRole("button", { name: "Reset link" }).waitFor();
  });

  it("gives a client contact their own feed on the portal's Profile page", async () => {
    const contact = await newPerson(browser, "America/New_York");
    await contact.goto(`${platform.baseUrl}/portal/profile`);
    await contact.waitForURL(/\/sign-in/);
    await signInWithEmail(contact, `${platform.baseUrl}/portal`, world.people.contact.email);
    await contact.waitForURL(`${platform.baseUrl}/portal/profile`);
    const card = contact.getByTestId("calendar-feed");
    await card.getByRole("heading", { name: "Calendar feed" }).waitFor();
    const url = await card.getByLabel("Your private calendar link").inputValue();
    expect(url).toMatch(/\/api\/calendar\/feeds\/agy_\w+\.con_\w+\.[\w-]{43}\.ics$/);
    const text = await (await fetch(url)).text();
    expect(text).toContain(`UID:${today.id}@baton`);
    expect(text).toContain(`UID:${nextMonth.id}@baton`);
    await contact.context().close();
  });
});
