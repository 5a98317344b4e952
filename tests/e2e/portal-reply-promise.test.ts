import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zonedParts, zonedTimeToUtc } from "@baton/core/business-hours";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import { waitForEmail, type Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// The reply promise as the client reads it, in a real Chromium: the new-request page says when a
// request sent now will be answered, the confirmation and the request's page say the same date,
// and it is the instant the API stamped. The agency (London) works only tomorrow, 09:00–17:00, so
// whenever the test runs today the one-business-day promise falls due at tomorrow's close, and the
// client (New York) reads it on their own clock: 12:00, in a browser set to London.

let platform: Started;
let browser: Browser;
let world: World;
let page: Page;

const agencyZone = "Europe/London";
const shots = "/tmp/shots/daily";

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Promise Walk Agency");
  const tomorrow = ((zonedParts(new Date(), agencyZone).weekday % 7) + 1) as number;
  const agency = await world.owner.get("/agency");
  const saved = await world.owner.patch("/agency", { version: agency.body.version, workingWeek: { days: [tomorrow], start: "09:00", end: "17:00" }, holidays: [] });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function shoot(name: string) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shots}/portal-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("the reply promise in the portal", () => {
  let promised: string;

  it("the new-request page says within how long, and by when on the client's clock", async () => {
    page = await newPerson(browser);
    await signInWithEmail(page, `${platform.baseUrl}/portal`, world.people.contact.email);
    await page.goto(`${platform.baseUrl}/portal/requests/new`);
    await page.getByRole("heading", { name: "New request", level: 1 }).waitFor();
    const promise = page.getByTestId("reply-promise");
    promised = await promise.innerText();
    expect(promised).toMatch(/^The team replies within 1 business day: send it now and you'll hear back by (.+), your time\.$/);
    // Tomorrow 17:00 in London is 12:00 in New York.
    expect(promised).toContain("12:00");
    await shoot("new-request-promise");
  });

  it("the confirmation and the request's page say the same date, the one the API stamped", async () => {
    const date = /hear back by (.+), your time\./.exec(promised)![1]!;
    const form = page.getByTestId("request-form");
    await form.getByLabel("Title").fill("Book the team dinner");
    await form.getByLabel("Service").fill("Admin");
    await form.getByLabel("Description").fill("Twelve people, Friday.");
    await form.getByRole("button", { name: "Submit request" }).click();
    await page.waitForURL(/\/portal\/requests\/req_/);
    await page.getByTestId("toast").filter({ hasText: `The team will reply by ${date}.` }).first().waitFor();
    await page.getByText(`The team will reply by ${date}.`, { exact: false }).first().waitFor();
    await shoot("request-reply-by");

    const requestId = new URL(page.url()).pathname.split("/").pop()!;
    const stored = (await world.contact.get(`/requests/${requestId}`)).body.request;
    const { year, month, day } = zonedParts(new Date(Date.now() + 24 * 3600_000), agencyZone);
    expect(stored.responseDueAt).toBe(zonedTimeToUtc({ year, month, day, hour: 17, minute: 0 }, agencyZone).toISOString());

    // The receipt in the client's inbox names the request and the same day and hour, her clock.
    const receipt = await waitForEmail(world.people.contact.email, (email) => email.subject.includes(stored.reference));
    expect(receipt.subject).toBe(`We received ${stored.reference}: Book the team dinner`);
    // The same day and month on her clock as the page said (each written the reader's way).
    const on = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", ...options }).format(new Date(stored.responseDueAt));
    const [dueDay, dueMonth] = [on({ day: "numeric" }), on({ month: "short" })];
    const sameDay = new RegExp(`\\b(${dueMonth} ${dueDay}|${dueDay} ${dueMonth})\\b`);
    expect(date).toMatch(sameDay);
    const inEmail = /You'll hear back by (.+)\./.exec(receipt.body.text ?? "")![1]!;
    expect(inEmail).toMatch(sameDay);
    expect(inEmail).toMatch(/12:00( PM)? (EST|EDT)/);
  });
});
