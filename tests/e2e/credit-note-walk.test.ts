import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// Credit notes in a real Chromium: the owner opens a sent invoice, issues a credit note from its
// dialog (too much is refused in the form, the reason is needed, all by keyboard), and the invoice
// lists it with the balance reduced; then one by the invoice's lines (per-line limits, a running total); the client's portal shows the reduced balance and the credit
// note with its PDF. BATON_SHOTS=<dir> keeps screenshots of the dialog and the portal page at
// 1440 and 390 px.

let platform: Started;
let browser: Browser;
let world: World;
let owner: Page;
let client: Page;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Credit Walk Agency");
  owner = await newPerson(browser);
  await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
  client = await newPerson(browser);
  await signInWithEmail(client, `${platform.baseUrl}/portal`, world.people.contact.email);
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const shot = async (page: Page, name: string) => {
  if (process.env.BATON_SHOTS) await page.screenshot({ path: `${process.env.BATON_SHOTS}/${name}.png`, fullPage: true });
};

it("the owner issues a credit note on a sent invoice, and the portal shows the reduced balance and the credit note", async () => {
  const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "Event planning", quantity: 1, unitAmount: 80_000 }] });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  const sent = await world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  const invoice = sent.body;

  for (const width of [1440, 390]) {
    await owner.setViewportSize({ width, height: 900 });
    await owner.goto(`${platform.baseUrl}/invoices/${invoice.id}`);
    await owner.getByTestId("issue-credit-note").click();
    const form = owner.getByTestId("credit-note-form");
    await form.waitFor();
    // It starts at what is left to credit, with the focus inside the dialog.
    expect(await form.getByLabel("Amount to credit, tax included (USD)").inputValue()).toBe("800.00");
    await shot(owner, `credit-note-dialog-${width}`);
    expect(await owner.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(width);
    if (width === 1440) {
      // Escape closes it, as every dialog.
      await owner.keyboard.press("Escape");
      await form.waitFor({ state: "detached" });
    }
  }
  const form = owner.getByTestId("credit-note-form");
  const amount = form.getByLabel("Amount to credit, tax included (USD)");
  // Too much, and a blank reason: both said in the form, nothing issued.
  await amount.fill("900");
  await form.getByLabel("Reason").fill("   ");
  await amount.press("Enter");
  await expect.poll(() => form.getByText(/At most .*\$800\.00 is left to credit\./).isVisible()).toBe(true);
  await expect.poll(() => form.getByText("Say why the invoice is credited.").isVisible()).toBe(true);
  await shot(owner, "credit-note-dialog-errors-390");
  await amount.fill("150.00");
  await form.getByLabel("Reason").fill("One venue visit cancelled");
  await form.getByRole("button", { name: "Issue credit note", exact: true }).focus();
  await owner.keyboard.press("Enter");
  await form.waitFor({ state: "detached" });
  await expect.poll(async () => (await world.owner.get(`/invoices/${invoice.id}`)).body.balance).toBe(65_000);
  const row = owner.getByTestId("credit-note-row");
  await row.waitFor();
  expect(await row.textContent()).toContain("CN-00001");
  expect(await owner.getByTestId("invoice-credited").textContent()).toContain("$150.00");
  expect(await owner.getByTestId("invoice-balance").textContent()).toContain("$650.00");
  await owner.setViewportSize({ width: 1440, height: 900 });
  await shot(owner, "credit-note-invoice-1440");

  for (const width of [1440, 390]) {
    await client.setViewportSize({ width, height: 900 });
    await client.goto(`${platform.baseUrl}/portal/invoices/${invoice.id}`);
    const note = client.getByTestId("credit-note");
    await note.waitFor();
    expect(await note.textContent()).toContain("CN-00001");
    expect(await note.textContent()).toContain("One venue visit cancelled");
    expect(await client.getByTestId("invoice-credited").textContent()).toContain("$150.00");
    expect(await client.getByTestId("invoice-totals").textContent()).toContain("$650.00");
    expect(await client.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(width);
    await shot(client, `credit-note-portal-${width}`);
  }
  const [download] = await Promise.all([client.waitForEvent("download"), client.getByRole("link", { name: "Download credit note CN-00001 as PDF" }).click()]);
  expect(download.suggestedFilename()).toBe("CN-00001.pdf");

  // By lines: each line at most what it has left, the invoice at most its balance, a running total.
  await owner.setViewportSize({ width: 390, height: 900 });
  await owner.goto(`${platform.baseUrl}/invoices/${invoice.id}`);
  await owner.getByTestId("issue-credit-note").click();
  await form.waitFor();
  await form.getByLabel("The invoice's lines").check();
  const line = form.getByLabel("Event planning");
  await line.fill("900");
  await form.getByLabel("Reason").fill("Two site visits not needed");
  await line.press("Enter");
  await expect.poll(() => form.getByText(/At most .*\$800\.00 is left to credit on this line\./).isVisible()).toBe(true);
  await line.fill("700");
  await line.press("Enter");
  await expect.poll(() => form.getByText(/At most .*\$650\.00 is left to credit\./).isVisible()).toBe(true);
  await line.fill("100");
  await expect.poll(() => form.getByTestId("credit-lines-total").textContent()).toContain("$100.00");
  await shot(owner, "credit-note-lines-390");
  await owner.setViewportSize({ width: 1440, height: 900 });
  await shot(owner, "credit-note-lines-1440");
  await line.press("Enter");
  await form.waitFor({ state: "detached" });
  const after = (await world.owner.get(`/invoices/${invoice.id}`)).body;
  expect(after).toMatchObject({ balance: 55_000, linesLeftToCredit: [70_000] });
  expect(after.creditNotes[1].lines).toEqual([{ description: "Event planning", amount: 10_000, line: 0 }]);
  await expect.poll(() => owner.getByTestId("credit-note-row").count()).toBe(2);
});

