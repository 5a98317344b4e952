import { verifyLinkIn } from "@baton/local/mailbox";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson as openPage, signInWithEmail as signInByEmail, startPlatform } from "../support/browser.ts";
import { createAgency, uniqueEmail } from "../support/fixtures.ts";
import { waitForEmail, type Started } from "../support/http.ts";

// The foundation's "done means", in a real Chromium against the local runtime's server: the
// owner signs in through the emailed link, invites a subcontractor and a client contact, and
// each of them signs in through their own emailed link and lands in their own app.

let platform: Started;
let browser: Browser;
let agency: Awaited<ReturnType<typeof createAgency>>;

const subcontractor = { email: uniqueEmail("sub"), name: "Priya Raman" };
const contact = { email: uniqueEmail("contact"), name: "Ingrid Berg" };
const client = { name: "Fjord Logistics", code: "FJORD" };

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  agency = await createAgency("Harbour Assistants");
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const nowInSeconds = () => Math.floor(Date.now() / 1000);

/** The newest sign-in or invitation link emailed to `address` since `after` (seconds). */
async function linkFor(address: string, after: number): Promise<string> {
  const email = await waitForEmail(address, (e) => e.at >= after && Boolean(verifyLinkIn(e)));
  return verifyLinkIn(email)!;
}

/** Signs in through the emailed link, which must point at the app it was asked from. */
async function signInWithEmail(page: Page, appUrl: string, email: string) {
  const link = await signInByEmail(page, appUrl, email);
  expect(new URL(link).origin).toBe(new URL(appUrl).origin);
}

const newPerson = () => openPage(browser);

const navLink = (page: Page, name: string) => page.getByRole("navigation").getByRole("link", { name, exact: true });

const webUrl = () => platform.baseUrl;
const portalUrl = () => `${platform.baseUrl}/portal`;

