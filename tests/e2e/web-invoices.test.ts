import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import { waitForEmail, type Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";
import { approveTime } from "../support/approve-time.ts";

// Invoicing in the team app, by the owner: set a client's rate and tax on the client page,
// invoice their unbilled time plus a line of one's own, send it (numbered, emailed), record a
// partial and then the full payment, and save the payment instructions clients are shown; the Settings cards and
// the client page's forms keep what is typed when another saves, and a page opened on another record starts afresh.

let platform: Started;
let browser: Browser;
let world: World;
let owner: Page;
let invoiceId: string;

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
/** Dollars as the app shows them to this browser (en-GB): "US$267.00". */
const usd = (minor: number) => new Intl.NumberFormat("en-GB", { style: "currency", currency: "USD" }).format(minor / 100);
const toast = (page: Page, text: string | RegExp) => page.getByTestId("toast").filter({ hasText: text }).first().waitFor();

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Invoice Assistants");
  // Sam logs 90 and 25 minutes on an assigned task for Acme: 1 h 55 min of unbilled time.
  const { task } = await acceptedTask(world, { title: "Write the newsletter" });
  const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
  expect(assigned.status).toBe(200);
  for (const [hours, minutes] of [[30, 90], [28, 25]] as const) {
    const logged = await world.sub.post("/time", { taskId: task.id, startedAt: hoursAgo(hours), minutes });
    expect(logged.status).toBe(201);
    await approveTime(world, [logged.body]);
  }
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe("invoicing in the team app", () => {
  it("owner sets the client's hourly rate and tax on the client page", async () => {
    owner = await newPerson(browser);
    const path = `/clients/${world.ids.client}`;
    await owner.goto(`${platform.baseUrl}${path}`);
    await owner.waitForURL(/\/sign-in/);
    await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
    await owner.waitForURL(`${platform.baseUrl}${path}`);
    const form = owner.getByTestId("billing-form");
    await form.getByLabel("Hourly rate (USD)").fill("90");
    await form.getByLabel("Tax name").fill("VAT");
    await form.getByLabel("Tax rate (%)").fill("20");
    await form.getByRole("button", { name: "Save" }).click();
    await toast(owner, "Billing saved");
    const client = await world.owner.get(`/clients/${world.ids.client}`);
    expect(client.body.billing).toMatchObject({ hourlyRate: 9000, taxRate: 2000, taxName: "VAT", retainer: null });
  });

  it("creates an invoice from the unbilled time plus a custom line", async () => {
    await owner.getByRole("link", { name: "New invoice" }).click();
    await owner.waitForURL(`${platform.baseUrl}/invoices/new?client=${world.ids.client}`);
    const form = owner.getByTestId("invoice-form");
    await expect(form.getByRole("combobox", { name: "Client" }).inputValue()).resolves.toBe(world.ids.client);
    // The preview lists both entries and prices them at the rate: 115 minutes at $90/h = $172.50.
    await owner.getByTestId("unbilled-entry").nth(1).waitFor();
    await expect(owner.getByTestId("unbilled-entry").count()).resolves.toBe(2);
    await expect(owner.getByTestId("unbilled-total").innerText()).resolves.toContain(usd(17250));

    await form.getByRole("button", { name: "Add a line" }).click();
    const line = form.getByTestId("invoice-line");
    await line.getByLabel("Description").fill("Setup");
    await line.getByLabel("Quantity").fill("2");
    // More decimals than dollars have: a field error, and nothing is created.
    await line.getByLabel("Unit price (USD)").fill("25.505");
    await form.getByRole("button", { name: "Create draft" }).click();
    await expect(line.getByText("Enter an amount in USD").count()).resolves.toBe(1);
    expect(owner.url()).toContain("/invoices/new");

    await line.getByLabel("Unit price (USD)").fill("25.50");
    await form.getByRole("button", { name: "Create draft" }).click();
    await owner.waitForURL(/\/invoices\/inv_/);
    invoiceId = new URL(owner.url()).pathname.split("/").pop()!;
    const invoice = (await world.owner.get(`/invoices/${invoiceId}`)).body;
    // $172.50 + 2 × $25.50 = $223.50; VAT 20% = $44.70; total $268.20.
    expect(invoice).toMatchObject({ status: "draft", subtotal: 22350, tax: 4470, total: 26820 });
    await expect(owner.getByTestId("invoice-total").innerText()).resolves.toContain(usd(invoice.total));
    await expect(owner.getByTestId("invoice-line").filter({ hasText: "Write the newsletter" }).innerText()).resolves.toContain(`1 h 55 min × ${usd(9000)}/h`);
    await expect(owner.getByTestId("invoice-meta").innerText()).resolves.toContain("Draft");
  });

  it("sends it: numbered INV-00001 and emailed to the client", async () => {
    await owner.getByRole("button", { name: "Send to client" }).click();
    await owner.getByRole("dialog").getByRole("button", { name: "Send to client" }).click();
    await owner.getByRole("heading", { name: "INV-00001", level: 1 }).waitFor();
    await toast(owner, "Invoice INV-00001 sent");
    await expect(owner.getByTestId("invoice-meta").innerText()).resolves.toContain("Sent");
    const mail = await waitForEmail(world.people.contact.email, (e) => e.subject.includes("INV-00001"));
    expect(mail.body.text).toContain(`/portal/invoices/${invoiceId}`);
  });

  it("records a partial payment, refuses more than the balance, then records the rest", async () => {
    await owner.getByRole("button", { name: "Record payment" }).click();
    const form = owner.getByTestId("payment-form");
    // Prefilled with the balance.
    await expect(form.getByLabel("Amount (USD)").inputValue()).resolves.toBe("268.20");
    await form.getByLabel("Amount (USD)").fill("300");
    await form.getByRole("button", { name: "Record payment" }).click();
    await form.getByText(/At most the balance due/).waitFor();
    await expect(form.getByLabel("Amount (USD)").getAttribute("aria-invalid")).resolves.toBe("true");

    await form.getByLabel("Amount (USD)").fill("100");
    await form.getByLabel("Method").selectOption("wise");
    await form.getByLabel("Reference").fill("W-1");
    await form.getByRole("button", { name: "Record payment" }).click();
    await toast(owner, `Payment of ${usd(10000)} recorded`);
    await owner.getByTestId("invoice-meta").getByText("Partially paid").waitFor();
    await expect(owner.getByTestId("invoice-balance").innerText()).resolves.toContain(usd(16820));
    await expect(owner.getByTestId("payment-row").innerText()).resolves.toMatch(/Wise[\s\S]*W-1/);

    await owner.getByRole("button", { name: "Record payment" }).click();
    await expect(owner.getByTestId("payment-form").getByLabel("Amount (USD)").inputValue()).resolves.toBe("168.20");
    await owner.getByTestId("payment-form").getByRole("button", { name: "Record payment" }).click();
    await owner.getByTestId("invoice-meta").getByText("Paid", { exact: true }).waitFor();
    await expect(owner.getByTestId("payment-row").count()).resolves.toBe(2);
    const paid = (await world.owner.get(`/invoices/${invoiceId}`)).body;
    expect(paid).toMatchObject({ status: "paid", balance: 0, amountPaid: 26820 });
    // Nothing paid can be voided or paid again: those actions are gone.
    await expect(owner.getByRole("button", { name: "Record payment" }).count()).resolves.toBe(0);
    await expect(owner.getByRole("button", { name: "Void" }).count()).resolves.toBe(0);
  });

  it("lists the invoice, filtered by status", async () => {
    await owner.getByRole("link", { name: "All invoices" }).click();
    const row = owner.getByTestId("invoice-row").filter({ hasText: "INV-00001" });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/Acme Corp[\s\S]*Paid/);
    await owner.getByLabel("Status").selectOption("draft");
    await owner.getByText("No invoices match these filters").waitFor();
  });

  it("saves the payment instructions clients see, in Settings", async () => {
    await owner.goto(`${platform.baseUrl}/settings/money`);
    const box = owner.getByRole("textbox", { name: "Payment instructions" });
    await box.waitFor();
    await box.fill("IBAN GB00 BATN 0000 0000 00\nWise: pay@invoice.example");
    await owner.getByRole("form", { name: "Payment instructions" }).getByRole("button", { name: "Save" }).click();
    await toast(owner, "Payment instructions saved");
    const agency = await world.owner.get("/agency");
    expect(agency.body.paymentInstructions).toBe("IBAN GB00 BATN 0000 0000 00\nWise: pay@invoice.example");
    // Read back after a reload.
    await owner.reload();
    await expect(owner.getByRole("textbox", { name: "Payment instructions" }).inputValue()).resolves.toContain("Wise: pay@invoice.example");
  });
});

