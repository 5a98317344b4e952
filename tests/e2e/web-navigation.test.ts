import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// The team app's navigation in Chromium: the sidebar grouped by job with its counts, folding and
// the icon rail; the Ctrl/⌘-K command palette; the phone's bottom bar and "More" menu; and what a
// subcontractor's menu leaves out.

let platform: Started;
let browser: Browser;
let world: World;
let owner: Page;
const ids = { waiting: "", waitingRef: "", task: "", taskRef: "" };

async function check<T = any>(reply: { status: number; body: T }, status = 200): Promise<T> {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  return reply.body;
}

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Wayfinding Assistants");
  // Work at each count: a request to triage, a deliverable to review, a task in progress.
  const waiting = await check(await world.contact.post("/requests", { title: "Book the spring offsite", description: "Twelve people.", service: "Events" }), 201);
  ids.waiting = waiting.id;
  ids.waitingRef = waiting.reference;
  const review = await acceptedTask(world, { title: "Draft the newsletter" });
  const assigned = await check(await world.owner.post(`/tasks/${review.task.id}/assign`, { version: review.task.version, memberId: world.ids.sub }));
  await check(await world.sub.post(`/tasks/${review.task.id}/submit`, { version: assigned.task.version, text: "Draft attached", links: [] }));
  const open = await acceptedTask(world, { title: "Reconcile the March invoices" });
  await check(await world.owner.post(`/tasks/${open.task.id}/assign`, { version: open.task.version, memberId: world.ids.sub }));
  ids.task = open.task.id;
  ids.taskRef = open.task.reference;

  owner = await newPerson(browser);
  await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const sidebar = (page: Page) => page.getByRole("navigation", { name: "Main" });
const entry = (page: Page, name: string) => sidebar(page).getByRole("link", { name, exact: true });
const groupToggle = (page: Page, name: string) => sidebar(page).getByRole("button", { name, exact: true });

/** The text a screen reader hears after a link's name: the elements its aria-describedby names. */
async function description(link: Locator): Promise<string> {
  return link.evaluate((el) => {
    const ids = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
    return ids.map((id: string) => (el.ownerDocument.getElementById(id)?.textContent ?? "").trim()).join(" ");
  });
}

/** Each group's name and the entries under it, as the menu shows them. */
async function menu(page: Page): Promise<Record<string, string[]>> {
  return sidebar(page).evaluate((nav) => {
    const groups: Record<string, string[]> = {};
    for (const group of nav.querySelectorAll("[data-group]")) {
      const name = group.querySelector("button")!.textContent!.trim();
      groups[name] = [...group.querySelectorAll("a")].map((a) => a.querySelector(".nav-label")!.textContent!.trim());
    }
    return groups;
  });
}

