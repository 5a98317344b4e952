import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../../packages/ui/src/i18n/en.ts";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// The client vault end to end in Chromium (issue 23): a client adds a login in the portal; the
// owner names it on a task; the assigned subcontractor reveals it there with a reason; the client
// sees the reveal on the access log; the task is reassigned and the first subcontractor is
// refused. Screenshots at 1440 and 390 px go to /tmp/shots/vault/, and no page scrolls sideways.

let platform: Started;
let browser: Browser;
let world: World;
let taskId: string;
let reference: string;
const PASSWORD = `Walk-${Math.random().toString(36).slice(2)}-pw`;

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
/** One part of a long page (the client page's vault), at both widths; the whole page must still not scroll sideways. */
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

let client: Page;
let sub: Page;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Vault Walkers");
  const { task } = await acceptedTask(world, { title: "Inbox zero" });
  const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
  expect(assigned.status).toBe(200);
  taskId = task.id;
  reference = assigned.body.task.reference;
  // The owner asks for a second tool's login: a to-do in the client's vault.
  expect((await world.owner.post("/vault/requests", { clientId: world.ids.client, tool: "Calendly", note: "For booking calls" })).status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe("a login from the portal to the assigned subcontractor, and no further", () => {
  it("the client adds a login in the portal; the list never shows the secret", async () => {
    client = await newPerson(browser, "America/New_York");
    await signInWithEmail(client, `${platform.baseUrl}/portal`, world.people.contact.email);
    await client.getByRole("navigation").getByRole("link", { name: en["vault.nav"], exact: true }).click();
    await client.getByRole("heading", { name: en["vault.title"], level: 1 }).waitFor();
    await client.getByTestId("vault-request").filter({ hasText: "Calendly" }).waitFor();
    await client.getByText(en["vault.emptyTitle"]).waitFor();
    await shoot(client, "portal-vault-empty");

    await client.getByRole("button", { name: en["vault.addTitle"] }).click();
    const form = client.getByTestId("vault-add-form");
    await form.getByLabel(en["vault.field.tool"]).fill("Gmail");
    await form.getByLabel(en["vault.field.url"]).fill("https://mail.google.com");
    await form.getByLabel(en["vault.field.username"]).fill("ada@acme.example");
    await form.getByLabel(en["vault.field.password"]).fill(PASSWORD);
    await shoot(client, "portal-vault-add");
    await form.getByRole("button", { name: en["vault.addAction"] }).click();
    await toast(client, "Saved the login for Gmail");
    await client.getByTestId("vault-entry").filter({ hasText: "Gmail" }).waitFor();
    expect(await client.content()).not.toContain(PASSWORD);
    await shoot(client, "portal-vault");
  });

  it("the owner names it on the task in the team app", async () => {
    const owner = await newPerson(browser);
    await owner.goto(`${platform.baseUrl}/tasks/${taskId}`);
    await owner.waitForURL(/\/sign-in/);
    await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
    await owner.waitForURL(`${platform.baseUrl}/tasks/${taskId}`);
    const card = owner.getByTestId("task-vault");
    await card.getByText(en["vault.task.none"]).waitFor();
    await card.getByTestId("task-vault-choose").click();
    const form = owner.getByTestId("task-vault-form");
    await form.getByLabel("Gmail").check();
    await form.getByRole("button", { name: en["vault.task.saveChoice"] }).click();
    await toast(owner, en["vault.task.saved"]);
    await card.getByTestId("vault-entry").filter({ hasText: "Gmail" }).waitFor();
    await shoot(owner, "web-task-vault-owner");

    // The client page's vault: the entry (no secret), the open request, the (empty) access log.
    await owner.goto(`${platform.baseUrl}/clients/${world.ids.client}`);
    const section = owner.getByTestId("client-vault");
    await section.getByTestId("vault-entry").filter({ hasText: "Gmail" }).waitFor();
    await section.getByTestId("vault-open-requests").getByText("Calendly").waitFor();
    expect(await owner.content()).not.toContain(PASSWORD);
    await shootPart(owner, "client-vault", "web-client-vault");
    await owner.context().close();
  });

  it("the assigned subcontractor reveals it on the task with a reason", async () => {
    sub = await newPerson(browser, "Asia/Kolkata");
    await sub.goto(`${platform.baseUrl}/tasks/${taskId}`);
    await sub.waitForURL(/\/sign-in/);
    await signInWithEmail(sub, platform.baseUrl, world.people.sub.email);
    await sub.waitForURL(`${platform.baseUrl}/tasks/${taskId}`);
    const card = sub.getByTestId("task-vault");
    await card.getByTestId("vault-entry").filter({ hasText: "Gmail" }).waitFor();
    expect(await card.getByTestId("task-vault-choose").count()).toBe(0);
    await card.getByRole("button", { name: "Show the secret of Gmail" }).click();
    const form = sub.getByTestId("vault-reveal-form");
    // No reason, no secret: the field says why.
    await form.getByRole("button", { name: en["vault.team.showAction"] }).click();
    expect(await sub.getByTestId("vault-secret").count()).toBe(0);
    await form.getByLabel(en["vault.team.reason"]).fill("Set up the inbox filters");
    await form.getByRole("button", { name: en["vault.team.showAction"] }).click();
    await expect.poll(() => sub.getByTestId("vault-secret-value").textContent(), { timeout: 15_000 }).toBe(PASSWORD);
    await shoot(sub, "web-task-vault-revealed");
    await sub.getByRole("button", { name: en["common.close"], exact: true }).last().click();
  });

  it("the client sees the reveal on the access log: who, why and for which task", async () => {
    await client.reload();
    const row = client.getByTestId("vault-log-row").filter({ hasText: "Gmail" }).first();
    await row.waitFor();
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain("Sam Writer");
    expect(await row.textContent()).toContain("Set up the inbox filters");
    expect(await row.textContent()).toContain(reference);
    await shoot(client, "portal-vault-log");
  });

  it("once the task is reassigned, the first subcontractor is refused and shown nothing", async () => {
    const current = await world.owner.get(`/tasks/${taskId}`);
    const moved = await world.owner.post(`/tasks/${taskId}/assign`, { version: current.body.task.version, memberId: world.ids.reviewer });
    expect(moved.status).toBe(200);
    // The page still open from before: the button is there, the API refuses.
    const card = sub.getByTestId("task-vault");
    await card.getByRole("button", { name: "Show the secret of Gmail" }).click();
    const form = sub.getByTestId("vault-reveal-form");
    await form.getByLabel(en["vault.team.reason"]).fill("One more look");
    await form.getByRole("button", { name: en["vault.team.showAction"] }).click();
    await form.getByText("Only the person assigned to an open task of this client can see its logins.").waitFor();
    expect(await sub.getByTestId("vault-secret").count()).toBe(0);
    expect(await sub.content()).not.toContain(PASSWORD);
    await shoot(sub, "web-task-vault-refused");
    // And on a fresh load the task's logins are not offered at all.
    await sub.reload();
    await sub.waitForLoadState("networkidle");
    await expect.poll(() => sub.getByTestId("task-vault").count(), { timeout: 15_000 }).toBe(0);
    const log = await world.contact.get("/vault/log");
    expect(log.body.items.filter((item: { reason: string }) => item.reason === "One more look")).toEqual([]);
  });
});
