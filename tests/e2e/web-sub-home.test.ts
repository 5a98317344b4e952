import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { backdateTimer } from "../support/timer.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// A subcontractor's home (issue 22 item 7) in a real Chromium: the next task (work QA returned
// comes before new work), the running timer, and the week's hours against their capacity.

let platform: Started;
let browser: Browser;
let world: World;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Sub Home Agency");
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe("a subcontractor's home", () => {
  it("shows the next task, the running timer and the week's hours against capacity", async () => {
    const later = await acceptedTask(world, { title: "Tidy the shared drive", dueInDays: 9 });
    const sooner = await acceptedTask(world, { title: "Book the team offsite", dueInDays: 2 });
    for (const { task } of [later, sooner]) {
      expect((await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub })).status).toBe(200);
    }
    expect((await world.sub.post("/time/timer/start", { taskId: later.task.id })).status).toBe(201);
    await backdateTimer(world.agency.agencyId, world.ids.sub, 35);

    const page = await newPerson(browser, "Asia/Kolkata");
    await page.setViewportSize({ width: 1440, height: 900 });
    await signInWithEmail(page, platform.baseUrl, world.people.sub.email);
    await page.getByTestId("sub-home").waitFor();
    // Both are to start; the one due sooner is next.
    await expect.poll(() => page.getByTestId("home-next-task").innerText(), { timeout: 15_000 }).toBe("Book the team offsite");
    await expect.poll(() => page.getByTestId("home-timer-task").innerText(), { timeout: 15_000 }).toMatch(/Tidy the shared drive$/);
    expect(await page.getByTestId("home-timer-elapsed").innerText()).toMatch(/^00:3[5-9]:\d\d$/);
    // Sam's capacity is 30 hours a week; nothing is logged yet while the timer runs.
    await expect.poll(() => page.getByTestId("home-week-hours").innerText(), { timeout: 15_000 }).toBe("0 min of 30 h");
    await page.screenshot({ path: "/tmp/shots/search/web-sub-home-1440.png", fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).resolves.toBe(true);
    await page.screenshot({ path: "/tmp/shots/search/web-sub-home-390.png", fullPage: true });
  });
});
