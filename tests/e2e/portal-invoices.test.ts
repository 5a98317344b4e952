import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, signInWithEmail, startPlatform } from "../support/browser.ts";
import { uniqueEmail } from "../support/fixtures.ts";
import { ApiClient, type Started } from "../support/http.ts";
import { acceptedTask, acceptInvitation, createWorld, type World } from "../support/world.ts";
import { approveTime } from "../support/approve-time.ts";

// The client portal's invoices in a real Chromium: the owner bills the client over HTTP (time
// and other lines, VAT, one invoice already overdue, one draft), and the contact reads the list
// and an invoice, finds how to pay it, and sees it paid once the owner records the transfer.
// A second client billed in yen checks that amounts keep their currency's own decimals.

let platform: Started;
let browser: Browser;
let world: World;
let contact: Page;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Invoice Agency");
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

/** A contact at a US company: US English (so "$120.00"), in New York. */
async function usPerson(timezoneId = "America/New_York") {
  const context = await browser.newContext({ locale: "en-US", timezoneId });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

const portalUrl = () => `${platform.baseUrl}/portal`;
const navLink = (page: Page, name: string) => page.getByRole("navigation").getByRole("link", { name, exact: true });
const rows = (page: Page) => page.getByTestId("invoice-row");
const row = (page: Page, number: string) => page.locator(`[data-testid="invoice-row"][data-number="${number}"]`);
const paymentInstructions = "Bank transfer to Invoice Agency Ltd\nIBAN GB00 BATN 0000 0000 00\nWise: pay@invoice.example";

async function setBilling(clientId: string, billing: Record<string, unknown>) {
  const client = await world.owner.get(`/clients/${clientId}`);
  const saved = await world.owner.patch(`/clients/${clientId}`, { version: client.body.version, billing });
  expect(saved.status).toBe(200);
}

async function draftInvoice(clientId: string, lines: { description: string; quantity: number; unitAmount: number }[], includeTime = false) {
  const draft = await world.owner.post("/invoices", { clientId, includeTime, lines: lines.map((line) => ({ kind: "custom", ...line })) });
  expect(draft.status).toBe(201);
  return draft.body as { id: string; version: number; total: number };
}

async function send(draft: { id: string; version: number }) {
  const sent = await world.owner.post(`/invoices/${draft.id}/send`, { version: draft.version });
  expect(sent.status).toBe(200);
  return sent.body as { id: string; number: string; total: number; version: number };
}

describe("client portal: invoices", () => {
  let overdue: { id: string; number: string };
  let current: { id: string; number: string; total: number };

  it("the owner bills the client: one invoice overdue, one with time and VAT, one draft", async () => {
    const agency = await world.owner.get("/agency");
    expect((await world.owner.patch("/agency", { version: agency.body.version, paymentInstructions })).status).toBe(200);

    // Due on receipt, so already overdue by the time the contact looks.
    await setBilling(world.ids.client, { hourlyRate: 9000, taxRate: 2000, taxName: "VAT", paymentTermsDays: 0 });
    overdue = await send(await draftInvoice(world.ids.client, [{ description: "Venue research", quantity: 2, unitAmount: 5000 }]));
    expect(overdue).toMatchObject({ number: "INV-00001", total: 12000 });

    // An hour and a half logged on a task, billed at $90/h, plus a fixed line.
    await setBilling(world.ids.client, { paymentTermsDays: 15 });
    const { task } = await acceptedTask(world, { title: "Shortlist venues" });
    const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
    expect(assigned.status).toBe(200);
    const logged = await world.sub.post("/time", { taskId: task.id, startedAt: new Date(Date.now() - 3 * 3_600_000).toISOString(), minutes: 90 });
    expect(logged.status).toBe(201);
    await approveTime(world, [logged.body]);
    current = await send(await draftInvoice(world.ids.client, [{ description: "Monthly report", quantity: 1, unitAmount: 25000 }], true));
    // 135.00 + 250.00 = 385.00, VAT 77.00.
    expect(current).toMatchObject({ number: "INV-00002", total: 46200 });

    await draftInvoice(world.ids.client, [{ description: "Not sent yet", quantity: 1, unitAmount: 99900 }]);
  });

  it("lists the company's sent invoices, newest first, with what is owed and what is overdue", async () => {
    contact = await usPerson();
    await signInWithEmail(contact, portalUrl(), world.people.contact.email);
    await navLink(contact, "Invoices").click();
    await contact.waitForURL(/\/portal\/invoices$/);
    await contact.getByRole("heading", { name: "Invoices", level: 1 }).waitFor();
    await expect(navLink(contact, "Invoices").getAttribute("aria-current")).resolves.toBe("page");

    await rows(contact).first().waitFor();
    await expect(rows(contact).evaluateAll((els) => els.map((el) => el.getAttribute("data-number")))).resolves.toEqual(["INV-00002", "INV-00001"]);
    await expect(contact.getByText("$999.00").count()).resolves.toBe(0);

    const latest = await row(contact, "INV-00002").innerText();
    expect(latest).toContain("$462.00");
    expect(latest).toContain("Awaiting payment");
    expect(latest).not.toContain("Overdue");
    const late = row(contact, "INV-00001");
    const lateText = await late.innerText();
    expect(lateText).toContain("$120.00");
    expect(lateText).toContain("Overdue");
    await expect(late.getAttribute("class")).resolves.toContain("row-attention");

    const notice = await contact.getByTestId("owed-notice").innerText();
    expect(notice).toContain("You have 2 invoices to pay: $582.00");
    expect(notice).toContain("1 of them is overdue.");
  });

  it("shows an invoice: lines with time as h:mm at the hourly rate, VAT, total and how to pay", async () => {
    await contact.getByRole("link", { name: "Open invoice INV-00002" }).click();
    await contact.waitForURL(new RegExp(`/portal/invoices/${current.id}$`));
    await contact.getByRole("heading", { name: "Invoice INV-00002", level: 1 }).waitFor();
    await expect(contact.getByTestId("invoice-meta").innerText()).resolves.toContain("From Invoice Agency");

    const lines = await contact.getByTestId("invoice-line").allInnerTexts();
    expect(lines).toHaveLength(2);
    const time = lines.find((line) => line.includes("Shortlist venues"))!;
    expect(time).toContain("1 h 30 min");
    expect(time).toContain("$90.00 / hour");
    expect(time).toContain("$135.00");
    expect(lines.find((line) => line.includes("Monthly report"))).toContain("$250.00");

    const totals = await contact.getByTestId("invoice-totals").innerText();
    expect(totals).toMatch(/Subtotal\s+\$385\.00/);
    expect(totals).toMatch(/VAT \(20%\)\s+\$77\.00/);
    expect(totals).toMatch(/Total\s+\$462\.00/);
    expect(totals).toMatch(/Balance due\s+\$462\.00/);

    const pay = contact.getByTestId("invoice-pay");
    await pay.getByRole("heading", { name: "How to pay", level: 2 }).waitFor();
    await expect(contact.getByTestId("payment-instructions").innerText()).resolves.toBe(paymentInstructions);
    await expect(pay.innerText()).resolves.toContain("Please quote INV-00002 as the payment reference.");
    // Stripe is not configured here, so there is no card button.
    await expect(contact.getByRole("button", { name: /by card/ }).count()).resolves.toBe(0);
    await expect(contact.getByTestId("invoice-payments").innerText()).resolves.toContain("No payments received yet.");

    const print = contact.getByRole("link", { name: /Print or save as PDF/ });
    await expect(print.getAttribute("href")).resolves.toBe(`/api/invoices/${encodeURIComponent(current.id)}/print?app=portal`);
    await expect(print.getAttribute("target")).resolves.toBe("_blank");
    // Followed, it opens the invoice with the portal's cookie (it answered 401 before: finding 14).
    const [printed] = await Promise.all([contact.context().waitForEvent("page"), print.click()]);
    await printed.waitForLoadState();
    await expect(printed.locator("body").innerText()).resolves.toContain("INV-00002");
    await printed.close();
  });

  it("shows the invoice paid once the owner records the transfer", async () => {
    const paid = await world.owner.post(`/invoices/${current.id}/payments`, { amount: current.total, method: "bank_transfer", reference: "BT-778" });
    expect(paid.status).toBe(201);
    await contact.reload();
    await contact.getByRole("heading", { name: "Invoice INV-00002", level: 1 }).waitFor();
    await expect(contact.getByTestId("invoice-status-notice").innerText()).resolves.toContain("Paid on");
    await expect(contact.getByTestId("invoice-meta").innerText()).resolves.toContain("Paid");
    const payments = await contact.getByTestId("invoice-payments").innerText();
    expect(payments).toContain("Bank transfer");
    expect(payments).toContain("BT-778");
    expect(payments).toContain("$462.00");
    await expect(contact.getByTestId("invoice-totals").innerText()).resolves.toMatch(/Balance due\s+\$0\.00/);
    // Nothing left to pay: no payment instructions.
    await expect(contact.getByTestId("invoice-pay").count()).resolves.toBe(0);

    await contact.getByRole("link", { name: "All invoices" }).click();
    await contact.getByRole("heading", { name: "Invoices", level: 1 }).waitFor();
    await expect(row(contact, "INV-00002").innerText()).resolves.toContain("Paid");
    await expect(contact.getByTestId("owed-notice").innerText()).resolves.toContain("You have 1 invoice to pay: $120.00");
  });

  it("thanks the contact on coming back from card checkout, while the payment is confirmed", async () => {
    await contact.goto(`${portalUrl()}/invoices/${overdue.id}?paid=1`);
    await contact.getByRole("heading", { name: "Invoice INV-00001", level: 1 }).waitFor();
    const notice = await contact.getByTestId("invoice-status-notice").innerText();
    expect(notice).toContain("Thank you — your payment is being confirmed");
    expect(notice).toContain("This invoice was due on");
  });

  it("bills a yen client in whole yen, from an empty list to the first invoice", async () => {
    const tokyo = await world.owner.post("/clients", {
      name: "Tokyo KK",
      code: `TK${Date.now() % 100000}`,
      timeZone: "Asia/Tokyo",
      currency: "JPY",
      status: "active",
      billing: { taxRate: 1000, taxName: "Consumption tax" },
    });
    expect(tokyo.status).toBe(201);
    const email = uniqueEmail("tokyo");
    expect((await world.owner.post(`/clients/${tokyo.body.id}/contacts`, { email, name: "Kenji Client", timeZone: "Asia/Tokyo" })).status).toBe(201);
    await acceptInvitation(new ApiClient(platform.baseUrl, "portal"), email);

    const kenji = await usPerson("Asia/Tokyo");
    await signInWithEmail(kenji, portalUrl(), email);
    await kenji.goto(`${portalUrl()}/invoices`);
    await kenji.getByText("No invoices yet").waitFor();
    await expect(kenji.getByTestId("owed-notice").count()).resolves.toBe(0);

    await send(await draftInvoice(tokyo.body.id, [{ description: "Localisation", quantity: 3, unitAmount: 4000 }]));
    await kenji.reload();
    await rows(kenji).first().waitFor();
    // 12,000 + 10% = 13,200 yen: no decimals, and the agency's other client's invoices are not here.
    await expect(rows(kenji).count()).resolves.toBe(1);
    await expect(rows(kenji).first().innerText()).resolves.toContain("¥13,200");
    await expect(kenji.getByTestId("owed-notice").innerText()).resolves.toContain("You have 1 invoice to pay: ¥13,200");
  });
});
