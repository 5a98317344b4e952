import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// The owner's side of a quote after it is drafted (issue 18): the client's page lists its quotes
// with their status; a draft opens, is edited (lines, validity, terms) and saved from the version
// read; a quote the client has answered shows why it can't be edited. Screenshots at 1440 and 390 px
// go to /tmp/shots/quote-edit/.

let platform: Started;
let browser: Browser;
let world: World;
let owner: Page;

const shots = "/tmp/shots/quote-edit";
async function shoot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
    if (width === 390) expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Quote Editors");
  owner = await newPerson(browser);
  await owner.goto(`${platform.baseUrl}/clients/${world.ids.client}`);
  await owner.waitForURL(/\/sign-in/);
  await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
  await owner.waitForURL(`${platform.baseUrl}/clients/${world.ids.client}`);
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function draft(title: string) {
  const reply = await world.owner.post("/quotes", {
    clientId: world.ids.client,
    title,
    lines: [{ kind: "custom", description: "Inbox clean-up", quantity: 2, unitAmount: 5_000 }],
    validUntil: inDays(10),
    depositPercent: 0,
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

describe("the owner edits a draft quote from the client's page", () => {
  it("lists the client's quotes with their status, opens a draft and saves an edit", async () => {
    const empty = owner.getByTestId("client-quotes");
    await empty.getByText("No quotes for this client yet.").waitFor();
    const quote = await draft("Spring clean-up");
    await owner.reload();
    const section = owner.getByTestId("client-quotes");
    const row = section.getByTestId("client-quote").filter({ hasText: "Spring clean-up" });
    await row.getByText("Draft", { exact: true }).first().waitFor();
    await shoot(owner, "web-client-quotes");
    await row.getByRole("link").click();
    await owner.waitForURL(new RegExp(`/quotes/${quote.id}$`));
    await owner.getByTestId("quote-edit").click();
    await owner.waitForURL(new RegExp(`/quotes/${quote.id}/edit$`));
    const form = owner.getByTestId("quote-edit-form");
    await expect.poll(() => form.getByLabel("Description").inputValue(), { timeout: 15_000 }).toBe("Inbox clean-up");
    await expect(form.getByLabel("Price (USD)").inputValue()).resolves.toBe("50.00");
    await form.getByLabel("Title").fill("Spring and summer clean-up");
    await form.getByLabel("Quantity").fill("3");
    await form.getByTestId("add-line").click();
    const second = form.getByTestId("quote-line").nth(1);
    await second.getByLabel("From").selectOption("custom");
    await second.getByLabel("Description").fill("Calendar tidy");
    await second.getByLabel("Price (USD)").fill("abc");
    await form.getByLabel("Terms").fill("Paid on completion.");
    await form.getByTestId("quote-save").click();
    // A price that isn't a number is named at its field and nothing is lost.
    await second.getByText(/price|amount/i).first().waitFor();
    await expect(form.getByLabel("Title").inputValue()).resolves.toBe("Spring and summer clean-up");
    await second.getByLabel("Price (USD)").fill("20");
    await shoot(owner, "web-quote-edit");
    await form.getByTestId("quote-save").click();
    await owner.waitForURL(new RegExp(`/quotes/${quote.id}$`));
    await owner.getByTestId("quote-text").getByText("Calendar tidy", { exact: false }).waitFor();
    await owner.getByRole("heading", { name: "Spring and summer clean-up" }).or(owner.getByTestId("quote-text").getByText("Spring and summer clean-up")).first().waitFor();
    const saved = await world.owner.get(`/quotes/${quote.id}`);
    expect(saved.body).toMatchObject({ title: "Spring and summer clean-up", subtotal: 17_000, terms: "Paid on completion.", version: quote.version + 1 });
  });

  it("an answered quote says it can't be edited, and the API refuses it with 409", async () => {
    const quote = await draft("Answered one");
    const sent = await world.owner.post(`/quotes/${quote.id}/send`, { version: quote.version });
    const read = await world.contact.get(`/quotes/${quote.id}`);
    const declined = await world.contact.post(`/quotes/${quote.id}/decline`, { version: read.body.version, reason: "Not now." });
    expect(declined.status).toBe(200);
    expect(sent.status).toBe(200);
    await owner.goto(`${platform.baseUrl}/quotes/${quote.id}`);
    await owner.getByTestId("quote-meta").getByText("Declined").waitFor();
    await expect(owner.getByTestId("quote-edit").count()).resolves.toBe(0);
    await owner.goto(`${platform.baseUrl}/quotes/${quote.id}/edit`);
    await owner.getByTestId("quote-not-editable").waitFor();
    const edit = await world.owner.patch(`/quotes/${quote.id}`, { version: declined.body.version, title: "X", lines: [{ kind: "custom", description: "A", quantity: 1, unitAmount: 1 }], validUntil: inDays(3) });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe("quote.answered");
    expect(edit.body.current.status).toBe("declined");
  });
});