describe("the sidebar", () => {
  it("groups the owner's pages by job, in the order of the day's work", async () => {
    await owner.goto(`${platform.baseUrl}/`);
    await entry(owner, "Home").waitFor();
    expect(await menu(owner)).toEqual({
      Work: ["Inbox", "Requests", "My work", "QA", "Board", "Calendar", "Meeting planner", "Recurring"],
      Clients: ["Clients", "Onboarding", "Satisfaction"],
      Money: ["Time", "Approvals", "Payouts", "Quotes", "Invoices", "Packages", "Reports"],
      Agency: ["Team", "SOPs", "Settings"],
    });
    await expect(entry(owner, "Home").getAttribute("aria-current")).resolves.toBe("page");
  });

  it("counts what waits: requests to triage on Inbox, deliverables to review on QA", async () => {
    const inbox = entry(owner, "Inbox");
    await inbox.locator(".nav-count").filter({ hasText: "1" }).waitFor();
    // The count is read after the name, so the link is still called just "Inbox".
    await expect(description(inbox)).resolves.toBe("1 request to triage");
    await expect(description(entry(owner, "QA"))).resolves.toBe("1 deliverable to review");
    // Requests counts something else: the requests with news the owner hasn't opened yet.
    const unread = (await check(await world.owner.get("/inbox"))).total;
    expect(unread).toBeGreaterThan(0);
    await expect(description(entry(owner, "Requests"))).resolves.toBe(`${unread} unread`);

    // Triage the request: the inbox count goes once the list it counts is refreshed.
    const request = await check(await world.owner.get(`/requests/${ids.waiting}`));
    await check(await world.owner.post(`/requests/${ids.waiting}/decline`, { version: request.request.version, reason: "Not a service we offer." }));
    await owner.reload();
    await entry(owner, "QA").locator(".nav-count").waitFor();
    await expect(entry(owner, "Inbox").locator(".nav-count").count()).resolves.toBe(0);
    await expect(entry(owner, "Inbox").getAttribute("aria-describedby")).resolves.toBeNull();
  });

  it("marks the page on screen, telling the inbox from all requests and the planning views apart", async () => {
    const current = async () => sidebar(owner).locator('[aria-current="page"] .nav-label').allInnerTexts();
    await entry(owner, "Inbox").click();
    await owner.waitForURL(`${platform.baseUrl}/requests`);
    await expect(current()).resolves.toEqual(["Inbox"]);
    await entry(owner, "Requests").click();
    await owner.waitForURL(`${platform.baseUrl}/requests?status=all`);
    await expect(current()).resolves.toEqual(["Requests"]);
    await owner.goto(`${platform.baseUrl}/deadlines`);
    await owner.getByRole("heading", { name: "Deadlines", level: 1 }).waitFor();
    await expect(current()).resolves.toEqual(["Board"]);
    await owner.goto(`${platform.baseUrl}/tasks/${ids.task}`);
    await owner.getByRole("heading", { name: "Reconcile the March invoices", level: 1 }).waitFor();
    await expect(current()).resolves.toEqual(["My work"]);
  });

  it("folds a group, remembers it after a reload, and unfolds it", async () => {
    const money = groupToggle(owner, "Money");
    await expect(money.getAttribute("aria-expanded")).resolves.toBe("true");
    await money.click();
    await expect(money.getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(entry(owner, "Invoices").count()).resolves.toBe(0);
    await owner.reload();
    await entry(owner, "Home").waitFor();
    await expect(groupToggle(owner, "Money").getAttribute("aria-expanded")).resolves.toBe("false");
    await groupToggle(owner, "Money").click();
    await entry(owner, "Invoices").waitFor();
  });

  it("narrows to icons, keeping every entry's name for screen readers", async () => {
    await owner.getByRole("button", { name: "Collapse the menu" }).click();
    await owner.getByRole("button", { name: "Expand the menu" }).waitFor();
    const width = await owner.getByTestId("sidebar").evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeLessThan(80);
    await expect(entry(owner, "Invoices").getAttribute("title")).resolves.toBe("Invoices");
    await entry(owner, "Invoices").click();
    await owner.waitForURL(`${platform.baseUrl}/invoices`);
    await owner.getByRole("button", { name: "Expand the menu" }).click();
    await owner.getByRole("button", { name: "Collapse the menu" }).waitFor();
  });

  it("shows a subcontractor only their own work, time, payout statements and the SOP library", async () => {
    const sub = await newPerson(browser, "Asia/Kolkata");
    await signInWithEmail(sub, platform.baseUrl, world.people.sub.email);
    await entry(sub, "Home").waitFor();
    expect(await menu(sub)).toEqual({ Work: ["My work", "Calendar"], Money: ["Time", "Payouts"], Agency: ["SOPs"] });
    // A reviewer also has the QA queue, with its count.
    const reviewer = await newPerson(browser, "Europe/Athens");
    await signInWithEmail(reviewer, platform.baseUrl, world.people.other.email);
    await entry(reviewer, "QA").waitFor();
    expect((await menu(reviewer)).Work).toEqual(["My work", "QA", "Calendar"]);
    await expect(description(entry(reviewer, "QA"))).resolves.toBe("1 deliverable to review");
    await sub.context().close();
    await reviewer.context().close();
  });
});

describe("a page that isn't there", () => {
  it("offers a way home instead of a retry that can't help", async () => {
    await owner.goto(`${platform.baseUrl}/tasks/tsk_${"0".repeat(26)}`);
    await owner.getByText("We couldn't find that. It may have been removed.").waitFor();
    await expect(owner.getByRole("button", { name: "Try again" }).count()).resolves.toBe(0);
    await owner.getByRole("main").getByRole("link", { name: "Go to the home page" }).click();
    await owner.waitForURL(`${platform.baseUrl}/`);
  });
});

describe("the command palette", () => {
  const palette = () => owner.getByRole("dialog", { name: "Jump to" });
  const field = () => palette().getByRole("combobox", { name: "Page, client, request or task" });
  const options = () => palette().getByRole("option");

  it("opens with Ctrl-K on the search field and lists the pages", async () => {
    await owner.goto(`${platform.baseUrl}/`);
    await entry(owner, "Home").waitFor();
    await owner.keyboard.press("Control+K");
    await field().waitFor();
    await expect(field().evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
    await expect(options().first().innerText()).resolves.toContain("Home");
    await expect(palette().getByRole("group", { name: "Pages" }).getByRole("option", { name: "Settings" }).count()).resolves.toBe(1);
    await owner.keyboard.press("Escape");
    await palette().waitFor({ state: "hidden" });
  });

  it("opens again on a Ctrl-K that comes before the browser has told of the last close", async () => {
    await entry(owner, "Home").waitFor();
    await owner.keyboard.press("Control+K");
    await field().waitFor();
    // Chromium tells a dialog's "close" a little after it closed. A busy page can take the
    // next key first: here Ctrl-K comes straight after Escape, before that close is told.
    await owner.evaluate(() => {
      const page = globalThis as any;
      page.document.querySelector("dialog.palette").addEventListener(
        "cancel",
        () => queueMicrotask(() => page.document.dispatchEvent(new page.KeyboardEvent("keydown", { key: "k", ctrlKey: true, bubbles: true, cancelable: true }))),
        { once: true },
      );
    });
    await owner.keyboard.press("Escape");
    // Two frames later the late "close" has been told; the palette stays open.
    await owner.evaluate(() => new Promise((done) => (globalThis as any).requestAnimationFrame(() => (globalThis as any).requestAnimationFrame(done))));
    await expect(palette().isVisible()).resolves.toBe(true);
    await expect(field().evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
    await owner.keyboard.press("Escape");
    await palette().waitFor({ state: "hidden" });
  });

  it("jumps to a page by part of its name with the keyboard", async () => {
    await owner.keyboard.press("Control+K");
    await field().fill("invo");
    await palette().getByRole("status").filter({ hasText: /results?$/ }).waitFor();
    await expect(options().first().innerText()).resolves.toContain("Invoices");
    await expect(field().getAttribute("aria-activedescendant")).resolves.toBe(await options().first().getAttribute("id"));
    await owner.keyboard.press("Enter");
    await owner.waitForURL(`${platform.baseUrl}/invoices`);
    await palette().waitFor({ state: "hidden" });
  });

  it("jumps straight to a settings page by its name", async () => {
    await owner.keyboard.press("Control+K");
    await field().fill("holidays");
    await palette().getByRole("status").filter({ hasText: /results?$/ }).waitFor();
    await expect(options().first().innerText()).resolves.toContain("Hours and holidays");
    await owner.keyboard.press("Enter");
    await owner.waitForURL(`${platform.baseUrl}/settings/hours`);
    await palette().waitFor({ state: "hidden" });
  });

  it("finds a task by its reference and a client by name", async () => {
    await owner.keyboard.press("Control+K");
    await field().fill(ids.taskRef.toLowerCase());
    const task = palette().getByRole("group", { name: "Tasks" }).getByRole("option", { name: /Reconcile the March invoices/ });
    await task.waitFor();
    // The arrow keys move the highlight to it; Enter opens it.
    const position = await options().evaluateAll((all, id) => all.findIndex((o) => o.id === id), await task.getAttribute("id"));
    for (let i = 0; i < position; i++) await owner.keyboard.press("ArrowDown");
    await expect(task.getAttribute("aria-selected")).resolves.toBe("true");
    await owner.keyboard.press("Enter");
    await owner.waitForURL(`${platform.baseUrl}/tasks/${ids.task}`);

    await owner.keyboard.press("Control+K");
    await field().fill("acme");
    await palette().getByRole("group", { name: "Clients" }).getByRole("option", { name: /Acme Corp/ }).click();
    await owner.waitForURL(`${platform.baseUrl}/clients/${world.ids.client}`);
  });

  it("says so when nothing matches", async () => {
    await owner.keyboard.press("Control+K");
    await field().fill("zzqx nothing like this");
    await palette().getByRole("status").filter({ hasText: "Nothing matches “zzqx nothing like this”." }).waitFor();
    await expect(options().count()).resolves.toBe(0);
    await owner.keyboard.press("Escape");
  });
});

describe("on a phone", () => {
  it("keeps four places in a bottom bar and the rest behind More", async () => {
    const phone = await newPerson(browser);
    await phone.setViewportSize({ width: 390, height: 844 });
    await signInWithEmail(phone, platform.baseUrl, world.agency.ownerEmail);
    const bar = phone.getByTestId("bottom-bar");
    await bar.waitFor();
    await expect(bar.locator("a .nav-label").allInnerTexts()).resolves.toEqual(["Home", "Inbox", "QA", "Board"]);
    await expect(description(bar.getByRole("link", { name: "QA", exact: true }))).resolves.toBe("1 deliverable to review");
    // The sidebar is gone: the bottom bar is the only menu on screen.
    await expect(phone.getByRole("navigation", { name: "Main" }).count()).resolves.toBe(1);

    const more = bar.getByRole("button", { name: "More" });
    await more.click();
    const sheet = phone.getByRole("dialog", { name: "Menu" });
    await sheet.getByRole("heading", { name: "Agency" }).waitFor();
    await expect(more.getAttribute("aria-expanded")).resolves.toBe("true");
    await sheet.getByRole("link", { name: "Team", exact: true }).click();
    await phone.waitForURL(`${platform.baseUrl}/team`);
    await sheet.waitFor({ state: "hidden" });
    // Team isn't one of the four, so More stands for the page on screen.
    await expect(more.evaluate((el) => el.classList.contains("bottom-elsewhere"))).resolves.toBe(true);

    // The palette is a tap away too.
    await phone.getByRole("banner").getByRole("button", { name: "Jump to…" }).click();
    await phone.getByRole("dialog", { name: "Jump to" }).getByRole("combobox").fill("settings");
    await phone.keyboard.press("Enter");
    await phone.waitForURL(`${platform.baseUrl}/settings`);
    await phone.context().close();
  });
});