it("a paid invoice credited afterwards shows what is owed back, the owner records the refund, and the portal lists it", async () => {
  const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "Retreat planning", quantity: 1, unitAmount: 40_000 }] });
  const sent = await world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version });
  const paid = await world.owner.post(`/invoices/${sent.body.id}/payments`, { amount: 40_000, method: "bank_transfer" });
  const credited = await world.owner.post(`/invoices/${sent.body.id}/credit-notes`, { version: paid.body.version, amount: 5_000, reason: "One day cut" });
  expect(credited.body).toMatchObject({ balance: 0, toRefund: 5_000 });
  await owner.setViewportSize({ width: 390, height: 900 });
  await owner.goto(`${platform.baseUrl}/invoices/${sent.body.id}`);
  expect(await owner.getByTestId("invoice-to-refund").textContent()).toContain("$50.00");
  await owner.getByTestId("record-refund").click();
  const form = owner.getByTestId("refund-form");
  await form.waitFor();
  const amount = form.getByLabel("Amount to refund (USD)");
  expect(await amount.inputValue()).toBe("50.00");
  await amount.fill("60");
  await amount.press("Enter");
  await expect.poll(() => form.getByText(/At most .*\$50\.00 is owed back to the client\./).isVisible()).toBe(true);
  await amount.fill("50");
  await form.getByLabel("Reference").fill("RF-2026-12");
  await shot(owner, "refund-dialog-390");
  await form.getByRole("button", { name: "Record refund", exact: true }).click();
  await form.waitFor({ state: "detached" });
  await owner.getByTestId("refund-row").waitFor();
  expect(await owner.getByTestId("refund-row").textContent()).toContain("RF-2026-12");
  expect(await owner.getByTestId("invoice-refunded").textContent()).toContain("$50.00");
  expect(await owner.getByTestId("invoice-to-refund").count()).toBe(0);
  expect(await owner.getByTestId("record-refund").count()).toBe(0);
  const refunded = (await world.owner.get(`/invoices/${sent.body.id}`)).body;
  expect(refunded.refunds).toEqual([expect.objectContaining({ amount: 5_000, method: "bank_transfer", reference: "RF-2026-12", status: "done" })]);
  await owner.setViewportSize({ width: 1440, height: 900 });
  await shot(owner, "refund-invoice-1440");
  for (const width of [1440, 390]) {
    await client.setViewportSize({ width, height: 900 });
    await client.goto(`${platform.baseUrl}/portal/invoices/${sent.body.id}`);
    await client.getByTestId("invoice-refunded").waitFor();
    expect(await client.getByTestId("invoice-refunded").textContent()).toContain("$50.00");
    // Each refund on its own line (its date, how and its reference, the amount), beside the credit
    // note (with its reason and PDF) that left the money owed back.
    const refunds = client.getByTestId("refund");
    await expect.poll(() => refunds.count(), { timeout: 15_000 }).toBe(1);
    const refundText = (await refunds.textContent()) ?? "";
    expect(refundText).toContain("Bank transfer");
    expect(refundText).toContain("RF-2026-12");
    expect(refundText).toContain("$50.00");
    expect(await refunds.locator("time").getAttribute("datetime")).toBe(refunded.refunds[0].refundedAt);
    const note = client.getByTestId("credit-note");
    expect(await note.textContent()).toContain("One day cut");
    expect(await note.textContent()).toMatch(/−(US)?\$50\.00/);
    expect(await client.getByRole("link", { name: `Download credit note ${credited.body.creditNotes[0].number} as PDF` }).count()).toBe(1);
    expect(await client.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(width);
    await shot(client, `refund-portal-${width}`);
  }
});

