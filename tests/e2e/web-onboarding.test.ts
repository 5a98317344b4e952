import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../support/axe.ts";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { leadWithContact } from "../support/onboarding.ts";
import { createWorld, type World } from "../support/world.ts";

// Client onboarding in the team app, by the owner: starting before there is a kit says what is
// missing; the owner builds the kit (a choice question saved without options shows its field
// error, questions reordered with buttons, the welcome packet previewed as safe Markdown), starts
// a lead's onboarding from the client's page, and follows the contact's steps (done over HTTP)
// there: who did what when, the agreement's evidence and the answers.

let platform: Started;
let browser: Browser;
let world: World;
let owner: Page;
let lead: Awaited<ReturnType<typeof leadWithContact>>;

const toast = (page: Page, text: string | RegExp) => page.getByTestId("toast").filter({ hasText: text }).first().waitFor();

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Onboarding Makers");
  lead = await leadWithContact(platform, world.owner, "Olive Grove Ltd");
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const panel = () => owner.getByTestId("client-onboarding");
const question = (n: number) => owner.getByTestId("kit-question").nth(n - 1);

describe("client onboarding in the team app", () => {
  it("starting a lead's onboarding before the kit has an agreement says so and links to the kit", async () => {
    owner = await newPerson(browser);
    await owner.goto(`${platform.baseUrl}/clients/${lead.clientId}`);
    await owner.waitForURL(/\/sign-in/);
    await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
    await owner.waitForURL(`${platform.baseUrl}/clients/${lead.clientId}`);
    await panel().getByText("Starting sends no email by itself").waitFor();
    await panel().getByRole("button", { name: "Start onboarding" }).click();
    await panel().getByRole("alert").waitFor();
    await panel().getByRole("link", { name: "Complete the onboarding kit first" }).click();
    await owner.waitForURL(`${platform.baseUrl}/onboarding`);
    await owner.getByRole("heading", { name: "Onboarding kit", level: 1 }).waitFor();
    await owner.getByText("Not saved yet.").waitFor();
    await owner.getByTestId("no-questions").waitFor();
    const still = await world.owner.get(`/onboarding/clients/${lead.clientId}`);
    expect(still.body.startedAt).toBeNull();
  });

  it("a choice question saved without options shows the API's field error beside its options", async () => {
    const form = owner.getByTestId("kit-form");
    await form.getByRole("button", { name: "Add a question" }).click();
    await question(1).getByLabel("Answer type").selectOption("choice");
    await question(1).getByLabel(/^Question/).fill("Preferred channel");
    await question(1).getByText("An answer is required").click();
    await form.getByLabel("Scope").fill("Inbox and calendar support.");
    await form.getByLabel("Payment terms").fill("Monthly in advance.");
    await form.getByRole("button", { name: "Save the kit" }).click();

    const options = question(1).getByTestId("kit-options");
    await options.getByText("Offer at least 2 options.").waitFor();
    await expect(axeViolations(owner)).resolves.toEqual([]);
    const kit = await world.owner.get("/onboarding/kit");
    expect(kit.body.version).toBe(0);
    expect(kit.body.questions).toEqual([]);
  });

  it("adds options and a second question, moves it first, previews the packet, and saves", async () => {
    const form = owner.getByTestId("kit-form");
    const options = question(1).getByTestId("kit-options");
    await options.getByRole("button", { name: "Add an option" }).click();
    await options.getByLabel("Option 1", { exact: true }).fill("Email");
    // Enter adds the next option.
    await options.getByLabel("Option 1", { exact: true }).press("Enter");
    await options.getByLabel("Option 2", { exact: true }).fill("Phone");

    await form.getByRole("button", { name: "Add a question" }).click();
    await question(2).getByLabel(/^Question/).fill("Company legal name");
    await question(2).getByLabel("Help text").fill("As on your invoices.");
    await form.getByRole("button", { name: "Move question 2 up" }).click();
    await expect(question(1).getByLabel(/^Question/).inputValue()).resolves.toBe("Company legal name");
    // Focus stays on the moved question's button (now at the top, so the other direction).
    await expect(owner.evaluate(() => (globalThis as any).document.activeElement?.getAttribute("aria-label"))).resolves.toBe("Move question 1 down");

    // Its answer fills the client's billing name.
    await question(1).getByLabel("Answer fills the client's").selectOption("billingName");
    await shoot(owner, "web-kit-field");

    await form.getByLabel("Welcome packet (Markdown)").fill("# Welcome aboard\n\nWe answer **within a day**.\n\n<script>alert(1)</script>");
    const preview = owner.getByTestId("packet-preview");
    await preview.getByRole("heading", { name: "Welcome aboard" }).waitFor();
    await expect(preview.locator("strong").innerText()).resolves.toBe("within a day");
    // Raw HTML stays text.
    await expect(preview.locator("script").count()).resolves.toBe(0);
    await preview.getByText("<script>alert(1)</script>").waitFor();

    await form.getByRole("button", { name: "Save the kit" }).click();
    await toast(owner, "Onboarding kit saved");
    await owner.getByTestId("kit-updated").getByText(/^Last updated/).waitFor();

    const kit = await world.owner.get("/onboarding/kit");
    expect(kit.body.version).toBe(1);
    expect(kit.body.questions).toEqual([
      { id: expect.stringMatching(/^q_/), kind: "text", label: "Company legal name", help: "As on your invoices.", required: false, options: [], field: "billingName" },
      { id: expect.stringMatching(/^q_/), kind: "choice", label: "Preferred channel", help: null, required: true, options: ["Email", "Phone"], field: null },
    ]);
    expect(kit.body.agreement).toMatchObject({ scope: "Inbox and calendar support.", paymentTerms: "Monthly in advance.", deliverables: "" });
  });

  it("starts the lead's onboarding from the client's page and follows the contact's steps", async () => {
    await owner.goto(`${platform.baseUrl}/clients/${lead.clientId}`);
    await panel().getByRole("button", { name: "Start onboarding" }).click();
    await toast(owner, "Onboarding started for Olive Grove Ltd");
    await expect(panel().getByTestId("onboarding-progress").innerText()).resolves.toContain("0 of 3 steps done");
    await owner.locator(".header-meta").getByText("Onboarding", { exact: true }).waitFor();
    const started = await world.owner.get(`/clients/${lead.clientId}`);
    expect(started.body.status).toBe("onboarding");

    // The contact answers and accepts, over HTTP.
    const mine = await lead.contact.get("/onboarding/mine");
    const [nameQ, channelQ] = mine.body.questions;
    const answered = await lead.contact.request("PUT", "/onboarding/mine/answers", {
      version: mine.body.version,
      submit: true,
      answers: { [nameQ.id]: "Olive Grove Limited", [channelQ.id]: "Phone" },
    });
    expect(answered.status).toBe(200);
    const accepted = await lead.contact.post("/onboarding/mine/agreement", { version: answered.body.version, fullName: "lena LEAD", sha256: mine.body.agreementSha256 });
    expect(accepted.status).toBe(200);

    await owner.reload();
    await expect(panel().getByTestId("onboarding-progress").innerText()).resolves.toContain("2 of 3 steps done");
    const step = (name: string) => panel().locator(`[data-testid="onboarding-step"][data-step="${name}"]`);
    await expect(step("questionnaire").getAttribute("data-done")).resolves.toBe("true");
    await expect(step("questionnaire").innerText()).resolves.toContain(`by ${lead.contactName}`);
    await expect(step("packet").innerText()).resolves.toContain("Waiting");

    const evidence = panel().getByTestId("agreement-evidence");
    const evidenceText = await evidence.innerText();
    expect(evidenceText).toContain("lena LEAD");
    expect(evidenceText).toContain(accepted.body.steps.agreement.ip);
    const digest = createHash("sha256").update(mine.body.agreementText, "utf8").digest("hex");
    await expect(panel().getByTestId("agreement-sha256").innerText()).resolves.toBe(digest);
    const answers = await panel().getByTestId("onboarding-answers").innerText();
    expect(answers).toContain("Olive Grove Limited");
    expect(answers).toContain("Phone");
    // The mapped answer is the client's billing name now.
    expect(answers).toContain("Saved as the client's Billing name");
    expect((await world.owner.get(`/clients/${lead.clientId}`)).body.invoiceTo.name).toBe("Olive Grove Limited");
    // The signed copy, from the client's page.
    const pdf = await owner.request.get(new URL((await panel().getByTestId("agreement-pdf").getAttribute("href"))!, owner.url()).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    await shoot(owner, "web-client-onboarding");
    await expect(axeViolations(owner)).resolves.toEqual([]);

    // The last step completes it; the client is active.
    const read = await lead.contact.post("/onboarding/mine/packet", { version: accepted.body.version });
    expect(read.status).toBe(200);
    await owner.reload();
    await expect(panel().getByTestId("onboarding-progress").innerText()).resolves.toContain("3 of 3 steps done");
    await panel().getByText("Complete", { exact: true }).waitFor();
    await owner.locator(".header-meta").getByText("Active", { exact: true }).waitFor();
  });
});

/** The page at desktop and phone widths, kept under /tmp/shots/daily/. */
async function shoot(page: Page, name: string) {
  mkdirSync("/tmp/shots/daily", { recursive: true });
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `/tmp/shots/daily/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
