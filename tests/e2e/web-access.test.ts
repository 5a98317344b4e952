import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import { ApiClient, type Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// Access and money safety in the team app, by the owner: an API key made read-only and shown so;
// a client's contact deactivated (signed out at once) and reactivated from the client page; a
// card payment on a void invoice shown as a credit on the invoice and the client, and applied.

let platform: Started;
let browser: Browser;
let world: World;
let owner: Page;

const toast = (page: Page, text: string | RegExp) => page.getByTestId("toast").filter({ hasText: text }).first().waitFor();

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Access Assistants");
  owner = await newPerson(browser);
  await owner.goto(`${platform.baseUrl}/settings/integrations`);
  await owner.waitForURL(/\/sign-in/);
  await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
  await owner.waitForURL(`${platform.baseUrl}/settings/integrations`);
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe("the owner's access controls", () => {
  it("makes an API key that can only read, and lists what it may do", async () => {
    await owner.getByRole("button", { name: "Create API key" }).first().click();
    const dialog = owner.getByRole("dialog");
    await dialog.getByLabel("Key name").fill("Dashboard");
    await expect(dialog.getByRole("checkbox", { name: /Read/ }).isChecked()).resolves.toBe(true);
    await expect(dialog.getByRole("checkbox", { name: /Write/ }).isChecked()).resolves.toBe(false);
    await expect(dialog.innerText()).resolves.toContain("no key can manage API keys, change payment settings or change the team");
    await dialog.getByRole("button", { name: "Create key" }).click();
    const secret = await dialog.locator("#api-key-secret").inputValue();
    await dialog.getByRole("button", { name: "Done" }).click();
    const row = owner.getByTestId("api-key-row").filter({ hasText: "Dashboard" });
    await expect(row.getByTestId("api-key-scopes").innerText()).resolves.toBe("Read");
    // What it says is what it does.
    const key = new ApiClient(platform.baseUrl, null, { authorization: `Bearer ${secret}` });
    expect((await key.get("/clients")).status).toBe(200);
    expect((await key.post("/clients", { name: "No", code: "NOPE", timeZone: "UTC", currency: "EUR" })).status).toBe(403);
  });

  it("deactivates a contact from the client page, signing them out at once, and reactivates them", async () => {
    expect((await world.contact.get("/portal/company")).status).toBe(200);
    await owner.goto(`${platform.baseUrl}/clients/${world.ids.client}`);
    const row = owner.getByTestId("contact-row").filter({ hasText: world.people.contact.email });
    await row.getByRole("button", { name: `Deactivate ${world.people.contact.name}` }).click();
    const confirm = owner.getByRole("dialog");
    await expect(confirm.innerText()).resolves.toContain("signed out everywhere at once");
    await confirm.getByRole("button", { name: "Deactivate" }).click();
    await toast(owner, `${world.people.contact.name} can no longer sign in.`);
    await row.getByText("Deactivated").waitFor();
    expect((await world.contact.get("/portal/company")).status).toBe(401);
    await row.getByRole("button", { name: `Reactivate ${world.people.contact.name}` }).click();
    await toast(owner, `${world.people.contact.name} can sign in again.`);
    await row.getByText("Active").waitFor();
  });
});

describe("a card payment on a void invoice", () => {
  it("shows as a credit on the invoice and the client, and the owner applies it to another invoice", async () => {
    const invoice = async (amount: number) => {
      const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "Work", quantity: 1, unitAmount: amount }] });
      return (await world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version })).body;
    };
    const voided = await invoice(7_500);
    expect((await world.owner.post(`/invoices/${voided.id}/void`, { version: voided.version })).status).toBe(200);
    const target = await invoice(9_000);
    // What Stripe's webhook records (tests/api/stripe.test.ts sends the real, signed event).
    const { Invoices } = await import("@baton/core/invoice");
    const { withActor } = await import("@baton/core/actor");
    await withActor({ type: "system", agencyId: world.agency.agencyId }, () => Invoices.applyPayment({ agencyId: world.agency.agencyId, invoiceId: voided.id, paymentId: "stripe_cs_e2e", amount: 7_500, currency: "usd", method: "card", recordedBy: "stripe", alreadyTaken: true }));

    await owner.goto(`${platform.baseUrl}/clients/${world.ids.client}`);
    const credits = owner.getByTestId("client-credits");
    await credits.getByText(`From ${voided.number} (void)`).click();
    await owner.waitForURL(`${platform.baseUrl}/invoices/${voided.id}`);
    const card = owner.getByTestId("invoice-credits");
    await expect(card.innerText()).resolves.toContain("was paid by card after this invoice was voided");
    await card.getByRole("button", { name: "Apply to invoice" }).click();
    const dialog = owner.getByRole("dialog");
    await dialog.getByRole("combobox", { name: "Apply to invoice" }).selectOption(target.id);
    await dialog.getByRole("button", { name: "Apply credit" }).click();
    await toast(owner, `Credit applied to ${target.number}.`);
    await card.getByRole("link", { name: "Applied to another invoice" }).waitFor();
    expect((await world.owner.get(`/invoices/${target.id}`)).body).toMatchObject({ amountPaid: 7_500, status: "partially_paid" });
  });
});
