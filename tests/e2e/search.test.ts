import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// Search in a real Chromium (issue 22 item 6): the owner finds a client by name and a task by its
// reference from the command palette, then every result on the search page; a client's contact
// searches their own requests in the portal and never sees another company's.

let platform: Started;
let browser: Browser;
let world: World;
let task: { id: string; reference: string; requestId: string };
let otherRequest: string;

const noSideScroll = (page: Page) => page.evaluate("document.documentElement.scrollWidth <= window.innerWidth");
/** What sticks out past the right edge, to name in a failure. */
const widest = (page: Page) =>
  page.evaluate(
    "[...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map((el) => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right)).join(', ')",
  ) as Promise<string>;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Search Walk Agency");
  const made = await acceptedTask(world, { title: "Migrate the mailing list" });
  task = { id: made.task.id, reference: made.task.reference, requestId: made.request.id };
  await acceptedTask(world, { title: "Mailing calendar for March" });
  const other = await world.owner.post("/clients", { name: "Όμικρον Ταξίδια", code: `OMI${Date.now() % 10000}`, timeZone: "Europe/Athens", currency: "EUR", status: "active" });
  otherRequest = (await world.owner.post("/requests", { clientId: other.body.id, title: "Mailing list for Omicron", description: "D", service: "Admin" })).body.id;
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe("the owner", () => {
  it("finds a client by name and a task by its reference in the palette, then all results on the search page", async () => {
    const owner = await newPerson(browser);
    await owner.setViewportSize({ width: 1440, height: 900 });
    await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
    await owner.getByRole("navigation", { name: "Main" }).waitFor();
    const palette = owner.getByRole("dialog", { name: "Jump to" });
    const field = palette.getByRole("combobox");

    await owner.keyboard.press("Control+K");
    await field.fill("ομικρον");
    await palette.getByRole("group", { name: "Clients" }).getByRole("option", { name: /Όμικρον Ταξίδια/ }).click();
    await owner.waitForURL(/\/clients\/cli_/);

    await owner.keyboard.press("Control+K");
    await field.fill(task.reference);
    await palette.getByRole("group", { name: "Tasks" }).getByRole("option", { name: /Migrate the mailing list/ }).click();
    await owner.waitForURL(`${platform.baseUrl}/tasks/${task.id}`);

    await owner.keyboard.press("Control+K");
    await field.fill("mailing");
    await palette.getByRole("option", { name: /All results for “mailing”/ }).click();
    await owner.waitForURL(/\/search\?q=mailing/);
    const results = owner.getByTestId("search-result");
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
    const text = await owner.getByTestId("search-results").innerText();
    expect(text).toContain("Migrate the mailing list");
    expect(text).toContain("Mailing list for Omicron");
    await owner.screenshot({ path: "/tmp/shots/search/web-search-1440.png", fullPage: true });

    await owner.getByLabel("Search by reference, title or name").fill("zzqx nothing");
    await owner.getByText("Nothing matches “zzqx nothing”.").waitFor();
    await owner.setViewportSize({ width: 390, height: 844 });
    await owner.getByLabel("Search by reference, title or name").fill("mailing");
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
    await expect(noSideScroll(owner)).resolves.toBe(true);
    await owner.screenshot({ path: "/tmp/shots/search/web-search-390.png", fullPage: true });
  });
});

describe("a client's contact in the portal", () => {
  it("finds their own requests, not another company's", async () => {
    const contact = await newPerson(browser, "America/New_York");
    await contact.setViewportSize({ width: 390, height: 844 });
    await signInWithEmail(contact, `${platform.baseUrl}/portal`, world.people.contact.email);
    await contact.goto(`${platform.baseUrl}/portal/search`);
    await contact.getByLabel("Search by reference, title or name").fill("mailing");
    const results = contact.getByTestId("search-result");
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBe(2);
    const text = await contact.getByTestId("search-results").innerText();
    expect(text).toContain("Migrate the mailing list");
    expect(text).toContain("Mailing calendar for March");
    expect(text).not.toContain("Omicron");
    expect(await contact.locator(`a[href$="/requests/${otherRequest}"]`).count()).toBe(0);
    await contact.screenshot({ path: "/tmp/shots/search/portal-search-390.png", fullPage: true });
    await expect(noSideScroll(contact), await widest(contact)).resolves.toBe(true);
    await contact.getByRole("link", { name: "Migrate the mailing list" }).click();
    await contact.waitForURL(`${platform.baseUrl}/portal/requests/${task.requestId}`);
    await contact.setViewportSize({ width: 1440, height: 900 });
    await contact.goBack();
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBe(2);
    await contact.screenshot({ path: "/tmp/shots/search/portal-search-1440.png", fullPage: true });
  });
});
