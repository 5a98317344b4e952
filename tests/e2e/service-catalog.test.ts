import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// The service catalog in a real Chromium (issue 18, parts 1 and 2): the owner adds a service with
// a two-question form, the client picks it from the portal's catalog, fills its form and sends
// it, and the owner reads the answers as the request's brief and accepts it into the SOP's task.
// BATON_SHOTS=<folder> keeps screenshots at 1440 and 390 px.

let platform: Started;
let browser: Browser;
let world: World;
let owner: Page;
let contact: Page;
let requestId: string;

const show = (minor: number, currency = "USD") => new Intl.NumberFormat("en-GB", { style: "currency", currency }).format(minor / 100);
const toast = (page: Page, text: string | RegExp) => page.getByTestId("toast").filter({ hasText: text }).first().waitFor();

async function shots(page: Page, name: string) {
  if (!process.env.BATON_SHOTS) return;
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${process.env.BATON_SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Catalog Makers");
  const sop = await world.owner.post("/sops", { title: "Inbox clean-up", category: "Admin", body: "Sort, archive, reply.", checklist: ["Archive newsletters", "Flag invoices"] });
  expect(sop.status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe("a service from the catalog, from the owner's form to the brief", () => {
  it("the owner adds a service with a price per hour, a turnaround, its SOP and a two-question form", async () => {
    owner = await newPerson(browser);
    await owner.goto(`${platform.baseUrl}/packages`);
    await owner.waitForURL(/\/sign-in/);
    await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
    await owner.waitForURL(`${platform.baseUrl}/packages`);
    await owner.getByRole("button", { name: "New package" }).first().click();
    const form = owner.getByTestId("package-form");
    await form.getByLabel("Name").fill("Inbox zero");
    await form.getByLabel("Description").fill("We empty and sort your inbox.");
    await form.getByLabel("Category").fill("Admin");
    await form.getByLabel("Turnaround (business days)").fill("2");
    await form.getByLabel("Price model").selectOption("hourly");
    await form.getByTestId("price-row").nth(0).getByLabel("Amount (USD)").fill("40");
    await form.getByRole("button", { name: "Add an SOP" }).click();
    await form.getByTestId("service-sop-row").getByLabel("SOP", { exact: true }).selectOption({ label: "Inbox clean-up (Admin, 2 steps)" });
    await form.getByLabel("Who can request it").selectOption("all");

    const editor = form.getByTestId("service-form-editor");
    await editor.getByRole("button", { name: "Add a question" }).click();
    const first = editor.getByTestId("kit-question").nth(0);
    await first.getByLabel(/^Question/).fill("Which mailbox?");
    await first.getByLabel("An answer is required").check();
    await editor.getByRole("button", { name: "Add a question" }).click();
    const second = editor.getByTestId("kit-question").nth(1);
    await second.getByLabel("Answer type").selectOption("choice");
    await second.getByLabel(/^Question/).fill("How often?");
    await second.getByRole("button", { name: "Add an option" }).click();
    await second.getByLabel("Option 1", { exact: true }).fill("Once");
    await second.getByRole("button", { name: "Add an option" }).click();
    await second.getByLabel("Option 2", { exact: true }).fill("Weekly");
    await second.getByLabel("An answer is required").check();
    await shots(owner, "owner-service-form");
    await form.getByRole("button", { name: "Create package" }).click();
    await toast(owner, "Package Inbox zero created");

    const row = owner.locator('[data-testid="package-row"][data-name="Inbox zero"]');
    await expect(row.getByTestId("package-catalog").innerText()).resolves.toBe("Admin · 2 business days · 2 questions · All clients");
    await expect(row.getByTestId("package-prices").innerText()).resolves.toContain(`${show(4000)} an hour`);
    const [saved] = (await world.owner.get("/packages")).body.items;
    expect(saved).toMatchObject({ name: "Inbox zero", category: "Admin", priceModel: "hourly", turnaroundDays: 2, visibility: "all", prices: [{ currency: "USD", amount: 4000 }] });
    expect(saved.form.map((q: any) => [q.kind, q.label, q.required, q.options])).toEqual([
      ["text", "Which mailbox?", true, []],
      ["choice", "How often?", true, ["Once", "Weekly"]],
    ]);
    await shots(owner, "owner-catalog");
  });

  it("the client finds it in the catalog, fills its form and sends it; a missing answer is named on its question", async () => {
    contact = await newPerson(browser);
    await signInWithEmail(contact, `${platform.baseUrl}/portal`, world.people.contact.email);
    await contact.waitForURL((url) => url.pathname === "/portal" || url.pathname === "/portal/");
    await contact.goto(`${platform.baseUrl}/portal/requests/new`);
    const picker = contact.getByTestId("service-picker");
    await picker.waitFor();
    const card = picker.locator('[data-testid="service-card"][data-name="Inbox zero"]');
    await expect(card.getByTestId("service-price").innerText()).resolves.toBe(`${show(4000)} an hour`);
    await expect(card.getByTestId("service-turnaround").innerText()).resolves.toBe("Delivered in 2 business days");
    await picker.getByRole("heading", { name: "Admin" }).waitFor();
    await shots(contact, "portal-catalog");
    await picker.getByLabel("Search services").fill("nothing like it");
    await picker.getByTestId("no-service-match").waitFor();
    await picker.getByLabel("Search services").fill("inbox");
    await card.getByRole("button", { name: "Request Inbox zero" }).click();

    const form = contact.getByTestId("request-form");
    await expect(form.getByLabel("Title").inputValue()).resolves.toBe("Inbox zero");
    await form.getByLabel("Which mailbox?").fill("ada@acme.test");
    // The required choice left out: the API's message lands on that question.
    await form.getByRole("button", { name: "Submit request" }).click();
    await form.getByText("Choose an answer to this question.").waitFor();
    await form.getByRole("radio", { name: "Weekly" }).check();
    await shots(contact, "portal-service-form");
    await form.getByRole("button", { name: "Submit request" }).click();
    await contact.waitForURL(/\/portal\/requests\/req_/);
    requestId = new URL(contact.url()).pathname.split("/").pop()!;
    const stored = (await world.owner.get(`/requests/${requestId}`)).body.request;
    expect(stored.brief.name).toBe("Inbox zero");
    // Answers are kept by question id (a map: DynamoDB keeps no order); the brief orders them by the form.
    expect(Object.values(stored.brief.answers).sort()).toEqual(["Weekly", "ada@acme.test"]);
  });

  it("the owner reads the answers as a brief and accepting proposes the SOP's task", async () => {
    await owner.goto(`${platform.baseUrl}/requests/${requestId}`);
    const brief = owner.getByTestId("request-brief");
    await brief.waitFor();
    await expect(brief.getByTestId("brief-answer").allInnerTexts()).resolves.toEqual([expect.stringMatching(/Which mailbox\?\s+ada@acme\.test/), expect.stringMatching(/How often\?\s+Weekly/)]);
    await shots(owner, "owner-brief");
    await owner.getByRole("button", { name: "Accept…" }).click();
    const plan = owner.getByTestId("accept-form");
    await plan.getByTestId("proposal-note").waitFor();
    await expect(plan.getByTestId("task-plan").nth(0).getByLabel(/^Title/).inputValue()).resolves.toBe("Inbox clean-up");
  });
});
