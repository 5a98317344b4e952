import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, startPlatform } from "../support/browser.ts";
import { ApiClient, mailCount, newVerifyLinkFor, waitForEmail, type Started } from "../support/http.ts";
import { scoreLinksInText, tokenOf } from "../support/surveys.ts";
import { leadWithContact, saveKit, startOnboarding } from "../support/onboarding.ts";
import { createWorld, type World } from "../support/world.ts";
import { approveTime } from "../support/approve-time.ts";

// Script in every field people type, shown in a real Chromium in both apps. Each payload would
// set window.__xss if it ran (an inline handler, a <script>, an SVG onload). Every page must
// show it as text: no element of the payload in the DOM (so escaping, not only the CSP, keeps it
// harmless), no javascript: link, and __xss unset. Each payload carries a tag, so the test waits
// for the field to be on the page.

const payload = (tag: string) => `${tag}<img src=x onerror="__xss='${tag}'"><svg onload="__xss='${tag}'"><script>__xss='${tag}'</script>`;

let platform: Started;
let browser: Browser;
let world: World;
let owner: Page;
let contact: Page;
let newClient: Page;
const ids = { request: "", task: "", invoice: "", lead: "" };

async function check(reply: { status: number; body: any }, status = 200) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  return reply.body;
}

/** Signs a browser in by following a fresh emailed link for `email` (asked for over HTTP). */
async function signInBrowser(page: Page, email: string, app: "web" | "portal") {
  const seen = await mailCount(email);
  await check(await new ApiClient(platform.baseUrl, app).post("/auth/link", { email }), 202);
  await page.goto(await newVerifyLinkFor(email, seen));
  await page.waitForURL((url) => !url.pathname.endsWith("/auth/verify"));
}

