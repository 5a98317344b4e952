import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { monthOf, monthsToUtc } from "@baton/kernel/dates";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// Used-up hours in a real Chromium (issue 17, part 4): under "pause new work" the client's new
// request says in the portal that it waits for hours, and the owner's triage list and the request
// page mark it; under "ask first" the board's card and the subcontractor's task page say so.
// BATON_SHOTS=<dir> keeps screenshots at 1440 and 390 px.

let platform: Started;
let browser: Browser;
let world: World;
let owner: Page;
let client: Page;
let sub: Page;
let taskId: string;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Hold Walk Agency");
  const read = await world.owner.get(`/clients/${world.ids.client}`);
  expect((await world.owner.patch(`/clients/${world.ids.client}`, { version: read.body.version, billing: { hourlyRate: 5000, retainer: { fee: 100000, includedMinutes: 60 } } })).status).toBe(200);
  const { task } = await acceptedTask(world, { title: "Monthly bookkeeping" });
  const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
  expect(assigned.status).toBe(200);
  taskId = task.id;
  // The month's hour is used up (the owner's own time is approved as logged).
  const period = monthOf(new Date(), "America/New_York");
  const { start } = monthsToUtc(period, period, "America/New_York");
  expect((await world.owner.post("/time", { clientId: world.ids.client, startedAt: new Date(Date.parse(start) + 60_000).toISOString(), minutes: 60, billable: true })).status).toBe(201);
  owner = await newPerson(browser, "America/New_York");
  await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
  client = await newPerson(browser, "America/New_York");
  await signInWithEmail(client, `${platform.baseUrl}/portal`, world.people.contact.email);
  sub = await newPerson(browser, "Asia/Kolkata");
  await signInWithEmail(sub, platform.baseUrl, world.people.sub.email);
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const shot = async (page: Page, name: string) => {
  if (process.env.BATON_SHOTS) await page.screenshot({ path: `${process.env.BATON_SHOTS}/${name}.png`, fullPage: true });
};
const fits = (page: Page, width: number) => page.evaluate(`document.documentElement.scrollWidth <= ${width}`);

it("under 'pause new work' a new request waits for hours: the portal says so, the owner's triage marks it", async () => {
  expect((await world.owner.patch(`/hour-bank/clients/${world.ids.client}/overage`, { overage: { mode: "pause" } })).status).toBe(200);
  const sent = await world.contact.post("/requests", { title: "Update the price list", description: "New prices from January.", service: "Admin" });
  expect(sent.status).toBe(201);
  for (const width of [1440, 390]) {
    await client.setViewportSize({ width, height: 900 });
    await client.goto(`${platform.baseUrl}/portal/requests/${sent.body.id}`);
    const notice = client.getByTestId("request-waiting-hours");
    await expect.poll(() => notice.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await notice.textContent()).toContain("This request waits for hours: your hours for this month are used up, so Hold Walk Agency starts new work");
    expect(await fits(client, width)).toBe(true);
    await shot(client, `hold-portal-request-${width}`);

    await owner.setViewportSize({ width, height: 900 });
    await owner.goto(`${platform.baseUrl}/requests`);
    const row = owner.locator(`[data-testid="request-row"][data-reference="${sent.body.reference}"]`);
    await expect.poll(() => row.getByTestId("request-waiting-hours").textContent(), { timeout: 15_000 }).toBe("Waiting for hours");
    expect(await fits(owner, width)).toBe(true);
    await shot(owner, `hold-triage-${width}`);
    await owner.goto(`${platform.baseUrl}/requests/${sent.body.id}`);
    await expect.poll(() => owner.getByTestId("request-waiting-hours").textContent(), { timeout: 15_000 }).toContain("Acme Corp's hours for this month are used up");
    expect(await fits(owner, width)).toBe(true);
    await shot(owner, `hold-request-${width}`);
  }
  // Hours added: the notice is gone from the client's page.
  expect((await world.owner.post(`/hour-bank/clients/${world.ids.client}/adjustments`, { minutes: 60, reason: "Extra hour agreed" })).status).toBe(200);
  await client.reload();
  await client.getByTestId("request-meta").waitFor();
  await expect.poll(() => client.getByTestId("request-status-notice").textContent(), { timeout: 15_000 }).toContain("The team will reply by");
  expect(await client.getByTestId("request-waiting-hours").count()).toBe(0);
  // Used up again for the next walk.
  expect((await world.owner.post(`/hour-bank/clients/${world.ids.client}/adjustments`, { minutes: -60, reason: "Hour used elsewhere" })).status).toBe(200);
});

it("under 'ask first' the board's card and the subcontractor's task page say the hours are used up", async () => {
  expect((await world.owner.patch(`/hour-bank/clients/${world.ids.client}/overage`, { overage: { mode: "ask", askMinutes: 120 } })).status).toBe(200);
  for (const width of [1440, 390]) {
    await owner.setViewportSize({ width, height: 900 });
    await owner.goto(`${platform.baseUrl}/board`);
    const card = owner.locator(`[data-testid="task-card"][data-reference]`).filter({ hasText: "Monthly bookkeeping" });
    await expect.poll(() => card.getByTestId("task-overage-state").textContent(), { timeout: 15_000 }).toBe("Ask first: no hours left");
    expect(await fits(owner, width)).toBe(true);
    await shot(owner, `ask-board-${width}`);

    await sub.setViewportSize({ width, height: 900 });
    await sub.goto(`${platform.baseUrl}/tasks/${taskId}`);
    await expect.poll(() => sub.getByTestId("task-overage-state").textContent(), { timeout: 15_000 }).toBe("Ask first: no hours left");
    expect(await fits(sub, width)).toBe(true);
    await shot(sub, `ask-task-sub-${width}`);
  }
});
