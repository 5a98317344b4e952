import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson as openPage, signInWithEmail, startPlatform } from "../support/browser.ts";
import { waitForEmail, type Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// The money chain in a real Chromium, through both apps, each step by the person who takes it,
// on the offline path (no Stripe configured): the subcontractor logs time on their task in the
// team app and submits the week; the owner saves the agency's payment instructions, approves the
// week, invoices the client's unbilled
// time at the client's rate and tax, checks the amounts and sends it; the client's contact
// follows the emailed link into the portal and finds the invoice, its balance and how to pay it
// by transfer; the owner records a part payment, then the rest, and is told of each by email;
// the client sees it partly paid, then paid; and the invoiced time is locked in the timesheet.

const agencyName = "Money Chain Assistants";
const paymentInstructions = "Bank transfer to Money Chain Assistants Ltd\nIBAN GB00 BATN 0000 0000 01\nWise: pay@money-chain.example";

// The inputs every amount below is computed from: $72.50 an hour, 8.25% VAT, 14 days to pay,
// 1 h 50 min of work, and a first payment of $50.
const rate = 7250;
const taxBasisPoints = 825;
const termsDays = 14;
const minutes = 110;
const firstPayment = 5000;

/** `numerator / denominator` rounded half up (amounts are whole cents). */
const halfUp = (numerator: number, denominator: number) => Math.floor((numerator * 2 + denominator) / (denominator * 2));
const subtotal = halfUp(minutes * rate, 60); // 110 min at $72.50/h = $132.9166… → $132.92
const tax = halfUp(subtotal * taxBasisPoints, 10_000); // 8.25% of $132.92 = $10.9659 → $10.97
const total = subtotal + tax; // $143.89
const rest = total - firstPayment; // $93.89

/** Cents of USD as a browser in `locale` shows them: "US$143.89" (en-GB, the team), "$143.89" (en-US, the client; "en", emails). */
const usd = (minor: number, locale = "en-GB") => new Intl.NumberFormat(locale, { style: "currency", currency: "USD" }).format(minor / 100);
/** "1:50": minutes as h:mm, as the Duration field takes them. */
const hm = (m: number) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}`;
/** "1 h 50 min", how every screen shows a duration (packages/kernel/src/duration.ts). */
const duration = (m: number) => [Math.floor(m / 60) ? `${Math.floor(m / 60)} h` : "", m % 60 ? `${m % 60} min` : ""].filter(Boolean).join(" ");

let platform: Started;
let browser: Browser;
let world: World;
let task: { id: string; reference: string; title: string };

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, agencyName);

  // Not the point here, so over HTTP: an accepted task assigned to Sam, and Acme's billing.
  const accepted = await acceptedTask(world, { title: "Bookkeeping catch-up" });
  const assigned = await world.owner.post(`/tasks/${accepted.task.id}/assign`, { version: accepted.task.version, memberId: world.ids.sub });
  expect(assigned.status).toBe(200);
  task = assigned.body.task;
  const client = await world.owner.get(`/clients/${world.ids.client}`);
  const billed = await world.owner.patch(`/clients/${world.ids.client}`, {
    version: client.body.version,
    billing: { hourlyRate: rate, taxName: "VAT", taxRate: taxBasisPoints, paymentTermsDays: termsDays },
  });
  expect(billed.status).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const newPerson = (timezoneId?: string) => openPage(browser, timezoneId);

/** A client contact at a US company: US English (so "$143.89"), in New York. */
async function usPerson() {
  const context = await browser.newContext({ locale: "en-US", timezoneId: "America/New_York" });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

const nowInSeconds = () => Math.floor(Date.now() / 1000);
const navLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
const toast = (page: Page, text: string | RegExp) => page.getByTestId("toast").filter({ hasText: text }).first().waitFor();
const label = () => `${task.reference} · ${task.title}`;

/** Opens `path` signed out, signs in through the emailed link, and lands back on `path`. */
async function signInAt(page: Page, path: string, email: string) {
  await page.goto(`${platform.baseUrl}${path}`);
  await page.waitForURL(/\/sign-in/);
  await signInWithEmail(page, platform.baseUrl, email);
  await page.waitForURL(`${platform.baseUrl}${path}`);
}

/** The newest email to `email` sent at or after `since` whose subject has `subject` (and whose text has `text`), and its first link under `path`. */
async function emailWithLink(email: string, subject: string, since: number, path: RegExp, text?: string) {
  const mail = await waitForEmail(email, (e) => e.at >= since && e.subject.includes(subject) && (!text || (e.body.text ?? "").includes(text)));
  const link = (mail.body.text ?? "").match(/https?:\/\/\S+/g)?.find((url) => path.test(new URL(url).pathname));
  expect(link, `a link in "${mail.subject}"`).toBeDefined();
  return { mail, link: link! };
}

describe("the money chain through both apps", () => {
  let sub: Page;
  let owner: Page;
  let client: Page;
  let invoiceId: string;
  let invoiceUrl: string;
  const number = "INV-00001";

  it("the subcontractor logs their time on the task in the team app", async () => {
    sub = await newPerson("Asia/Kolkata");
    await signInAt(sub, "/time", world.people.sub.email);
    await sub.getByText("Your week, Monday to Sunday in", { exact: false }).waitFor();
    await sub.getByText("No time logged this week").waitFor();
    await sub.getByRole("button", { name: "Log time" }).first().click();
    const form = sub.getByTestId("time-entry-form");
    await form.getByLabel("Task").selectOption({ label: label() });
    await form.getByLabel("Duration").fill(hm(minutes));
    await expect(form.getByLabel("Billable").isChecked()).resolves.toBe(true);
    await form.getByLabel("Note").fill("Reconciled October and November");
    await form.getByRole("button", { name: "Log time" }).click();
    await toast(sub, "Time logged");

    const row = sub.getByTestId("time-entry").filter({ hasText: label() });
    await row.waitFor();
    expect(await row.getByTestId("entry-minutes").innerText()).toBe(duration(minutes));
    // Not invoiced yet: still theirs to correct.
    await row.getByRole("button", { name: `Edit time on ${label()}` }).waitFor();
    await sub.getByTestId("week-totals").filter({ hasText: `Billable: ${duration(minutes)}` }).waitFor();
    // Only approved time is invoiced: the subcontractor sends the week for approval.
    await sub.getByTestId("submit-week").click();
    await toast(sub, "Week submitted for approval");
    await expect.poll(() => sub.getByTestId("week-status").getAttribute("data-state"), { timeout: 15_000 }).toBe("submitted");
  });

  it("the owner saves the agency's payment instructions in Settings", async () => {
    owner = await newPerson();
    await signInAt(owner, "/settings/money", world.agency.ownerEmail);
    await owner.getByRole("heading", { name: "Money and billing", level: 1 }).waitFor();
    const box = owner.getByRole("textbox", { name: "Payment instructions" });
    await box.waitFor();
    // A new agency has none yet.
    await expect(box.inputValue()).resolves.toBe("");
    await box.fill(paymentInstructions);
    await owner.getByRole("form", { name: "Payment instructions" }).getByRole("button", { name: "Save" }).click();
    await toast(owner, "Payment instructions saved");
  });

  it("the owner approves the subcontractor's week", async () => {
    await navLink(owner, "Approvals").click();
    const week = owner.getByTestId("approval-week").filter({ hasText: world.people.sub.name });
    await week.getByTestId("approval-entry").filter({ hasText: "Reconciled October and November" }).waitFor();
    await week.getByTestId("approve-week").click();
    await toast(owner, "Time approved");
    await owner.getByText("Nothing waits for approval").waitFor();
  });

  it("the owner invoices the client's unbilled time, checking the amounts before and after drafting", async () => {
    await navLink(owner, "Invoices").click();
    await owner.getByRole("heading", { name: "Invoices", level: 1 }).waitFor();
    await owner.getByText("No invoices yet").waitFor();
    await owner.getByRole("link", { name: "New invoice" }).first().click();
    await owner.waitForURL(/\/invoices\/new/);
    const form = owner.getByTestId("invoice-form");
    await form.getByRole("combobox", { name: "Client" }).selectOption({ label: "Acme Corp" });
    await expect(form.getByLabel("Include unbilled time").isChecked()).resolves.toBe(true);

    // The preview: Sam's entry, priced at Acme's rate.
    const entry = owner.getByTestId("unbilled-entry");
    await entry.first().waitFor();
    await expect(entry.count()).resolves.toBe(1);
    const entryText = await entry.innerText();
    expect(entryText).toContain(task.title);
    expect(entryText).toContain("Sam Writer");
    expect(entryText).toContain(duration(minutes));
    await expect(owner.getByTestId("unbilled-total").innerText()).resolves.toBe(`${duration(minutes)} at ${usd(rate)} per hour: ${usd(subtotal)}`);

    await form.getByRole("button", { name: "Create draft" }).click();
    await owner.waitForURL(/\/invoices\/inv_/);
    invoiceId = new URL(owner.url()).pathname.split("/").pop()!;
    await toast(owner, "Draft invoice created");
    await owner.getByRole("heading", { name: "Draft", level: 1 }).waitFor();
    const meta = await owner.getByTestId("invoice-meta").innerText();
    expect(meta).toContain("Draft");
    expect(meta).toContain("Acme Corp");
    expect(meta).toContain(usd(total));

    const line = owner.getByTestId("invoice-line");
    await expect(line.count()).resolves.toBe(1);
    const lineText = await line.innerText();
    expect(lineText).toContain(label());
    expect(lineText).toContain(`${duration(minutes)} × ${usd(rate)}/h`);
    expect(lineText).toContain(usd(subtotal));
    const totals = await owner.getByTestId("invoice-totals").innerText();
    expect(totals).toMatch(new RegExp(`Subtotal\\s+${literal(usd(subtotal))}`));
    expect(totals).toMatch(new RegExp(`VAT \\(${taxBasisPoints / 100}%\\)\\s+${literal(usd(tax))}`));
    expect(totals).toMatch(new RegExp(`Total\\s+${literal(usd(total))}`));
    // A draft owes nothing yet.
    await expect(owner.getByTestId("invoice-balance").count()).resolves.toBe(0);
    await owner.getByText(`${termsDays} days`, { exact: true }).waitFor();
  });

  it("the owner sends it: numbered, and emailed to the client's contact", async () => {
    const before = nowInSeconds();
    await owner.getByRole("button", { name: "Send to client" }).click();
    const dialog = owner.getByRole("dialog");
    await dialog.getByText("emailed to Acme Corp's contacts", { exact: false }).waitFor();
    await dialog.getByRole("button", { name: "Send to client" }).click();
    await owner.getByRole("heading", { name: number, level: 1 }).waitFor();
    await toast(owner, `Invoice ${number} sent`);
    await owner.getByTestId("invoice-meta").getByText("Sent", { exact: true }).waitFor();
    await expect(owner.getByTestId("invoice-balance").innerText()).resolves.toContain(usd(total));

    const { mail, link } = await emailWithLink(world.people.contact.email, number, before, /^\/portal\/invoices\/inv_/);
    expect(mail.subject).toBe(`Invoice ${number} from ${agencyName}: ${usd(total, "en")}`);
    invoiceUrl = link;
    expect(new URL(invoiceUrl).pathname).toBe(`/portal/invoices/${invoiceId}`);
  });

  it("the client follows the email into the portal and finds what is owed and how to pay it", async () => {
    client = await usPerson();
    // Signed out: the portal asks them to sign in, then lands on the invoice.
    await client.goto(invoiceUrl);
    await client.waitForURL(/\/portal\/sign-in/);
    await signInWithEmail(client, `${platform.baseUrl}/portal`, world.people.contact.email);
    await client.waitForURL(invoiceUrl);
    await client.getByRole("heading", { name: `Invoice ${number}`, level: 1 }).waitFor();
    const meta = await client.getByTestId("invoice-meta").innerText();
    expect(meta).toContain("Awaiting payment");
    expect(meta).toContain(`From ${agencyName}`);

    const line = await client.getByTestId("invoice-line").innerText();
    expect(line).toContain(task.title);
    expect(line).toContain(duration(minutes));
    expect(line).toContain(`${usd(rate, "en-US")} / hour`);
    expect(line).toContain(usd(subtotal, "en-US"));
    const totals = await client.getByTestId("invoice-totals").innerText();
    expect(totals).toMatch(new RegExp(`Subtotal\\s+${literal(usd(subtotal, "en-US"))}`));
    expect(totals).toMatch(new RegExp(`VAT \\(${taxBasisPoints / 100}%\\)\\s+${literal(usd(tax, "en-US"))}`));
    expect(totals).toMatch(new RegExp(`Total\\s+${literal(usd(total, "en-US"))}`));
    expect(totals).toMatch(new RegExp(`Balance due\\s+${literal(usd(total, "en-US"))}`));

    const pay = client.getByTestId("invoice-pay");
    await pay.getByRole("heading", { name: "How to pay", level: 2 }).waitFor();
    await expect(client.getByTestId("payment-instructions").innerText()).resolves.toBe(paymentInstructions);
    await expect(pay.innerText()).resolves.toContain(`Please quote ${number} as the payment reference.`);
    // Stripe isn't configured: no card button, only the transfer details.
    await expect(client.getByRole("button", { name: /by card/ }).count()).resolves.toBe(0);
    await expect(client.getByTestId("invoice-payments").innerText()).resolves.toContain("No payments received yet.");

    await client.getByRole("link", { name: "All invoices" }).click();
    await client.getByRole("heading", { name: "Invoices", level: 1 }).waitFor();
    const row = client.locator(`[data-testid="invoice-row"][data-number="${number}"]`);
    await expect(row.innerText()).resolves.toContain("Awaiting payment");
    await expect(client.getByTestId("owed-notice").innerText()).resolves.toContain(`You have 1 invoice to pay: ${usd(total, "en-US")}`);
  });

  it("the owner records part of it paid by bank transfer, and is emailed about it", async () => {
    const before = nowInSeconds();
    await owner.getByRole("button", { name: "Record payment" }).click();
    const form = owner.getByTestId("payment-form");
    // Prefilled with the whole balance; they received less.
    await expect(form.getByLabel("Amount (USD)").inputValue()).resolves.toBe((total / 100).toFixed(2));
    await form.getByLabel("Amount (USD)").fill((firstPayment / 100).toFixed(2));
    await form.getByLabel("Method").selectOption({ label: "Bank transfer" });
    await form.getByLabel("Reference").fill("BT-1001");
    await form.getByRole("button", { name: "Record payment" }).click();
    await toast(owner, `Payment of ${usd(firstPayment)} recorded`);
    await owner.getByTestId("invoice-meta").getByText("Partially paid").waitFor();
    await expect(owner.getByTestId("invoice-balance").innerText()).resolves.toContain(usd(rest));
    await expect(owner.getByTestId("payment-row").innerText()).resolves.toMatch(new RegExp(`Bank transfer[\\s\\S]*BT-1001[\\s\\S]*${literal(usd(firstPayment))}`));

    const { mail, link } = await emailWithLink(world.agency.ownerEmail, `Payment received: invoice ${number}`, before, /^\/invoices\/inv_/);
    expect(mail.body.text).toContain(`Acme Corp paid ${usd(firstPayment, "en")} on invoice ${number}. Still owed: ${usd(rest, "en")}.`);
    expect(new URL(link).pathname).toBe(`/invoices/${invoiceId}`);
  });

  it("the client sees it partly paid, with what is left to pay", async () => {
    await client.goto(invoiceUrl);
    await client.getByRole("heading", { name: `Invoice ${number}`, level: 1 }).waitFor();
    await expect(client.getByTestId("invoice-meta").innerText()).resolves.toContain("Partly paid");
    const totals = await client.getByTestId("invoice-totals").innerText();
    expect(totals).toMatch(new RegExp(`Paid\\s+−${literal(usd(firstPayment, "en-US"))}`));
    expect(totals).toMatch(new RegExp(`Balance due\\s+${literal(usd(rest, "en-US"))}`));
    const payments = await client.getByTestId("invoice-payments").innerText();
    expect(payments).toContain("Bank transfer");
    expect(payments).toContain("BT-1001");
    expect(payments).toContain(usd(firstPayment, "en-US"));
    // Still something to pay: the instructions stay.
    await expect(client.getByTestId("payment-instructions").innerText()).resolves.toBe(paymentInstructions);
  });

  it("the owner follows the email back to the invoice and records the rest: it is paid", async () => {
    const { link } = await emailWithLink(world.agency.ownerEmail, `Payment received: invoice ${number}`, 0, /^\/invoices\/inv_/);
    await owner.goto(link);
    await owner.getByRole("heading", { name: number, level: 1 }).waitFor();
    const before = nowInSeconds();
    await owner.getByRole("button", { name: "Record payment" }).click();
    const form = owner.getByTestId("payment-form");
    await expect(form.getByLabel("Amount (USD)").inputValue()).resolves.toBe((rest / 100).toFixed(2));
    await expect(form.getByLabel("Method").inputValue()).resolves.toBe("bank_transfer");
    await form.getByLabel("Reference").fill("BT-1002");
    await form.getByRole("button", { name: "Record payment" }).click();
    await toast(owner, `Payment of ${usd(rest)} recorded`);
    await owner.getByTestId("invoice-meta").getByText("Paid", { exact: true }).waitFor();
    await expect(owner.getByTestId("invoice-balance").innerText()).resolves.toContain(usd(0));
    await expect(owner.getByTestId("payment-row").count()).resolves.toBe(2);
    // Nothing left to record, and a paid invoice can't be voided.
    await expect(owner.getByRole("button", { name: "Record payment" }).count()).resolves.toBe(0);
    await expect(owner.getByRole("button", { name: "Void" }).count()).resolves.toBe(0);

    const { mail } = await emailWithLink(world.agency.ownerEmail, `Payment received: invoice ${number}`, before, /^\/invoices\/inv_/, `Still owed: ${usd(0, "en")}`);
    expect(mail.body.text).toContain(`Acme Corp paid ${usd(rest, "en")} on invoice ${number}. Still owed: ${usd(0, "en")}.`);

    await owner.getByRole("link", { name: "All invoices" }).click();
    const row = owner.getByTestId("invoice-row").filter({ hasText: number });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toMatch(/Acme Corp[\s\S]*Paid/);
    expect(text).toContain(usd(total));
  });

  it("the client reloads the invoice and sees it paid, with nothing owed", async () => {
    await client.goto(invoiceUrl);
    await client.getByRole("heading", { name: `Invoice ${number}`, level: 1 }).waitFor();
    await client.reload();
    await client.getByRole("heading", { name: `Invoice ${number}`, level: 1 }).waitFor();
    await expect(client.getByTestId("invoice-status-notice").innerText()).resolves.toContain("Paid on");
    await expect(client.getByTestId("invoice-meta").innerText()).resolves.toContain("Paid");
    const totals = await client.getByTestId("invoice-totals").innerText();
    expect(totals).toMatch(new RegExp(`Paid\\s+−${literal(usd(total, "en-US"))}`));
    expect(totals).toMatch(new RegExp(`Balance due\\s+${literal(usd(0, "en-US"))}`));
    const payments = await client.getByTestId("invoice-payments").innerText();
    for (const text of ["BT-1001", "BT-1002", usd(firstPayment, "en-US"), usd(rest, "en-US")]) expect(payments).toContain(text);
    // Nothing left to pay: no payment instructions.
    await expect(client.getByTestId("invoice-pay").count()).resolves.toBe(0);

    await client.getByRole("link", { name: "All invoices" }).click();
    await client.getByRole("heading", { name: "Invoices", level: 1 }).waitFor();
    const row = client.locator(`[data-testid="invoice-row"][data-number="${number}"]`);
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain("Paid");
    expect(text).not.toContain("Awaiting payment");
    expect(text).toContain(usd(total, "en-US"));
    await expect(client.getByTestId("owed-notice").count()).resolves.toBe(0);
  });

  it("the subcontractor's invoiced time is locked in their timesheet", async () => {
    await sub.reload();
    const row = sub.getByTestId("time-entry").filter({ hasText: label() });
    await row.waitFor();
    await row.getByText("Locked: on an invoice").waitFor();
    expect(await row.getByTestId("entry-minutes").innerText()).toBe(duration(minutes));
    await expect(row.getByRole("button", { name: `Edit time on ${label()}` }).count()).resolves.toBe(0);
    await expect(row.getByRole("button", { name: `Delete time on ${label()}` }).count()).resolves.toBe(0);
  });
});

/** `text` matched literally inside a RegExp. */
function literal(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
