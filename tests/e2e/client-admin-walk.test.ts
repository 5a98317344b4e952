import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../../packages/ui/src/i18n/en.ts";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import { newVerifyLinkFor, type Started } from "../support/http.ts";
import { uniqueEmail } from "../support/fixtures.ts";
import { createWorld, type World } from "../support/world.ts";

// A client admin in Chromium (issue 22 item 5): the client's first contact opens People, invites a
// colleague, who signs in from the mailbox link and has no People entry (a member); the admin
// chooses who receives invoices, then removes the colleague, whose next page asks them to sign in
// again. The owner sees roles and the invoice choice on the client's page. Screenshots at 1440 and
// 390 px go to /tmp/shots/people/, and no page scrolls sideways.

let platform: Started;
let browser: Browser;
let world: World;
let admin: Page;
let colleague: Page;
const colleagueEmail = uniqueEmail("cora");

const shots = "/tmp/shots/people";
async function shoot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
    expect(await page.evaluate("document.documentElement.scrollWidth"), `${name} scrolls sideways at ${width} px`).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
const toast = (page: Page, text: string) => page.getByTestId("toast").filter({ hasText: text }).first().waitFor();
const navLink = (page: Page, name: string) => page.getByRole("navigation").getByRole("link", { name, exact: true });
const row = (page: Page, email: string) => page.locator(`[data-testid="person-row"][data-email="${email}"]`);

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "People Walkers");
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe("a client admin manages the company's people", () => {
  it("the admin opens People from the menu: only themselves so far", async () => {
    admin = await newPerson(browser, "America/New_York");
    await signInWithEmail(admin, `${platform.baseUrl}/portal`, world.people.contact.email);
    await navLink(admin, en["people.nav"]).click();
    await admin.getByRole("heading", { name: en["people.title"], level: 1 }).waitFor();
    await row(admin, world.people.contact.email).getByText(en["people.role.admin"], { exact: true }).waitFor();
    await admin.getByText(en["people.emptyTitle"]).waitFor();
    await shoot(admin, "portal-people-alone");
  });

  it("invites a colleague, who signs in from the mailbox link as a member without People", async () => {
    await admin.getByRole("button", { name: en["people.invite"] }).first().click();
    const form = admin.getByTestId("invite-form");
    await form.getByLabel(en["field.name"]).fill("Cora Colleague");
    await form.getByLabel(en["field.email"]).fill(colleagueEmail);
    await shoot(admin, "portal-people-invite");
    await form.getByRole("button", { name: en["people.sendInvite"] }).click();
    await toast(admin, en["people.invited"].replace("{email}", colleagueEmail));
    await row(admin, colleagueEmail).getByText(en["people.role.member"], { exact: true }).waitFor();

    colleague = await newPerson(browser, "Europe/London");
    await colleague.goto(await newVerifyLinkFor(colleagueEmail, 0));
    await colleague.waitForURL((url) => !url.pathname.endsWith("/auth/verify"));
    await navLink(colleague, en["nav.profile"]).waitFor();
    await navLink(colleague, en["nav.company"]).waitFor();
    expect(await navLink(colleague, en["people.nav"]).count()).toBe(0);
  });

  it("chooses the colleague for invoices; the owner sees it on the client's page", async () => {
    await admin.reload();
    const cora = row(admin, colleagueEmail);
    await cora.getByRole("switch", { name: en["people.invoicesNamed"].replace("{name}", "Cora Colleague") }).check();
    await toast(admin, en["people.invoicesOn"].replace("{name}", "Cora Colleague"));
    await expect.poll(async () => (await world.contact.get("/portal/people")).body.items.find((p: { email: string }) => p.email === colleagueEmail)?.receivesInvoices, { timeout: 15_000 }).toBe(true);
    await shoot(admin, "portal-people-two");

    const owner = await newPerson(browser);
    await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
    await owner.goto(`${platform.baseUrl}/clients/${world.ids.client}`);
    const contactRow = owner.locator(`[data-testid="contact-row"][data-email="${colleagueEmail}"]`);
    await contactRow.getByTestId("contact-standing").getByText(en["people.receivesInvoices"]).waitFor();
    await contactRow.getByRole("button", { name: en["people.makeAdminNamed"].replace("{name}", "Cora Colleague") }).waitFor();
    await contactRow.scrollIntoViewIfNeeded();
    await shoot(owner, "web-client-contacts");
    await owner.context().close();
  });

  it("removes the colleague after confirming; the colleague's next page asks them to sign in", async () => {
    await row(admin, colleagueEmail).getByRole("button", { name: en["people.removeNamed"].replace("{name}", "Cora Colleague") }).click();
    await admin.getByRole("heading", { name: en["people.removeTitle"] }).waitFor();
    await admin.getByRole("dialog").getByRole("button", { name: en["people.remove"] }).click();
    await toast(admin, en["people.removed"].replace("{name}", "Cora Colleague"));
    await expect.poll(() => row(admin, colleagueEmail).count(), { timeout: 15_000 }).toBe(0);

    await colleague.goto(`${platform.baseUrl}/portal/company`);
    await expect.poll(() => new URL(colleague.url()).pathname, { timeout: 15_000 }).toMatch(/\/sign-in$/);
  });

  it("steps down once the owner has named a second admin: the People entry leaves the menu at once, no reload", async () => {
    const second = await world.owner.post(`/clients/${world.ids.client}/contacts`, { name: "Bea Boss", email: uniqueEmail("bea"), role: "admin" });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    await admin.reload();
    await row(admin, second.body.email).waitFor();
    await navLink(admin, en["people.nav"]).waitFor();
    await row(admin, world.people.contact.email).getByRole("button", { name: en["people.makeMemberNamed"].replace("{name}", "Ada Client") }).click();
    await expect.poll(() => navLink(admin, en["people.nav"]).count(), { timeout: 15_000 }).toBe(0);
    const standing = (await world.owner.get(`/clients/${world.ids.client}/contacts`)).body.items.find((p: { email: string }) => p.email === world.people.contact.email);
    expect(standing.role).toBe("member");
  });
});