describe("billing increments", () => {
  it("the agency rounds time to 15 minutes in Settings; the new invoice shows the rule and bills the rounded time", async () => {
    // 7 and 20 minutes of new time: 27 worked, 45 billed in 15-minute steps rounded up.
    const { task } = await acceptedTask(world, { title: "Quick calls" });
    for (const [hours, minutes] of [[6, 7], [5, 20]] as const) {
      const logged = await world.owner.post("/time", { taskId: task.id, startedAt: hoursAgo(hours), minutes });
      expect(logged.status).toBe(201);
    }
    await owner.goto(`${platform.baseUrl}/settings/money`);
    const card = owner.getByTestId("billing-increment");
    await expect(card.getByTestId("increment-rule").innerText()).resolves.toBe("Time is billed to the exact minute.");
    await card.getByLabel("Round each entry to").selectOption("15");
    await card.getByLabel("Rounding").selectOption("up");
    await card.getByRole("button", { name: "Save" }).click();
    await toast(owner, "Billing increments saved");
    await card.getByTestId("increment-rule").filter({ hasText: "Each time entry is billed in 15-minute steps, rounded up." }).waitFor();

    await owner.goto(`${platform.baseUrl}/invoices/new?client=${world.ids.client}`);
    await owner.getByTestId("unbilled-entry").nth(1).waitFor();
    await expect(owner.getByTestId("increment-rule").innerText()).resolves.toBe("Each time entry is billed in 15-minute steps, rounded up. (27 min worked, 45 min billed)");
    // 45 minutes at $90/h.
    await expect(owner.getByTestId("unbilled-total").innerText()).resolves.toContain(usd(6750));
  });

  it("a client's own rule, set with its billing, takes over from the agency's", async () => {
    await owner.goto(`${platform.baseUrl}/clients/${world.ids.client}`);
    const form = owner.getByTestId("billing-form");
    const step = form.getByLabel("Round each entry to");
    await expect(step.inputValue()).resolves.toBe("");
    await step.selectOption("30");
    await form.getByLabel("Rounding").selectOption("nearest");
    await form.getByLabel("Minimum per entry (minutes)").fill("30");
    await form.getByRole("button", { name: "Save" }).click();
    await toast(owner, "Billing saved");
    expect((await world.owner.get(`/clients/${world.ids.client}`)).body.billing.increment).toEqual({ step: 30, rounding: "nearest", minimumMinutes: 30 });

    await owner.goto(`${platform.baseUrl}/invoices/new?client=${world.ids.client}`);
    await owner.getByTestId("unbilled-entry").nth(1).waitFor();
    // 7 → 30 (the minimum), 20 → 30 (nearest): 60 minutes.
    await expect(owner.getByTestId("increment-rule").innerText()).resolves.toBe(
      "Each time entry is billed in 30-minute steps, rounded to the nearest step. At least 30 min per entry. (27 min worked, 1 h billed)",
    );
    await expect(owner.getByTestId("unbilled-total").innerText()).resolves.toContain(usd(9000));
  });
});

