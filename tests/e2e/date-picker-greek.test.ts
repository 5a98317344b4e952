import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { el } from "../../packages/ui/src/i18n/el.ts";
import { launchChromium, newPerson as openPage, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// Date fields in the app's language (issue 22 item 9), in a real Chromium whose own locale is
// English: a Greek client picks the wanted-by date of a new request with the keyboard alone. The
// field writes the date the Greek way (day/month/year), the calendar names the month in Greek,
// and the value sent stays ISO. Screenshots at 1440 and 390 px.

let platform: Started;
let browser: Browser;
let world: World;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Date Picker Agency");
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
/** `date` a month on, kept within the month (31 January → 28 February), as the picker's PageDown does. */
function nextMonth(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(y, m, Math.min(d, last))));
}
const plusDays = (date: string, days: number) => iso(new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000));

describe("the date picker in Greek", () => {
  let contact: Page;

  it("picks a date with the keyboard and shows it the Greek way", async () => {
    contact = await openPage(browser, "America/New_York");
    await contact.goto(`${platform.baseUrl}/portal/sign-in`);
    await signInWithEmail(contact, `${platform.baseUrl}/portal`, world.people.contact.email);
    expect((await world.contact.patch("/me", { locale: "el" })).status).toBe(200);
    await contact.goto(`${platform.baseUrl}/portal/requests/new`);
    await contact.getByRole("heading", { name: el["portal.new.title"], level: 1 }).waitFor();

    const field = contact.getByLabel(el["portal.field.desiredDueDate"]);
    const toggle = contact.getByRole("button", { name: el["datePicker.open"] });
    await toggle.focus();
    await contact.keyboard.press("Enter");
    const dialog = contact.getByRole("dialog", { name: el["datePicker.dialog"] });
    await dialog.waitFor();
    const grid = dialog.getByRole("grid");
    // Today in the client's zone has the focus; PageDown, two days on, a week down, Enter.
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date());
    await expect.poll(() => contact.evaluate("document.activeElement && document.activeElement.getAttribute('data-date')"), { timeout: 15_000 }).toBe(today);
    await contact.keyboard.press("PageDown");
    await contact.keyboard.press("ArrowRight");
    await contact.keyboard.press("ArrowRight");
    await contact.keyboard.press("ArrowDown");
    const wanted = plusDays(nextMonth(today), 9);
    await expect.poll(() => contact.evaluate("document.activeElement && document.activeElement.getAttribute('data-date')"), { timeout: 15_000 }).toBe(wanted);
    // The month is named in Greek, and the weekday headings are Greek, Monday first.
    const month = new Intl.DateTimeFormat("el", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${wanted}T12:00:00Z`));
    await dialog.getByRole("heading", { name: month }).waitFor();
    expect((await grid.locator("th").first().innerText()).toLowerCase()).toBe(new Intl.DateTimeFormat("el", { weekday: "short", timeZone: "UTC" }).format(new Date("2033-11-21T12:00:00Z")).toLowerCase());
    await contact.screenshot({ path: "/tmp/shots/daily/date-picker-el-1440.png" });

    await contact.keyboard.press("Enter");
    await dialog.waitFor({ state: "detached" });
    const [y, m, d] = wanted.split("-").map(Number);
    await expect.poll(() => field.inputValue(), { timeout: 15_000 }).toBe(`${d}/${m}/${y}`);
    expect(await field.getAttribute("data-value")).toBe(wanted);
    // Focus went back to the button that opened the calendar.
    expect(await toggle.evaluate((button) => button === (button.ownerDocument as any).activeElement)).toBe(true);
  });

  it("closes on Escape without changing the date, and takes a date typed the Greek way", async () => {
    const field = contact.getByLabel(el["portal.field.desiredDueDate"]);
    const before = await field.getAttribute("data-value");
    await contact.getByRole("button", { name: el["datePicker.open"] }).click();
    const dialog = contact.getByRole("dialog", { name: el["datePicker.dialog"] });
    await dialog.waitFor();
    await contact.keyboard.press("ArrowLeft");
    await contact.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await field.getAttribute("data-value")).toBe(before);

    await field.fill("3/2/2099");
    await expect.poll(() => field.getAttribute("data-value"), { timeout: 15_000 }).toBe("2099-02-03");
    await field.fill("31/2/2099");
    await field.blur();
    await contact.getByText(el["datePicker.invalid"].replace("{example}", "22/11/2033")).waitFor();
    // Nothing typed is lost: the text stays for correcting.
    expect(await field.inputValue()).toBe("31/2/2099");
  });

  it("fits a phone's width with the calendar open", async () => {
    await contact.setViewportSize({ width: 390, height: 844 });
    await contact.getByLabel(el["portal.field.desiredDueDate"]).fill("3/2/2099");
    await contact.getByRole("button", { name: el["datePicker.open"] }).click();
    await contact.getByRole("dialog", { name: el["datePicker.dialog"] }).waitFor();
    expect(await contact.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await contact.screenshot({ path: "/tmp/shots/daily/date-picker-el-390.png" });
  });
});
