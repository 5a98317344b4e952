import { verifyLinkIn } from "@baton/local/mailbox";
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import { solidPng } from "../support/files.ts";
import { mailCount, newEmailWithLink, type Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// White-label in a real Chromium: the owner names the brand, picks a colour too light for white
// text (the page says which darker one is used) and uploads a logo in Settings; a client opening
// the portal's link for the agency sees that brand on the sign-in page, in the tab's title, the
// header and the home's welcome, never the product's name or "Client portal", and the sign-in
// email they receive carries it too. Screenshots at 1440 and 390 px go to tests/e2e/.screens/.

let platform: Started;
let browser: Browser;
let world: World;
const screens = resolve(import.meta.dirname, ".screens");

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Plain Name Ltd");
  mkdirSync(screens, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function shoot(page: Page, name: string) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth - (globalThis as any).document.documentElement.clientWidth);
    expect(overflow, `${name} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
    writeFileSync(resolve(screens, `${name}-${width}.png`), await page.screenshot({ fullPage: true }));
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** Text a client could read on the page (not the code behind it). */
const visibleText = (page: Page) => page.evaluate(() => `${(globalThis as any).document.title}\n${(globalThis as any).document.body.innerText}`);

it("the owner brands the agency, and a client sees only that brand on sign-in, in the portal and in email", async () => {
  const owner = await newPerson(browser);
  await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
  await owner.goto(`${platform.baseUrl}/settings/brand`);
  const card = owner.getByTestId("brand");
  await card.getByLabel("Display name").fill("Lumen Assist");
  await card.getByLabel("Brand colour").fill("#ffd43b");
  await card.getByLabel("Portal title").fill("Lumen Client Hub");
  await card.getByLabel("Welcome text").fill("Hello from Lumen! Ask us for anything.");
  await card.getByLabel("Email sender name").fill("Lumen Assist");
  await card.getByLabel("Reply-to address").fill("desk@lumen.example");
  await card.getByLabel("Email footer").fill("Lumen Assist Ltd · 12 Quay Street");
  await card.locator("input[type=file][name=logo]").setInputFiles({ name: "lumen.png", mimeType: "image/png", buffer: Buffer.from(solidPng(200, 56, [224, 160, 16])) });
  await card.getByText("Logo uploaded. Save to use it.").or(owner.getByText("Logo uploaded. Save to use it.")).first().waitFor();
  await card.getByRole("button", { name: "Save" }).click();
  await owner.getByText("Brand saved.").waitFor();
  // The colour was too light for white text: the card says which darker colour is used.
  const note = card.getByTestId("brand-color-note");
  await expect.poll(() => note.textContent()).toMatch(/#ffd43b is too light for white text on it .* so #[0-9a-f]{6} is used instead/);
  await card.locator("img.brand-logo-preview").waitFor();
  // The team app's sidebar shows the agency's logo; "powered by" stays small, here only.
  await owner.locator(".sidebar-brand img.brand-logo[alt='Lumen Assist']").waitFor();
  await shoot(owner, "settings-brand");

  // The client opens the portal's link for the agency, signed out.
  const client = await newPerson(browser);
  await client.goto(`${platform.baseUrl}/portal/sign-in?agency=${world.agency.agencyId}`);
  await client.locator(".auth-app img.brand-logo[alt='Lumen Assist']").waitFor();
  await client.getByTestId("brand-welcome").getByText("Hello from Lumen! Ask us for anything.").waitFor();
  await expect.poll(() => client.title()).toBe("Sign in · Lumen Client Hub");
  const primary = await client.evaluate(() => (globalThis as any).getComputedStyle((globalThis as any).document.documentElement).getPropertyValue("--primary").trim());
  expect(primary).toMatch(/^#[0-9a-f]{6}$/);
  expect(primary).not.toBe("#ffd43b");
  const signInText = await visibleText(client);
  expect(signInText).not.toMatch(/Baton/);
  expect(signInText).not.toContain("Client portal");
  await shoot(client, "portal-sign-in");

  // The sign-in email carries the brand: sender, reply-to, logo, footer; no product name.
  const seen = await mailCount(world.people.contact.email);
  await client.getByLabel("Email").fill(world.people.contact.email);
  await client.getByRole("button", { name: "Email me a sign-in link" }).click();
  await client.getByRole("heading", { name: "Check your email" }).waitFor();
  const mail = await newEmailWithLink(world.people.contact.email, seen);
  expect(mail.subject).toBe("Your sign-in link for Lumen Assist");
  expect(mail.from).toMatch(/^"Lumen Assist" </);
  expect(mail.replyTo).toEqual(["desk@lumen.example"]);
  expect(mail.body.html).toContain('alt="Lumen Assist"');
  expect(mail.body.text).toContain("Lumen Assist Ltd · 12 Quay Street");
  for (const part of [mail.subject, mail.body.html!, mail.body.text!]) expect(part).not.toMatch(/Baton/);

  // Signed in: the header, the tab's title and the home's welcome are the agency's.
  await client.goto(verifyLinkIn(mail)!);
  await client.waitForURL((url) => !url.pathname.endsWith("/auth/verify"));
  await client.getByTestId("brand-welcome").getByText("Hello from Lumen! Ask us for anything.").waitFor();
  await client.locator(".shell-brand img.brand-logo[alt='Lumen Assist']").waitFor();
  await expect.poll(() => client.title()).toMatch(/ · Lumen Client Hub$/);
  const homeText = await visibleText(client);
  expect(homeText).toContain("Lumen Client Hub");
  expect(homeText).not.toMatch(/Baton/);
  expect(homeText).not.toContain("Client portal");
  await shoot(client, "portal-home");
});