/** Opens a page, waits until every tagged field is shown, and checks that nothing ran. */
async function showsHarmlessly(page: Page, url: string, tags: string[]) {
  await page.goto(url);
  for (const tag of tags) await page.getByText(tag).first().waitFor();
  // Give handlers (onerror fires after a failed load) a moment to run if they were live.
  await page.waitForTimeout(300);
  await expect(page.evaluate(() => (globalThis as { __xss?: unknown }).__xss), url).resolves.toBeUndefined();
  await expect(page.locator('img[src="x"], svg[onload], [onerror]').count(), url).resolves.toBe(0);
  // Links people typed never carry script.
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  expect(hrefs.filter((href) => /^\s*javascript:/i.test(href)), url).toEqual([]);
}

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Script Proof Assistants");

  // The agency's payment instructions (owner) and the client's notes (owner).
  const agency = await check(await world.owner.get("/me"));
  await check(await world.owner.patch("/agency", { version: agency.agency.version, paymentInstructions: payload("XSS-instructions") }));
  const client = await check(await world.owner.get(`/clients/${world.ids.client}`));
  await check(await world.owner.patch(`/clients/${world.ids.client}`, { version: client.version, notes: payload("XSS-notes"), billing: { hourlyRate: 5000 } }));
  // A second contact whose name is a payload.
  await check(await world.owner.post(`/clients/${world.ids.client}/contacts`, { email: `xss-${Date.now()}@example.com`, name: payload("XSS-contact").slice(0, 100), timeZone: "UTC" }), 201);

  // A request typed by the client, with a message each way.
  const submitted = await check(
    await world.contact.post("/requests", { title: payload("XSS-title"), description: payload("XSS-description"), service: "Admin", links: ["https://example.com/brief"] }),
    201,
  );
  ids.request = submitted.id;
  await check(await world.contact.post(`/requests/${submitted.id}/messages`, { body: payload("XSS-client-message") }), 201);
  await check(await world.owner.post(`/requests/${submitted.id}/messages`, { body: payload("XSS-team-message") }), 201);
  const dueAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
  const accepted = await check(
    await world.owner.post(`/requests/${submitted.id}/accept`, { version: submitted.version, tasks: [{ title: payload("XSS-task"), estimateHours: 1, dueAt }] }),
  );
  const task = accepted.tasks[0];
  ids.task = task.id;

  // The subcontractor's deliverable and time note, QA's notes, the client's revision comment.
  const assigned = await check(await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub }));
  // Approved, so the invoice below bills it (only approved time is invoiced).
  await approveTime(world, [await check(await world.sub.post("/time", { taskId: task.id, startedAt: new Date(Date.now() - 40 * 60_000).toISOString(), minutes: 30, note: payload("XSS-note") }), 201)]);
  const submittedWork = await check(await world.sub.post(`/tasks/${task.id}/submit`, { version: assigned.task.version, text: payload("XSS-deliverable"), links: [] }));
  const reviewed = await check(
    await world.reviewer.post(`/tasks/${task.id}/review`, { version: submittedWork.task.version, decision: "approve", rubric: 4, notes: payload("XSS-qa") }),
  );
  await check(await world.contact.post(`/tasks/${task.id}/revision`, { version: reviewed.task.version, comment: payload("XSS-revision") }));
  // The client leaves that one in revision; a second request goes all the way, so the client
  // gets a CSAT survey and comments with a payload.
  const other = await check(await world.contact.post("/requests", { title: "Survey me", description: "Plain.", service: "Admin" }), 201);
  const second = (await check(await world.owner.post(`/requests/${other.id}/accept`, { version: other.version, tasks: [{ title: "Plain task", estimateHours: 1, dueAt }] }))).tasks[0];
  const b1 = await check(await world.owner.post(`/tasks/${second.id}/assign`, { version: second.version, memberId: world.ids.sub }));
  const b2 = await check(await world.sub.post(`/tasks/${second.id}/submit`, { version: b1.task.version, text: "Done", links: [] }));
  const b3 = await check(await world.reviewer.post(`/tasks/${second.id}/review`, { version: b2.task.version, decision: "approve", rubric: 5 }));
  await check(await world.contact.post(`/tasks/${second.id}/approve`, { version: b3.task.version }));
  const survey = await waitForEmail(world.people.contact.email, (e) => scoreLinksInText(e.body.text ?? "").size === 5);
  const token = tokenOf(scoreLinksInText(survey.body.text ?? "").get(1)!);
  const anonymous = new ApiClient(platform.baseUrl, "portal");
  await check(await anonymous.post("/surveys/respond", { token, score: 1 }));
  await check(await anonymous.post("/surveys/respond/comment", { token, comment: payload("XSS-survey") }));

  // A package and an invoice line, both typed by the owner and read by the client.
  await check(
    await world.owner.post("/packages", {
      name: payload("XSS-package").slice(0, 100),
      description: payload("XSS-package-description"),
      deliverables: [payload("XSS-package-deliverable")],
      prices: [{ currency: "USD", amount: 10_000 }],
    }),
    201,
  );
  const draft = await check(
    await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: true, lines: [{ kind: "custom", description: payload("XSS-line"), quantity: 1, unitAmount: 1000 }] }),
    201,
  );
  await check(await world.owner.post(`/invoices/${draft.id}/send`, { version: draft.version }));
  ids.invoice = draft.id;

  // Onboarding: every part of the kit the owner types, and the new client's draft answer (a draft
  // keeps the form, with its help texts and options, on the checklist).
  await saveKit(world.owner, {
    questions: [
      { kind: "text", label: payload("XSS-question"), help: payload("XSS-help"), required: true },
      { kind: "choice", label: "Channel", help: null, required: false, options: [payload("XSS-option"), "Phone"] },
    ],
    agreement: { scope: payload("XSS-scope"), deliverables: payload("XSS-deliverables"), paymentTerms: "Net 15.", confidentiality: "Kept." },
    welcomePacket: `# Welcome\n\n${payload("XSS-packet")}\n\n[click](javascript:__xss='XSS-packet-link')`,
  });
  const lead = await leadWithContact(platform, world.owner, "Script Lead");
  ids.lead = lead.clientId;
  const started = await startOnboarding(world.owner, lead.clientId);
  const textQuestion = started.questions[0].id as string;
  await check(await lead.contact.request("PUT", "/onboarding/mine/answers", { version: started.version, answers: { [textQuestion]: payload("XSS-answer") }, submit: false }));

  newClient = await newPerson(browser, "Europe/Athens");
  await signInBrowser(newClient, lead.email, "portal");
  owner = await newPerson(browser);
  contact = await newPerson(browser, "America/New_York");
  await signInBrowser(owner, world.agency.ownerEmail, "web");
  await signInBrowser(contact, world.people.contact.email, "portal");
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe("typed script stays text in the team app", () => {
  it("would notice markup that was rendered, and the page's CSP stops its inline script anyway", async () => {
    // The control: the payload inserted as HTML, as a careless innerHTML would. The element check
    // in showsHarmlessly finds it; the CSP (no inline script) keeps its handlers from running.
    await owner.goto(`${platform.baseUrl}/`);
    await owner.evaluate((html) => (globalThis as unknown as { document: { body: { insertAdjacentHTML(where: string, html: string): void } } }).document.body.insertAdjacentHTML("beforeend", html), payload("XSS-control"));
    await expect(owner.locator('img[src="x"], svg[onload], [onerror]').count()).resolves.toBeGreaterThan(0);
    await owner.waitForTimeout(300);
    await expect(owner.evaluate(() => (globalThis as { __xss?: unknown }).__xss)).resolves.toBeUndefined();
  });

  it("on a request: title, description, messages both ways, the task", async () => {
    await showsHarmlessly(owner, `${platform.baseUrl}/requests/${ids.request}`, ["XSS-title", "XSS-description", "XSS-client-message", "XSS-team-message", "XSS-task"]);
  });

  it("on a task: its deliverable, QA's notes and the client's revision comment", async () => {
    await showsHarmlessly(owner, `${platform.baseUrl}/tasks/${ids.task}`, ["XSS-task", "XSS-deliverable", "XSS-qa", "XSS-revision"]);
  });

  it("on the client page: a contact's name, and the notes as the text being edited", async () => {
    await showsHarmlessly(owner, `${platform.baseUrl}/clients/${world.ids.client}`, ["XSS-contact"]);
    await expect(owner.getByLabel("Notes").inputValue()).resolves.toBe(payload("XSS-notes"));
  });

  it("in the package library, an invoice, the satisfaction page's comments and a time entry's note", async () => {
    await showsHarmlessly(owner, `${platform.baseUrl}/packages`, ["XSS-package", "XSS-package-description", "XSS-package-deliverable"]);
    await showsHarmlessly(owner, `${platform.baseUrl}/invoices/${ids.invoice}`, ["XSS-line", "XSS-task"]);
    await showsHarmlessly(owner, `${platform.baseUrl}/satisfaction`, ["XSS-survey"]);
    await showsHarmlessly(owner, `${platform.baseUrl}/time?member=${world.ids.sub}`, ["XSS-note"]);
  });
});

