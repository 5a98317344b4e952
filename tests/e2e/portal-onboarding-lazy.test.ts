import { mkdirSync } from "node:fs";
import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { leadWithContact, saveKit, startOnboarding } from "../support/onboarding.ts";
import { createWorld, type World } from "../support/world.ts";

// The portal's onboarding page loads its heavier parts only when they are needed: the
// questionnaire's form while the questionnaire is open, the confirmation dialog once accepting
// starts. Each part's code is held back here (the browser's request for it waits) so the moment
// before it arrives is seen: a loading line in about the form's room, and nothing below it moves
// when the form appears; a busy button until the dialog can open. Screenshots: /tmp/shots/onboard/.

let platform: Started;
let browser: Browser;
let world: World;
let page: Page;
let lead: Awaited<ReturnType<typeof leadWithContact>>;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Lazy Loading Agency");
  await saveKit(world.owner);
  lead = await leadWithContact(platform, world.owner, "Hold Back Ltd");
  await startOnboarding(world.owner, lead.clientId);
  page = await newPerson(browser, "Europe/Athens");
  await signInWithEmail(page, `${platform.baseUrl}/portal`, lead.email);
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

/** Holds back the browser's requests for a built chunk (by its file name's start) until released. */
async function holdChunk(name: string) {
  const held: Route[] = [];
  let release = false;
  const pattern = new RegExp(`/assets/${name}-[\\w-]+\\.js$`);
  await page.route(pattern, (route) => (release ? route.continue() : void held.push(route)));
  return {
    requested: () => held.length > 0,
    release: async () => {
      release = true;
      for (const route of held.splice(0)) await route.continue();
      await page.unroute(pattern);
    },
  };
}

const top = async (testId: string) => (await page.getByTestId(testId).boundingBox())!.y;
const fitsWidth = async () => (await page.evaluate<number>("document.documentElement.scrollWidth")) <= page.viewportSize()!.width;

async function shoot(name: string) {
  mkdirSync("/tmp/shots/onboard", { recursive: true });
  await page.screenshot({ path: `/tmp/shots/onboard/${name}-${page.viewportSize()!.width}.png`, fullPage: true });
}

describe("the portal's onboarding page loads its parts when needed", () => {
  for (const width of [1440, 390]) {
    it(`at ${width} px: the questionnaire shows a loading line in its room, then the form, and the steps below stay put`, async () => {
      await page.setViewportSize({ width, height: 900 });
      const questionnaire = await holdChunk("Questionnaire");
      await page.goto(`${platform.baseUrl}/portal/onboarding`);
      const pending = page.getByTestId("questionnaire-pending");
      await pending.getByRole("status").waitFor();
      await expect.poll(questionnaire.requested, { timeout: 15_000 }).toBe(true);
      // The rest of the page is there meanwhile: the checklist and the other steps.
      await page.getByTestId("step-agreement").getByTestId("agreement-text").waitFor();
      await expect(page.getByTestId("questionnaire-form").count()).resolves.toBe(0);
      await shoot("questionnaire-loading");
      const before = await top("step-agreement");

      await questionnaire.release();
      await page.getByTestId("questionnaire-form").getByLabel(/Company legal name/).waitFor();
      await expect(pending.count()).resolves.toBe(0);
      const after = await top("step-agreement");
      // About the form's room: what follows moves by less than one line of text, if at all.
      expect(Math.abs(after - before), `agreement step moved from ${before} to ${after}`).toBeLessThan(24);
      await expect(fitsWidth()).resolves.toBe(true);
      await shoot("questionnaire");
    });
  }

  it("submitting the questionnaire shows what was submitted", async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const form = page.getByTestId("questionnaire-form");
    await form.getByLabel(/Company legal name/).fill("Hold Back Limited");
    await form.getByRole("radio", { name: "Email" }).check();
    await form.getByLabel(/Start date/).fill("2027-03-01");
    await form.getByRole("button", { name: "Submit answers" }).click();
    const shown = page.getByTestId("step-questionnaire").getByTestId("submitted-answers");
    await expect.poll(() => shown.innerText(), { timeout: 15_000 }).toContain("Hold Back Limited");
    await expect(shown.innerText()).resolves.toContain("1 Mar 2027");
  });

  it("the confirmation's code is fetched when the name field is used; until it arrives the button is busy, then the dialog opens", async () => {
    const confirm = await holdChunk("SignConfirm");
    const step = page.getByTestId("step-agreement");
    await expect(confirm.requested()).toBe(false);
    await step.getByLabel("Your full name").fill(lead.contactName);
    await expect.poll(confirm.requested, { timeout: 15_000 }).toBe(true);
    const accept = step.getByRole("button", { name: "Accept the agreement" });
    await accept.click();
    await expect.poll(() => accept.getAttribute("aria-busy"), { timeout: 15_000 }).toBe("true");
    await expect(page.getByRole("dialog").count()).resolves.toBe(0);
    await confirm.release();
    const dialog = page.getByRole("dialog", { name: "Sign the agreement?" });
    await dialog.waitFor();
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await expect(fitsWidth()).resolves.toBe(true);
      await shoot("confirm");
    }
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    // Loaded once: the next time it opens at once.
    await accept.click();
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Sign the agreement" }).click();
    await step.getByTestId("agreement-accepted").waitFor();
    await expect(step.getByTestId("agreement-accepted").innerText()).resolves.toContain(lead.contactName);
  });

  it("when the confirmation's code can't be fetched, the form says so instead of opening nothing; after a reload it opens", async () => {
    const other = await leadWithContact(platform, world.owner, "Flaky Network Ltd");
    await startOnboarding(world.owner, other.clientId);
    const second = await newPerson(browser, "Europe/Athens");
    await signInWithEmail(second, `${platform.baseUrl}/portal`, other.email);
    const chunk = /\/assets\/SignConfirm-[\w-]+\.js$/;
    await second.route(chunk, (route) => route.abort());
    await second.goto(`${platform.baseUrl}/portal/onboarding`);
    const step = second.getByTestId("step-agreement");
    const accept = step.getByRole("button", { name: "Accept the agreement" });
    await step.getByLabel("Your full name").fill(other.contactName);
    await accept.click();
    await step.getByRole("alert").waitFor();
    await expect(second.getByRole("dialog").count()).resolves.toBe(0);
    await expect(accept.isEnabled()).resolves.toBe(true);
    // The browser keeps a failed module for the page's life: a reload fetches it again.
    await second.unroute(chunk);
    await second.reload();
    await step.getByLabel("Your full name").fill(other.contactName);
    await accept.click();
    await second.getByRole("dialog", { name: "Sign the agreement?" }).waitFor();
    await second.context().close();
  });
});
