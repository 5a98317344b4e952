import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson as openPage, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";
import { backdateTimer } from "../support/timer.ts";

// Time tracking in the team app, in a real Chromium: a subcontractor runs the timer on their
// task (it survives a reload, and a second one is refused with a link to the first), stops it,
// then logs, corrects and deletes time on the Time page; the owner reads their week and sets
// their cost rate on the Team page.

let platform: Started;
let browser: Browser;
let world: World;

type Task = { id: string; reference: string; title: string; version: number };
let first: Task;
let second: Task;

async function assigned(title: string): Promise<Task> {
  const { task } = await acceptedTask(world, { title });
  const reply = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
  expect(reply.status).toBe(200);
  return reply.body.task;
}

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Timekeeping Agency");
  first = await assigned("Write the launch post");
  second = await assigned("Research competitors");
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const label = (task: Task) => `${task.reference} · ${task.title}`;
const toast = (page: Page, text: string | RegExp) => page.getByTestId("toast").filter({ hasText: text }).first().waitFor();
const entryRow = (page: Page, task: Task) => page.getByTestId("time-entry").filter({ hasText: label(task) });

/** Opens `path` signed out, signs in through the emailed link, and lands back on `path`. */
async function signInAt(page: Page, path: string, email: string) {
  await page.goto(`${platform.baseUrl}${path}`);
  await page.waitForURL(/\/sign-in/);
  await signInWithEmail(page, platform.baseUrl, email);
  await page.waitForURL(`${platform.baseUrl}${path}`);
}

