import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Surveys } from "@baton/core/survey";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import { uniqueEmail } from "../support/fixtures.ts";
import { ApiClient, waitForEmail, type Started } from "../support/http.ts";
import { isCsat, isNps, npsDue, scoreLinksInText, surveyIdOf, tokenOf } from "../support/surveys.ts";
import { acceptedTask, acceptInvitation, createWorld, type World } from "../support/world.ts";

// Feedback surveys in a real Chromium. The client approves a request over HTTP; its contact
// follows the "4" link from the CSAT email without signing in, sees thanks and adds a comment;
// the same link again says it was answered. A second client's contact answers an NPS check-in
// with the keyboard, another gives a low score, and the owner sees it all on /satisfaction and
// marks the low score followed up.

let platform: Started;
let browser: Browser;
let world: World;
let csatLinks: Map<number, string>;
const second = { email: uniqueEmail("dana"), name: "Dana Client" };
const third = { email: uniqueEmail("eli"), name: "Eli Client" };

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Feedback Agency");
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function check(reply: { status: number; body: any }, status = 200) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  return reply.body;
}

/** A request from the world's contact, done by Sam, through QA, approved by the client. */
async function completeRequest(title: string) {
  const { request, task } = await acceptedTask(world, { title });
  const assigned = await check(await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub }));
  const submitted = await check(await world.sub.post(`/tasks/${task.id}/submit`, { version: assigned.task.version, text: "Done", links: [] }));
  const reviewed = await check(await world.owner.post(`/tasks/${task.id}/review`, { version: submitted.task.version, decision: "approve", rubric: 5 }));
  await check(await world.contact.post(`/tasks/${task.id}/approve`, { version: reviewed.task.version }));
  return request as { reference: string };
}

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { name, level: 1 });

describe("a client answers a survey from the email", () => {
  it("records the score of the link followed, without signing in, and takes a comment", async () => {
    const request = await completeRequest("Newsletter redesign");
    const mail = await waitForEmail(world.people.contact.email, (e) => e.subject === `How did we do on ${request.reference}?`);
    csatLinks = scoreLinksInText(mail.body.text!);
    expect(csatLinks.get(4)).toMatch(new RegExp(`^${platform.baseUrl}/portal/survey/`));

    const contact = await newPerson(browser, "America/New_York");
    await contact.goto(csatLinks.get(4)!);
    // Arriving records nothing (a mail gateway opening the link must not vote): the score waits to be sent.
    await contact.getByTestId("survey-chosen").waitFor();
    await expect(contact.getByTestId("survey-chosen").innerText()).resolves.toBe("You chose 4 out of 5 in the email. Send it, or pick another score.");
    await expect(contact.getByRole("button", { name: "4 out of 5", exact: true }).getAttribute("aria-pressed")).resolves.toBe("true");
    expect((await new ApiClient(platform.baseUrl, "portal").get(`/surveys/respond/${tokenOf(csatLinks.get(4)!)}`)).body.status).toBe("open");
    await contact.getByRole("button", { name: "Send 4 out of 5" }).click();
    await heading(contact, "Thank you!").waitFor();
    await expect(contact.getByTestId("survey-thanks").innerText()).resolves.toBe("We recorded your answer: 4 out of 5.");
    // Focus moved to the news; the score left the address, so a reload doesn't try again.
    await expect(contact.locator(":focus").innerText()).resolves.toBe("Thank you!");
    expect(new URL(contact.url()).search).toBe("");
    await expect(contact.getByText("Feedback Agency", { exact: true }).isVisible()).resolves.toBe(true);

    await contact.getByLabel("Anything you would like to add? (optional)").fill("Lovely work on the newsletter.");
    await contact.getByRole("button", { name: "Send comment" }).click();
    await contact.getByTestId("survey-comment-thanks").waitFor();
    await expect(contact.getByText("Your comment: “Lovely work on the newsletter.”").isVisible()).resolves.toBe(true);
    await expect(contact.getByLabel("Anything you would like to add? (optional)").count()).resolves.toBe(0);

    // Another score's link from the same email: already answered.
    await contact.goto(csatLinks.get(1)!);
    await heading(contact, "Already answered").waitFor();
    await expect(contact.getByTestId("survey-answered").innerText()).resolves.toBe("You already answered (score 4). Thank you.");
    await contact.context().close();
  });

  it("says so when a link is forged", async () => {
    const page = await newPerson(browser);
    const token = tokenOf(csatLinks.get(4)!);
    await page.goto(`${platform.baseUrl}/portal/survey/${token.slice(0, -2)}xx?score=5`);
    await heading(page, "This link does not work").waitFor();
    await expect(page.getByTestId("survey-invalid").innerText()).resolves.toBe("The survey link is not valid. Please open it from your email exactly as it is.");
    await page.context().close();
  });

  it("lets a contact answer an NPS check-in with the keyboard", async () => {
    const client = await check(await world.owner.post("/clients", { name: "Delta Co", code: `DL${Date.now() % 100000}`, timeZone: "Europe/Athens", currency: "EUR", status: "active" }), 201);
    const portals: ApiClient[] = [];
    for (const person of [second, third]) {
      await check(await world.owner.post(`/clients/${client.id}/contacts`, { ...person, timeZone: "Europe/Athens" }), 201);
      portals.push(new ApiClient(platform.baseUrl, "portal"));
      await acceptInvitation(portals.at(-1)!, person.email);
    }
    // No check-in before the client's first request is done and a month has passed: the job runs then.
    const at = await npsDue({ owner: world.owner, contact: portals[0]! });
    await waitForEmail(second.email, isCsat);
    await Surveys.checkIns(at);
    const links = scoreLinksInText((await waitForEmail(second.email, isNps)).body.text!);

    // A direct visit, without a score: the 0–10 buttons, answered from the keyboard.
    const page = await newPerson(browser, "Europe/Athens");
    await page.goto(links.get(0)!.replace(/\?score=\d+$/, ""));
    await heading(page, "How likely are you to recommend Feedback Agency to a friend or colleague?").waitFor();
    const group = page.getByRole("group", { name: "How likely are you to recommend Feedback Agency to a friend or colleague?" });
    await expect(group.getByRole("button").count()).resolves.toBe(11);
    await group.getByRole("button", { name: "8 out of 10" }).focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await heading(page, "Thank you!").waitFor();
    await expect(page.getByTestId("survey-thanks").innerText()).resolves.toBe("We recorded your answer: 9 out of 10.");
    await page.context().close();

    // The other contact's link, had it expired, would only say so.
    const low = tokenOf(scoreLinksInText((await waitForEmail(third.email, isNps)).body.text!).get(3)!);
    const late = await newPerson(browser);
    await late.goto(`${platform.baseUrl}/portal/survey/${Surveys.signToken(world.agency.agencyId, surveyIdOf(low), new Date(Date.now() - 60_000))}?score=3`);
    await heading(late, "This survey has closed").waitFor();
    await late.context().close();

    // Instead they give a low score, with a reason.
    const anonymous = new ApiClient(platform.baseUrl, "portal");
    await check(await anonymous.post("/surveys/respond", { token: low, score: 3 }));
    await check(await anonymous.post("/surveys/respond/comment", { token: low, comment: "Replies take days." }));
  });
});

