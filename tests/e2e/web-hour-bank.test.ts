import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// The hour bank's team-app screens in a real Chromium (issue 17): the owner sets the agency's
// rollover rule in Settings, then on a retainer client's page sets the client's own rule and
// adjusts its hours with a reason; the client watches its portal Hours page move, sees this
// month per request, and loses the page (and its nav entry) when the owner hides the hours.
// Screenshots at 1440 and 390 px in /tmp/shots/bank/.


/** A page answers after a refetch: waited for as long as a locator is, not the poll's default second. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
let platform: Started;
let browser: Browser;
let world: World;
let owner: Page;
let contact: Page;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Hour Bank Screens Agency");
  const client = await world.owner.get(`/clients/${world.ids.client}`);
  const saved = await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, billing: { hourlyRate: 5000, retainer: { fee: 100000, includedMinutes: 600 } } });
  expect(saved.status).toBe(200);
  const { task } = await acceptedTask(world, { title: "Monthly newsletter" });
  const logged = await world.owner.post("/time", { taskId: task.id, startedAt: new Date(Date.now() - 3_600_000).toISOString(), minutes: 90, billable: true });
  expect(logged.status).toBe(201);
  owner = await newPerson(browser, "America/New_York");
  await owner.setViewportSize({ width: 1440, height: 900 });
  contact = await newPerson(browser, "America/New_York");
  await contact.setViewportSize({ width: 1440, height: 900 });
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const fits = (page: Page) => page.evaluate("document.documentElement.scrollWidth <= window.innerWidth");

describe("the hour bank in the team app and the portal", () => {
  it("the owner sets the agency's rollover rule in Settings", async () => {
    await owner.goto(`${platform.baseUrl}/settings/money`);
    await owner.waitForURL(/\/sign-in/);
    await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
    await owner.goto(`${platform.baseUrl}/settings/money`);
    const card = owner.getByTestId("rollover-policy");
    await poll(() => card.getByTestId("rollover-rule").textContent()).toBe("Unused hours lapse when the month closes.");
    await card.getByLabel("Unused hours at a month's end").selectOption("cap");
    await card.getByLabel("Most hours that roll over").fill("0");
    await card.getByRole("button", { name: "Save" }).click();
    await poll(() => card.getByText("Roll over at least a minute.").isVisible()).toBe(true);
    await card.getByLabel("Most hours that roll over").fill("5");
    await card.getByRole("button", { name: "Save" }).click();
    await poll(() => card.getByTestId("rollover-rule").textContent()).toBe("Up to 5 h roll over into the next month; the rest lapse.");
    expect((await world.owner.get("/hour-bank/policy")).body.policy).toEqual({ mode: "cap", maxMinutes: 300 });
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: "/tmp/shots/bank/settings-rollover-1440.png" });
  });

  it("the owner adjusts on the client's page, and the client sees the hours move", async () => {
    await contact.goto(`${platform.baseUrl}/portal/sign-in`);
    await signInWithEmail(contact, `${platform.baseUrl}/portal`, world.people.contact.email);
    await contact.getByRole("navigation").getByRole("link", { name: "Hours", exact: true }).click();
    await poll(() => contact.getByTestId("hours-balance").textContent()).toBe("8 h 30 min");
    await poll(() => contact.getByTestId("hours-requests").innerText()).toContain("Monthly newsletter");

    await owner.goto(`${platform.baseUrl}/clients/${world.ids.client}`);
    const bank = owner.getByTestId("client-hour-bank");
    await poll(() => bank.getByTestId("hour-bank-left").textContent()).toBe("8 h 30 min");
    expect(await bank.getByTestId("client-rollover-rule").textContent()).toBe("Up to 5 h roll over into the next month; the rest lapse.");

    // The client's own rule overrides the agency's.
    const rollover = bank.getByTestId("client-rollover");
    await rollover.getByLabel("Unused hours at a month's end").selectOption("expire");
    await rollover.getByLabel("Months rolled hours stay usable").fill("2");
    await rollover.getByRole("button", { name: "Save" }).click();
    await poll(() => bank.getByTestId("client-rollover-rule").textContent()).toContain("for 2 months");

    // The overage rule: ask first, the hours typed key by key (the field keeps its focus as it re-renders).
    const overage = bank.getByTestId("client-overage");
    await overage.getByLabel("When the hours run out").selectOption("ask");
    const askHours = overage.getByLabel("Hours the client may approve at once");
    await askHours.fill("");
    await askHours.pressSequentially("3.5");
    expect(await askHours.inputValue()).toBe("3.5");
    await overage.getByRole("button", { name: "Save" }).click();
    await poll(() => bank.getByTestId("client-overage-rule").textContent()).toBe("The client approves up to 3.5 h more before work goes on.");
    expect((await world.owner.get(`/hour-bank/clients/${world.ids.client}`)).body).toMatchObject({ overage: { mode: "ask", askMinutes: 210 }, overageSource: "client" });
    await overage.getByLabel("When the hours run out").selectOption("");
    await overage.getByRole("button", { name: "Save" }).click();
    await poll(async () => (await world.owner.get(`/hour-bank/clients/${world.ids.client}`)).body.overageSource).not.toBe("client");

    // Adjust: nonsense and a missing reason are refused on their fields, then 2 hours are added.
    const adjust = bank.getByTestId("client-adjust");
    await adjust.getByLabel("Hours to add").fill("lots");
    await adjust.getByLabel("Reason").fill("Launch week");
    await adjust.getByRole("button", { name: "Adjust hours" }).click();
    await poll(() => adjust.getByText("Enter hours like 1.5 or -2.").isVisible()).toBe(true);
    await adjust.getByLabel("Hours to add").fill("2000");
    await adjust.getByRole("button", { name: "Adjust hours" }).click();
    await poll(() => adjust.getByText("Add at most 744 hours at once.").isVisible()).toBe(true);
    await adjust.getByLabel("Hours to add").fill("2");
    await adjust.getByLabel("Reason").fill(" ");
    await adjust.getByRole("button", { name: "Adjust hours" }).click();
    await poll(() => adjust.getByText("Say why the hours change.").isVisible()).toBe(true);
    await adjust.getByLabel("Reason").fill("Launch week");
    await adjust.getByRole("button", { name: "Adjust hours" }).click();
    await poll(() => bank.getByTestId("hour-bank-left").textContent()).toBe("10 h 30 min");
    await poll(() => bank.getByTestId("hour-bank-entries").innerText()).toContain("Launch week");
    await poll(() => bank.getByTestId("hour-bank-requests").innerText()).toContain("Monthly newsletter");
    await owner.screenshot({ path: "/tmp/shots/bank/client-hour-bank-1440.png", fullPage: true });

    await contact.reload();
    await poll(() => contact.getByTestId("hours-balance").textContent()).toBe("10 h 30 min");
    await poll(() => contact.getByTestId("hours-adjustments").innerText()).toContain("Launch week");
    await contact.screenshot({ path: "/tmp/shots/bank/portal-hours-1440.png", fullPage: true });

    // Phone width: both pages fit.
    await owner.setViewportSize({ width: 390, height: 844 });
    await owner.reload();
    await poll(() => bank.getByTestId("hour-bank-left").textContent()).toBe("10 h 30 min");
    expect(await fits(owner)).toBe(true);
    await bank.screenshot({ path: "/tmp/shots/bank/client-hour-bank-390.png" });
    await contact.setViewportSize({ width: 390, height: 844 });
    await contact.reload();
    await poll(() => contact.getByTestId("hours-balance").textContent()).toBe("10 h 30 min");
    expect(await fits(contact)).toBe(true);
    await contact.screenshot({ path: "/tmp/shots/bank/portal-hours-390.png", fullPage: true });
  });

  it("totals only leaves out the requests; hidden takes the Hours page out of the portal", async () => {
    const bank = owner.getByTestId("client-hour-bank");
    const transparency = bank.getByTestId("client-transparency");
    await transparency.getByLabel("Hours in the portal").selectOption("totals");
    await transparency.getByRole("button", { name: "Save" }).click();
    await poll(async () => (await world.owner.get(`/hour-bank/clients/${world.ids.client}`)).body.transparency).toBe("totals");
    await contact.reload();
    await poll(() => contact.getByTestId("hours-balance").textContent()).toBe("10 h 30 min");
    expect(await contact.getByTestId("hours-requests").count()).toBe(0);
    expect(await contact.getByTestId("hours-adjustments").count()).toBe(0);

    await transparency.getByLabel("Hours in the portal").selectOption("hidden");
    await transparency.getByRole("button", { name: "Save" }).click();
    await poll(async () => (await world.owner.get(`/hour-bank/clients/${world.ids.client}`)).body.transparency).toBe("hidden");
    await contact.setViewportSize({ width: 1440, height: 900 });
    await contact.goto(`${platform.baseUrl}/portal/`);
    await contact.getByRole("navigation").getByRole("link", { name: "Files", exact: true }).waitFor();
    expect(await contact.getByRole("navigation").getByRole("link", { name: "Hours", exact: true }).count()).toBe(0);
    await contact.screenshot({ path: "/tmp/shots/bank/portal-hidden-1440.png" });
  });
});
