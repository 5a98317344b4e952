import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../../packages/ui/src/i18n/en.ts";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import { waitForEmail, type Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// The client vault's SOP tools and offboarding in Chromium (issue 23): the owner lists the tools an
// SOP needs on its page, and a task made from it names the client's login of that tool; the
// assignee reveals it; the owner removes them and the Team page lists the logins to change; the
// client is emailed a reminder, opens the portal and changes the secret; the owner ends the
// client's work and its page lists what the team was shown. Screenshots at 1440 and 390 px go to
// /tmp/shots/vault/, and no page scrolls sideways.

let platform: Started;
let browser: Browser;
let world: World;
let owner: Page;
let sopId: string;
let taskId: string;
const PASSWORD = `Leaver-${Math.random().toString(36).slice(2)}-pw`;

const shots = "/tmp/shots/vault";
async function shoot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
    expect(await page.evaluate("document.documentElement.scrollWidth"), `${name} scrolls sideways at ${width} px`).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
async function shootPart(page: Page, testId: string, name: string) {
  mkdirSync(shots, { recursive: true });
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByTestId(testId).screenshot({ path: `${shots}/${name}-${width}.png` });
    expect(await page.evaluate("document.documentElement.scrollWidth"), `${name} scrolls sideways at ${width} px`).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
const toast = (page: Page, text: string) => page.getByTestId("toast").filter({ hasText: text }).first().waitFor();

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Vault Leavers");
  const sop = await world.owner.post("/sops", { title: "Inbox triage", category: "Admin", body: "Sort the shared inbox.", checklist: ["Archive newsletters"] });
  sopId = sop.body.id;
  // The client keeps two logins; only Gmail is a tool the SOP will list.
  expect((await world.contact.post("/vault", { tool: "Gmail", kind: "password", secret: PASSWORD })).status).toBe(201);
  expect((await world.contact.post("/vault", { tool: "Canva", kind: "password", secret: `${PASSWORD}-canva` })).status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe("an SOP's tools name the client's logins on its tasks", () => {
  it("the owner lists the tools on the SOP page, with the keyboard", async () => {
    owner = await newPerson(browser);
    await owner.goto(`${platform.baseUrl}/sops/${sopId}`);
    await owner.waitForURL(/\/sign-in/);
    await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
    await owner.waitForURL(`${platform.baseUrl}/sops/${sopId}`);
    const card = owner.getByTestId("sop-tools");
    await card.getByText(en["sopTools.empty"]).waitFor();
    await card.getByRole("button", { name: en["sopTools.edit"] }).click();
    const form = owner.getByTestId("sop-tools-form");
    const input = form.getByLabel(en["sopTools.label"]);
    await input.fill("Gmail");
    await input.press("Enter");
    await input.fill("QuickBooks");
    await input.press("Enter");
    await shoot(owner, "web-sop-tools-editing");
    await form.getByRole("button", { name: en["sopTools.save"] }).click();
    await toast(owner, en["sopTools.saved"]);
    await expect.poll(() => card.getByTestId("sop-tool").allTextContents(), { timeout: 15_000 }).toEqual(["Gmail", "QuickBooks"]);
    expect(await owner.getByTestId("sop-tools-form").count()).toBe(0);
    // Saved on the server, not just on the page.
    expect((await world.owner.get(`/sops/${sopId}`)).body.tools).toEqual(["Gmail", "QuickBooks"]);
    await shoot(owner, "web-sop-tools");
  });

  it("a task accepted with that SOP names the client's Gmail login, not the others", async () => {
    const { task } = await acceptedTask(world, { sopId, title: "Inbox triage for December" });
    taskId = task.id;
    const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
    expect(assigned.status).toBe(200);
    await owner.goto(`${platform.baseUrl}/tasks/${taskId}`);
    const card = owner.getByTestId("task-vault");
    await card.getByTestId("vault-entry").filter({ hasText: "Gmail" }).waitFor();
    expect(await card.getByTestId("vault-entry").count()).toBe(1);
    // The assignee reveals it (over HTTP: the reveal dialog has its own walk in vault-walk.test.ts).
    const shown = await world.sub.post(`/vault/${(await world.sub.get(`/vault/tasks/${taskId}`)).body.items[0].id}/reveal`, { reason: "Sort the inbox", taskId });
    expect(shown.status).toBe(200);
  });
});

describe("offboarding", () => {
  it("the owner removes the member who saw it; the Team page lists the login to change", async () => {
    await owner.goto(`${platform.baseUrl}/team`);
    await owner.getByRole("button", { name: en["team.removeNamed"].replace("{name}", "Sam Writer") }).click();
    await owner.getByRole("dialog").getByRole("button", { name: en["common.remove"], exact: true }).click();
    const row = owner.getByTestId("vault-offboarding-row").filter({ hasText: "Gmail" });
    await row.waitFor();
    expect(await row.textContent()).toContain("Acme Corp");
    expect(await row.textContent()).toContain(en["vault.offboarding.open"]);
    expect(await owner.getByTestId("vault-offboarding-row").count()).toBe(1);
    expect(await owner.content()).not.toContain(PASSWORD);
    await shoot(owner, "web-team-offboarding");
    await owner.keyboard.press("Escape");
  });

  it("the client is emailed a reminder to change it, opens the portal from it and changes the secret", async () => {
    const reminder = await waitForEmail(world.people.contact.email, (email) => /change the passwords/i.test(email.subject));
    expect(reminder.subject).toBe("Please change the passwords of Gmail");
    const html = reminder.body.html ?? "";
    expect(html).not.toContain(PASSWORD);
    const link = html.match(/href="([^"]*\/portal\/vault[^"]*)"/)?.[1];
    expect(link, "the email links to the portal's vault").toBeTruthy();

    const client = await newPerson(browser, "America/New_York");
    await client.goto(link!.replace(/&amp;/g, "&"));
    await client.waitForURL(/\/sign-in/);
    await signInWithEmail(client, `${platform.baseUrl}/portal`, world.people.contact.email);
    await client.waitForURL(/\/portal\/vault/);
    // The log shows who saw it, and when.
    const logged = client.getByTestId("vault-log-row").filter({ hasText: "Gmail" }).first();
    await expect.poll(() => logged.textContent(), { timeout: 15_000 }).toContain("Sam Writer");
    // The page itself says which login to change, and why.
    const notice = client.getByTestId("vault-to-change");
    await notice.getByText("Gmail", { exact: true }).waitFor();
    expect(await notice.textContent()).not.toContain("Canva");
    await shoot(client, "portal-vault-after-leaver");
    await client.getByRole("button", { name: en["vault.rotateNamed"].replace("{tool}", "Gmail") }).click();
    const dialog = client.getByRole("dialog");
    await dialog.getByLabel(en["vault.field.password"]).fill(`${PASSWORD}-new`);
    await dialog.getByRole("button", { name: en["vault.rotateAction"] }).click();
    await toast(client, "Saved the new secret for Gmail");
    await expect.poll(() => client.getByTestId("vault-to-change").count(), { timeout: 15_000 }).toBe(0);
    await client.context().close();

    // The owner's checklist now says it was changed.
    await owner.reload();
    await owner.getByRole("button", { name: en["vault.offboarding.showNamed"].replace("{name}", "Sam Writer") }).click();
    const row = owner.getByTestId("vault-offboarding-row").filter({ hasText: "Gmail" });
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain(en["vault.offboarding.rotated"]);
    await owner.keyboard.press("Escape");
  });

  it("the owner ends the client's work; its page lists the logins the team saw, and none can be shown", async () => {
    // The owner, too, was shown a login before the end: Canva.
    const canva = (await world.owner.get(`/vault?clientId=${world.ids.client}`)).body.items.find((item: { tool: string }) => item.tool === "Canva");
    expect((await world.owner.post(`/vault/${canva.id}/reveal`, { reason: "Make the banner" })).status).toBe(200);
    await owner.goto(`${platform.baseUrl}/clients/${world.ids.client}`);
    const details = owner.getByRole("form", { name: en["clients.details"] });
    await details.getByLabel(en["field.status"]).selectOption("inactive");
    await details.getByRole("button", { name: en["common.save"], exact: true }).click();
    const ended = owner.getByTestId("vault-client-ended");
    await ended.waitFor();
    const rows = ended.getByTestId("vault-ended-row");
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    expect(await rows.filter({ hasText: "Gmail" }).textContent()).toContain("Sam Writer");
    expect(await rows.filter({ hasText: "Gmail" }).textContent()).toContain(en["vault.offboarding.rotated"]);
    expect(await rows.filter({ hasText: "Canva" }).textContent()).toContain(en["vault.offboarding.open"]);
    // Nothing on the client page offers to show a secret any more.
    expect(await owner.getByTestId("client-vault").getByRole("button", { name: /Show the secret/ }).count()).toBe(0);
    expect(await owner.content()).not.toContain(PASSWORD);
    await shootPart(owner, "client-vault", "web-client-ended");
    const refused = await world.owner.post(`/vault/${canva.id}/reveal`, { reason: "After the end" });
    expect(refused.status).toBe(403);
  });
});
