import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { el } from "../../packages/ui/src/i18n/el.ts";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import { mailCount, newVerifyLinkFor, type Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// Quotes end to end in Chromium (issue 18, part 3): the client sends a request; the owner makes a
// quote from it in the team app with a catalog service and sends it; the client, reading the
// portal in Greek, opens it from the Quotes list, accepts it by typing her name, and the deposit
// invoice the acceptance issued is in her portal. Screenshots at 1440 and 390 px go to /tmp/shots/quotes/.

let platform: Started;
let browser: Browser;
let world: World;
let requestId: string;
let quoteId: string;

const shots = "/tmp/shots/quotes";
async function shoot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
const toast = (page: Page, text: string) => page.getByTestId("toast").filter({ hasText: text }).first().waitFor();

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Quote Makers");
  const client = await world.owner.get(`/clients/${world.ids.client}`);
  expect((await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, billing: { depositRate: 5000 } })).status).toBe(200);
  const sop = await world.owner.post("/sops", { title: "Site launch", category: "Web", body: "Launch it.", checklist: ["DNS", "SSL"] });
  const svc = await world.owner.post("/packages", { name: "Website launch", prices: [{ currency: "USD", amount: 120_000 }], sopIds: [sop.body.id], turnaroundDays: 5, visibility: "all" });
  expect(svc.status).toBe(201);
  const request = await world.contact.post("/requests", { title: "A new website", description: "Our site is old.", service: "Web" });
  requestId = request.body.id;
  expect((await world.contact.patch("/me", { locale: "el" })).status).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe("a quote from request to deposit invoice", () => {
  it("the owner makes a quote from the request with a catalog service and sends it", async () => {
    const owner = await newPerson(browser);
    await owner.goto(`${platform.baseUrl}/requests/${requestId}`);
    await owner.waitForURL(/\/sign-in/);
    await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
    await owner.waitForURL(`${platform.baseUrl}/requests/${requestId}`);
    await owner.getByTestId("make-quote").click();
    await owner.waitForURL(/\/quotes\/new\?request=/);
    const form = owner.getByTestId("quote-form");
    await form.getByTestId("quote-request").getByText("A new website", { exact: false }).or(form.getByTestId("quote-request")).first().waitFor();
    await expect(form.getByLabel("Title").inputValue()).resolves.toBe("A new website");
    await expect(form.getByLabel("Deposit (%)").inputValue()).resolves.toBe("50");
    await form.getByLabel("Service").selectOption({ label: "Website launch" });
    await form.getByLabel("Terms").fill("Half up front, half on launch.");
    await shoot(owner, "web-new-quote");
    await form.getByTestId("quote-create").click();
    await owner.waitForURL(/\/quotes\/quo_/);
    quoteId = owner.url().split("/quotes/")[1]!;
    await owner.getByTestId("quote-text").getByText("Website launch", { exact: false }).waitFor();
    await owner.getByTestId("quote-send").click();
    await toast(owner, "Quote sent.");
    await owner.getByTestId("quote-meta").getByText("Waiting for an answer").waitFor();
    await shoot(owner, "web-quote-sent");
    const sent = await world.owner.get(`/quotes/${quoteId}`);
    expect(sent.body).toMatchObject({ status: "sent", requestId, total: 120_000, depositAmount: 60_000 });
    expect(sent.body.number).toMatch(/^Q-\d{4}$/);
  });

  it("the client accepts it in Greek, and the deposit invoice appears in her portal", async () => {
    const context = await browser.newContext({ locale: "el-GR", timezoneId: "America/New_York", extraHTTPHeaders: { "Accept-Language": "el-GR,el;q=0.9" } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const seen = await mailCount(world.people.contact.email);
    await page.goto(`${platform.baseUrl}/portal/sign-in`);
    await page.getByLabel(el["field.email"]).fill(world.people.contact.email);
    await page.getByRole("button", { name: el["signIn.submit"] }).click();
    await page.getByRole("heading", { name: el["signIn.checkTitle"], level: 1 }).waitFor();
    await page.goto(await newVerifyLinkFor(world.people.contact.email, seen));
    await page.getByRole("heading", { name: el["portal.requests.title"], level: 1 }).waitFor();

    await page.getByRole("navigation").getByRole("link", { name: el["quotes.nav"], exact: true }).click();
    await page.getByRole("heading", { name: el["quotes.portal.title"], level: 1 }).waitFor();
    await page.getByTestId("quote-row").first().getByRole("link").click();
    await page.waitForURL(new RegExp(`/portal/quotes/${quoteId}$`));
    await page.getByTestId("quote-text").getByText("Προσφορά", { exact: false }).first().waitFor();
    await shoot(page, "portal-quote-greek");

    const form = page.getByTestId("quote-accept-form");
    await form.getByLabel(el["onboarding.portal.fullName"]).fill("Ada Client");
    await form.getByRole("button", { name: el["quotes.accept"] }).click();
    await page.getByRole("button", { name: el["quotes.confirmAccept"] }).click();
    await page.getByTestId("quote-accepted").waitFor();
    await shoot(page, "portal-quote-accepted");

    const accepted = await world.owner.get(`/quotes/${quoteId}`);
    expect(accepted.body).toMatchObject({ status: "accepted", acceptance: { fullName: "Ada Client", locale: "el" } });
    await page.getByTestId("deposit-invoice-link").click();
    await page.waitForURL(new RegExp(`/portal/invoices/${accepted.body.depositInvoiceId}$`));
    await page.getByTestId("invoice-meta").waitFor();
    await page.getByRole("navigation").getByRole("link", { name: el["portal.nav.invoices"], exact: true }).click();
    await page.getByTestId("invoice-row").first().waitFor();
    await expect(page.getByTestId("invoice-row").count()).resolves.toBe(1);
    await shoot(page, "portal-deposit-invoice");
    const request = await world.owner.get(`/requests/${requestId}`);
    expect(request.body.tasks.map((task: { title: string }) => task.title)).toEqual(["Site launch"]);
  });
});