describe("legal details", () => {
  it("the owner fills the agency's invoice details and the client's recipient; a new invoice shows them and its PO number", async () => {
    await owner.goto(`${platform.baseUrl}/settings/money`);
    const details = owner.getByTestId("invoice-details");
    await details.getByLabel("Legal name").fill("Invoice Assistants Ltd");
    await details.getByLabel("Tax or VAT ID").fill("GB 999 0000 11");
    await details.getByLabel("Address").fill("2 Mill Lane\nLeeds LS1 1AA");
    await details.getByRole("button", { name: "Save" }).click();
    await toast(owner, "Invoice details saved");
    // A tax id with a control character is refused on its field, and nothing changes.
    await details.getByLabel("Tax or VAT ID").fill("GB\u0007 1");
    await details.getByRole("button", { name: "Save" }).click();
    await details.locator(".field-error").filter({ hasText: "Use plain text on one line." }).waitFor();
    expect((await world.owner.get("/agency")).body.invoiceDetails.taxId).toBe("GB 999 0000 11");

    await owner.goto(`${platform.baseUrl}/clients/${world.ids.client}`);
    const recipient = owner.getByTestId("invoice-to-form");
    await recipient.getByLabel("Billing name").fill("Acme Corporation Inc.");
    await recipient.getByLabel("Billing address").fill("500 Fifth Avenue\nNew York, NY 10110");
    await recipient.getByLabel("Billing email addresses").fill("accounts@acme.example");
    await recipient.getByLabel("Billing email addresses").press("Enter");
    await recipient.getByRole("button", { name: "Save" }).click();

    await toast(owner, "Invoice recipient saved");
    expect((await world.owner.get(`/clients/${world.ids.client}`)).body.invoiceTo).toMatchObject({ name: "Acme Corporation Inc.", emails: ["accounts@acme.example"] });

    await owner.goto(`${platform.baseUrl}/invoices/new?client=${world.ids.client}`);
    const form = owner.getByTestId("invoice-form");
    await form.getByLabel("PO number").fill("PO-4411");
    await form.getByRole("button", { name: "Create draft" }).click();
    await owner.waitForURL(/\/invoices\/inv_/);
    const billTo = owner.getByTestId("invoice-bill-to");
    await billTo.getByText("Acme Corporation Inc.").waitFor();
    expect(await billTo.innerText()).toContain("500 Fifth Avenue\nNew York, NY 10110");
    await owner.getByText("PO-4411").waitFor();
  });

  it("what the owner types right after a save is confirmed is kept, even when the settings are read back slowly", async () => {
    await owner.goto(`${platform.baseUrl}/settings/money`);
    const details = owner.getByTestId("invoice-details");
    await details.getByLabel("Legal name").fill("Slow Network Ltd");
    // After the save the card reads the agency again, here over a slow network.
    const slowRead = async (route: import("playwright-core").Route) => {
      if (route.request().method() === "GET") await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    };
    await owner.route("**/api/agency", slowRead);
    const readBack = owner.waitForResponse((response) => response.url().endsWith("/api/agency") && response.request().method() === "GET");
    try {
      await details.getByRole("button", { name: "Save" }).click();
      await toast(owner, "Invoice details saved");
      await details.getByLabel("Registration").fill("Company no. 0451");
      await readBack;
      await owner.evaluate(() => new Promise((resolve) => (globalThis as any).requestAnimationFrame(resolve)));
      expect(await details.getByLabel("Registration").inputValue()).toBe("Company no. 0451");
      expect(await details.getByLabel("Legal name").inputValue()).toBe("Slow Network Ltd");
    } finally {
      await owner.unroute("**/api/agency", slowRead);
    }
    await details.getByRole("button", { name: "Save" }).click();
    await toast(owner, "Invoice details saved");
    expect((await world.owner.get("/agency")).body.invoiceDetails).toMatchObject({ legalName: "Slow Network Ltd", registration: "Company no. 0451" });
  });

  it("saving one card keeps what is typed, unsaved, in another; a change made elsewhere to that card's own fields is a conflict", async () => {
    await owner.goto(`${platform.baseUrl}/settings/money`);
    const details = owner.getByTestId("invoice-details");
    const instructions = owner.getByRole("form", { name: "Payment instructions" });
    await details.getByLabel("Legal name").fill("Two Cards Ltd");
    // Another card's save reads the agency again (a new version); the invoice details card keeps its edit.
    await instructions.getByRole("textbox", { name: "Payment instructions" }).fill("Pay by bank transfer");
    await instructions.getByRole("button", { name: "Save" }).click();
    await toast(owner, "Payment instructions saved");
    expect(await details.getByLabel("Legal name").inputValue()).toBe("Two Cards Ltd");
    // Its save is not refused for the other card's: nothing it changes was changed meanwhile.
    await details.getByRole("button", { name: "Save" }).click();
    await toast(owner, "Invoice details saved");
    const saved = (await world.owner.get("/agency")).body;
    expect(saved.paymentInstructions).toBe("Pay by bank transfer");
    expect(saved.invoiceDetails.legalName).toBe("Two Cards Ltd");

    // The invoice details changed elsewhere (another tab): this card's save is refused and it shows what is stored.
    const elsewhere = await world.owner.patch("/agency", { version: saved.version, invoiceDetails: { ...saved.invoiceDetails, legalName: "Changed Elsewhere Ltd" } });
    expect(elsewhere.status).toBe(200);
    await details.getByLabel("Legal name").fill("Mine Ltd");
    await details.getByRole("button", { name: "Save" }).click();
    await toast(owner, "Someone else changed this while you were editing");
    await expect.poll(() => details.getByLabel("Legal name").inputValue()).toBe("Changed Elsewhere Ltd");
    expect((await world.owner.get("/agency")).body.invoiceDetails.legalName).toBe("Changed Elsewhere Ltd");
  });

  it("on the client page, saving the details keeps what is typed, unsaved, in billing and the invoice recipient", async () => {
    await owner.goto(`${platform.baseUrl}/clients/${world.ids.client}`);
    const details = owner.getByRole("form", { name: "Details" });
    const billing = owner.getByTestId("billing-form");
    const recipient = owner.getByTestId("invoice-to-form");
    await billing.getByLabel("Tax name").fill("Sales tax");
    await recipient.getByLabel("Billing name").fill("Acme Accounts Payable");
    await details.getByLabel("Notes").fill("Invoices go to accounts payable.");
    await details.getByRole("button", { name: "Save" }).click();
    await toast(owner, "Saved Acme");
    expect(await billing.getByLabel("Tax name").inputValue()).toBe("Sales tax");
    expect(await recipient.getByLabel("Billing name").inputValue()).toBe("Acme Accounts Payable");
    // Each saves in turn, none refused for the others' saves.
    await billing.getByRole("button", { name: "Save" }).click();
    await toast(owner, "Billing saved");
    await recipient.getByRole("button", { name: "Save" }).click();
    await toast(owner, "Invoice recipient saved");
    const client = (await world.owner.get(`/clients/${world.ids.client}`)).body;
    expect(client.notes).toBe("Invoices go to accounts payable.");
    expect(client.billing.taxName).toBe("Sales tax");
    expect(client.invoiceTo.name).toBe("Acme Accounts Payable");
    expect(await details.getByLabel("Notes").inputValue()).toBe("Invoices go to accounts payable.");
  });
});

