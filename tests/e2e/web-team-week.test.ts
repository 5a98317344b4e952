import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson as openPage, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// The owner's Time page in a real Chromium (issue 22 item 7): it opens on the team's week, a bar
// and a table row per member against capacity; a name opens that member's week; the week switcher
// moves the whole team; her own week is a click away. Screenshots at 1440 and 390 px.

let platform: Started;
let browser: Browser;
let world: World;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Team Week Agency");
  const { task } = await acceptedTask(world, { title: "Inbox care" });
  const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
  expect(assigned.status).toBe(200);
  // Three hours for Sam (30 h a week) on Wednesday 25 November: the page is opened on that week.
  const logged = await world.sub.post("/time", { taskId: task.id, startedAt: "2026-11-25T10:00:00.000Z", minutes: 180 });
  expect(logged.status, JSON.stringify(logged.body)).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const rowOf = (page: Page, name: string) => page.getByTestId("team-week-row").filter({ hasText: name });

describe("the owner's team week", () => {
  let owner: Page;

  it("opens on each member's hours against capacity, as bars and a table", async () => {
    owner = await openPage(browser, "Europe/London");
    await owner.goto(`${platform.baseUrl}/time?date=2026-11-25`);
    await owner.waitForURL(/\/sign-in/);
    await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
    await owner.getByTestId("team-week").waitFor();
    await expect.poll(() => rowOf(owner, world.people.sub.name).getByTestId("team-week-logged").innerText(), { timeout: 15_000 }).toBe("3 h");
    const sam = rowOf(owner, world.people.sub.name);
    expect(await sam.innerText()).toContain("30 h");
    expect(await sam.innerText()).toContain("10%");
    await rowOf(owner, world.people.other.name).getByText("Nothing logged").waitFor();
    // The chart draws the same rows for the eye; the table is what assistive technology reads.
    const chart = owner.getByTestId("team-chart");
    expect(await chart.getAttribute("aria-hidden")).toBe("true");
    const bar = chart.locator(`[data-member-id="${world.ids.sub}"] .team-chart-fill`);
    expect(await bar.getAttribute("style")).toContain("width: 10%");
    await owner.getByRole("table", { name: "Hours per person this week" }).waitFor();

    await owner.screenshot({ path: "/tmp/shots/daily/team-week-1440.png", fullPage: true });
    await owner.setViewportSize({ width: 390, height: 844 });
    await owner.getByTestId("team-week").waitFor();
    expect(await owner.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await owner.screenshot({ path: "/tmp/shots/daily/team-week-390.png", fullPage: true });
    await owner.setViewportSize({ width: 1440, height: 900 });
  });

  it("switches weeks for the whole team, and back", async () => {
    const title = await owner.getByTestId("team-week-title").innerText();
    await owner.getByRole("button", { name: "Previous week" }).click();
    await owner.waitForURL((url) => url.searchParams.has("date"));
    await expect.poll(() => rowOf(owner, world.people.sub.name).getByTestId("team-week-logged").innerText(), { timeout: 15_000 }).toBe("0 min");
    await owner.getByRole("button", { name: "Next week" }).click();
    await owner.getByTestId("team-week-title").filter({ hasText: title }).waitFor();
    await expect.poll(() => rowOf(owner, world.people.sub.name).getByTestId("team-week-logged").innerText(), { timeout: 15_000 }).toBe("3 h");
  });

  it("opens a member's week from their name, and her own from My week", async () => {
    await rowOf(owner, world.people.sub.name).getByRole("link", { name: world.people.sub.name }).click();
    await owner.waitForURL((url) => url.searchParams.get("member") === world.ids.sub);
    await owner.getByText(`${world.people.sub.name}'s week, Monday to Sunday in`, { exact: false }).waitFor();
    await owner.getByTestId("week-totals").filter({ hasText: "Total: 3 h" }).waitFor();

    await owner.getByTestId("team-week-link").click();
    await owner.getByTestId("team-week").waitFor();
    await owner.getByTestId("my-week-link").click();
    await owner.getByText("Your week, Monday to Sunday in", { exact: false }).waitFor();
    await owner.getByRole("button", { name: "Log time" }).first().waitFor();
  });

  it("is not a subcontractor's: their Time page is their own week", async () => {
    const sub = await openPage(browser, "Asia/Kolkata");
    await sub.goto(`${platform.baseUrl}/time`);
    await sub.waitForURL(/\/sign-in/);
    await signInWithEmail(sub, platform.baseUrl, world.people.sub.email);
    await sub.getByText("Your week, Monday to Sunday in", { exact: false }).waitFor();
    expect(await sub.getByTestId("team-week").count()).toBe(0);
  });
});
