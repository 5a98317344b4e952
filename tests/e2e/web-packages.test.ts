import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// Service packages and deposits in the team app, by the owner: keep a package priced in two
// currencies in the library, set the client's deposit terms, invoice the deposit from the
// package, send it, take it off the final invoice, and archive the package.

let platform: Started;
let browser: Browser;
let world: World;
let owner: Page;
let packageId: string;
let depositId: string;

/** Money as the app shows it to this browser (en-GB): "US$2,345.67", "-US$1,172.84", "€1,850.50". */
const show = (minor: number, currency = "USD") => new Intl.NumberFormat("en-GB", { style: "currency", currency }).format(minor / 100);
/** `basisPoints` of `amount`, half up: how the core takes a deposit share and tax. */
const share = (amount: number, basisPoints: number) => Math.floor((amount * basisPoints * 2 + 10_000) / 20_000);
const toast = (page: Page, text: string | RegExp) => page.getByTestId("toast").filter({ hasText: text }).first().waitFor();

// What is typed, and what it comes to.
const price = { typed: "2345.67", minor: 234_567 };
const extra = { typed: "150", minor: 15_000 };
const depositRate = 5000;
const taxRate = 2000;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Package Makers");
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe("service packages and deposits in the team app", () => {
  it("owner creates a package with two deliverables priced in USD and EUR; a bad price shows its field error", async () => {
    owner = await newPerson(browser);
    await owner.goto(`${platform.baseUrl}/packages`);
    await owner.waitForURL(/\/sign-in/);
    await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
    await owner.waitForURL(`${platform.baseUrl}/packages`);
    await owner.getByText("No active packages").waitFor();

    await owner.getByRole("button", { name: "New package" }).first().click();
    const form = owner.getByTestId("package-form");
    await form.getByLabel("Name").fill("Website refresh");
    await form.getByLabel("Description").fill("A new look for the main pages.");
    await form.getByRole("button", { name: "Add a deliverable" }).click();
    await form.getByLabel("Deliverable 1", { exact: true }).fill("Design of 5 pages");
    // Enter adds the next deliverable.
    await form.getByLabel("Deliverable 1", { exact: true }).press("Enter");
    await form.getByLabel("Deliverable 2", { exact: true }).fill("Launch");

    const usdRow = form.getByTestId("price-row").nth(0);
    await expect(usdRow.getByLabel("Currency").inputValue()).resolves.toBe("USD");
    // More decimals than dollars have: caught before asking the API, on that input.
    await usdRow.getByLabel("Amount (USD)").fill("12.345");
    await form.getByRole("button", { name: "Create package" }).click();
    await usdRow.getByText("Enter an amount in USD, like 12.50.").waitFor();
    await expect(usdRow.getByLabel("Amount (USD)").getAttribute("aria-invalid")).resolves.toBe("true");
    // Zero: the API refuses it, and says so on the same input.
    await usdRow.getByLabel("Amount (USD)").fill("0");
    await form.getByRole("button", { name: "Create package" }).click();
    await usdRow.getByText("The price must be more than zero.").waitFor();
    await expect((await world.owner.get("/packages?status=all")).body.items).toHaveLength(0);

    await usdRow.getByLabel("Amount (USD)").fill("2000");
    await form.getByRole("button", { name: "Add a price" }).click();
    const eurRow = form.getByTestId("price-row").nth(1);
    await expect(eurRow.getByLabel("Currency").inputValue()).resolves.toBe("EUR");
    await eurRow.getByLabel("Amount (EUR)").fill("1850.50");
    await form.getByRole("button", { name: "Create package" }).click();
    await toast(owner, "Package Website refresh created");

    const row = owner.locator('[data-testid="package-row"][data-name="Website refresh"]');
    await row.waitFor();
    await expect(row.getByTestId("package-deliverables").innerText()).resolves.toMatch(/Design of 5 pages\s+Launch/);
    const prices = await row.getByTestId("package-prices").innerText();
    expect(prices).toContain(show(200_000));
    expect(prices).toContain(show(185_050, "EUR"));
    const [saved] = (await world.owner.get("/packages")).body.items;
    expect(saved).toMatchObject({
      name: "Website refresh",
      description: "A new look for the main pages.",
      deliverables: ["Design of 5 pages", "Launch"],
      prices: [{ currency: "USD", amount: 200_000 }, { currency: "EUR", amount: 185_050 }],
      status: "active",
    });
    packageId = saved.id;
  });

  it("edits it: a third deliverable moved into place and a new dollar price; a save made meanwhile is shown", async () => {
    await owner.getByRole("button", { name: "Edit Website refresh" }).click();
    const form = owner.getByTestId("package-form");
    await expect(form.getByLabel("Deliverable 2", { exact: true }).inputValue()).resolves.toBe("Launch");
    await form.getByRole("button", { name: "Add a deliverable" }).click();
    await form.getByLabel("Deliverable 3", { exact: true }).fill("Two revision rounds");
    await form.getByRole("button", { name: "Move deliverable 3 up" }).click();
    await expect(form.getByLabel("Deliverable 2", { exact: true }).inputValue()).resolves.toBe("Two revision rounds");
    await form.getByTestId("price-row").nth(0).getByLabel("Amount (USD)").fill(price.typed);
    await form.getByRole("button", { name: "Save package" }).click();
    await toast(owner, "Package Website refresh saved");

    const row = owner.locator('[data-testid="package-row"][data-name="Website refresh"]');
    await row.getByTestId("package-prices").getByText(show(price.minor)).waitFor();
    const saved = (await world.owner.get(`/packages/${packageId}`)).body;
    expect(saved).toMatchObject({ deliverables: ["Design of 5 pages", "Two revision rounds", "Launch"], prices: [{ currency: "USD", amount: price.minor }, { currency: "EUR", amount: 185_050 }], version: 2 });

    // Saved elsewhere while the form is open: the form says what is there now and keeps what was typed.
    await owner.getByRole("button", { name: "Edit Website refresh" }).click();
    await form.getByLabel("Description").fill("Five pages, redesigned.");
    expect((await world.owner.patch(`/packages/${packageId}`, { version: 2, description: "Changed elsewhere" })).status).toBe(200);
    await form.getByRole("button", { name: "Save package" }).click();
    await expect(form.getByTestId("package-conflict").innerText()).resolves.toContain(`version 3: Website refresh, ${show(price.minor)}, ${show(185_050, "EUR")}`);
    await expect(form.getByLabel("Description").inputValue()).resolves.toBe("Five pages, redesigned.");
    await form.getByRole("button", { name: "Save package" }).click();
    await form.waitFor({ state: "detached" });
    expect((await world.owner.get(`/packages/${packageId}`)).body).toMatchObject({ description: "Five pages, redesigned.", version: 4 });
  });

  it("sets Acme's deposit terms to 50% (and 20% VAT) on the client page", async () => {
    await owner.goto(`${platform.baseUrl}/clients/${world.ids.client}`);
    const form = owner.getByTestId("billing-form");
    await form.getByLabel("Deposit on packages (%)").fill(String(depositRate / 100));
    await form.getByLabel("Tax name").fill("VAT");
    await form.getByLabel("Tax rate (%)").fill(String(taxRate / 100));
    await form.getByRole("button", { name: "Save" }).click();
    await toast(owner, "Billing saved");
    expect((await world.owner.get(`/clients/${world.ids.client}`)).body.billing).toMatchObject({ depositRate, taxRate, taxName: "VAT" });
  });

  it("invoices the deposit on the package, previewing the amounts it saves", async () => {
    // A package with no dollar price can be seen in the picker but not chosen for Acme.
    expect((await world.owner.post("/packages", { name: "Euro only", prices: [{ currency: "EUR", amount: 10_000 }] })).status).toBe(201);
    await owner.goto(`${platform.baseUrl}/invoices/new?client=${world.ids.client}`);
    const form = owner.getByTestId("invoice-form");
    await form.getByRole("button", { name: "Add a package" }).click();
    const line = form.getByTestId("invoice-line");
    const picker = line.getByRole("combobox", { name: "Package", exact: true });
    await expect(picker.locator("option", { hasText: "Euro only" }).innerText()).resolves.toBe("Euro only (no USD price)");
    await expect(picker.locator("option", { hasText: "Euro only" }).isDisabled()).resolves.toBe(true);
    await picker.selectOption({ label: "Website refresh" });
    await expect(line.getByLabel("Unit price (USD)").inputValue()).resolves.toBe(show(price.minor));

    await form.getByLabel("Ask for a deposit").check();
    // The client's terms fill in the share.
    await expect(form.getByLabel("Deposit (%)").inputValue()).resolves.toBe("50");
    const deposit = share(price.minor, depositRate);
    const tax = share(deposit, taxRate);
    await expect(owner.getByTestId("deposit-preview").innerText()).resolves.toContain(`50% of the lines above (${show(price.minor)}): ${show(deposit)}`);
    const preview = owner.getByTestId("invoice-preview");
    await preview.getByTestId("preview-total").waitFor();
    await expect(preview.getByTestId("preview-line").count()).resolves.toBe(1);
    await expect(preview.getByTestId("preview-line").innerText()).resolves.toContain(show(deposit));
    await expect(preview.getByTestId("preview-subtotal").innerText()).resolves.toBe(show(deposit));
    await expect(preview.getByTestId("preview-tax").innerText()).resolves.toBe(show(tax));
    await expect(preview.getByTestId("preview-total").innerText()).resolves.toBe(show(deposit + tax));

    await form.getByRole("button", { name: "Create draft" }).click();
    await owner.waitForURL(/\/invoices\/inv_/);
    depositId = new URL(owner.url()).pathname.split("/").pop()!;
    const saved = (await world.owner.get(`/invoices/${depositId}`)).body;
    expect(saved).toMatchObject({ kind: "deposit", subtotal: deposit, tax, total: deposit + tax });
    expect(saved.lines).toEqual([
      { kind: "custom", description: "50% deposit: Website refresh: Design of 5 pages; Two revision rounds; Launch", quantity: 1, unitAmount: deposit, amount: deposit },
    ]);
    await expect(owner.getByTestId("invoice-meta").innerText()).resolves.toMatch(/Draft[\s\S]*Deposit/);
    await expect(owner.getByTestId("invoice-total").innerText()).resolves.toContain(show(deposit + tax));
  });

  it("sends the deposit invoice: INV-00001, not taken off yet", async () => {
    await owner.getByRole("button", { name: "Send to client" }).click();
    await owner.getByRole("dialog").getByRole("button", { name: "Send to client" }).click();
    await owner.getByRole("heading", { name: "INV-00001", level: 1 }).waitFor();
    await expect(owner.getByTestId("deposit-taken-off").innerText()).resolves.toContain("Not taken off an invoice yet");
  });

  it("takes the deposit off the final invoice: a negative line, tax on what remains", async () => {
    await owner.goto(`${platform.baseUrl}/invoices/new?client=${world.ids.client}`);
    const form = owner.getByTestId("invoice-form");
    await form.getByRole("button", { name: "Add a package" }).click();
    await form.getByTestId("invoice-line").nth(0).getByRole("combobox", { name: "Package", exact: true }).selectOption({ label: "Website refresh" });
    await form.getByRole("button", { name: "Add a line" }).click();
    const custom = form.getByTestId("invoice-line").nth(1);
    await custom.getByLabel("Description").fill("Extra page");
    await custom.getByLabel("Unit price (USD)").fill(extra.typed);

    const deposit = share(price.minor, depositRate);
    const open = form.getByTestId("open-deposit");
    await open.first().waitFor();
    await expect(open.count()).resolves.toBe(1);
    await expect(open.innerText()).resolves.toContain(`INV-00001: ${show(deposit)}`);
    await open.getByRole("checkbox").check();

    const subtotal = price.minor + extra.minor - deposit;
    const tax = share(subtotal, taxRate);
    const preview = owner.getByTestId("invoice-preview");
    const less = preview.locator('[data-testid="preview-line"][data-kind="deposit"]');
    await expect(less.innerText()).resolves.toContain("Less deposit INV-00001");
    await expect(less.innerText()).resolves.toContain(show(-deposit));
    await expect(preview.getByTestId("preview-subtotal").innerText()).resolves.toBe(show(subtotal));
    await expect(preview.getByTestId("preview-tax").innerText()).resolves.toBe(show(tax));
    await expect(preview.getByTestId("preview-total").innerText()).resolves.toBe(show(subtotal + tax));

    await form.getByRole("button", { name: "Create draft" }).click();
    await owner.waitForURL(/\/invoices\/inv_/);
    const finalId = new URL(owner.url()).pathname.split("/").pop()!;
    const saved = (await world.owner.get(`/invoices/${finalId}`)).body;
    expect(saved).toMatchObject({ kind: "standard", subtotal, tax, total: subtotal + tax, depositIds: [depositId] });
    expect(saved.lines.at(-1)).toEqual({ kind: "deposit", description: "Less deposit INV-00001", quantity: 1, unitAmount: -deposit, amount: -deposit });

    const negative = owner.locator('[data-testid="invoice-line"][data-kind="deposit"]');
    await expect(negative.innerText()).resolves.toContain("Less deposit INV-00001");
    await expect(negative.innerText()).resolves.toContain(show(-deposit));
    await expect(owner.getByTestId("invoice-total").innerText()).resolves.toContain(show(subtotal + tax));
    const takes = owner.getByTestId("deposits-taken-off").getByRole("link", { name: "INV-00001" });
    await expect(takes.getAttribute("href")).resolves.toBe(`/invoices/${depositId}`);

    // The deposit names the (draft) invoice it is taken off.
    await takes.click();
    await owner.getByRole("heading", { name: "INV-00001", level: 1 }).waitFor();
    const takenOff = owner.getByTestId("deposit-taken-off").getByRole("link", { name: "a draft invoice" });
    await expect(takenOff.getAttribute("href")).resolves.toBe(`/invoices/${finalId}`);
    expect((await world.owner.get(`/invoices/${depositId}`)).body.deductedOn).toBe(finalId);
  });

  it("archives the package: gone from the active list and from the New invoice picker", async () => {
    await owner.goto(`${platform.baseUrl}/packages`);
    await owner.getByRole("button", { name: "Archive Website refresh" }).click();
    await toast(owner, "Website refresh archived");
    await owner.locator('[data-testid="package-row"][data-name="Website refresh"]').waitFor({ state: "detached" });
    await owner.locator('[data-testid="package-row"][data-name="Euro only"]').waitFor();
    expect((await world.owner.get(`/packages/${packageId}`)).body.status).toBe("archived");

    await owner.getByLabel("Show", { exact: true }).selectOption("archived");
    const archived = owner.locator('[data-testid="package-row"][data-name="Website refresh"]');
    await archived.waitFor();
    await expect(archived.innerText()).resolves.toContain("Archived");
    await archived.getByRole("button", { name: "Restore Website refresh" }).waitFor();

    await owner.goto(`${platform.baseUrl}/invoices/new?client=${world.ids.client}`);
    const form = owner.getByTestId("invoice-form");
    await form.getByRole("button", { name: "Add a package" }).click();
    const picker = form.getByTestId("invoice-line").getByRole("combobox", { name: "Package", exact: true });
    await picker.locator("option", { hasText: "Euro only" }).waitFor({ state: "attached" });
    await expect(picker.locator("option", { hasText: "Website refresh" }).count()).resolves.toBe(0);
  });
});
