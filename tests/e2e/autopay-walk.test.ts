import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAgencyJobs } from "@baton/functions/jobs/run";
import { launchChromium, signInWithEmail, startPlatform } from "../support/browser.ts";
import { startFakeStripe, type FakeStripe } from "../support/fake-stripe.ts";
import type { Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// Autopay in a real Chromium against the fake Stripe: the client's contact saves a card in the
// portal (through the fake's hosted Checkout page, whose signed webhook tells the API), turns
// autopay on, and her retainer invoice, issued by the scheduled job, is paid without her. The
// owner sees on the client page that autopay is on. Screenshots at 1440 and 390 px go to
// /tmp/shots/autopay (or BATON_SHOTS).

const shots = process.env.BATON_SHOTS ?? "/tmp/shots/autopay";
let platform: Started;
let browser: Browser;
let world: World;
let stripe: FakeStripe;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  stripe = await startFakeStripe();
  Object.assign(process.env, stripe.env());
  platform = await startPlatform();
  stripe.state.webhookUrl = `${platform.baseUrl}/api/webhooks/stripe`;
  browser = await launchChromium();
  world = await createWorld(platform, "Autopay Walk Agency");
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
  await stripe?.close();
});

async function person(width: number) {
  const context = await browser.newContext({ locale: "en-US", timezoneId: "America/New_York", viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

async function shoot(page: Page, name: string) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe("autopay walk", () => {
  it("the client saves a card and turns autopay on; her retainer invoice is paid without her; the owner sees autopay on", async () => {
    const client = await world.owner.get(`/clients/${world.ids.client}`);
    expect((await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, billing: { hourlyRate: 6000, taxRate: 0, retainer: { fee: 120_000, includedMinutes: 600 } } })).status).toBe(200);

    const portal = `${platform.baseUrl}/portal`;
    const page = await person(1440);
    await signInWithEmail(page, portal, world.people.contact.email);
    await page.getByRole("navigation").getByRole("link", { name: "Payment method", exact: true }).click();
    await page.getByText("No card saved").waitFor();
    await shoot(page, "portal-card-empty");

    await page.getByRole("button", { name: "Save a card" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/pay/"));
    await page.getByRole("button", { name: "Save card" }).click();
    await page.waitForURL((url) => url.pathname.endsWith("/portal/card"));
    await expect.poll(() => page.getByTestId("card-summary").textContent()).toContain("Visa ending in 4242");
    await expect.poll(() => page.getByTestId("card-summary").textContent()).toContain("Expires 12/2030");

    const toggle = page.getByRole("switch", { name: "Pay retainer invoices automatically" });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await page.getByRole("status").filter({ hasText: "Autopay is on." }).waitFor();
    expect(await toggle.isChecked()).toBe(true);
    await shoot(page, "portal-card-autopay-on");

    // The scheduled run issues the month's retainer invoice and charges it off-session.
    const agencyId = (await world.owner.get("/agency")).body.id;
    await runAgencyJobs(agencyId, new Date());
    const invoices = (await world.owner.get(`/invoices?clientId=${world.ids.client}&limit=100`)).body.items;
    const retainer = invoices.find((invoice: { kind: string }) => invoice.kind === "retainer");
    expect(retainer).toMatchObject({ status: "paid", amountPaid: 120_000 });

    await page.getByRole("navigation").getByRole("link", { name: "Invoices", exact: true }).click();
    const row = page.locator(`[data-testid="invoice-row"][data-number="${retainer.number}"]`);
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain("Paid");
    await shoot(page, "portal-invoices-paid");

    const owner = await person(1440);
    await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
    await owner.goto(`${platform.baseUrl}/clients/${world.ids.client}`);
    await expect.poll(() => owner.getByTestId("client-autopay").textContent()).toContain("Autopay is on");
    await owner.getByTestId("client-card").scrollIntoViewIfNeeded();
    await shoot(owner, "web-client-autopay");
  });
});
