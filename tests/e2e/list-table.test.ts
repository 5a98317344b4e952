import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// The shared list table (packages/ui ListTable) on the pages that use it: a table with its
// column headers at 1440 px; at 390 px each row a card whose cells carry their column's label,
// with no page-level horizontal scroll. In it and in the other lists of both apps, a row's first
// cell heads it (a screen reader names the row's cells by it). Screenshots go to /tmp/shots/list-table/.

let platform: Started;
let browser: Browser;
let world: World;
let owner: Page;
let contact: Page;
let reference: string;

beforeAll(async () => {
  platform = await startPlatform();
  world = await createWorld(platform, "List Table Agency");
  browser = await launchChromium();
  await world.owner.post("/sops", { title: "Monthly close", category: "Finance", body: "Reconcile, then report.", checklist: ["Reconcile", "Report"] });
  await world.owner.post("/quotes", { clientId: world.ids.client, title: "Website refresh", lines: [{ kind: "custom", description: "Design", quantity: 1, unitAmount: 5000 }], validUntil: "2199-12-31" });
  const request = await world.contact.post("/requests", { title: "Book the offsite venue", description: "Forty people, in March.", service: "Events", priority: "normal" });
  reference = request.body.reference;
  owner = await newPerson(browser);
  await owner.goto(`${platform.baseUrl}/sops`);
  await owner.waitForURL(/\/sign-in/);
  await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
  contact = await newPerson(browser);
  await signInWithEmail(contact, `${platform.baseUrl}/portal`, world.people.contact.email);
  mkdirSync("/tmp/shots/list-table", { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const overflows = (page: Page) => page.evaluate<boolean>("document.documentElement.scrollWidth > document.documentElement.clientWidth");


describe("lists that become cards", () => {
  for (const [path, rowId, header, label, rowName] of [
    ["/sops", "sop-row", "Steps", "Steps", "Monthly close"],
    ["/quotes", "quote-row", "Total", "Total", "Draft"],
  ] as const) {
    it(`${path}: a table with headers at 1440 px, labelled cards at 390 px`, async () => {
      await owner.setViewportSize({ width: 1440, height: 900 });
      await owner.goto(`${platform.baseUrl}${path}`);
      const row = owner.getByTestId(rowId).first();
      await row.waitFor();
      await expect(owner.getByRole("columnheader", { name: header }).isVisible()).resolves.toBe(true);
      await expect(row.evaluate((tr) => (globalThis as any).getComputedStyle(tr).display)).resolves.toBe("table-row");
      // The first column heads its row: a screen reader names the row's other cells by it.
      await expect(row.getByRole("rowheader").textContent()).resolves.toBe(rowName);
      await expect(row.getByRole("rowheader").evaluate((th) => (globalThis as any).getComputedStyle(th).fontWeight)).resolves.toBe("400");
      await owner.screenshot({ path: `/tmp/shots/list-table${path}-1440.png`, fullPage: true });

      await owner.setViewportSize({ width: 390, height: 844 });
      await expect.poll(() => row.evaluate((tr) => (globalThis as any).getComputedStyle(tr).display), { timeout: 15_000 }).toBe("block");
      const cell = row.locator(`td[data-label="${label}"]`);
      await expect(cell.evaluate((td) => (globalThis as any).getComputedStyle(td, "::before").content)).resolves.toBe(`"${label}"`);
      await expect(overflows(owner)).resolves.toBe(false);
      await owner.screenshot({ path: `/tmp/shots/list-table${path}-390.png`, fullPage: true });
    });
  }
});

describe("every list's first cell heads its row", () => {
  const rowHeads = (page: Page, rowId: string) => page.getByTestId(rowId).getByRole("rowheader");

  for (const [app, path, rowId, name] of [
    ["web", "/clients", "client-row", () => "Acme Corp"],
    ["web", "/team", "member-row", () => "Sam Writer"],
    ["web", "/requests", "request-row", () => reference],
    // The portal's home is its requests.
    ["portal", "/", "request-row", () => reference],
  ] as const) {
    it(`${app} ${path}: the row is named by its first cell, at 1440 and 390 px`, async () => {
      const page = app === "web" ? owner : contact;
      const base = app === "web" ? platform.baseUrl : `${platform.baseUrl}/portal`;
      const shot = `/tmp/shots/list-table/${app}${path === "/" ? "-home" : path.replaceAll("/", "-")}`;
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(`${base}${path}`);
      await page.getByTestId(rowId).first().waitFor();
      await expect.poll(async () => (await rowHeads(page, rowId).allTextContents()).some((text) => text.includes(name()))).toBe(true);
      // One heading cell per row, never a second.
      await expect(page.getByTestId(rowId).count()).resolves.toBe(await rowHeads(page, rowId).count());
      await page.screenshot({ path: `${shot}-1440.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await expect.poll(() => page.getByTestId(rowId).first().evaluate((tr) => (globalThis as any).getComputedStyle(tr).display), { timeout: 15_000 }).toBe("block");
      await expect(overflows(page)).resolves.toBe(false);
      await page.screenshot({ path: `${shot}-390.png`, fullPage: true });
    });
  }
});
