import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import { ApiClient, waitForEmail, type Started } from "../support/http.ts";
import { scoreLinksInText, tokenOf } from "../support/surveys.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// The owner's home as a dashboard: today's deadlines across clients, the QA queue, requests near
// their response deadline, overdue invoices and the satisfaction trend, each card linking on.

let platform: Started;
let browser: Browser;
let world: World;
let owner: Page;
const ids = { today: "", overdue: "", later: "", qa: "", soon: "", notSoon: "", invoice: "" };
let invoiceNumber = "";

async function check(reply: { status: number; body: any }, status = 200) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  return reply.body;
}

/** Milliseconds until the owner's (Europe/London) midnight: "today" for a task due before it. */
function untilLondonMidnight(): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hourCycle: "h23", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(new Date());
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return (24 * 3600 - (get("hour") * 3600 + get("minute") * 60 + get("second"))) * 1000;
}

async function taskDueAt(title: string, dueAt: Date) {
  const submitted = await check(await world.contact.post("/requests", { title, description: "For the home page.", service: "Admin" }), 201);
  const accepted = await check(
    await world.owner.post(`/requests/${submitted.id}/accept`, {
      version: submitted.version,
      tasks: [{ title, estimateHours: 1, dueAt: dueAt.toISOString(), skills: [] }],
    }),
  );
  return accepted.tasks[0] as { id: string; version: number };
}

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Dashboard Assistants");

  // Tasks: one due later today, one overdue, one next week (not today's).
  ids.today = (await taskDueAt("Call the bank", new Date(Date.now() + Math.min(30 * 60_000, untilLondonMidnight() / 2)))).id;
  ids.overdue = (await taskDueAt("File the expenses", new Date(Date.now() - 3600_000))).id;
  ids.later = (await taskDueAt("Plan the offsite", new Date(Date.now() + 6 * 86_400_000))).id;

  // A deliverable waiting in QA.
  const { task } = await acceptedTask(world, { title: "Draft the newsletter" });
  const assigned = await check(await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub }));
  await check(await world.sub.post(`/tasks/${task.id}/submit`, { version: assigned.task.version, text: "Draft attached", links: [] }));
  ids.qa = task.id;

  // A request done through QA and approved: its CSAT survey, answered 4 out of 5.
  const done = await acceptedTask(world, { title: "Tidy the inbox" });
  const a = await check(await world.owner.post(`/tasks/${done.task.id}/assign`, { version: done.task.version, memberId: world.ids.sub }));
  const s = await check(await world.sub.post(`/tasks/${done.task.id}/submit`, { version: a.task.version, text: "Done", links: [] }));
  const r = await check(await world.owner.post(`/tasks/${done.task.id}/review`, { version: s.task.version, decision: "approve", rubric: 5 }));
  await check(await world.contact.post(`/tasks/${done.task.id}/approve`, { version: r.task.version }));
  const mail = await waitForEmail(world.people.contact.email, (e) => e.subject === `How did we do on ${done.request.reference}?`);
  await check(await new ApiClient(platform.baseUrl, "portal").post("/surveys/respond", { token: tokenOf(scoreLinksInText(mail.body.text!).get(4)!), score: 4 }));

  // Response promises: 1 business hour (near) for one request, 40 (not near) for another.
  const setClient = async (patch: Record<string, unknown>) => {
    const client = await check(await world.owner.get(`/clients/${world.ids.client}`));
    await check(await world.owner.patch(`/clients/${world.ids.client}`, { version: client.version, ...patch }));
  };
  await setClient({ responseHours: 1, billing: { paymentTermsDays: 0 } });
  ids.soon = (await check(await world.contact.post("/requests", { title: "Book the flights", description: "Soon, please.", service: "Travel" }), 201)).id;
  await setClient({ responseHours: 40 });
  ids.notSoon = (await check(await world.contact.post("/requests", { title: "Research CRMs", description: "No rush.", service: "Research" }), 201)).id;

  // An invoice on 0-day terms: due the moment it is sent, so overdue straight after.
  const draft = await check(
    await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "Setup", quantity: 1, unitAmount: 12345 }] }),
    201,
  );
  const sent = await check(await world.owner.post(`/invoices/${draft.id}/send`, { version: draft.version }));
  ids.invoice = draft.id;
  invoiceNumber = sent.number;
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const card = (testid: string) => owner.getByTestId(testid);
const hrefs = async (testid: string) => card(testid).locator(".home-list a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));

describe("the owner's home dashboard", () => {
  it("the invoice on 0-day terms reads as overdue once sent", async () => {
    const invoice = await check(await world.owner.get(`/invoices/${ids.invoice}`));
    expect(invoice.invoice ?? invoice).toMatchObject({ status: "sent", overdue: true, paymentTermsDays: 0 });
  });

  it("lists today's deadlines across clients, overdue ones flagged, each linking to its task", async () => {
    owner = await newPerson(browser);
    await owner.goto(platform.baseUrl);
    await owner.waitForURL(/\/sign-in/);
    await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
    await owner.getByRole("heading", { name: "Today's deadlines", level: 2 }).waitFor();
    await card("home-today").locator(".home-list").waitFor();
    await expect(hrefs("home-today")).resolves.toEqual([`/tasks/${ids.overdue}`, `/tasks/${ids.today}`]);
    const text = await card("home-today").innerText();
    expect(text).toContain("1 overdue");
    expect(text).toContain("Acme Corp");
    expect(text).not.toContain("Plan the offsite");
    await expect(card("home-today").getByRole("listitem").first().locator(".badge-danger").innerText()).resolves.toMatch(/overdue/);
  });

  it("shows the QA queue with links to the work waiting", async () => {
    await expect(card("stat-qa").locator(".stat-number").innerText()).resolves.toBe("1");
    await expect(hrefs("stat-qa")).resolves.toEqual([`/tasks/${ids.qa}`]);
    await expect(card("stat-qa").innerText()).resolves.toContain("Sam Writer");
  });

  it("lists the requests due for a response within 8 business hours, not the later ones", async () => {
    await card("home-responses").locator(".home-list").waitFor();
    await expect(hrefs("home-responses")).resolves.toEqual([`/requests/${ids.soon}`]);
    const text = await card("home-responses").innerText();
    expect(text).toContain("Book the flights");
    expect(text).not.toContain("Research CRMs");
  });

  it("lists the overdue invoice with its client, balance and lateness", async () => {
    await card("home-invoices").locator(".home-list").waitFor();
    await expect(hrefs("home-invoices")).resolves.toEqual([`/invoices/${ids.invoice}`]);
    const text = await card("home-invoices").innerText();
    expect(text).toContain(invoiceNumber);
    expect(text).toContain("Acme Corp");
    expect(text).toContain("US$123.45 outstanding");
    expect(text).toContain("Fell due today");
  });

  it("shows the satisfaction trend with a described sparkline and a link to the report", async () => {
    await expect(card("home-satisfaction").getByTestId("home-csat").innerText()).resolves.toBe("4.0");
    await expect(card("home-satisfaction").getByTestId("home-nps").innerText()).resolves.toBe("—");
    const spark = card("home-satisfaction").getByRole("img", { name: /^CSAT by month: .*4\.0/ });
    await expect(spark.count()).resolves.toBe(1);
    await card("home-satisfaction").getByRole("link", { name: "Open satisfaction" }).click();
    await owner.waitForURL(`${platform.baseUrl}/satisfaction`);
  });

  it("card links are reachable by keyboard and lead to the item", async () => {
    await owner.goto(platform.baseUrl);
    const link = card("home-invoices").locator(".home-list a").first();
    await link.focus();
    await owner.keyboard.press("Enter");
    await owner.waitForURL(`${platform.baseUrl}/invoices/${ids.invoice}`);
  });

  it("stays within a phone's width", async () => {
    await owner.setViewportSize({ width: 360, height: 800 });
    await owner.goto(platform.baseUrl);
    await card("home-invoices").locator(".home-list").waitFor();
    const overflow = await owner.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
