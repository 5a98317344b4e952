import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// The other party's local time beside the times that matter, in a real Chromium: the owner (London)
// sees the New York client's clock beside the response due time and beside the client's message;
// the client (New York) sees the agency's London clock beside the same due time in the portal.

let platform: Started;
let browser: Browser;
let world: World;
let request: { id: string; responseDueAt: string };

const wall = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "numeric", minute: "2-digit" }).format(new Date(iso));

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Local Times Agency");
  const submitted = await world.contact.post("/requests", { title: "Quarterly report", description: "Numbers for Q1.", service: "Reports" });
  expect(submitted.status).toBe(201);
  request = submitted.body;
  const message = await world.contact.post(`/requests/${request.id}/messages`, { body: "Can we talk tomorrow morning?" });
  expect(message.status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe("the other party's local time", () => {
  it("shows the owner the client's New York time beside the response due time and the client's message", async () => {
    const owner = await newPerson(browser, "Europe/London");
    await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
    await owner.goto(`${platform.baseUrl}/requests/${request.id}`);
    await owner.getByRole("heading", { name: "Quarterly report" }).waitFor();

    const due = owner.locator("dd", { has: owner.locator(`time[datetime="${request.responseDueAt}"]`) }).getByTestId("other-party-time");
    expect(await due.innerText()).toContain(`${wall(request.responseDueAt, "America/New_York")} for Acme Corp (New York)`);

    const message = owner.getByTestId("message").filter({ hasText: "Can we talk tomorrow morning?" });
    expect(await message.getByTestId("other-party-time").innerText()).toContain("for Ada Client (New York)");
  });

  it("shows the client the agency's London time beside the response due time in the portal", async () => {
    const contact = await newPerson(browser, "America/New_York");
    await signInWithEmail(contact, `${platform.baseUrl}/portal`, world.people.contact.email);
    await contact.goto(`${platform.baseUrl}/portal/requests/${request.id}`);
    const notice = contact.getByTestId("request-status-notice");
    await notice.getByTestId("other-party-time").waitFor();
    expect(await notice.getByTestId("other-party-time").innerText()).toContain(`${wall(request.responseDueAt, "Europe/London")} for Local Times Agency (London)`);
    // Their own messages carry no second clock.
    const own = contact.getByTestId("message").filter({ hasText: "Can we talk tomorrow morning?" });
    await own.waitFor();
    expect(await own.getByTestId("other-party-time").count()).toBe(0);
  });
});
