import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson as openPage, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// The client portal's requests in a real Chromium: the contact submits a request through the
// form, the team takes it through triage, work and QA over HTTP, and the contact asks for a
// revision, approves, follows the timeline and talks to the team in the request's thread.

let platform: Started;
let browser: Browser;
let world: World;
let contact: Page;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Portal Agency");
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const newPerson = () => openPage(browser);

const portalUrl = () => `${platform.baseUrl}/portal`;

const navLink = (page: Page, name: string) => page.getByRole("navigation").getByRole("link", { name, exact: true });
const toast = (page: Page, text: string) => page.getByTestId("toast").filter({ hasText: text }).first().waitFor();

/** A date a month from now, as the date input takes it. */
const inAMonth = () => new Date(Date.now() + 30 * 24 * 3600_000).toISOString().slice(0, 10);

/** The team's side, over HTTP: the task as it is now (for its version). */
async function taskNow(taskId: string) {
  const reply = await world.owner.get(`/tasks/${taskId}`);
  expect(reply.status).toBe(200);
  return reply.body.task as { id: string; version: number; status: string };
}

/** The assignee hands the deliverable to QA and the owner passes it: the client is asked next. */
async function deliverAndPassQa(taskId: string, text: string) {
  const task = await taskNow(taskId);
  const submitted = await world.sub.post(`/tasks/${taskId}/submit`, { version: task.version, text, links: ["https://docs.example/result"] });
  expect(submitted.status).toBe(200);
  const reviewed = await world.owner.post(`/tasks/${taskId}/review`, { version: submitted.body.task.version, decision: "approve", rubric: 5 });
  expect(reviewed.status).toBe(200);
  expect(reviewed.body.task.status).toBe("client_review");
}

