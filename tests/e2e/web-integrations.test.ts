import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { startReceiver } from "../support/receiver.ts";
import { createWorld, type World } from "../support/world.ts";

// Outgoing webhooks in a real Chromium (issue 19): the owner adds an endpoint in Settings →
// Integrations (a real receiver on loopback, allowed here on purpose), sees its secret once,
// sends a test event, sees it in the delivery log and redelivers it. Screenshots at 1440 and
// 390 px go to BATON_SHOTS when set.

process.env.BATON_WEBHOOKS_ALLOW_LOOPBACK = "yes";

let platform: Started;
let browser: Browser;
let world: World;
let owner: Page;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

const toast = (page: Page, text: string | RegExp) => page.getByTestId("toast").filter({ hasText: text }).first().waitFor();

async function shots(page: Page, name: string) {
  if (!process.env.BATON_SHOTS) return;
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${process.env.BATON_SHOTS}/${name}-${width}.png`, fullPage: true });
    expect(await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).toBe(true);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Hook Makers");
  receiver = await startReceiver();
});

afterAll(async () => {
  await browser?.close();
  await receiver?.close();
  await platform?.close();
});

describe("Settings → Integrations", () => {
  it("the owner adds an endpoint, sends a test event, sees it in the log and redelivers it", async () => {
    owner = await newPerson(browser, "Europe/Athens");
    await owner.goto(`${platform.baseUrl}/settings/integrations`);
    await owner.waitForURL(/\/sign-in/);
    await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
    await owner.waitForURL(`${platform.baseUrl}/settings/integrations`);
    const card = owner.getByTestId("integrations");
    await card.getByText("No endpoints yet").waitFor();

    await card.getByRole("button", { name: "Add endpoint" }).first().click();
    const dialog = owner.getByRole("dialog");
    await dialog.getByLabel("Endpoint URL").fill(`${receiver.url}/hooks`);
    await dialog.getByLabel("request.submitted").check();
    await dialog.getByRole("button", { name: "Add endpoint" }).click();
    const secret = dialog.getByLabel("Webhook secret");
    await secret.waitFor();
    await expect.poll(() => secret.inputValue(), { timeout: 15_000 }).toMatch(/^whsec_/);
    await dialog.getByRole("button", { name: "Done" }).click();

    const row = card.getByTestId("endpoint-row");
    await row.getByText(`${receiver.url}/hooks`).waitFor();
    await shots(owner, "integrations");
    await row.getByRole("button", { name: "Send test event" }).click();
    await toast(owner, "Test event sent");
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(1);
    expect(receiver.received[0]!.json.type).toBe("webhook.test");

    await row.getByRole("button", { name: "Delivery log" }).click();
    const log = owner.getByRole("dialog");
    const entry = log.getByTestId("delivery-row").first();
    await expect.poll(() => entry.getByTestId("delivery-status").textContent(), { timeout: 15_000 }).toBe("Delivered");
    await shots(owner, "integrations-log");
    await entry.getByRole("button", { name: "Redeliver" }).click();
    await toast(owner, "Sent again");
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(2);
    await log.getByRole("button", { name: "Refresh" }).click();
    await expect.poll(() => entry.getByTestId("delivery-attempts").textContent(), { timeout: 15_000 }).toBe("2");
  });

  it("the owner adds a Slack channel for Greek readers, picks events by their names and sends a test message", async () => {
    receiver.clear();
    // The log of the walk before is still open.
    await owner.keyboard.press("Escape");
    await owner.getByRole("dialog").waitFor({ state: "hidden" });
    const card = owner.getByTestId("integrations");
    await card.getByRole("button", { name: "Add endpoint" }).first().click();
    const dialog = owner.getByRole("dialog");
    await dialog.getByLabel("Destination").selectOption("slack");
    await dialog.getByText("The incoming-webhook URL Slack gives you for a channel.").waitFor();
    await dialog.getByLabel("Endpoint URL").fill(`${receiver.url}/slack`);
    await dialog.getByLabel("Message language").selectOption("el");
    await dialog.getByLabel("Invoice paid").check();
    await dialog.getByLabel("Task approved").check();
    await shots(owner, "integrations-add-slack");
    await dialog.getByRole("button", { name: "Add endpoint" }).click();
    await toast(owner, "Channel added");
    const row = card.getByTestId("endpoint-row").filter({ hasText: `${receiver.url}/slack` });
    await row.getByText("Slack channel").waitFor();
    expect(await row.textContent()).toContain("Task approved, Invoice paid");
    await shots(owner, "integrations-slack");
    await row.getByRole("button", { name: "Send test event" }).click();
    await toast(owner, "Test event sent");
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(1);
    const message = receiver.received[0]!.json;
    expect(message.blocks[0]).toMatchObject({ type: "header", text: { type: "plain_text", text: "Δοκιμαστικό μήνυμα" } });
    expect(receiver.received[0]!.headers["webhook-signature"]).toBeUndefined();
    await row.getByRole("button", { name: "Delivery log" }).click();
    const entry = owner.getByRole("dialog").getByTestId("delivery-row").first();
    await expect.poll(() => entry.getByTestId("delivery-status").textContent(), { timeout: 15_000 }).toBe("Delivered");
    expect(await entry.textContent()).toContain("Test event");
  });

  it("a dialog closed and opened again at once stays open, closed by its button or by Escape", async () => {
    await owner.keyboard.press("Escape");
    await owner.getByRole("dialog").waitFor({ state: "hidden" });
    const opener = owner.getByTestId("integrations").getByRole("button", { name: "Add endpoint" }).first();
    await opener.click();
    const dialog = owner.getByRole("dialog", { name: "Add a webhook endpoint" });
    await dialog.getByLabel("Endpoint URL").waitFor();
    // Chromium tells a dialog's "close" a little after it closed; the second click comes before it is told.
    const close = await dialog.getByRole("button", { name: "Close", exact: true }).elementHandle();
    await owner.evaluate(([closeButton, openButton]) => {
      closeButton!.click();
      openButton!.click();
    }, [close, await opener.elementHandle()] as const);
    await owner.evaluate(() => new Promise((done) => (globalThis as any).requestAnimationFrame(() => (globalThis as any).requestAnimationFrame(done))));
    await expect(dialog.getByLabel("Endpoint URL").isVisible()).resolves.toBe(true);

    // Escape, and the opener clicked straight after, before the browser has told of that close.
    await opener.evaluate((button) => {
      const shown = button.ownerDocument.querySelector("dialog[open]")!;
      shown.addEventListener("cancel", () => queueMicrotask(() => (button as { click(): void }).click()), { once: true });
    });
    await owner.keyboard.press("Escape");
    await owner.evaluate(() => new Promise((done) => (globalThis as any).requestAnimationFrame(() => (globalThis as any).requestAnimationFrame(done))));
    await expect(dialog.getByLabel("Endpoint URL").isVisible()).resolves.toBe(true);
    await owner.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
  });
});