it("the send step shows the kept rate and takes the owner's, and an invoice sent without one gets it afterwards", async () => {
  const agency = (await world.owner.get("/agency/rates")).body;
  expect(agency.currency).not.toBe("USD");
  const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "Venue booking", quantity: 1, unitAmount: 20_000 }] });
  expect(draft.status).toBe(201);
  await world.owner.request("PUT", "/agency/rates", { currency: "USD", rate: "0.9" });
  await owner.setViewportSize({ width: 390, height: 900 });
  await owner.goto(`${platform.baseUrl}/invoices/${draft.body.id}`);
  await owner.getByRole("button", { name: "Send to client", exact: true }).click();
  const form = owner.getByTestId("send-form");
  await form.waitFor();
  await expect.poll(() => owner.getByTestId("send-rate-hint").textContent()).toContain(`1 USD = 0.9 ${agency.currency}`);
  const rate = form.getByTestId("send-rate");
  expect(await rate.inputValue()).toBe("0.9");
  await rate.fill("0.93");
  await shot(owner, "send-rate-dialog-390");
  await rate.press("Enter");
  await form.waitFor({ state: "detached" });
  const sent = (await world.owner.get(`/invoices/${draft.body.id}`)).body;
  expect(sent.status).toBe("sent");
  expect(sent.exchangeRate).toMatchObject({ rate: "0.93", source: "entered" });

  // Sent while no rate was kept: the owner sets one on its page.
  await world.owner.delete("/agency/rates/USD");
  const other = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "Catering", quantity: 1, unitAmount: 10_000 }] });
  const bare = await world.owner.post(`/invoices/${other.body.id}/send`, { version: other.body.version });
  expect(bare.body.exchangeRate.rate).toBeNull();
  await owner.setViewportSize({ width: 1440, height: 900 });
  await owner.goto(`${platform.baseUrl}/invoices/${other.body.id}`);
  await owner.getByTestId("set-rate").click();
  const set = owner.getByTestId("set-rate-form");
  await set.waitFor();
  await set.getByRole("textbox").fill("0.91");
  await shot(owner, "set-rate-dialog-1440");
  await set.getByRole("button", { name: "Set exchange rate", exact: true }).click();
  await set.waitFor({ state: "detached" });
  await expect.poll(async () => (await world.owner.get(`/invoices/${other.body.id}`)).body.exchangeRate.rate).toBe("0.91");
  // The dialog closes once the page shows the stamped rate: the button is gone with it.
  expect(await owner.getByTestId("set-rate").count()).toBe(0);
  await owner.getByTestId("invoice-exchange-rate").getByText("0.91").waitFor();
});
