import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// Settings split into sub-pages (issue 15): /settings lists them, each has a title, a back link and
// its own cards, and the sidebar's Settings entry stays the current page on every one of them.

let platform: Started;
let browser: Browser;
let world: World;
let owner: Page;

const SHOTS = "/tmp/shots/settings";
const fits = (page: Page) => page.evaluate("document.documentElement.scrollWidth <= window.innerWidth");
const SECTIONS: [path: string, title: string, card: string][] = [
  ["/settings/brand", "Logo and colours", "brand"],
  ["/settings/hours", "Hours and holidays", "working-hours"],
  ["/settings/money", "Money and billing", "payment-instructions"],
  ["/settings/surveys", "Client feedback", "survey-settings"],
  ["/settings/files", "Files and conversations", "file-settings"],
  ["/settings/integrations", "Keys and webhooks", "integrations"],
];

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Settings Assistants");
  owner = await newPerson(browser);
  await owner.setViewportSize({ width: 1440, height: 900 });
  await owner.goto(`${platform.baseUrl}/settings`);
  await owner.waitForURL(/\/sign-in/);
  await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
  await owner.waitForURL(`${platform.baseUrl}/settings`);
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe("Settings sub-pages", () => {
  it("the index links to each sub-page, which has its title, its cards and a way back; Settings stays current in the sidebar", async () => {
    await owner.getByRole("heading", { name: "Settings", level: 1 }).waitFor();
    const index = owner.getByTestId("settings-index");
    await expect(index.getByRole("link").count()).resolves.toBe(SECTIONS.length);
    // The index holds no forms: the cards live on the sub-pages.
    await expect(owner.getByTestId("brand").count()).resolves.toBe(0);
    await owner.screenshot({ path: `${SHOTS}/index-1440.png`, fullPage: true });

    for (const [path, title, card] of SECTIONS) {
      await index.getByRole("link", { name: title }).click();
      await owner.waitForURL(`${platform.baseUrl}${path}`);
      await owner.getByRole("heading", { name: title, level: 1 }).waitFor();
      await owner.getByTestId(card).waitFor();
      await expect(owner.title()).resolves.toContain(title);
      const current = owner.locator("nav [aria-current=page]");
      await expect.poll(() => current.first().getAttribute("data-nav"), { timeout: 15_000 }).toBe("settings");
      await owner.getByRole("link", { name: "All settings" }).click();
      await owner.waitForURL(`${platform.baseUrl}/settings`);
      await index.waitFor();
    }
  });

  it("the money page keeps every billing card, and a keyboard user reaches a sub-page from the index", async () => {
    await owner.goto(`${platform.baseUrl}/settings/money`);
    for (const card of ["payment-instructions", "billing-increment", "rollover-policy", "overage-policy-card", "invoice-details", "exchange-rates"]) {
      await owner.getByTestId(card).waitFor();
    }
    await owner.screenshot({ path: `${SHOTS}/money-1440.png`, fullPage: true });

    await owner.goto(`${platform.baseUrl}/settings`);
    const link = owner.getByTestId("settings-index").getByRole("link", { name: "Hours and holidays" });
    await link.focus();
    await owner.keyboard.press("Enter");
    await owner.waitForURL(`${platform.baseUrl}/settings/hours`);
    await owner.getByTestId("working-hours-form").waitFor();
    await owner.screenshot({ path: `${SHOTS}/hours-1440.png`, fullPage: true });
  });

  it("at 390 px the index and the sub-pages fit the screen, and are far shorter than the old single page", async () => {
    await owner.setViewportSize({ width: 390, height: 844 });
    for (const [path, name] of [["/settings", "index"], ["/settings/money", "money"], ["/settings/hours", "hours"], ["/settings/integrations", "integrations"]] as const) {
      await owner.goto(`${platform.baseUrl}${path}`);
      await owner.locator("h1").first().waitFor();
      await owner.waitForLoadState("networkidle");
      await expect.poll(() => fits(owner), { timeout: 15_000 }).toBe(true);
      await owner.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
    }
    await owner.goto(`${platform.baseUrl}/settings`);
    await owner.getByTestId("settings-index").waitFor();
    const height = await owner.evaluate(() => (globalThis as any).document.documentElement.scrollHeight as number);
    expect(height).toBeLessThan(2000);
  });
});
