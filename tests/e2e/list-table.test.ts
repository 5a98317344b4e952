import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// The shared list table (packages/ui ListTable) on the pages that use it: a table with its
// column headers at 1440 px; at 390 px each row a card whose cells carry their column's label,
// with no page-level horizontal scroll. Screenshots go to /tmp/shots/list-table/.

let platform: Started;
let browser: Browser;
let world: World;
let owner: Page;

beforeAll(async () => {
  platform = await startPlatform();
  world = await createWorld(platform, "List Table Agency");
  browser = await launchChromium();
  await world.owner.post("/sops", { title: "Monthly close", category: "Finance", body: "Reconcile, then report.", checklist: ["Reconcile", "Report"] });
  await world.owner.post("/quotes", { clientId: world.ids.client, title: "Website refresh", lines: [{ kind: "custom", description: "Design", quantity: 1, unitAmount: 5000 }], validUntil: "2199-12-31" });
  owner = await newPerson(browser);
  await owner.goto(`${platform.baseUrl}/sops`);
  await owner.waitForURL(/\/sign-in/);
  await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
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
