import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson as openPage, signInWithEmail, startPlatform } from "../support/browser.ts";
import { waitForEmail, type Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// The whole work pipeline in a real Chromium, through both apps, each step by the person who
// takes it: the client submits a request in the portal; the owner triages it in the team app
// into a task that follows an SOP and assigns it through the ranked dialog; the subcontractor
// ticks the checklist and submits; QA returns it, then approves the resubmission; the client,
// from the email, asks for a revision in the portal; the work goes round again and the client
// approves it, which completes the request for both sides. Between the steps the hand-off
// emails arrive. SOP Markdown with script in it renders without running any.

let platform: Started;
let browser: Browser;
let world: World;

let sopId: string;
let requestId: string;
let reference: string;
let taskUrl: string;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Pipeline Assistants");

  // The library has an SOP the owner will pick; a client contact has asked for work in the portal.
  const sop = await world.owner.post("/sops", {
    title: "Newsletter SOP",
    category: "Content",
    body: "# Newsletter\n\nWrite it **clearly**.",
    checklist: ["Draft the copy", "Proofread"],
  });
  expect(sop.status).toBe(201);
  sopId = sop.body.id;
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const newPerson = (timezoneId?: string) => openPage(browser, timezoneId);

/** What the SOP's script would have set, had any run. */
const xss = (page: Page) => page.evaluate(() => (globalThis as { __xss?: unknown }).__xss);

const nowInSeconds = () => Math.floor(Date.now() / 1000);

/** Signs a client contact in on the portal's sign-in page, through the emailed link. */
async function signInToPortal(page: Page, email: string) {
  await signInWithEmail(page, `${platform.baseUrl}/portal`, email);
  await page.waitForURL((url) => url.pathname === "/portal" || url.pathname === "/portal/");
}

/** The first link in the newest email to `email` whose subject has `subject`, sent at or after `since`. */
async function linkInEmail(email: string, subject: string, since: number, path: RegExp) {
  const mail = await waitForEmail(email, (e) => e.at >= since && e.subject.includes(subject));
  const link = (mail.body.text ?? "").match(/https?:\/\/\S+/g)?.find((url) => path.test(new URL(url).pathname));
  expect(link, `a link in "${mail.subject}"`).toBeDefined();
  return link!;
}

/** Opens `path` signed out, signs in through the emailed link, and lands back on `path`. */
async function signInAt(page: Page, path: string, email: string) {
  await page.goto(`${platform.baseUrl}${path}`);
  await page.waitForURL(/\/sign-in/);
  await signInWithEmail(page, platform.baseUrl, email);
  await page.waitForURL(`${platform.baseUrl}${path}`);
}

const navLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
const toast = (page: Page, text: string | RegExp) => page.getByTestId("toast").filter({ hasText: text }).first().waitFor();

/** "YYYY-MM-DDTHH:mm" of a moment `days` ahead at 17:00, in `timeZone`, for a datetime-local input. */
function localDue(days: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + days * 86_400_000));
  return `${parts}T17:00`;
}