describe("time tracking in the team app", () => {
  let sub: Page;
  let owner: Page;

  it("the assignee starts a timer on the task page, and it survives a reload", async () => {
    sub = await openPage(browser, "Asia/Kolkata");
    await signInAt(sub, `/tasks/${first.id}`, world.people.sub.email);
    const timer = sub.getByTestId("task-timer");
    await timer.getByText("0 min of 3 h logged").waitFor();
    await timer.getByRole("button", { name: "Start timer" }).click();
    await toast(sub, `Timer started on ${label(first)}`);
    await timer.getByRole("button", { name: "Stop timer" }).waitFor();
    expect(await timer.getByTestId("timer-elapsed").innerText()).toMatch(/^\d\d:\d\d:\d\d$/);

    await sub.reload();
    await sub.getByTestId("task-timer").getByRole("button", { name: "Stop timer" }).waitFor();
    expect(await sub.getByTestId("timer-elapsed").innerText()).toMatch(/^\d\d:\d\d:\d\d$/);
    const running = await world.sub.get("/time/timer");
    expect(running.body.timer.taskId).toBe(first.id);
  });

  it("a second timer is refused with a link to the one that runs", async () => {
    // The Time page shows the running timer too.
    await sub.goto(`${platform.baseUrl}/time`);
    const running = sub.getByTestId("running-timer");
    await running.getByRole("link", { name: label(first) }).waitFor();
    await running.getByRole("button", { name: "Stop timer" }).waitFor();

    await sub.goto(`${platform.baseUrl}/tasks/${second.id}`);
    const timer = sub.getByTestId("task-timer");
    await timer.getByRole("button", { name: "Start timer" }).click();
    const blocked = timer.getByTestId("timer-blocked");
    await blocked.getByText("A timer is already running on another task.", { exact: false }).waitFor();
    await blocked.getByRole("link", { name: `Go to ${label(first)}` }).click();
    await sub.waitForURL(`${platform.baseUrl}/tasks/${first.id}`);
    // Still the first task's timer: nothing started on the second.
    expect((await world.sub.get("/time/timer")).body.timer.taskId).toBe(first.id);
  });

  it("stopping the timer records an entry, on the task and on the Time page", async () => {
    const timer = sub.getByTestId("task-timer");
    // It has run two minutes (a run under one is discarded, not logged).
    await backdateTimer(world.agency.agencyId, world.ids.sub, 2);
    await timer.getByRole("button", { name: "Stop timer" }).click();
    await toast(sub, `Logged 2 min on ${label(first)}`);
    await timer.getByText("2 min of 3 h logged").waitFor();
    await timer.getByRole("button", { name: "Start timer" }).waitFor();
    expect((await world.sub.get("/time/timer")).body.timer).toBeNull();

    await sub.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Time", exact: true }).click();
    await sub.waitForURL(`${platform.baseUrl}/time`);
    await sub.getByText("Your week, Monday to Sunday in", { exact: false }).waitFor();
    const row = entryRow(sub, first);
    await row.waitFor();
    expect(await row.getByTestId("entry-minutes").innerText()).toBe("2 min");
    await expect(sub.getByTestId("running-timer").count()).resolves.toBe(0);
    expect(await sub.getByTestId("week-totals").innerText()).toContain("Total: 2 min");
  });

  it("logs time by hand, with the duration checked on its field", async () => {
    await sub.getByRole("button", { name: "Log time" }).first().click();
    const form = sub.getByTestId("time-entry-form");
    await form.getByLabel("Task").selectOption({ label: label(second) });
    await form.getByLabel("Duration").fill("an hour");
    await form.getByLabel("Note").fill("Competitor pricing");
    await form.getByRole("button", { name: "Log time" }).click();
    await form.locator(".field-error").filter({ hasText: "Enter minutes (90) or hours and minutes (1:30)." }).waitFor();
    await expect(form.getByLabel("Duration").getAttribute("aria-invalid")).resolves.toBe("true");

    await form.getByLabel("Duration").fill("1:30");
    await form.getByRole("button", { name: "Log time" }).click();
    await toast(sub, "Time logged");
    const row = entryRow(sub, second);
    await row.waitFor();
    expect(await row.getByTestId("entry-minutes").innerText()).toBe("1 h 30 min");
    expect(await row.innerText()).toContain("Competitor pricing");
    await sub.getByTestId("week-totals").filter({ hasText: "Total: 1 h 32 min" }).waitFor();
  });

  it("edits an entry and deletes another after confirming", async () => {
    await sub.getByRole("button", { name: `Edit time on ${label(second)}` }).click();
    const form = sub.getByTestId("time-entry-form");
    await expect(form.getByLabel("Duration").inputValue()).resolves.toBe("1:30");
    await form.getByLabel("Duration").fill("45");
    await form.getByLabel("Billable").uncheck();
    await form.getByRole("button", { name: "Save" }).click();
    await toast(sub, "Time saved");
    await entryRow(sub, second).getByTestId("entry-minutes").filter({ hasText: /^45 min$/ }).waitFor();
    await sub.getByTestId("week-totals").filter({ hasText: "Non-billable: 45 min" }).waitFor();

    await sub.getByRole("button", { name: `Delete time on ${label(first)}` }).click();
    const confirm = sub.getByRole("dialog", { name: "Delete this time?" });
    await confirm.getByRole("button", { name: "Delete" }).click();
    await toast(sub, "Time deleted");
    await entryRow(sub, first).waitFor({ state: "detached" });

    const week = await world.sub.get("/time/week");
    expect(week.body.entries.map((e: { task: { id: string }; minutes: number; billable: boolean }) => [e.task.id, e.minutes, e.billable])).toEqual([[second.id, 45, false]]);
  });

  it("the owner reads the subcontractor's week", async () => {
    owner = await openPage(browser);
    await signInAt(owner, "/time", world.agency.ownerEmail);
    // She opens on the team's week (tests/e2e/web-team-week.test.ts); the picker opens one person's.
    await owner.getByTestId("team-week").waitFor();
    await owner.getByLabel("Team member").selectOption({ label: world.people.sub.name });
    await owner.waitForURL((url) => url.searchParams.get("member") === world.ids.sub);
    await owner.getByText(`${world.people.sub.name}'s week, Monday to Sunday in`, { exact: false }).waitFor();
    const row = entryRow(owner, second);
    await row.waitFor();
    expect(await row.getByTestId("entry-minutes").innerText()).toBe("45 min");
    // Another's timesheet: no logging on their behalf.
    await expect(owner.getByRole("button", { name: "Log time" }).count()).resolves.toBe(0);

    // The week before is empty; "Next week" comes back.
    const thisWeek = await owner.getByTestId("week-title").innerText();
    await owner.getByRole("button", { name: "Previous week" }).click();
    await owner.waitForURL((url) => url.searchParams.has("date") && url.searchParams.get("member") === world.ids.sub);
    await owner.getByText("No time logged this week").waitFor();
    await owner.getByRole("button", { name: "Next week" }).click();
    await owner.getByTestId("week-title").filter({ hasText: thisWeek }).waitFor();
    await entryRow(owner, second).waitFor();
  });

  it("the owner sets the subcontractor's cost rate on the Team page", async () => {
    await owner.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team", exact: true }).click();
    await owner.getByRole("button", { name: `Edit ${world.people.sub.name}` }).click();
    const dialog = owner.getByRole("dialog", { name: "Edit member" });
    const rate = dialog.getByLabel("Cost rate per hour (GBP)");
    await expect(rate.inputValue()).resolves.toBe("");
    await rate.fill("45.505");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.getByText("Enter an amount like 25 or 25.50.").waitFor();
    await rate.fill("45.50");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });
    const member = await world.owner.get(`/members/${world.ids.sub}`);
    expect(member.body.costRate).toBe(4550);

    // Opened again, it shows the saved rate in pounds.
    await owner.getByRole("button", { name: `Edit ${world.people.sub.name}` }).click();
    await expect(dialog.getByLabel("Cost rate per hour (GBP)").inputValue()).resolves.toBe("45.50");

    // Paid in euros: the rate's label follows the currency, and payouts are stated in it.
    await dialog.getByLabel("Paid in").selectOption("EUR");
    await dialog.getByLabel("Cost rate per hour (EUR)").fill("40");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect((await world.owner.get(`/members/${world.ids.sub}`)).body).toMatchObject({ costRate: 4000, costCurrency: "EUR" });
    await owner.getByRole("button", { name: `Edit ${world.people.sub.name}` }).click();
    expect(await dialog.getByLabel("Paid in").inputValue()).toBe("EUR");
    await expect(dialog.getByLabel("Cost rate per hour (EUR)").inputValue()).resolves.toBe("40.00");
    await owner.setViewportSize({ width: 390, height: 844 });
    await dialog.screenshot({ path: "/tmp/shots/payouts/member-currency-390.png" });
    await owner.setViewportSize({ width: 1440, height: 900 });
    await dialog.getByRole("button", { name: "Cancel" }).click();
  });
});
