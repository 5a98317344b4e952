import { Deferred } from "@baton/core/deferred";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import { waitForEmail, type Started } from "../support/http.ts";
import { uniqueEmail } from "../support/fixtures.ts";
import { pdfText } from "../support/pdf.ts";
import { createWorld, type World } from "../support/world.ts";

// The billing walk in a real Chromium: the owner edits a draft (a line's wording and price, a new
// line, the PO number) in the draft's edit dialog, sends it; the client's billing address (no portal
// account) gets the invoice email with its PDF; the owner records a transfer and that address
// gets a receipt. BATON_SHOTS=<dir> keeps screenshots of the edit dialog at 1440 and 390 px.

let platform: Started;
let browser: Browser;
let world: World;
let page: Page;
const billingEmail = uniqueEmail("billing");

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Billing Walk Agency");
  const client = await world.owner.get(`/clients/${world.ids.client}`);
  const saved = await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, invoiceTo: { emails: [billingEmail] } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  page = await newPerson(browser);
  await signInWithEmail(page, platform.baseUrl, world.agency.ownerEmail);
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

it("edits a draft, sends it with its PDF to the billing address, and emails a receipt for a payment", async () => {
  const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, purchaseOrder: "PO-OLD", lines: [{ kind: "custom", description: "Brand workshop", quantity: 1, unitAmount: 50_000 }] });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${platform.baseUrl}/invoices/${draft.body.id}`);
    await page.getByTestId("invoice-edit").click();
    const form = page.getByTestId("edit-draft-form");
    await form.waitFor();
    if (process.env.BATON_SHOTS) await page.screenshot({ path: `${process.env.BATON_SHOTS}/edit-draft-${width}.png`, fullPage: true });
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(width);
    if (width === 1440) await form.getByRole("button", { name: "Cancel", exact: true }).click();
  }
  const form = page.getByTestId("edit-draft-form");
  const line = page.getByTestId("edit-line-0");
  await line.getByLabel("Description").fill("Brand workshop, two days");
  await line.getByLabel("Price (USD)").fill("600.00");
  await page.getByTestId("edit-add-line").click();
  const added = page.getByTestId("edit-line-1");
  await added.getByLabel("Description").fill("Workshop notes");
  await added.getByLabel("Price (USD)").fill("50.00");
  await page.getByTestId("edit-po").fill("PO-2026-77");
  // Keyboard: Enter in a field submits the form.
  await page.getByTestId("edit-po").press("Enter");
  await form.waitFor({ state: "detached" });
  await expect.poll(async () => (await world.owner.get(`/invoices/${draft.body.id}`)).body.total).toBe(65_000);
  const edited = (await world.owner.get(`/invoices/${draft.body.id}`)).body;
  expect(edited).toMatchObject({ purchaseOrder: "PO-2026-77", lines: [{ description: "Brand workshop, two days", amount: 60_000 }, { kind: "custom", description: "Workshop notes", quantity: 1, amount: 5_000 }] });
  if (process.env.BATON_SHOTS) await page.screenshot({ path: `${process.env.BATON_SHOTS}/edited-draft-390.png`, fullPage: true });

  await page.getByRole("button", { name: "Send to client", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Send to client", exact: true }).click();
  await expect.poll(async () => (await world.owner.get(`/invoices/${draft.body.id}`)).body.status).toBe("sent");
  const sent = (await world.owner.get(`/invoices/${draft.body.id}`)).body;
  await Deferred.settled();
  const mail = await waitForEmail(billingEmail, (e) => e.subject.includes(sent.number));
  expect(mail.attachments?.map((file) => [file.filename, file.contentType])).toEqual([[`${sent.number}.pdf`, "application/pdf"]]);
  const text = (await pdfText(new Uint8Array(Buffer.from(mail.attachments![0]!.content, "base64")))).replace(/\s+/g, " ");
  expect(text).toContain("Brand workshop, two days");
  expect(text).toContain("PO-2026-77");

  await page.getByRole("button", { name: "Record payment", exact: true }).click();
  const payment = page.getByTestId("payment-form");
  await payment.getByRole("button", { name: "Record payment", exact: true }).click();
  await payment.waitFor({ state: "detached" });
  await expect.poll(async () => (await world.owner.get(`/invoices/${draft.body.id}`)).body.status).toBe("paid");
  await Deferred.settled();
  const receipt = await waitForEmail(billingEmail, (e) => e.subject !== mail.subject && e.subject.includes(sent.number));
  expect(receipt.destination.to).toEqual([billingEmail]);
});