describe("the work pipeline through both apps", () => {
  let client: Page;
  let owner: Page;
  let sub: Page;
  let reviewer: Page;

  it("the client submits a request in the portal", async () => {
    client = await newPerson("America/New_York");
    await signInToPortal(client, world.people.contact.email);
    await client.getByRole("link", { name: "Make your first request" }).click();
    const form = client.getByTestId("request-form");
    await form.getByLabel("Title").fill("December newsletter");
    await form.getByLabel("Service").fill("Content");
    await form.getByLabel("Description").fill("Please draft and schedule it.");
    await form.getByLabel("Priority").selectOption("high");
    await form.getByLabel("Links").fill("https://docs.example/brief");
    const before = nowInSeconds();
    await form.getByRole("button", { name: "Submit request" }).click();
    await client.waitForURL(/\/portal\/requests\/req_/);
    requestId = new URL(client.url()).pathname.split("/").pop()!;
    reference = `${world.code}-1`;
    await toast(client, `Request ${reference} sent. The team will reply by`);
    await expect(client.getByTestId("request-meta").innerText()).resolves.toContain("Submitted");
    // The owner is told, with a link straight to the request in the team app.
    const link = await linkInEmail(world.agency.ownerEmail, reference, before, /^\/requests\/req_/);
    expect(new URL(link).pathname).toBe(`/requests/${requestId}`);
  });

  it("owner signs in to the requests inbox and opens the new request", async () => {
    owner = await newPerson();
    await signInAt(owner, "/requests", world.agency.ownerEmail);
    await owner.getByRole("heading", { name: "Requests", level: 1 }).waitFor();
    const row = owner.locator(`[data-testid="request-row"][data-reference="${reference}"]`);
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain("December newsletter");
    expect(text).toContain("Acme Corp");
    expect(text).toContain("High");
    expect(text).toMatch(/left|overdue/);

    // The owner's menu offers every owner area; one "Board" entry stands for the planning views.
    for (const name of ["Home", "Inbox", "Requests", "Board", "QA", "SOPs", "Team", "Clients", "Settings"]) {
      await expect(navLink(owner, name).count()).resolves.toBe(1);
    }

    await row.getByRole("link", { name: "December newsletter" }).click();
    await owner.waitForURL(`${platform.baseUrl}/requests/${requestId}`);
    await owner.getByRole("heading", { name: "December newsletter", level: 1 }).waitFor();
    await owner.getByText("Please draft and schedule it.").waitFor();
    await owner.getByRole("link", { name: "https://docs.example/brief" }).waitFor();
    await owner.locator('[data-testid="timeline-entry"][data-action="request.submitted"]').waitFor();
  });

  it("owner writes to the client in the request's thread", async () => {
    await owner.getByRole("textbox", { name: "Your message", exact: true }).fill("Thanks! We'll have a draft by Friday.");
    await owner.getByRole("button", { name: "Send" }).click();
    const message = owner.getByTestId("message").filter({ hasText: "We'll have a draft by Friday." });
    await message.waitFor();
    await expect(message.innerText()).resolves.toContain("You");

    // The client reads it in the portal (the open conversation refreshes itself), from the team, and answers.
    const received = client.getByTestId("message").filter({ hasText: "We'll have a draft by Friday." });
    await received.waitFor();
    await expect(received.innerText()).resolves.toMatch(/Owner Person\s+Team/);
    await client.getByRole("textbox", { name: "Your message" }).fill("Great, thank you!");
    await client.getByRole("button", { name: "Send" }).click();
    await client.getByTestId("message").filter({ hasText: "Great, thank you!" }).waitFor();
    const answer = owner.getByTestId("message").filter({ hasText: "Great, thank you!" });
    await answer.waitFor();
    await expect(answer.innerText()).resolves.toMatch(/Ada Client\s+Client/);
  });

  it("owner accepts the request as a task following the SOP", async () => {
    await owner.getByRole("button", { name: "Accept…" }).click();
    const dialog = owner.getByRole("dialog");
    await expect(dialog.getByLabel("Title").inputValue()).resolves.toBe("December newsletter");
    await dialog.getByLabel("Title").fill("Write the December newsletter");
    await dialog.getByLabel("Estimate (hours)").fill("3");
    await dialog.getByLabel(/^Due/).fill(localDue(5, "Europe/London"));
    await dialog.getByLabel("Urgent").check();
    await dialog.getByText("Do first").waitFor();
    await dialog.getByLabel("SOP", { exact: true }).selectOption(sopId);
    const skills = dialog.getByLabel("Skills");
    await skills.fill("Writing");
    await skills.press("Enter");
    await dialog.getByRole("button", { name: "Accept as 1 task" }).click();

    await toast(owner, `${reference} accepted as 1 task`);
    await dialog.waitFor({ state: "detached" });
    const task = owner.locator(`[data-testid="task-row"][data-reference="${reference}"]`);
    await task.waitFor();
    await expect(task.innerText()).resolves.toContain("Unassigned");
    await owner.locator('[data-testid="timeline-entry"][data-action="request.accepted"]').waitFor();
  });

  it("owner assigns the task through the ranked dialog", async () => {
    await owner.locator(`[data-testid="task-row"][data-reference="${reference}"]`).getByRole("link", { name: "Assign" }).click();
    await owner.waitForURL(/\/tasks\/tsk_/);
    taskUrl = owner.url().split("?")[0]!;
    // Arriving from "Assign" opens the dialog with the candidates ranked, the writer first.
    const dialog = owner.getByRole("dialog");
    const first = dialog.getByTestId("candidate-row").first();
    await first.waitFor();
    const text = await first.innerText();
    expect(text).toContain("Sam Writer");
    expect(text).toContain("Best match");
    expect(text).toContain("Fits");
    expect(text).toContain("100%");
    await expect(dialog.getByTestId("candidate-row").count()).resolves.toBe(3);
    await dialog.getByRole("button", { name: "Assign to Sam Writer" }).click();
    await toast(owner, "assigned to Sam Writer");
    await dialog.waitFor({ state: "detached" });
    await expect(owner.getByTestId("task-assignee").innerText()).resolves.toContain("Sam Writer");

    // The pinned SOP and its checklist are on the task.
    const panel = owner.getByTestId("sop-panel");
    await expect(panel.innerText()).resolves.toContain("SOP: Newsletter SOP (version 1)");
    await expect(panel.getByTestId("sop-body").innerHTML()).resolves.toContain("<strong>clearly</strong>");
    await expect(panel.getByTestId("checklist-item").count()).resolves.toBe(2);
  });

  it("the subcontractor finds it in My work, ticks the checklist and submits for QA", async () => {
    sub = await newPerson("Asia/Kolkata");
    await signInAt(sub, "/work", world.people.sub.email);
    await sub.getByRole("heading", { name: "My work", level: 1 }).waitFor();
    // Their menu: no owner screens, and no QA (they don't review).
    await expect(navLink(sub, "My work").count()).resolves.toBe(1);
    await expect(navLink(sub, "SOPs").count()).resolves.toBe(1);
    for (const name of ["Inbox", "Requests", "Board", "QA", "Team", "Clients"]) await expect(navLink(sub, name).count()).resolves.toBe(0);

    const row = sub.locator(`[data-testid="task-row"][data-reference="${reference}"]`);
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain("Write the December newsletter");
    await row.getByText("Acme Corp").waitFor();
    await expect(row.innerText()).resolves.toContain("0/2");

    await row.getByRole("link", { name: "Write the December newsletter" }).click();
    await sub.waitForURL(taskUrl);
    await sub.getByRole("heading", { name: "Write the December newsletter", level: 1 }).waitFor();

    // Submitting with the checklist open is refused, with the reason.
    const form = sub.getByRole("form", { name: "Submit for QA" });
    await form.getByLabel("Deliverable").fill("Draft is in the shared doc, scheduled for the 1st.");
    await form.getByLabel("Links").fill("https://docs.example/newsletter-draft");
    await form.getByRole("button", { name: "Submit for QA" }).click();
    await form.getByRole("alert").filter({ hasText: "Finish the checklist first" }).waitFor();

    const items = sub.getByTestId("checklist-item");
    for (let i = 0; i < 2; i++) {
      await items.nth(i).getByRole("checkbox").check();
      await expect.poll(() => items.nth(i).getAttribute("data-done")).toBe("true");
    }
    await sub.getByText("2 of 2 steps done").waitFor();

    await form.getByRole("button", { name: "Submit for QA" }).click();
    await toast(sub, `${reference} submitted for QA`);
    await sub.getByText("Submitted: waiting for QA review.").waitFor();
    await sub.getByTestId("deliverable").getByText("Draft is in the shared doc").waitFor();
    await expect(items.first().getByRole("checkbox").isDisabled()).resolves.toBe(true);

    // Owner screens stay closed to them.
    await sub.goto(`${platform.baseUrl}/requests`);
    await sub.getByTestId("not-allowed").waitFor();
  });

  it("the owner returns it from the QA queue with notes", async () => {
    await navLink(owner, "QA").click();
    await owner.getByRole("heading", { name: "QA queue", level: 1 }).waitFor();
    const row = owner.locator(`[data-testid="task-row"][data-reference="${reference}"]`);
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain("Sam Writer");
    await row.getByRole("link", { name: "Write the December newsletter" }).click();

    const review = owner.getByTestId("qa-review");
    await review.waitFor();
    // On a wide screen the form sits beside the deliverable it judges, in view without scrolling.
    const [form, work] = await Promise.all([review.boundingBox(), owner.getByTestId("deliverable").boundingBox()]);
    expect(form!.x).toBeGreaterThanOrEqual(work!.x + work!.width);
    expect(form!.y).toBeLessThan(owner.viewportSize()!.height);
    await review.getByRole("radio", { name: /^2/ }).check();
    // Returning needs notes: the browser holds the form until they're written.
    await review.getByRole("button", { name: "Return with changes" }).click();
    await expect(review.getByLabel("Notes for the assignee").evaluate((el) => (el as unknown as { validity: { valueMissing: boolean } }).validity.valueMissing)).resolves.toBe(true);
    await review.getByLabel("Notes for the assignee").fill("Tighten the intro and add the event dates.");
    await review.getByRole("button", { name: "Return with changes" }).click();
    await toast(owner, `${reference} returned to its assignee`);
    await owner.getByTestId("last-review").getByText("Tighten the intro").waitFor();
  });

  it("the subcontractor sees the notes and submits again", async () => {
    await sub.goto(taskUrl);
    const notice = sub.getByTestId("returned-notice");
    await notice.waitFor();
    await expect(notice.innerText()).resolves.toContain("Tighten the intro and add the event dates.");
    const form = sub.getByRole("form", { name: "Submit for QA" });
    await expect(form.getByLabel("Deliverable").inputValue()).resolves.toContain("Draft is in the shared doc");
    await form.getByLabel("Deliverable").fill("Intro tightened; event dates added.");
    await form.getByRole("button", { name: "Submit for QA" }).click();
    await toast(sub, `${reference} submitted for QA`);
    await sub.getByText("Submitted: waiting for QA review.").waitFor();
  });

  it("the QA reviewer approves the resubmission from their queue", async () => {
    reviewer = await newPerson("Europe/Athens");
    await signInAt(reviewer, "/qa", world.people.other.email);
    await reviewer.getByRole("heading", { name: "QA queue", level: 1 }).waitFor();
    await expect(navLink(reviewer, "QA").count()).resolves.toBe(1);
    const row = reviewer.locator(`[data-testid="task-row"][data-reference="${reference}"]`);
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain("returned once");
    await row.getByRole("link", { name: "Write the December newsletter" }).click();
    // The reviewer reads what the client asked for, in the request's conversation, before judging.
    await reviewer.getByRole("link", { name: "Open the request's conversation" }).click();
    await reviewer.waitForURL(`${platform.baseUrl}/requests/${requestId}#thread`);
    await reviewer.getByTestId("message").filter({ hasText: "Great, thank you!" }).waitFor();
    await reviewer.goBack();
    const review = reviewer.getByTestId("qa-review");
    await review.getByRole("radio", { name: /^5/ }).check();
    await review.getByRole("button", { name: "Approve for the client" }).click();
    await toast(reviewer, `${reference} approved`);
    await reviewer.getByText("Passed QA: waiting for the client's approval.").waitFor();
    await reviewer.goto(`${platform.baseUrl}/qa`);
    await reviewer.getByText("Nothing to review").waitFor();
  });

  it("owner follows the task on the board, deadlines, workload and team pages", async () => {
    await owner.goto(`${platform.baseUrl}/board?client=${world.ids.client}`);
    const card = owner.locator(`[data-testid="task-card"][data-reference="${reference}"]`);
    await card.waitFor();
    const column = owner.getByRole("region", { name: /^Client review/ });
    await expect(column.getByTestId("task-card").count()).resolves.toBe(1);
    await expect(card.innerText()).resolves.toContain("Sam Writer");

    await owner.getByRole("navigation", { name: "Planning" }).getByRole("link", { name: "Deadlines" }).click();
    const deadline = owner.locator(`[data-testid="task-row"][data-reference="${reference}"]`);
    await deadline.waitFor();
    const text = await deadline.innerText();
    expect(text).toContain("Acme Corp");
    expect(text).toContain("Client review");

    await owner.getByRole("navigation", { name: "Planning" }).getByRole("link", { name: "Workload" }).click();
    const load = owner.locator(`[data-testid="workload-row"][data-member="${world.ids.sub}"]`);
    await load.waitFor();
    await expect(load.innerText()).resolves.toContain("Sam Writer");

    // Team: QA results, and making Sam a reviewer too.
    await navLink(owner, "Team").click();
    const member = owner.locator(`[data-testid="member-row"][data-email="${world.people.sub.email}"]`);
    await member.waitFor();
    await expect(member.getByTestId("member-qa").innerText()).resolves.toContain("1 approved");
    await expect(member.getByTestId("member-qa").innerText()).resolves.toContain("0% first pass");
    await member.getByRole("switch", { name: "QA reviewer: Sam Writer" }).check();
    await toast(owner, "Sam Writer now reviews QA");
    const saved = await world.owner.get(`/members/${world.ids.sub}`);
    expect(saved.body.reviewer).toBe(true);
  });

  it("the client follows the email to the deliverable and asks for a revision in the portal", async () => {
    const link = await linkInEmail(world.people.contact.email, "Ready for your approval", 0, /^\/portal\/requests\/req_/);
    expect(new URL(link).pathname).toBe(`/portal/requests/${requestId}`);
    const before = nowInSeconds();
    await client.goto(link);
    const deliverable = client.getByTestId("deliverable");
    await deliverable.getByText("Intro tightened; event dates added.").waitFor();
    await expect(deliverable.getAttribute("data-status")).resolves.toBe("client_review");
    await expect(client.getByTestId("request-meta").innerText()).resolves.toContain("Awaiting your approval");
    await deliverable.getByRole("button", { name: "Ask for a revision" }).click();
    const dialog = client.getByRole("dialog");
    await dialog.getByLabel("What should change?").fill("Please add our holiday opening hours.");
    await dialog.getByRole("button", { name: "Send revision request" }).click();
    await toast(client, "Revision requested for Write the December newsletter");
    await client.locator('[data-testid="deliverable"][data-status="returned"]').waitFor();
    // The assignee is told, with a link to the task.
    const taskLink = await linkInEmail(world.people.sub.email, "asked for a revision", before, /^\/tasks\/tsk_/);
    expect(taskLink).toBe(taskUrl);
  });

  it("the subcontractor reads the client's comment and submits again", async () => {
    await sub.goto(taskUrl);
    const notice = sub.getByTestId("returned-notice");
    await notice.getByText("The client asked for changes").waitFor();
    await expect(notice.innerText()).resolves.toContain("Please add our holiday opening hours.");
    const form = sub.getByRole("form", { name: "Submit for QA" });
    await form.getByLabel("Deliverable").fill("Holiday hours added.");
    await form.getByRole("button", { name: "Submit for QA" }).click();
    await toast(sub, `${reference} submitted for QA`);
    await sub.getByText("Submitted: waiting for QA review.").waitFor();
  });

  it("the owner passes it in QA from the task page", async () => {
    await owner.goto(taskUrl);
    await expect(owner.getByTestId("deliverable").innerText()).resolves.toContain("Submitted by Sam Writer");
    const review = owner.getByTestId("qa-review");
    await review.getByRole("radio", { name: /^4/ }).check();
    await review.getByRole("button", { name: "Approve for the client" }).click();
    await toast(owner, `${reference} approved`);
    await owner.getByText("Passed QA: waiting for the client's approval.").waitFor();
    await expect(owner.getByTestId("last-review").innerText()).resolves.toContain("Reviewed by Owner Person");
  });

  it("the client approves in the portal and the request is completed", async () => {
    await client.reload();
    const deliverable = client.getByTestId("deliverable");
    await deliverable.getByText("Holiday hours added.").waitFor();
    await deliverable.getByRole("button", { name: "Approve Write the December newsletter" }).click();
    await client.getByRole("dialog").getByRole("button", { name: "Approve", exact: true }).click();
    await toast(client, "Approved Write the December newsletter");
    await client.locator('[data-testid="deliverable"][data-status="done"]').waitFor();
    await expect(client.getByTestId("approved-by").innerText()).resolves.toMatch(/Approved by Ada Client on \d/);
    await expect(client.getByTestId("request-meta").innerText()).resolves.toContain("Completed");
    await client.locator('[data-testid="timeline-entry"][data-action="request.completed"]').waitFor();
  });

  it("the owner sees the request completed, with every hand-off on its timeline", async () => {
    await waitForEmail(world.agency.ownerEmail, (e) => e.subject.includes(`${reference} approved by the client`));
    await owner.goto(`${platform.baseUrl}/requests/${requestId}`);
    await owner.getByText("Completed", { exact: true }).first().waitFor();
    await owner.locator('[data-testid="timeline-entry"][data-action="request.completed"]').waitFor();
    const actions = await owner.getByTestId("timeline-entry").evaluateAll((items) => items.map((item) => item.getAttribute("data-action")));
    for (const action of ["request.submitted", "request.accepted", "task.assigned", "task.submitted", "task.qa_returned", "task.qa_approved", "task.client_revision", "task.client_approved", "request.completed"]) {
      expect(actions, action).toContain(action);
    }
    await owner.goto(`${platform.baseUrl}/board?client=${world.ids.client}`);
    const done = owner.getByRole("region", { name: /^Done/ });
    await done.locator(`[data-testid="task-card"][data-reference="${reference}"]`).waitFor();
  });

  it("owner writes an SOP whose Markdown tries to run script; it renders as harmless text", async () => {
    await navLink(owner, "SOPs").click();
    await owner.getByRole("heading", { name: "SOPs", level: 1 }).waitFor();
    await owner.getByTestId("sop-row").filter({ hasText: "Newsletter SOP" }).waitFor();
    await owner.getByRole("button", { name: "New SOP" }).first().click();
    const dialog = owner.getByRole("dialog");
    await dialog.getByLabel("Title").fill("Unsafe SOP");
    await dialog.getByLabel("Category").fill("Security");
    await dialog
      .getByLabel("Procedure (Markdown)")
      .fill('# Careful\n\n<script>window.__xss=1</script>\n\n<img src=x onerror="window.__xss=1">\n\n[x](javascript:window.__xss=1)\n\n**Safe** text.');
    await dialog.getByRole("button", { name: "Add a step" }).click();
    await dialog.getByLabel("Step 1", { exact: true }).fill("Check the links");
    await dialog.getByRole("button", { name: "Add a step" }).click();
    await dialog.getByLabel("Step 2", { exact: true }).fill("Open the report");
    // Reorder with the buttons: the second step moves to the top.
    await dialog.getByRole("button", { name: "Move step 2 up" }).click();
    await expect(dialog.getByLabel("Step 1", { exact: true }).inputValue()).resolves.toBe("Open the report");
    await dialog.getByRole("button", { name: "Create SOP" }).click();

    await owner.waitForURL(/\/sops\/sop_/);
    await owner.getByRole("heading", { name: "Unsafe SOP", level: 1 }).waitFor();
    const body = owner.getByTestId("sop-body");
    await body.waitFor();
    await body.getByText("Safe").waitFor();
    const html = await body.innerHTML();
    // No elements came from the Markdown's HTML, and no javascript: link: only escaped text.
    expect(html).not.toMatch(/<(script|img)\b/i);
    expect(html).not.toMatch(/href="javascript:/i);
    await expect(body.locator("script, img, [onerror], a[href^='javascript' i]").count()).resolves.toBe(0);
    // What was typed shows as text instead.
    await expect(body.innerText()).resolves.toContain("<script>window.__xss=1</script>");
    await expect(xss(owner)).resolves.toBeUndefined();
    await expect(owner.getByTestId("sop-step").allInnerTexts()).resolves.toEqual(["Open the report", "Check the links"]);

    // Editing makes version 2; version 1 stays readable.
    await owner.getByRole("button", { name: "Edit" }).click();
    const edit = owner.getByRole("dialog");
    await edit.getByLabel("Procedure (Markdown)").fill("# Careful\n\nNothing unsafe any more.");
    await edit.getByLabel("Change note").fill("Removed the examples");
    await edit.getByRole("button", { name: "Save new version" }).click();
    await toast(owner, "Saved as version 2");
    await owner.getByText("Nothing unsafe any more.").waitFor();
    // The history list refetches after the save: wait for the new row before counting.
    await owner.getByTestId("sop-version").nth(1).waitFor();
    await expect(owner.getByTestId("sop-version").count()).resolves.toBe(2);
    await owner.getByTestId("sop-version").getByRole("link", { name: "Version 1" }).click();
    await owner.getByText("You're viewing version 1. The latest is version 2.").waitFor();
    await expect(owner.getByTestId("sop-body").innerText()).resolves.toContain("<script>window.__xss=1</script>");
    await expect(xss(owner)).resolves.toBeUndefined();
  });

  it("the subcontractor reads SOPs but cannot write them", async () => {
    await navLink(sub, "SOPs").click();
    await sub.getByTestId("sop-row").filter({ hasText: "Unsafe SOP" }).waitFor();
    await expect(sub.getByRole("button", { name: "New SOP" }).count()).resolves.toBe(0);
    await sub.getByRole("link", { name: "Unsafe SOP" }).click();
    await sub.getByTestId("sop-body").waitFor();
    await expect(sub.getByRole("button", { name: "Edit" }).count()).resolves.toBe(0);
    await expect(xss(sub)).resolves.toBeUndefined();
  });

  it("owner declines a request with a reason the client will see", async () => {
    const submitted = await world.contact.post("/requests", { title: "Redesign our logo", description: "Something bolder.", service: "Design" });
    expect(submitted.status).toBe(201);
    await navLink(owner, "Inbox").click();
    const row = owner.locator(`[data-testid="request-row"][data-reference="${submitted.body.reference}"]`);
    await row.getByRole("link", { name: "Redesign our logo" }).click();
    await owner.getByRole("button", { name: "Decline…" }).click();
    const dialog = owner.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Reason" }).fill("Design work is outside what we offer.");
    await dialog.getByRole("button", { name: "Decline request" }).click();
    await toast(owner, `${submitted.body.reference} declined`);
    await owner.locator("dd").getByText("Design work is outside what we offer.").waitFor();
    await owner.locator(`[data-testid="timeline-entry"][data-action="request.declined"]`).waitFor();
    await owner.getByText("Declined", { exact: true }).waitFor();
    const saved = await world.contact.get(`/requests/${submitted.body.id}`);
    expect(saved.body.request).toMatchObject({ status: "declined", declineReason: "Design work is outside what we offer." });
    // Out of the inbox.
    await owner.getByRole("link", { name: "All requests" }).click();
    await owner.locator(`[data-testid="request-row"][data-reference="${submitted.body.reference}"]`).waitFor({ state: "detached" });
  });

  it("owner sets a client's response promise", async () => {
    await owner.goto(`${platform.baseUrl}/clients/${world.ids.client}`);
    // A new client is promised one business day; the owner makes it eight business hours.
    const field = owner.getByRole("spinbutton", { name: "Response promise" });
    await expect(field.inputValue()).resolves.toBe("1");
    await expect(owner.getByLabel("Counted in").inputValue()).resolves.toBe("days");
    await owner.getByLabel("Counted in").selectOption("hours");
    await field.fill("8");
    await owner.getByRole("form", { name: "Details" }).getByRole("button", { name: "Save" }).click();
    await toast(owner, "Saved Acme Corp");
    const client = await world.owner.get(`/clients/${world.ids.client}`);
    expect(client.body.responseHours).toBe(8);
    // The client page's own link (the menu's Board shows every client).
    await owner.getByRole("main").getByRole("link", { name: "Board", exact: true }).click();
    await owner.waitForURL(new RegExp(`/board\\?client=${world.ids.client}`));
  });
});