describe("foundation: owner, subcontractor and client contact each reach their own app", () => {
  let owner: Page;
  let subcontractorLink: string;
  let contactLink: string;

  it("owner signs in through the emailed link and lands on the team app's home", async () => {
    owner = await newPerson();
    await owner.goto(`${webUrl()}/team`);
    // Signed out: the app sends them to sign in, remembering where they were going.
    await owner.waitForURL(/\/sign-in/);
    await signInWithEmail(owner, webUrl(), agency.ownerEmail);
    await owner.waitForURL(`${webUrl()}/team`);
    await owner.getByRole("heading", { name: "Team", level: 1 }).waitFor();
    await expect(owner.getByTestId("member-row").count()).resolves.toBe(1);
    await navLink(owner, "Home").click();
    await expect(owner.getByTestId("stat-team").innerText()).resolves.toContain("1");
  });

  it("owner invites a subcontractor with skills, time zone and capacity", async () => {
    const before = nowInSeconds();
    await navLink(owner, "Team").click();
    await owner.getByRole("button", { name: "Invite subcontractor" }).first().click();
    const dialog = owner.getByRole("dialog");
    await dialog.getByLabel("Email").fill(subcontractor.email);
    await dialog.getByLabel("Name").fill(subcontractor.name);
    const skills = dialog.getByLabel("Skills");
    await skills.fill("bookkeeping");
    await skills.press("Enter");
    await skills.fill("inbox zero");
    await skills.press("Enter");
    await dialog.getByLabel("Time zone").selectOption("Asia/Kolkata");
    await dialog.getByLabel("Weekly capacity (hours)").fill("25");
    await dialog.getByRole("button", { name: "Send invite" }).click();

    await owner.getByTestId("toast").filter({ hasText: `Invitation sent to ${subcontractor.email}` }).waitFor();
    await dialog.waitFor({ state: "detached" });
    const row = owner.locator(`[data-testid="member-row"][data-email="${subcontractor.email}"]`);
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain(subcontractor.name);
    expect(text).toContain("bookkeeping");
    expect(text).toContain("inbox zero");
    expect(text).toContain("Asia/Kolkata");
    expect(text).toContain("25 h/week");

    subcontractorLink = await linkFor(subcontractor.email, before);
    expect(subcontractorLink.startsWith(`${webUrl()}/auth/verify?token=`)).toBe(true);
  });

  it("a wrong invitation keeps the dialog open with what was typed and says what is wrong", async () => {
    await owner.getByRole("button", { name: "Invite subcontractor" }).first().click();
    const dialog = owner.getByRole("dialog");
    // The same address again: the API answers 409 and the form shows it on the field.
    await dialog.getByLabel("Email").fill(subcontractor.email);
    await dialog.getByLabel("Name").fill("Someone Else");
    await dialog.getByRole("button", { name: "Send invite" }).click();
    await dialog.getByRole("alert").first().waitFor();
    await expect(dialog.getByLabel("Name").inputValue()).resolves.toBe("Someone Else");
    await expect(dialog.getByLabel("Email").getAttribute("aria-invalid")).resolves.toBe("true");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
    await expect(owner.getByTestId("member-row").count()).resolves.toBe(2);
  });

  it("owner creates a client and invites a contact from the client's page", async () => {
    await navLink(owner, "Clients").click();
    await owner.getByText("No clients yet").waitFor();
    await owner.getByRole("button", { name: "New client" }).first().click();
    const dialog = owner.getByRole("dialog");
    await dialog.getByLabel("Company name").fill(client.name);
    await dialog.getByLabel("Code").fill(client.code.toLowerCase());
    await dialog.getByLabel("Time zone").selectOption("Europe/Oslo");
    await dialog.getByLabel("Currency").selectOption("NOK");
    await dialog.getByRole("button", { name: "Create client" }).click();

    // Created: the app opens the client's own page.
    await owner.waitForURL(/\/clients\/cli_/);
    await owner.getByRole("heading", { name: client.name, level: 1 }).waitFor();

    const before = nowInSeconds();
    await owner.getByRole("button", { name: "Invite contact" }).first().click();
    const invite = owner.getByRole("dialog");
    await invite.getByLabel("Email").fill(contact.email);
    await invite.getByLabel("Name").fill(contact.name);
    await invite.getByRole("button", { name: "Send invite" }).click();
    await owner.locator(`[data-testid="contact-row"][data-email="${contact.email}"]`).waitFor();

    contactLink = await linkFor(contact.email, before);
    expect(contactLink.startsWith(`${portalUrl()}/auth/verify?token=`)).toBe(true);

    await owner.getByRole("link", { name: "All clients" }).click();
    const row = owner.getByTestId("client-row");
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain(client.name);
    expect(text).toContain(client.code);
    expect(text).toContain("NOK");
  });

  it("the subcontractor follows the invitation into the team app, without owner screens", async () => {
    const page = await newPerson();
    await page.goto(subcontractorLink);
    await page.waitForURL(`${webUrl()}/`);
    await page.getByRole("link", { name: subcontractor.name }).waitFor();
    const nav = page.getByRole("navigation");
    await expect(nav.getByRole("link", { name: "Home" }).count()).resolves.toBe(1);
    await expect(nav.getByRole("link", { name: "Team" }).count()).resolves.toBe(0);
    await expect(nav.getByRole("link", { name: "Clients" }).count()).resolves.toBe(0);
    await page.goto(`${webUrl()}/team`);
    await page.getByTestId("not-allowed").waitFor();
    await expect(page.getByTestId("member-row").count()).resolves.toBe(0);

    // The owner now sees them as active.
    await navLink(owner, "Team").click();
    const row = owner.locator(`[data-testid="member-row"][data-email="${subcontractor.email}"]`);
    await owner.reload();
    await expect(row.innerText()).resolves.toContain("Active");
  });

  it("an invitation link works once", async () => {
    const page = await newPerson();
    await page.goto(subcontractorLink);
    await page.getByRole("heading", { name: "We couldn't sign you in" }).waitFor();
    await page.getByRole("link", { name: "Back to sign-in" }).waitFor();
  });

  it("the client contact follows the invitation into the portal and sees their company", async () => {
    const page = await newPerson();
    await page.goto(contactLink);
    await page.waitForURL((url) => url.pathname === "/portal" || url.pathname === "/portal/");
    // The portal's home is the requests list; the company has a page of its own.
    await page.getByRole("heading", { name: "Requests", level: 1 }).waitFor();
    await navLink(page, "Company").click();
    const facts = page.getByTestId("company-facts");
    await facts.waitFor();
    const text = await facts.innerText();
    expect(text).toContain(client.name);
    expect(text).toContain("NOK");
    expect(text).toContain("Europe/Oslo".replace("_", " "));
    await expect(page.getByTestId("contact-row").innerText()).resolves.toContain(contact.name);

    // The portal session is not a team-app session.
    await page.goto(`${webUrl()}/`);
    await page.waitForURL(/\/sign-in/);

    // Signing out and back in through the portal's own sign-in page.
    await page.goto(`${portalUrl()}/`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/portal\/sign-in/);
    await page.getByText("You've signed out.").waitFor();
    await signInWithEmail(page, portalUrl(), contact.email);
    await navLink(page, "Company").click();
    await page.getByTestId("company-facts").waitFor();
  });

  it("owner signs out and the team app asks for sign-in again", async () => {
    await owner.getByRole("button", { name: "Sign out" }).click();
    await owner.waitForURL(/\/sign-in/);
    await owner.goto(`${webUrl()}/clients`);
    await owner.waitForURL(/\/sign-in/);
    await owner.getByRole("button", { name: "Email me a sign-in link" }).waitFor();
  });
});
