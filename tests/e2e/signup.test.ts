import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deferred } from "@baton/core/deferred";
import { verifyLinkIn } from "@baton/local/mailbox";
import { launchChromium, newPerson, startPlatform } from "../support/browser.ts";
import { waitForEmail, type Started } from "../support/http.ts";
import { uniqueEmail } from "../support/fixtures.ts";

// A newcomer creates an agency from the team app's sign-in page: the link by email, the agency's
// details, then Home with the first-run checklist, whose "Add a client" ticks once a client exists;
// then it brands itself and invites a client, who sees only the agency's brand in email and portal.
// With BATON_SCREENSHOT_DIR set, each step is also photographed at 1440 and 390 px wide.

let platform: Started;
let browser: Browser;
let page: Page;
const email = uniqueEmail("newcomer");
const contactEmail = uniqueEmail("mango-buyer");
let clientUrl = "";

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  // Someone in India: the time zone the form starts from is the browser's.
  page = await newPerson(browser, "Asia/Kolkata");
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

/** Photographs the page at both widths when asked to (for a person to look at), then goes back to 1440. */
async function shoot(name: string) {
  const dir = process.env.BATON_SCREENSHOT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(dir, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** The page is no wider than the window (nothing scrolls sideways) at a phone's width. */
async function fitsAPhone() {
  await page.setViewportSize({ width: 390, height: 844 });
  // The function runs in the page (its `document`); this file is type-checked without the DOM's types.
  const overflow = await page.evaluate(() => {
    const root = (globalThis as any).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
  await page.setViewportSize({ width: 1440, height: 900 });
  return overflow;
}

const signupLinkIn = (text: string | undefined) => /(https?:\/\/\S+\/sign-up\/details\?token=\S+)/.exec(text ?? "")?.[1];

describe("a newcomer", () => {
  it("follows 'Create your agency' from the sign-in page and asks for a link", async () => {
    await page.goto(`${platform.baseUrl}/sign-in`);
    await page.getByRole("link", { name: "Create your agency" }).click();
    await page.waitForURL(/\/sign-up$/);
    await page.getByRole("heading", { name: "Create your agency" }).waitFor();
    await shoot("signup-start");
    expect(await fitsAPhone()).toBe(0);

    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Email me a link" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    await shoot("signup-check-email");
  });

  it("opens the link from the mailbox and sets the agency up, landing on Home signed in", async () => {
    await Deferred.settled();
    const mail = await waitForEmail(email, (e) => Boolean(signupLinkIn(e.body.text)));
    await page.goto(signupLinkIn(mail.body.text)!);
    await page.getByRole("heading", { name: "Set up your agency" }).waitFor();
    await page.getByText(`You're creating your agency with ${email}.`).waitFor();
    await expect(page.getByLabel("Time zone").inputValue()).resolves.toBe("Asia/Kolkata");
    await shoot("signup-details");
    expect(await fitsAPhone()).toBe(0);

    // A bad name is refused with a readable message beside the field; nothing is used up.
    await page.getByLabel("Agency name").fill("x".repeat(5));
    await page.getByLabel("Your name").fill("   ");
    await page.getByRole("button", { name: "Create agency" }).click();
    await page.getByText("Enter a name.").waitFor();

    await page.getByLabel("Agency name").fill("Lotus Virtual Assistants");
    await page.getByLabel("Your name").fill("Priya Lotus");
    await page.getByLabel("Currency").selectOption("INR");
    await page.getByRole("checkbox", { name: "Saturday" }).check();
    await page.getByRole("button", { name: "Create agency" }).click();

    await page.waitForURL((url) => url.pathname === "/");
    await page.getByRole("heading", { name: "Welcome, Priya" }).waitFor();
    const card = page.getByTestId("first-run");
    await card.getByRole("heading", { name: "Get your agency going" }).waitFor();
    await expect(card.locator("li[data-done=true]").count()).resolves.toBe(0);
    await expect(card.locator("li").allInnerTexts()).resolves.toEqual([
      expect.stringContaining("Invite your team"),
      expect.stringContaining("Add a client"),
      expect.stringContaining("Write an SOP"),
      expect.stringContaining("Set payment instructions"),
    ]);
    await shoot("home-first-run");
    expect(await fitsAPhone()).toBe(0);
  });

  it("adds a client and finds 'Add a client' ticked back on Home", async () => {
    await page.getByTestId("first-run").getByRole("link", { name: "Add a client" }).click();
    await page.waitForURL(/\/clients$/);
    await page.getByRole("button", { name: "New client" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Company name").fill("Mango Foods");
    await dialog.getByLabel("Code").fill("mango");
    await dialog.getByRole("button", { name: "Create client" }).click();
    await page.waitForURL(/\/clients\/cli_/);
    clientUrl = page.url();

    await page.goto(`${platform.baseUrl}/`);
    const card = page.getByTestId("first-run");
    await card.locator('li[data-item="client"][data-done="true"]').waitFor();
    await expect(card.locator("li[data-done=true]").count()).resolves.toBe(1);
    await shoot("home-first-run-ticked");

    // Hidden for good once the owner says so.
    await card.getByRole("button", { name: "Hide the checklist" }).click();
    await card.waitFor({ state: "detached" });
    await page.reload();
    await page.getByRole("heading", { name: "Welcome, Priya" }).waitFor();
    await expect(page.getByTestId("first-run").count()).resolves.toBe(0);
  });

  it("brands the new agency and invites a client, who sees only that brand in the invitation and the portal", async () => {
    await page.goto(`${platform.baseUrl}/settings/brand`);
    const card = page.getByTestId("brand");
    await card.getByLabel("Display name").fill("Lotus Assist");
    await card.getByLabel("Portal title").fill("Lotus Client Hub");
    await card.getByLabel("Welcome text").fill("Namaste! Ask us for anything.");
    await card.getByLabel("Email sender name").fill("Lotus Assist");
    await card.getByRole("button", { name: "Save" }).click();
    await page.getByText("Brand saved.").waitFor();

    await page.goto(clientUrl);
    await page.getByRole("button", { name: "Invite contact" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Email").fill(contactEmail);
    await dialog.getByLabel("Name").fill("Meera Mango");
    await dialog.getByRole("button", { name: "Send invite" }).click();
    await page.getByText(`Invitation sent to ${contactEmail}`).waitFor();

    await Deferred.settled();
    const mail = await waitForEmail(contactEmail, (e) => Boolean(verifyLinkIn(e)));
    expect(mail.subject).toBe("Lotus Assist invited you to your client portal");
    expect(mail.from).toMatch(/^"Lotus Assist" </);
    for (const part of [mail.subject, mail.body.html ?? "", mail.body.text ?? ""]) expect(part).not.toMatch(/Baton/);

    // The client follows the invitation: the portal is the agency's, not the product's.
    const client = await newPerson(browser);
    await client.goto(verifyLinkIn(mail)!);
    await client.waitForURL((url) => !url.pathname.endsWith("/auth/verify"));
    await client.getByTestId("brand-welcome").getByText("Namaste! Ask us for anything.").waitFor();
    await expect.poll(() => client.title()).toMatch(/ · Lotus Client Hub$/);
    const seen = await client.evaluate(() => `${(globalThis as any).document.title}\n${(globalThis as any).document.body.innerText}`);
    expect(seen).toContain("Lotus Client Hub");
    expect(seen).not.toMatch(/Baton/);
    expect(seen).not.toContain("Client portal");
    await client.context().close();
  });
});