describe("typed script stays text in onboarding", () => {
  it("in the owner's kit preview and on the new client's page with its answers", async () => {
    await showsHarmlessly(owner, `${platform.baseUrl}/onboarding`, ["XSS-packet"]);
    await showsHarmlessly(owner, `${platform.baseUrl}/clients/${ids.lead}`, ["XSS-question", "XSS-answer"]);
  });

  it("on the new client's checklist: questions, options, agreement and welcome packet", async () => {
    await showsHarmlessly(newClient, `${platform.baseUrl}/portal/onboarding`, ["XSS-question", "XSS-help", "XSS-option", "XSS-scope", "XSS-deliverables", "XSS-packet"]);
  });
});

describe("typed script stays text in the client portal", () => {
  it("on a request: the team's messages and the task", async () => {
    await showsHarmlessly(contact, `${platform.baseUrl}/portal/requests/${ids.request}`, ["XSS-title", "XSS-description", "XSS-team-message", "XSS-task"]);
  });

  it("on an invoice: its lines and the agency's payment instructions", async () => {
    await showsHarmlessly(contact, `${platform.baseUrl}/portal/invoices/${ids.invoice}`, ["XSS-line", "XSS-instructions"]);
  });

  it("on the company page: the contacts' names", async () => {
    await showsHarmlessly(contact, `${platform.baseUrl}/portal/company`, ["XSS-contact"]);
  });
});
