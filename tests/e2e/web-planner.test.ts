import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// The meeting planner in a real Chromium. The agency (and the owner) work 09:00–17:00 in London;
// the client is in New York, the writer in Kolkata, and a second client in Sydney. New York moves
// to EDT on 8 March 2026, London to BST on 29 March: the shared hours change week by week.

let platform: Started;
let browser: Browser;
let world: World;
let owner: Page;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Planner Agency");
  const sydney = await world.owner.post("/clients", { name: "Koala Studio", code: `KS${Date.now() % 100000}`, timeZone: "Australia/Sydney", currency: "AUD", status: "active" });
  expect(sydney.status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const total = () => owner.getByTestId("planner-total").innerText();
const overlapOn = (date: string) => owner.locator(`[data-testid="planner-day"][data-date="${date}"] [data-testid="planner-overlap"]`).innerText();

describe("the meeting planner", () => {
  it("shows the hours the agency shares with a New York client, week by week across New York's DST change", async () => {
    owner = await newPerson(browser, "Europe/London");
    await owner.goto(`${platform.baseUrl}/planner?week=2026-03-04`);
    await owner.waitForURL(/\/sign-in/);
    await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
    await owner.waitForURL(/\/planner/);

    await owner.getByRole("heading", { name: "Meeting planner", level: 1 }).waitFor();
    // Any date in the week stands for its Monday.
    expect(await owner.getByTestId("planner-week").innerText()).toBe("Week of 2 March 2026");
    await owner.getByText("Choose who you are meeting").waitFor();

    await owner.getByLabel("Client", { exact: true }).selectOption({ label: "Acme Corp" });
    await owner.getByTestId("planner-table").waitFor();
    expect(owner.url()).toContain(`client=${world.ids.client}`);
    // Both on standard time: New York's 09:00 is 14:00 in London.
    expect(await total()).toBe("Overlap this week: 15 h");
    expect(await overlapOn("2026-03-04")).toContain("14:00–17:00");
    expect(await overlapOn("2026-03-04")).toContain("09:00–12:00 in New York");
    expect(await overlapOn("2026-03-07")).toContain("No shared hours");
    expect(await owner.getByRole("columnheader").allTextContents()).toEqual(["Day", "Agency: Planner Agency (London)", "Acme Corp (New York)", "Both working"]);

    // New York is on EDT from here, London not yet: an hour more every day.
    await owner.getByRole("button", { name: "Next week" }).click();
    await owner.waitForURL(/week=2026-03-09/);
    await owner.getByTestId("planner-week").filter({ hasText: "Week of 9 March 2026" }).waitFor();
    expect(await total()).toBe("Overlap this week: 20 h");
    expect(await overlapOn("2026-03-11")).toContain("13:00–17:00");
    expect(await overlapOn("2026-03-11")).toContain("09:00–13:00 in New York");

    // The week London's clocks change, picked by typing a date: still four hours, and said so.
    await owner.getByLabel("Week of").fill("2026-03-26");
    await owner.waitForURL(/week=2026-03-23/);
    await owner.getByTestId("planner-clock-change").waitFor();
    expect(await owner.getByTestId("planner-clock-change").innerText()).toContain("London");
    expect(await total()).toBe("Overlap this week: 20 h");

    // Both on summer time: back to three hours, read in BST.
    await owner.getByRole("button", { name: "Next week" }).click();
    await owner.waitForURL(/week=2026-03-30/);
    await owner.getByTestId("planner-week").filter({ hasText: "Week of 30 March 2026" }).waitFor();
    expect(await total()).toBe("Overlap this week: 15 h");
    expect(await overlapOn("2026-03-31")).toContain("14:00–17:00");
  });

  it("plans with a team member in Kolkata, with the half-hour offset", async () => {
    await owner.getByLabel("Team member", { exact: true }).selectOption({ label: "Sam Writer" });
    await owner.waitForURL((url) => url.searchParams.get("member") === world.ids.sub && !url.searchParams.has("client"));
    // London on BST (08:00–16:00 UTC) and Kolkata (03:30–11:30 UTC): 08:00–11:30 UTC each weekday.
    await owner.getByText("Overlap this week: 17.5 h").waitFor();
    expect(await overlapOn("2026-04-01")).toContain("09:00–12:30");
    expect(await overlapOn("2026-04-01")).toContain("13:30–17:00 in Kolkata");
  });

  it("says so when there are no shared hours, as with Sydney", async () => {
    await owner.getByLabel("Client", { exact: true }).selectOption({ label: "Koala Studio" });
    await owner.getByTestId("planner-empty").waitFor();
    expect(await owner.getByTestId("planner-empty").innerText()).toContain("No shared working hours this week");
    expect(await total()).toBe("Overlap this week: 0 h");
    // Sydney's own hours still show, on the London evening before.
    const monday = await owner.locator('[data-testid="planner-day"][data-date="2026-03-30"]').innerText();
    expect(monday).toContain("in Sydney");
  });
});
