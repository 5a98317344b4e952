import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import { samples } from "../support/files.ts";
import type { Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// The owner files a service request on a client's behalf in a real Chromium (issue 18): from the
// Requests page, the client, then a service from that client's catalog with its own form, a file
// attached; the API's refusal of a required answer left blank shows at its question; the request
// page shows the brief and the file. BATON_SHOTS=<folder> keeps screenshots at 1440 and 390 px.

let platform: Started;
let browser: Browser;
let world: World;
let owner: Page;

const toast = (page: Page, text: string | RegExp) => page.getByTestId("toast").filter({ hasText: text }).first().waitFor();

async function shots(page: Page, name: string) {
  if (!process.env.BATON_SHOTS) return;
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${process.env.BATON_SHOTS}/${name}-${width}.png`, fullPage: true });
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement.scrollWidth <= (globalThis as unknown as { document: { documentElement: { clientWidth: number } } }).document.documentElement.clientWidth)).toBe(true);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Filing Makers");
  const created = await world.owner.post("/packages", {
    name: "Inbox zero",
    category: "Admin",
    description: "We empty and sort your inbox.",
    priceModel: "fixed",
    prices: [{ currency: "USD", amount: 12_000 }],
    turnaroundDays: 2,
    visibility: "all",
    form: [
      { kind: "text", label: "Which mailbox?", required: true },
      { kind: "choice", label: "How often?", required: true, options: ["Once", "Weekly"] },
    ],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe("the owner files a request for a client", () => {
  it("picks the client and a service from their catalog, fills its form, attaches a file, and reads the brief", async () => {
    owner = await newPerson(browser);
    await owner.goto(`${platform.baseUrl}/requests`);
    await owner.waitForURL(/\/sign-in/);
    await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
    await owner.waitForURL(`${platform.baseUrl}/requests`);
    await owner.getByTestId("new-request").click();
    await owner.waitForURL(`${platform.baseUrl}/requests/new`);
    const form = owner.getByTestId("new-request-form");
    const clientName = (await world.owner.get(`/clients/${world.ids.client}`)).body.name as string;
    await form.getByLabel("Client").selectOption(world.ids.client);
    const service = form.getByLabel("Service");
    await expect.poll(() => service.locator("option").allInnerTexts(), { timeout: 15_000 }).toContain("Admin · Inbox zero — US$120.00");
    await service.selectOption({ label: "Admin · Inbox zero — US$120.00" });
    await expect(form.getByLabel(/^Title/).inputValue()).resolves.toBe("Inbox zero");
    // The required mailbox left blank: the API's message shows at its question.
    await form.getByRole("radio", { name: "Weekly" }).check();
    await form.locator('[data-testid="request-files"] input[type="file"]').setInputFiles({ name: "Rules.pdf", mimeType: "application/pdf", buffer: Buffer.from(samples.pdf()) });
    await form.locator('[data-testid="upload-row"][data-state="ready"]').waitFor({ timeout: 15_000 });
    await form.getByRole("button", { name: "File request" }).click();
    await form.getByText("Answer this question.").waitFor({ timeout: 15_000 });
    expect((await world.owner.get(`/requests?clientId=${world.ids.client}&status=all`)).body.items.filter((r: { title: string }) => r.title === "Inbox zero")).toHaveLength(0);
    await shots(owner, "new-request-for-client");

    await form.getByLabel(/^Which mailbox\?/).fill("ada@acme.test");
    await form.getByRole("button", { name: "File request" }).click();
    await toast(owner, /^Filed /);
    await owner.waitForURL(/\/requests\/req_/);
    const brief = owner.getByTestId("request-brief");
    await brief.waitFor();
    await expect(brief.getByTestId("brief-answer").allInnerTexts()).resolves.toEqual([expect.stringMatching(/Which mailbox\?\s+ada@acme\.test/), expect.stringMatching(/How often\?\s+Weekly/)]);
    await owner.getByTestId("file-row").filter({ hasText: "Rules.pdf" }).first().waitFor();
    await owner.getByText(clientName).first().waitFor();
    await shots(owner, "request-filed-for-client");
  });
});
