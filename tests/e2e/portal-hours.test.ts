import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// The portal's Hours page in a real Chromium: a client without a retainer sees the empty state;
// once the owner gives it one, the client watches the balance move as the owner adjusts the
// hours and logs time (over HTTP), at desktop and phone widths.

let platform: Started;
let browser: Browser;
let world: World;
let page: Page;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Hours Portal Agency");
  const context = await browser.newContext({ locale: "en-US", timezoneId: "America/New_York", viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const portalUrl = () => `${platform.baseUrl}/portal`;
const balance = () => page.getByTestId("hours-balance");

describe("the portal's Hours page", () => {
  it("shows the empty state, then the balance moving after the owner adjusts and logs time", async () => {
    await signInWithEmail(page, portalUrl(), world.people.contact.email);
    await page.getByRole("navigation").getByRole("link", { name: "Hours", exact: true }).click();
    await expect.poll(() => page.getByText("No retainer yet").isVisible()).toBe(true);

    const client = await world.owner.get(`/clients/${world.ids.client}`);
    await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, billing: { hourlyRate: 5000, retainer: { fee: 100000, includedMinutes: 600 } } });
    await page.reload();
    await expect.poll(() => balance().textContent()).toBe("10 h");

    const adjusted = await world.owner.post(`/hour-bank/clients/${world.ids.client}/adjustments`, { minutes: 90, reason: "Goodwill" });
    expect(adjusted.status).toBe(200);
    const logged = await world.owner.post("/time", { clientId: world.ids.client, startedAt: new Date(Date.now() - 3_600_000).toISOString(), minutes: 45, billable: true });
    expect(logged.status).toBe(201);
    await page.reload();
    await expect.poll(() => balance().textContent()).toBe("10 h 45 min");
    await expect.poll(() => page.getByTestId("hours-used").textContent()).toBe("45 min");
    await page.screenshot({ path: "/tmp/shots/hours/portal-hours-1440.png", fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect.poll(() => balance().textContent()).toBe("10 h 45 min");
    expect(await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).toBe(true);
    await page.screenshot({ path: "/tmp/shots/hours/portal-hours-390.png", fullPage: true });
  });
});
