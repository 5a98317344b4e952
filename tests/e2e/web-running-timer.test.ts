import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson as openPage, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { backdateTimer } from "../support/timer.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// The running timer on every page of the team app (issue 17, part 5), in a real Chromium: a
// subcontractor's timer shows its task and elapsed time on pages that have nothing to do with
// time, and stops from there, recording the entry.

let platform: Started;
let browser: Browser;
let world: World;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Timer Bar Agency");
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe("the running timer in the team app's header", () => {
  it("shows on any page and stops from there", async () => {
    const { task } = await acceptedTask(world, { title: "Header timer work" });
    const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
    expect(assigned.status).toBe(200);
    expect((await world.sub.post("/time/timer/start", { taskId: task.id })).status).toBe(201);
    await backdateTimer(world.agency.agencyId, world.ids.sub, 20);

    const page = await openPage(browser, "Asia/Kolkata");
    await page.goto(`${platform.baseUrl}/profile`);
    await page.waitForURL(/\/sign-in/);
    await signInWithEmail(page, platform.baseUrl, world.people.sub.email);
    const bar = page.getByTestId("header-timer");
    await bar.waitFor();
    expect(await bar.innerText()).toContain("Header timer work");
    expect(await page.getByTestId("header-timer-elapsed").innerText()).toMatch(/^00:2\d:\d\d$/);
    await page.screenshot({ path: "/tmp/shots/hours/web-running-timer.png" });

    await page.goto(`${platform.baseUrl}/profile`);
    await bar.getByRole("button", { name: "Stop timer" }).click();
    await bar.waitFor({ state: "detached" });
    expect((await world.sub.get("/time/timer")).body.timer).toBeNull();
    const logged = await world.sub.get(`/time/task/${task.id}`);
    expect(logged.body.entries.map((e: any) => e.minutes)).toEqual([20]);
  });
});