describe("client portal: requests from the form to the client's approval", () => {
  let requestId: string;
  let taskId: string;
  let reference: string;
  const title = "Find a venue for the March offsite";

  it("the contact signs in and lands on an empty requests list", async () => {
    contact = await newPerson();
    await signInWithEmail(contact, portalUrl(), world.people.contact.email);
    await contact.waitForURL((url) => url.pathname === "/portal" || url.pathname === "/portal/");
    await contact.getByRole("heading", { name: "Requests", level: 1 }).waitFor();
    await contact.getByText("No requests yet").waitFor();
    await expect(navLink(contact, "Requests").getAttribute("aria-current")).resolves.toBe("page");
  });

  it("submits a request through the form; a bad link is shown on its field and nothing typed is lost", async () => {
    await contact.getByRole("link", { name: "Make your first request" }).click();
    await contact.waitForURL(/\/portal\/requests\/new$/);
    await contact.getByRole("heading", { name: "New request", level: 1 }).waitFor();
    // Still under Requests in the navigation.
    await expect(navLink(contact, "Requests").getAttribute("class")).resolves.toContain("active");

    const form = contact.getByTestId("request-form");
    await form.getByLabel("Title").fill(title);
    await form.getByLabel("Service").fill("Research");
    await form.getByLabel("Description").fill("Twenty people, two days, near Oslo.\nBudget about 5,000 EUR.");
    await form.getByLabel("Priority").selectOption("high");
    await form.getByLabel("Wanted by").fill(inAMonth());
    await form.getByLabel("Links").fill("https://docs.example/brief\nftp://files.example/plan.pdf");
    await form.getByRole("button", { name: "Submit request" }).click();

    await form.getByRole("alert").waitFor();
    const links = form.getByLabel("Links");
    await expect(links.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(form.locator(".field-error").innerText()).resolves.toContain("Link 2: Links start with https://");
    await expect(form.getByLabel("Title").inputValue()).resolves.toBe(title);
    await expect(form.getByLabel("Service").inputValue()).resolves.toBe("Research");
    await expect(form.getByLabel("Priority").inputValue()).resolves.toBe("high");
    await expect(links.inputValue()).resolves.toContain("ftp://files.example/plan.pdf");
    // Focus went to the field the API rejected.
    await expect(contact.evaluate(() => (globalThis as any).document.activeElement?.getAttribute("name"))).resolves.toBe("links");

    // A bare address is taken as https.
    await links.fill("https://docs.example/brief\ndocs.example/plan");
    await form.getByRole("button", { name: "Submit request" }).click();

    await contact.waitForURL(/\/portal\/requests\/req_/);
    requestId = new URL(contact.url()).pathname.split("/").pop()!;
    reference = `${world.code}-1`;
    await toast(contact, `Request ${reference} sent. The team will reply by`);
    await contact.getByRole("heading", { name: title, level: 1 }).waitFor();
    const meta = await contact.getByTestId("request-meta").innerText();
    expect(meta).toContain(reference);
    expect(meta).toContain("Submitted");
    expect(meta).toContain("Ada Client");
    await contact.getByText("The team will reply by").first().waitFor();
    await contact.getByRole("link", { name: "https://docs.example/plan" }).waitFor();
    await contact.getByText("Nothing to review yet").waitFor();
    const timeline = contact.getByTestId("timeline-entry");
    await timeline.first().waitFor();
    await expect(timeline.allInnerTexts()).resolves.toEqual([expect.stringContaining("Ada Client submitted the request")]);

    // The request as the API stored it.
    const stored = await world.contact.get(`/requests/${requestId}`);
    expect(stored.body.request).toMatchObject({
      reference,
      service: "Research",
      priority: "high",
      desiredDueDate: inAMonth(),
      links: ["https://docs.example/brief", "https://docs.example/plan"],
    });
  });

  it("lists the request with its reference and status", async () => {
    await contact.getByRole("link", { name: "All requests" }).click();
    const row = contact.locator(`[data-testid="request-row"][data-reference="${reference}"]`);
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain(reference);
    expect(text).toContain(title);
    expect(text).toContain("Submitted");
    expect(text).toContain("Research");
    await contact.getByRole("link", { name: "New request" }).waitFor();
  });

  it("shows the work in progress but no deliverable until QA has passed it", async () => {
    const current = await world.owner.get(`/requests/${requestId}`);
    const dueAt = new Date(Date.now() + 5 * 24 * 3600_000).toISOString();
    const accepted = await world.owner.post(`/requests/${requestId}/accept`, {
      version: current.body.request.version,
      tasks: [{ title: "Shortlist venues", estimateHours: 3, dueAt, skills: ["Research"] }],
    });
    expect(accepted.status).toBe(200);
    taskId = accepted.body.tasks[0].id;
    const assigned = await world.owner.post(`/tasks/${taskId}/assign`, { version: accepted.body.tasks[0].version, memberId: world.ids.sub });
    expect(assigned.status).toBe(200);
    const submitted = await world.sub.post(`/tasks/${taskId}/submit`, { version: assigned.body.task.version, text: "Three venues, draft", links: [] });
    expect(submitted.status).toBe(200);

    // As from the link in an email: a fresh page load (in-app navigation may reuse what was
    // fetched in the last few seconds).
    await contact.goto(`${portalUrl()}/requests/${requestId}`);
    const deliverable = contact.getByTestId("deliverable");
    await deliverable.waitFor();
    await expect(deliverable.getAttribute("data-status")).resolves.toBe("in_qa");
    const text = await deliverable.innerText();
    expect(text).toContain("Shortlist venues");
    expect(text).toContain("The team is working on this");
    expect(text).not.toContain("Three venues, draft");
    await expect(deliverable.getByRole("button").count()).resolves.toBe(0);
    await expect(contact.getByTestId("request-meta").innerText()).resolves.toContain("In progress");
  });

  it("asks for a revision of the deliverable QA passed, with a comment", async () => {
    const task = await taskNow(taskId);
    const reviewed = await world.owner.post(`/tasks/${taskId}/review`, { version: task.version, decision: "approve", rubric: 4 });
    expect(reviewed.body.task.status).toBe("client_review");

    // The list calls for attention.
    await contact.goto(`${portalUrl()}/`);
    await contact.getByTestId("awaiting-notice").waitFor();
    const row = contact.locator(`[data-testid="request-row"][data-reference="${reference}"]`);
    await expect(row.innerText()).resolves.toContain("Awaiting your approval");
    await row.getByRole("link", { name: title }).click();

    const deliverable = contact.getByTestId("deliverable");
    await deliverable.getByText("Three venues, draft").waitFor();
    await expect(deliverable.getAttribute("data-status")).resolves.toBe("client_review");
    await contact.getByText("A deliverable is ready for your review below.").waitFor();

    await deliverable.getByRole("button", { name: "Ask for a revision" }).click();
    const dialog = contact.getByRole("dialog");
    const comment = dialog.getByLabel("What should change?");
    // Only spaces: the API's message appears on the field.
    await comment.fill("   ");
    await dialog.getByRole("button", { name: "Send revision request" }).click();
    await dialog.getByText("Say what should change.").waitFor();
    await expect(comment.getAttribute("aria-invalid")).resolves.toBe("true");

    await comment.fill("Please include one venue with a sauna.");
    await dialog.getByRole("button", { name: "Send revision request" }).click();
    await toast(contact, "Revision requested for Shortlist venues");
    await dialog.waitFor({ state: "detached" });
    await contact.locator('[data-testid="deliverable"][data-status="returned"]').waitFor();
    const asked = await contact.getByTestId("revision-asked").innerText();
    expect(asked).toContain("Ada Client asked for a revision");
    expect(asked).toContain("Please include one venue with a sauna.");
    await expect(deliverable.getByRole("button").count()).resolves.toBe(0);
  });

  it("approves the revised deliverable: who and when are shown, and the request is completed", async () => {
    await deliverAndPassQa(taskId, "Four venues, one with a sauna");
    await contact.reload();
    const deliverable = contact.getByTestId("deliverable");
    await deliverable.getByText("Four venues, one with a sauna").waitFor();
    await deliverable.getByRole("link", { name: "https://docs.example/result" }).waitFor();

    await deliverable.getByRole("button", { name: "Approve Shortlist venues" }).click();
    const dialog = contact.getByRole("dialog");
    await dialog.getByText("Approve this deliverable?").waitFor();
    await dialog.getByRole("button", { name: "Approve", exact: true }).click();
    await toast(contact, "Approved Shortlist venues");
    await contact.locator('[data-testid="deliverable"][data-status="done"]').waitFor();
    await expect(contact.getByTestId("approved-by").innerText()).resolves.toMatch(/Approved by Ada Client on \d/);
    await expect(deliverable.getByRole("button").count()).resolves.toBe(0);
    await expect(contact.getByTestId("request-meta").innerText()).resolves.toContain("Completed");
    await contact.getByText(/^Completed .*Thank you!$/).waitFor();

    // The timeline tells the client's side of the story, in order.
    const entries = contact.getByTestId("timeline-entry");
    await contact.locator('[data-testid="timeline-entry"][data-action="request.completed"]').waitFor();
    const actions = await entries.evaluateAll((items) => items.map((item) => item.getAttribute("data-action")));
    expect(actions).toEqual([
      "request.submitted",
      "request.accepted",
      "task.qa_approved",
      "task.client_revision",
      "task.qa_approved",
      "task.client_approved",
      "request.completed",
    ]);
    const texts = await entries.allInnerTexts();
    expect(texts[1]).toContain("The team accepted the request");
    expect(texts[2]).toContain('"Shortlist venues" is ready for your review');
    expect(texts[3]).toContain('Ada Client asked for a revision of "Shortlist venues"');
    expect(texts[3]).toContain("Please include one venue with a sauna.");
    expect(texts[5]).toContain('Ada Client approved "Shortlist venues"');
    expect(texts[6]).toContain("Request completed");

    await contact.getByRole("link", { name: "All requests" }).click();
    const row = contact.locator(`[data-testid="request-row"][data-reference="${reference}"]`);
    await expect(row.innerText()).resolves.toContain("Completed");
    await expect(contact.getByTestId("awaiting-notice").count()).resolves.toBe(0);
  });

  it("exchanges messages with the team in the request's thread", async () => {
    await contact.getByRole("link", { name: title }).click();
    await contact.getByText("No messages yet").waitFor();
    const composer = contact.getByTestId("composer");
    await composer.getByLabel("Your message").fill("Could you also book the train tickets?");
    await composer.getByRole("button", { name: "Send" }).click();
    const messages = contact.getByTestId("message");
    await messages.first().waitFor();
    await expect(messages.first().innerText()).resolves.toContain("You");
    await expect(messages.first().innerText()).resolves.toContain("Could you also book the train tickets?");
    await expect(composer.getByLabel("Your message").inputValue()).resolves.toBe("");

    const thread = await world.owner.get(`/requests/${requestId}/messages`);
    expect(thread.body.items.map((m: any) => [m.author.name, m.body])).toEqual([["Ada Client", "Could you also book the train tickets?"]]);
    const answer = await world.owner.post(`/requests/${requestId}/messages`, { body: "Yes, we'll send them tomorrow." });
    expect(answer.status).toBe(201);

    // No button to press: the open conversation asks for news every few seconds.
    await messages.nth(1).waitFor();
    const reply = await messages.nth(1).innerText();
    expect(reply).toContain("Owner Person");
    expect(reply).toContain("Team");
    expect(reply).toContain("Yes, we'll send them tomorrow.");

    // Ctrl+Enter sends too.
    await composer.getByLabel("Your message").fill("Thanks!");
    await composer.getByLabel("Your message").press("Control+Enter");
    await messages.nth(2).waitFor();
    await expect(messages.nth(2).innerText()).resolves.toContain("Thanks!");
  });
});

describe("client portal: other outcomes", () => {
  it("shows why a request was declined", async () => {
    const submitted = await world.contact.post("/requests", { title: "Build us a rocket", description: "To the moon.", service: "Engineering" });
    expect(submitted.status).toBe(201);
    const declined = await world.owner.post(`/requests/${submitted.body.id}/decline`, { version: submitted.body.version, reason: "We don't build rockets." });
    expect(declined.status).toBe(200);

    await contact.goto(`${portalUrl()}/`);
    await contact.getByRole("button", { name: "Declined" }).click();
    const row = contact.locator(`[data-testid="request-row"][data-reference="${submitted.body.reference}"]`);
    await row.waitFor();
    await expect(contact.getByTestId("request-row").count()).resolves.toBe(1);
    await row.getByRole("link", { name: "Build us a rocket" }).click();
    const notice = contact.getByTestId("declined");
    await notice.waitFor();
    await expect(notice.innerText()).resolves.toContain("We don't build rockets.");
    await contact.getByText("This request was declined, so no work is planned.").waitFor();
    await contact.locator('[data-testid="timeline-entry"][data-action="request.declined"]').waitFor();
  });

  it("offers a way home, not a retry, for a request that isn't there", async () => {
    await contact.goto(`${portalUrl()}/requests/req_${"0".repeat(26)}`);
    await contact.getByText("We couldn't find that. It may have been removed.").waitFor();
    await expect(contact.getByRole("button", { name: "Try again" }).count()).resolves.toBe(0);
    await contact.getByRole("link", { name: "Go to the home page" }).click();
    // The portal's home, with or without the trailing slash.
    await contact.waitForURL((url) => url.pathname.replace(/\/$/, "") === new URL(portalUrl()).pathname.replace(/\/$/, ""));
  });

  it("explains and reloads when the deliverable changed meanwhile", async () => {
    const submitted = await world.contact.post("/requests", { title: "Update the FAQ", description: "New prices.", service: "Content" });
    const accepted = await world.owner.post(`/requests/${submitted.body.id}/accept`, {
      version: submitted.body.version,
      tasks: [{ title: "Rewrite the FAQ", estimateHours: 1, dueAt: new Date(Date.now() + 86_400_000).toISOString() }],
    });
    const task = accepted.body.tasks[0];
    await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
    await deliverAndPassQa(task.id, "FAQ rewritten");

    await contact.goto(`${portalUrl()}/requests/${submitted.body.id}`);
    const deliverable = contact.getByTestId("deliverable");
    await deliverable.getByText("FAQ rewritten").waitFor();
    // Someone else at the company approves it first (another session of the same client).
    const version = (await world.contact.get(`/requests/${submitted.body.id}`)).body.tasks[0].version;
    expect((await world.contact.post(`/tasks/${task.id}/approve`, { version })).status).toBe(200);

    await deliverable.getByRole("button", { name: "Approve Rewrite the FAQ" }).click();
    await contact.getByRole("dialog").getByRole("button", { name: "Approve", exact: true }).click();
    await contact.getByText("This deliverable changed while you were looking at it").waitFor();
    await contact.locator('[data-testid="deliverable"][data-status="done"]').waitFor();
    await expect(contact.getByRole("dialog").count()).resolves.toBe(0);
  });

  it("turns hand-off emails off and on from the profile", async () => {
    await navLink(contact, "Profile").click();
    const toggle = contact.getByRole("switch", { name: "Email me about hand-offs" });
    await expect(toggle.isChecked()).resolves.toBe(true);
    await toggle.click();
    await toast(contact, "Hand-off emails turned off");
    await expect((await world.contact.get("/me")).body.emailNotifications).toBe(false);
    await contact.reload();
    await expect(contact.getByRole("switch", { name: "Email me about hand-offs" }).isChecked()).resolves.toBe(false);
    await contact.getByRole("switch", { name: "Email me about hand-offs" }).click();
    await toast(contact, "Hand-off emails turned on");
    await expect((await world.contact.get("/me")).body.emailNotifications).toBe(true);
  });

  it("chooses each kind of email on its own switch", async () => {
    const kinds = ["Email me about hand-offs", "Email me about new messages", "Email me the weekly status digest", "Email me feedback surveys", "Email me invoices and receipts"];
    for (const name of kinds) await expect(contact.getByRole("switch", { name }).isChecked()).resolves.toBe(true);
    await contact.getByRole("switch", { name: "Email me feedback surveys" }).click();
    await toast(contact, "Survey emails are off");
    const me = (await world.contact.get("/me")).body;
    expect([me.surveyEmails, me.digestEmails, me.invoiceEmails, me.emailNotifications]).toEqual([false, true, true, true]);
    mkdirSync("/tmp/shots/mine", { recursive: true });
    for (const width of [1440, 390]) {
      await contact.setViewportSize({ width, height: 900 });
      await contact.screenshot({ path: `/tmp/shots/mine/portal-profile-emails-${width}.png`, fullPage: true });
    }
    await contact.setViewportSize({ width: 1280, height: 900 });
    await contact.getByRole("switch", { name: "Email me feedback surveys" }).click();
    await toast(contact, "Survey emails are on");
    expect((await world.contact.get("/me")).body.surveyEmails).toBe(true);
  });
});