// A page opened on another client or task in place (the command palette: the same page, another id) is made anew.
describe("another record opened in place", () => {
  it("jumping from one client's page to another's shows the other client's billing and recipient, not what was typed", async () => {
    // Two new clients alike in all the forms show (a form kept for one must not pass for the other's).
    const made = [];
    for (const [name, code] of [["Bramble Studio", "BRAM"], ["Cobalt Studio", "COBA"]]) {
      const client = await world.owner.post("/clients", { name, code, timeZone: "Europe/Dublin", currency: "USD", status: "active" });
      expect(client.status).toBe(201);
      made.push(client.body);
    }
    const [bramble, cobalt] = made;
    await owner.goto(`${platform.baseUrl}/clients/${bramble.id}`);
    const billing = owner.getByTestId("billing-form");
    const recipient = owner.getByTestId("invoice-to-form");
    await billing.getByLabel("Tax name").fill("Typed for Bramble");
    await recipient.getByLabel("Billing name").fill("Typed for Bramble");
    // The command palette opens the other client's page in place (the same page, another client).
    await owner.keyboard.press("Control+K");
    const palette = owner.getByRole("dialog", { name: "Jump to" });
    await palette.getByRole("combobox").fill("cobalt");
    await palette.getByRole("group", { name: "Clients" }).getByRole("option", { name: /Cobalt Studio/ }).click();
    await owner.waitForURL(`${platform.baseUrl}/clients/${cobalt.id}`);
    await expect.poll(() => owner.getByRole("form", { name: "Details" }).getByLabel("Company name").inputValue()).toBe("Cobalt Studio");
    expect(await billing.getByLabel("Tax name").inputValue()).toBe(cobalt.billing.taxName);
    expect(await recipient.getByLabel("Billing name").inputValue()).toBe("");
    // A save there changes Cobalt, not Bramble.
    await billing.getByLabel("Tax name").fill("IVA");
    await billing.getByRole("button", { name: "Save" }).click();
    await toast(owner, "Billing saved");
    expect((await world.owner.get(`/clients/${cobalt.id}`)).body.billing.taxName).toBe("IVA");
    expect((await world.owner.get(`/clients/${bramble.id}`)).body.billing.taxName).toBe(bramble.billing.taxName);
  });

  it("QA notes typed on one task are not carried to another task opened in place", async () => {
    const inQa = [];
    for (const title of ["Draft the FAQ", "Draft the welcome email"]) {
      const { task } = await acceptedTask(world, { title });
      const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
      expect(assigned.status).toBe(200);
      const submitted = await world.sub.post(`/tasks/${task.id}/submit`, { version: assigned.body.task.version, text: "Done", links: [] });
      expect(submitted.status).toBe(200);
      inQa.push(submitted.body.task ?? submitted.body);
    }
    const [faq, welcome] = inQa;
    await owner.goto(`${platform.baseUrl}/tasks/${faq.id}`);
    const notes = () => owner.getByTestId("qa-review").getByLabel("Notes for the assignee");
    await notes().fill("The FAQ needs a section on refunds.");
    await owner.keyboard.press("Control+K");
    const palette = owner.getByRole("dialog", { name: "Jump to" });
    await palette.getByRole("combobox").fill(welcome.reference.toLowerCase());
    await palette.getByRole("group", { name: "Tasks" }).getByRole("option", { name: /Draft the welcome email/ }).click();
    await owner.waitForURL(`${platform.baseUrl}/tasks/${welcome.id}`);
    await owner.getByRole("heading", { name: /Draft the welcome email/ }).first().waitFor();
    expect(await notes().inputValue()).toBe("");
  });
});
