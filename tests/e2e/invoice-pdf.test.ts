import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { pdfText } from "../support/pdf.ts";
import { createWorld, type World } from "../support/world.ts";

// Download PDF in a real Chromium, in both apps: the owner on the team app's invoice page and the
// client's contact in the portal click it and get the invoice's PDF, named by its number, whose
// text is that invoice. BATON_SHOTS=<dir> keeps screenshots of both pages at 1440 and 390 px.

let platform: Started;
let browser: Browser;
let world: World;
let invoice: { id: string; number: string };

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "PDF Browser Agency");
  const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "Board pack preparation", quantity: 1, unitAmount: 42_000 }] });
  const sent = await world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version });
  expect(sent.status).toBe(200);
  invoice = sent.body;
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function downloadFrom(page: Page, url: string, width: number, shot: string) {
  await page.setViewportSize({ width, height: 900 });
  await page.goto(url);
  const link = page.getByRole("link", { name: "Download PDF" });
  await link.waitFor();
  if (process.env.BATON_SHOTS) await page.screenshot({ path: `${process.env.BATON_SHOTS}/${shot}-${width}.png`, fullPage: true });
  // Nothing wider than the phone's screen.
  expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(width);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(`${invoice.number}.pdf`);
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  const text = (await pdfText(new Uint8Array(await readFile(path)))).replace(/\s+/g, " ");
  expect(text).toContain(`Invoice ${invoice.number}`);
  expect(text).toContain("Board pack preparation");
  expect(text).toContain("$420.00");
}

it("downloads the invoice's PDF from the team app's invoice page", async () => {
  const page = await newPerson(browser);
  await signInWithEmail(page, platform.baseUrl, world.agency.ownerEmail);
  for (const width of [1440, 390]) await downloadFrom(page, `${platform.baseUrl}/invoices/${invoice.id}`, width, "web-invoice");
});

it("downloads the invoice's PDF from the portal's invoice page", async () => {
  const page = await newPerson(browser);
  await signInWithEmail(page, `${platform.baseUrl}/portal`, world.people.contact.email);
  for (const width of [1440, 390]) await downloadFrom(page, `${platform.baseUrl}/portal/invoices/${invoice.id}`, width, "portal-invoice");
});
