import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAgencyJobs } from "@baton/functions/jobs/run";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// Recurring work in a real Chromium (issue 18, part 5): the owner, in Sydney like the client,
// sets a weekly schedule on the client's page; after the scheduled job runs at the occurrence,
// the task is on the board, made from the SOP for the usual person, on the Monday of the client's
// calendar at 09:00 their time. Screenshots at 1440 and 390 px go to BATON_SHOTS when set.

let platform: Started;
let browser: Browser;
let world: World;
let owner: Page;
let clientId: string;
let sopId: string;

const toast = (page: Page, text: string | RegExp) => page.getByTestId("toast").filter({ hasText: text }).first().waitFor();

async function shots(page: Page, name: string) {
  if (!process.env.BATON_SHOTS) return;
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${process.env.BATON_SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Recurring Makers");
  const client = await world.owner.post("/clients", { name: "Harbour Books", code: `HB${Math.floor(Math.random() * 10_000)}`, timeZone: "Australia/Sydney", currency: "AUD", status: "active" });
  clientId = client.body.id;
  const sop = await world.owner.post("/sops", { title: "Inbox clean-up", category: "Admin", body: "Sort, archive, reply.", checklist: ["Archive newsletters", "Flag invoices"] });
  sopId = sop.body.id;
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe("recurring work in the team app", () => {
  it("the owner sets a weekly schedule on the client's page; a weekday left out is its field's error", async () => {
    owner = await newPerson(browser, "Australia/Sydney");
    await owner.goto(`${platform.baseUrl}/clients/${clientId}`);
    await owner.waitForURL(/\/sign-in/);
    await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
    await owner.waitForURL(`${platform.baseUrl}/clients/${clientId}`);
    const card = owner.getByTestId("client-recurring");
    await card.getByText("No recurring work yet").waitFor();

    await card.getByRole("button", { name: "New schedule" }).first().click();
    const form = owner.getByTestId("schedule-form");
    await form.getByLabel("Title").fill("Weekly inbox clean-up");
    await form.getByLabel("SOP").selectOption(sopId);
    await expect(form.getByLabel("Repeats").inputValue()).resolves.toBe("weekly");
    // Monday is chosen to start with: left out, no weekday remains.
    await form.getByTestId("schedule-days").getByLabel("Mon").uncheck();
    await form.getByLabel("Usual assignee").selectOption({ label: "Sam Writer" });
    await form.getByRole("button", { name: "Add schedule" }).click();
    await form.getByText("Choose at least one weekday.").waitFor();
    expect((await world.owner.get(`/schedules?clientId=${clientId}`)).body.items).toHaveLength(0);

    await form.getByTestId("schedule-days").getByLabel("Mon").check();
    await form.getByRole("button", { name: "Add schedule" }).click();
    await toast(owner, "Added Weekly inbox clean-up");
    const row = card.getByTestId("schedule-row").filter({ hasText: "Weekly inbox clean-up" });
    await row.getByText("Weekly on Mon at 09:00").waitFor();
    await row.getByText("Usually Sam Writer").waitFor();
    // The next occurrence in the owner's own zone (their profile's), and on the client's clock: 09:00 in Sydney.
    const [saved] = (await world.owner.get(`/schedules?clientId=${clientId}`)).body.items;
    const me = (await world.owner.get("/me")).body;
    const shown = (zone: string) => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: zone }).format(new Date(saved.nextAt));
    await expect(row.getByTestId("schedule-next").locator("time").textContent()).resolves.toBe(shown(me.timeZone));
    await expect(row.getByTestId("schedule-next-client").textContent()).resolves.toContain(`${shown("Australia/Sydney")} ·`);
    expect(shown("Australia/Sydney")).toMatch(/09:00$/);
    await shots(owner, "client-recurring");

    await owner.goto(`${platform.baseUrl}/recurring`);
    await owner.getByRole("heading", { name: "Recurring work" }).waitFor();
    await owner.getByTestId("schedule-row").filter({ hasText: "Harbour Books" }).waitFor();
    await shots(owner, "recurring-list");
  });

  it("after the job runs at the occurrence, the task is on the board for Sam, on the Monday in the client's zone", async () => {
    const [schedule] = (await world.owner.get(`/schedules?clientId=${clientId}`)).body.items;
    expect(new Date(`${schedule.nextDate}T00:00:00Z`).getUTCDay()).toBe(1);
    // The local runtime's job runner, as every 15 minutes, a few minutes after the occurrence.
    const at = new Date(Date.parse(schedule.nextAt) + 5 * 60_000);
    const reports = await runAgencyJobs(world.agency.agencyId, at);
    expect(reports.find((r) => r.job === "recurringWork")).toMatchObject({ failed: 0, result: { created: 1 } });

    await owner.goto(`${platform.baseUrl}/board?client=${clientId}`);
    const card = owner.getByTestId("task-card").filter({ hasText: "Inbox clean-up" });
    await card.waitFor();
    await card.getByText("Sam Writer").waitFor();
    await shots(owner, "board-after-job");

    // The request was made for the Monday at 09:00 Sydney time.
    const requests = (await world.owner.get(`/requests?clientId=${clientId}&status=all`)).body.items;
    expect(requests).toHaveLength(1);
    const local = new Intl.DateTimeFormat("en-CA", { timeZone: "Australia/Sydney", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23", weekday: "short" }).format(new Date(requests[0].responseDueAt));
    expect(local).toContain("Mon");
    expect(local).toContain(schedule.nextDate);
    expect(local).toContain("09:00");

    // The schedule moved on a week, and the list says so.
    await owner.goto(`${platform.baseUrl}/recurring`);
    const after = (await world.owner.get(`/schedules/${schedule.id}`)).body;
    expect(after.lastDate).toBe(schedule.nextDate);
    expect(Date.parse(after.nextAt) - Date.parse(schedule.nextAt)).toBeGreaterThanOrEqual(7 * 86_400_000 - 3_600_000);
  });

  it("pauses and resumes from the list, and deletes after asking", async () => {
    const row = owner.getByTestId("schedule-row").filter({ hasText: "Weekly inbox clean-up" });
    await row.getByRole("button", { name: "Pause Weekly inbox clean-up" }).click();
    await toast(owner, "Paused Weekly inbox clean-up");
    await expect.poll(() => row.getAttribute("data-status"), { timeout: 15_000 }).toBe("paused");
    await row.getByRole("button", { name: "Resume Weekly inbox clean-up" }).click();
    await toast(owner, "Resumed Weekly inbox clean-up");
    await row.getByRole("button", { name: "Delete Weekly inbox clean-up" }).click();
    await owner.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await toast(owner, "Deleted Weekly inbox clean-up");
    await owner.getByText("No recurring work yet").waitFor();
  });
});

describe("an occurrence of a template left in triage", () => {
  it("the accept dialog proposes the template's SOPs, one task each with its checklist and skill", async () => {
    const second = await world.owner.post("/sops", { title: "Calendar tidy", category: "Calendar", body: "Tidy the week.", checklist: ["Decline clashes"] });
    // No usual person: the occurrence waits in triage for the owner.
    const created = await world.owner.post("/schedules", { clientId, title: "Weekly admin", rule: "weekly", days: [3], time: "10:00", startDate: "2026-01-01", sopIds: [sopId, second.body.id], estimateHours: 1 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await runAgencyJobs(world.agency.agencyId, new Date(Date.parse(created.body.nextAt) + 5 * 60_000));
    const request = (await world.owner.get(`/requests?clientId=${clientId}&status=submitted`)).body.items.find((r: { title: string }) => r.title === "Weekly admin");
    expect(request).toBeDefined();

    await owner.goto(`${platform.baseUrl}/requests/${request.id}`);
    await owner.getByRole("button", { name: "Accept…" }).click();
    const plan = owner.getByTestId("accept-form");
    await expect(plan.getByTestId("proposal-note").textContent()).resolves.toBe("Proposed from the SOPs of the recurring work “Weekly admin”.");
    const tasks = plan.getByTestId("task-plan");
    await expect(tasks.count()).resolves.toBe(2);
    await expect(tasks.nth(0).getByLabel(/^Title/).inputValue()).resolves.toBe("Inbox clean-up");
    await expect(tasks.nth(1).getByLabel(/^Title/).inputValue()).resolves.toBe("Calendar tidy");
    await expect(tasks.nth(0).getByLabel("SOP").inputValue()).resolves.toBe(sopId);
    await expect(tasks.nth(1).getByLabel("SOP").inputValue()).resolves.toBe(second.body.id);
    await tasks.nth(0).getByText("Admin", { exact: true }).waitFor();
    await tasks.nth(1).getByText("Calendar", { exact: true }).waitFor();
    await shots(owner, "accept-recurring-proposal");
    await plan.getByRole("button", { name: /^Accept/ }).last().click();
    await expect.poll(async () => (await world.owner.get(`/requests/${request.id}`)).body.tasks.length, { timeout: 15_000 }).toBe(2);
    const tasksMade = (await world.owner.get(`/requests/${request.id}`)).body.tasks;
    expect(tasksMade.map((task: { checklist: Array<{ text: string }>; skills: string[] }) => [task.skills, task.checklist.map((c) => c.text)])).toEqual([
      [["Admin"], ["Archive newsletters", "Flag invoices"]],
      [["Calendar"], ["Decline clashes"]],
    ]);
    await owner.getByRole("dialog").waitFor({ state: "detached", timeout: 15_000 });
  });
});
