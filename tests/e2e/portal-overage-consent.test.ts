import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monthOf, monthsToUtc } from "@baton/kernel/dates";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import { waitForEmail, type Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// Overage consent in a real Chromium (issue 17, part 4): the client's hours run out under the
// agency's "ask first" rule, the 100 % email (in Greek, the contact's language) carries a signed
// link, and the client approves more hours on its page in a Greek browser without signing in
// (the link then says it was used); the owner sees "ask first" on the client's page and sets the
// agency's rule in Settings; the portal's Hours page approves more too. Screenshots at 1440 and
// 390 px in /tmp/shots/alerts/.

const SHOTS = "/tmp/shots/alerts";
let platform: Started;
let browser: Browser;
let world: World;
let link: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Consent Agency");
  const client = await world.owner.get(`/clients/${world.ids.client}`);
  const saved = await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, billing: { hourlyRate: 5000, retainer: { fee: 100000, includedMinutes: 120 } } });
  expect(saved.status).toBe(200);
  expect((await world.owner.patch(`/hour-bank/clients/${world.ids.client}/overage`, { overage: { mode: "ask", askMinutes: 180 } })).status).toBe(200);
  expect((await world.contact.patch("/me", { locale: "el" })).status).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const fits = (page: Page) => page.evaluate("document.documentElement.scrollWidth <= window.innerWidth");

describe("overage consent", () => {
  it("the owner sees 'ask first' once the hours are used up, and sets the agency's rule in Settings", async () => {
    const period = monthOf(new Date(), "America/New_York");
    const { start } = monthsToUtc(period, period, "America/New_York");
    const logged = await world.owner.post("/time", { clientId: world.ids.client, startedAt: new Date(Date.parse(start) + 60_000).toISOString(), minutes: 120, billable: true });
    expect(logged.status).toBe(201);

    const owner = await newPerson(browser, "America/New_York");
    await owner.setViewportSize({ width: 1440, height: 900 });
    await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
    await owner.goto(`${platform.baseUrl}/clients/${world.ids.client}`);
    const bank = owner.getByTestId("client-hour-bank");
    await expect.poll(() => bank.getByTestId("hour-bank-overage-state").textContent(), { timeout: 15_000 }).toBe("Ask first: no hours left");
    expect(await bank.getByTestId("client-overage-rule").textContent()).toBe("The client approves up to 3 h more before work goes on.");
    await bank.scrollIntoViewIfNeeded();
    await bank.screenshot({ path: `${SHOTS}/client-overage-1440.png` });

    // The client's tasks say so too.
    const { task } = await acceptedTask(world, { title: "Quarterly report" });
    await owner.goto(`${platform.baseUrl}/tasks/${task.id}`);
    await expect.poll(() => owner.getByTestId("task-overage-state").textContent(), { timeout: 15_000 }).toBe("Ask first: no hours left");
    await owner.screenshot({ path: `${SHOTS}/task-overage-1440.png` });

    await owner.goto(`${platform.baseUrl}/settings/money`);
    const card = owner.getByTestId("overage-policy-card");
    await expect.poll(() => card.getByTestId("overage-rule").textContent(), { timeout: 15_000 }).toBe("Work goes on; time beyond the hours is billed at the client's hourly rate.");
    await card.getByLabel("When the hours run out").selectOption("ask");
    await card.getByLabel("Hours the client may approve at once").fill("0");
    await card.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => card.getByText("Let the client approve at least 15 minutes.").isVisible(), { timeout: 15_000 }).toBe(true);
    await card.getByLabel("Hours the client may approve at once").fill("4");
    await card.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => card.getByTestId("overage-rule").textContent(), { timeout: 15_000 }).toBe("The client approves up to 4 h more before work goes on.");
    expect((await world.owner.get("/hour-bank/overage")).body.overage).toEqual({ mode: "ask", askMinutes: 240 });
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: `${SHOTS}/settings-overage-1440.png` });
    await owner.setViewportSize({ width: 390, height: 844 });
    await owner.reload();
    await owner.getByTestId("overage-policy-card").scrollIntoViewIfNeeded();
    expect(await fits(owner)).toBe(true);
    await owner.getByTestId("overage-policy-card").screenshot({ path: `${SHOTS}/settings-overage-390.png` });
    await owner.context().close();
  });

  it("the client approves more hours from the emailed link, in Greek, without signing in", async () => {
    const email = await waitForEmail(world.people.contact.email, (each) => /εγκρίνετε περισσότερες;$/.test(each.subject));
    link = /(https?:\/\/\S+\/hours\/approve\/\S+)/.exec(email.body.text ?? "")![1]!;
    const context = await browser.newContext({ locale: "el-GR", timezoneId: "Europe/Athens", viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(link);
    await page.getByRole("heading", { name: "Έγκριση περισσότερων ωρών" }).waitFor();
    await expect.poll(() => page.getByTestId("consent-statement").textContent(), { timeout: 15_000 }).toContain("Εγκρίνω έως 3 ώρες εργασίας ακόμη για τον πελάτη Acme Corp");
    await page.screenshot({ path: `${SHOTS}/consent-link-el-1440.png`, fullPage: true });

    // Too many hours: said on the field, in Greek.
    await page.getByLabel("Ώρες προς έγκριση").fill("5");
    await page.getByLabel("Το ονοματεπώνυμό σας").fill("Ada Client");
    await page.getByRole("button", { name: "Έγκριση των ωρών" }).click();
    await expect.poll(() => page.getByText("Εγκρίνετε το πολύ 3 ώρες με μία κίνηση.").isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByLabel("Ώρες προς έγκριση").fill("1.5");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("consent-done").textContent(), { timeout: 15_000 }).toContain("Εγκρίνατε 1 ώρ. 30 λεπ.");

    const bank = await world.owner.get(`/hour-bank/clients/${world.ids.client}`);
    const approved = bank.body.entries.filter((entry: any) => entry.kind === "adjusted");
    expect(approved).toHaveLength(1);
    expect(approved[0]).toMatchObject({ minutes: 90, reason: "overage approved by Ada Client" });
    expect(bank.body.balanceMinutes).toBe(bank.body.entries.reduce((total: number, entry: any) => total + entry.minutes, 0));

    // The same link again: already used.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(link);
    await page.getByRole("heading", { name: "Αυτές οι ώρες έχουν ήδη εγκριθεί" }).waitFor();
    expect(await fits(page)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/consent-link-used-el-390.png`, fullPage: true });
    await context.close();
  });

  it("the client approves more hours from the portal's Hours page", async () => {
    // Signed in from an English browser: the contact's saved language (Greek) takes over.
    const page = await newPerson(browser, "Europe/Athens");
    await page.setViewportSize({ width: 390, height: 844 });
    await signInWithEmail(page, `${platform.baseUrl}/portal`, world.people.contact.email);
    await page.goto(`${platform.baseUrl}/portal/hours`);
    const ask = page.getByTestId("hours-ask");
    await ask.waitFor();
    await ask.getByLabel("Ώρες προς έγκριση").fill("2");
    await ask.getByLabel("Το ονοματεπώνυμό σας").fill("Ada Client");
    await ask.getByRole("button", { name: "Έγκριση των ωρών" }).click();
    await expect.poll(() => ask.getByTestId("hours-ask-done").textContent(), { timeout: 15_000 }).toContain("Εγκρίνατε 2 ώρ.");
    expect(await fits(page)).toBe(true);
    await ask.screenshot({ path: `${SHOTS}/hours-ask-el-390.png` });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: `${SHOTS}/hours-ask-el-1440.png`, fullPage: true });
    await page.context().close();
  });
});