describe("the owner's satisfaction page", () => {
  it("shows NPS and CSAT with the comments, and the low score to follow up", async () => {
    const owner = await newPerson(browser);
    await owner.goto(`${platform.baseUrl}/satisfaction`);
    await owner.waitForURL(/\/sign-in/);
    await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
    await owner.waitForURL(`${platform.baseUrl}/satisfaction`);
    await expect(owner.getByRole("navigation").getByRole("link", { name: "Satisfaction", exact: true }).getAttribute("aria-current")).resolves.toBe("page");
    await heading(owner, "Satisfaction").waitFor();

    // NPS 9 and 3: one promoter, one detractor → 0. CSAT: the 4.
    await expect(owner.getByTestId("nps-score").innerText()).resolves.toBe("0");
    await expect(owner.getByTestId("csat-average").innerText()).resolves.toBe("4.0");
    await expect(owner.getByRole("img", { name: /^NPS by month/ }).count()).resolves.toBe(1);
    await expect(owner.getByRole("img", { name: /^Average CSAT by month/ }).getAttribute("aria-label")).resolves.toMatch(/: 4\.0\.$/);
    const acme = owner.locator(`[data-testid="satisfaction-client"][data-client="${world.ids.client}"]`);
    await expect(acme.innerText()).resolves.toMatch(/Acme Corp\s+—\s+0\s+4\.0\s+1/);
    await expect(owner.locator('[data-testid="satisfaction-subcontractor"]').innerText()).resolves.toMatch(/Sam Writer\s+4\.0\s+1/);
    await expect(owner.getByText("Lovely work on the newsletter.").isVisible()).resolves.toBe(true);

    const followUps = owner.getByTestId("follow-ups");
    await expect(followUps.getByTestId("survey-response").count()).resolves.toBe(1);
    await expect(followUps.innerText()).resolves.toContain("Replies take days.");
    await followUps.getByRole("button", { name: "Mark the NPS score 3 from Eli Client followed up" }).click();
    const dialog = owner.getByRole("dialog", { name: "Mark followed up" });
    await dialog.getByLabel("What you did (optional)").fill("Agreed a same-day reply window.");
    await dialog.getByRole("button", { name: "Mark followed up" }).click();
    await owner.getByTestId("follow-ups-empty").waitFor();
    await expect(owner.locator('[data-testid="survey-response"][data-score="3"]').innerText()).resolves.toContain("Followed up by Owner Person — Agreed a same-day reply window.");
    await owner.context().close();
  });
});
