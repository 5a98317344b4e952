import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Surveys } from "@baton/core/survey";
import { emailsTo, type CapturedEmail } from "@baton/local/mailbox";
import { uniqueEmail } from "../support/fixtures.ts";
import { ApiClient, startApi, waitForEmail, type Started } from "../support/http.ts";
import { isCsat, isNps, npsDue, parsedMime, scoreLinksInHtml, scoreLinksInText, surveyIdOf, tokenOf } from "../support/surveys.ts";
import { acceptedTask, acceptInvitation, createWorld, type World } from "../support/world.ts";

// Feedback surveys end to end over HTTP: the CSAT email after the client approves, its
// one-click links (forged, expired and reused ones refused), the comment, the quiet days, the
// NPS check-in job run twice at once, and the owner's numbers. The tests run in order: each
// builds on the surveys the ones before sent and answered.

let api: Started;
let world: World;
/** Nobody signed in: the score links must work from any mail client. */
let anonymous: ApiClient;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Survey Agency");
  anonymous = new ApiClient(api.baseUrl, "portal");
});
afterAll(() => api.close());

const DAY = 86_400_000;
const mailTo = async (address: string, match: (email: CapturedEmail) => boolean) => (await emailsTo(inject("sesEndpoint"), address)).filter(match);

/** A request from the world's contact, done by Sam, through QA, approved by the client. */
async function completeRequest(title: string) {
  const { request, task } = await acceptedTask(world, { title });
  const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
  const submitted = await world.sub.post(`/tasks/${task.id}/submit`, { version: assigned.body.task.version, text: "Done", links: [] });
  const reviewed = await world.owner.post(`/tasks/${task.id}/review`, { version: submitted.body.task.version, decision: "approve", rubric: 5 });
  const approved = await world.contact.post(`/tasks/${task.id}/approve`, { version: reviewed.body.task.version });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  expect((await world.owner.get(`/requests/${request.id}`)).body.request.status).toBe("completed");
  return request as { id: string; reference: string };
}

async function setAgency(changes: Record<string, unknown>) {
  const agency = await world.owner.get("/agency");
  const saved = await world.owner.patch("/agency", { version: agency.body.version, ...changes });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return saved.body;
}

describe("CSAT after approval", () => {
  let first: { id: string; reference: string };
  let links: Map<number, string>;
  let token: string;

  it("emails the contact who asked, once the client approves the last task: HTML and text parts both carry the 1–5 links", async () => {
    first = await completeRequest("Quarterly report");
    const mail = await waitForEmail(world.people.contact.email, (e) => isCsat(e) && e.subject.includes(first.reference));
    expect(mail.subject).toBe(`How did we do on ${first.reference}?`);

    const mime = await parsedMime(mail);
    expect(mime.subject).toBe(mail.subject);
    expect(typeof mime.html).toBe("string");
    expect(mime.text).toBeTruthy();
    const inHtml = scoreLinksInHtml(mime.html as string);
    const inText = scoreLinksInText(mime.text!);
    expect([...inText.keys()]).toEqual([1, 2, 3, 4, 5]);
    expect(inHtml).toEqual(inText);
    for (const [score, url] of inText) expect(url).toMatch(new RegExp(`^${api.baseUrl}/portal/survey/[^?]+\\?score=${score}$`));
    expect(mime.text).toContain('How satisfied are you with how Survey Agency handled "Quarterly report"?');
    expect(mime.html).toContain("How satisfied are you with how Survey Agency handled &quot;Quarterly report&quot;?");

    links = inText;
    token = tokenOf(links.get(2)!);
    // Every score's link carries the same token: one survey, one credential.
    expect(new Set([...links.values()].map(tokenOf)).size).toBe(1);
  });

  it("shows the survey behind the link without signing in, and reading it records nothing", async () => {
    const page = await anonymous.get(`/surveys/respond/${encodeURIComponent(token)}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      agency: "Survey Agency",
      kind: "csat",
      scale: { min: 1, max: 5 },
      request: { reference: first.reference, title: "Quarterly report" },
      status: "open",
      score: null,
      commentOpen: false,
    });
    expect(page.body.question).toContain("Quarterly report");
  });

  it("refuses a link past its expiry with 410", async () => {
    const { agencyId } = world.agency;
    const expired = Surveys.signToken(agencyId, surveyIdOf(token), new Date(Date.now() - 60_000));
    const reply = await anonymous.post("/surveys/respond", { token: expired, score: 5 });
    expect(reply.status).toBe(410);
    expect(reply.body.error.code).toBe("survey.expired");
    expect((await anonymous.get(`/surveys/respond/${encodeURIComponent(expired)}`)).body.status).toBe("expired");
    // Or when the survey itself has closed (30 days), whatever the link says.
    await expect(Surveys.respond({ token, score: 5 }, new Date(Date.now() + 31 * DAY))).rejects.toMatchObject({ code: "survey.expired", status: 410 });
  });

  it("refuses forged and garbled links with 404", async () => {
    const [, agencyId, surveyId, expires, signature] = /^(agy_\w{26})-(srv_\w{26})-(\d+)-(.{43})$/.exec(token) as unknown as [string, string, string, string, string];
    // No dots: the token is the last segment of the page's path (see infra/sites.ts).
    expect(token).not.toContain(".");
    const flip = (s: string) => s.slice(0, -1) + (s.endsWith("A") ? "B" : "A");
    const otherKey = createHmac("sha256", "not-the-server-secret").update("baton/survey-links/v1").digest();
    const forged = [
      "x",
      "",
      `${agencyId}-${surveyId}-${expires}-${flip(signature)}`,
      // A later expiry under the old signature.
      `${agencyId}-${surveyId}-${Number(expires) + 86_400}-${signature}`,
      // Another survey id under this signature.
      `${agencyId}-srv_01jzzzzzzzzzzzzzzzzzzzzzzz-${expires}-${signature}`,
      // Well formed, signed with another key.
      `${agencyId}-${surveyId}-${expires}-${createHmac("sha256", otherKey).update(`${agencyId}-${surveyId}-${expires}`).digest("base64url")}`,
      // Properly signed, but no such survey.
      Surveys.signToken(agencyId, "srv_01jzzzzzzzzzzzzzzzzzzzzzzz", new Date(Date.now() + DAY)),
      `${token}-extra`,
    ];
    for (const bad of forged) {
      const reply = await anonymous.post("/surveys/respond", { token: bad, score: 4 });
      expect(reply.status, bad).toBe(404);
      expect(reply.body.error.code, bad).toBe("survey.not_found");
      expect((await anonymous.post("/surveys/respond/comment", { token: bad, comment: "Hi" })).status, bad).toBe(404);
    }
    expect((await anonymous.get(`/surveys/respond/${encodeURIComponent(forged[2]!)}`)).status).toBe(404);
  });

  it("records the score of the link followed; the first score wins and a reused link answers 409 with it", async () => {
    const recorded = await anonymous.post("/surveys/respond", { token, score: 2 });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ status: "answered", score: 2, commentOpen: true, comment: null });

    const again = await anonymous.post("/surveys/respond", { token: tokenOf(links.get(5)!), score: 5 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("survey.answered");
    expect(again.body.current).toMatchObject({ status: "answered", score: 2 });
    const page = await anonymous.get(`/surveys/respond/${encodeURIComponent(token)}`);
    expect(page.body).toMatchObject({ status: "answered", score: 2 });
  });

  it("refuses a score off the scale", async () => {
    const reply = await anonymous.post("/surveys/respond", { token, score: 11 });
    expect(reply.status).toBe(400);
    expect(reply.body.error.fields.score).toBeTruthy();
  });

  it("takes one comment, from the holder of the link", async () => {
    const saved = await anonymous.post("/surveys/respond/comment", { token, comment: "  The report was late.  " });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ comment: "The report was late.", commentOpen: false, score: 2 });
    const again = await anonymous.post("/surveys/respond/comment", { token, comment: "And another thing" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("survey.commented");
    expect((await anonymous.post("/surveys/respond/comment", { token, comment: "   " })).status).toBe(400);
  });

  it("sends nobody a second survey within the quiet days", async () => {
    const before = (await mailTo(world.people.contact.email, isCsat)).length;
    await completeRequest("Second report");
    expect((await mailTo(world.people.contact.email, isCsat)).length).toBe(before);

    // With no quiet days, the next approval is surveyed.
    await setAgency({ surveyQuietDays: 0 });
    const third = await completeRequest("Third report");
    const mail = await waitForEmail(world.people.contact.email, (e) => isCsat(e) && e.subject.includes(third.reference));
    const thirdToken = tokenOf(scoreLinksInText(mail.body.text!).get(5)!);
    expect((await anonymous.post("/surveys/respond", { token: thirdToken, score: 5 })).status).toBe(200);
    await setAgency({ surveyQuietDays: 14 });

    // A comment more than 24 hours after the score is too late.
    await expect(Surveys.comment({ token: thirdToken, comment: "Late" }, new Date(Date.now() + 25 * 3_600_000))).rejects.toMatchObject({
      code: "survey.comment_closed",
      status: 410,
    });
  });

  it("keeps the settings within bounds", async () => {
    const agency = await world.owner.get("/agency");
    expect(agency.body).toMatchObject({ npsEveryDays: 30, surveyQuietDays: 14, npsAfterOnboardingDays: 30 });
    const reply = await world.owner.patch("/agency", { version: agency.body.version, npsEveryDays: 3, surveyQuietDays: -1, npsAfterOnboardingDays: 366 });
    expect(reply.status).toBe(400);
    expect(Object.keys(reply.body.error.fields).sort()).toEqual(["npsAfterOnboardingDays", "npsEveryDays", "surveyQuietDays"]);
    expect((await world.owner.patch("/agency", { version: agency.body.version, npsAfterOnboardingDays: 1.5 })).body.error.fields).toEqual({ npsAfterOnboardingDays: "Enter a whole number of days." });
    expect((await world.sub.patch("/agency", { version: agency.body.version, npsEveryDays: 60 })).status).toBe(403);
  });
});

describe("NPS check-ins", () => {
  let clientId: string;
  const people = [uniqueEmail("ana"), uniqueEmail("ben"), uniqueEmail("cy")];
  /** Beta's fourth contact, who asks for Beta's first piece of work (and gets its CSAT). */
  const dee = { email: uniqueEmail("dee") };
  let deePortal: ApiClient;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    const client = await world.owner.post("/clients", { name: "Beta Ltd", code: `BT${Date.now() % 100000}`, timeZone: "Europe/Athens", currency: "EUR", status: "active" });
    clientId = client.body.id;
    for (const [i, email] of people.entries()) {
      await world.owner.post(`/clients/${clientId}/contacts`, { email, name: `Contact ${i + 1}`, timeZone: "Europe/Athens" });
      await acceptInvitation(new ApiClient(api.baseUrl, "portal"), email);
    }
    await world.owner.post(`/clients/${clientId}/contacts`, { email: dee.email, name: "Dee Asker", timeZone: "Europe/Athens" });
    deePortal = new ApiClient(api.baseUrl, "portal");
    await acceptInvitation(deePortal, dee.email);
  });

  const everyone = () => [...people, dee.email, world.people.contact.email];
  const checkInsTo = async (emails: string[]) => (await Promise.all(emails.map((email) => mailTo(email, isNps)))).flat();

  it("waits for a client's first completed request, and the agency's days after it joined", async () => {
    // Acme has had work done, but joined today (30 days by default); Beta has had none.
    expect((await Surveys.checkIns(new Date())).sent).toBe(0);
    await setAgency({ npsAfterOnboardingDays: 0 });
    expect((await Surveys.checkIns(new Date())).sent).toBe(0);
    expect(await checkInsTo(everyone())).toEqual([]);
    // Beta's first request, asked for by Dee, done and approved: Dee gets its CSAT.
    await npsDue({ owner: world.owner, contact: deePortal });
    await waitForEmail(dee.email, isCsat);
  });

  it("sends each active contact one check-in per period, even when the job runs twice at once", async () => {
    const now = new Date();
    await Promise.all([Surveys.checkIns(now), Surveys.checkIns(now)]);
    await Surveys.checkIns(new Date(now.getTime() + 60_000));
    for (const email of people) {
      const mails = await mailTo(email, isNps);
      expect(mails.map((m) => m.subject), email).toEqual(["A quick question from Survey Agency"]);
      const links = scoreLinksInText(mails[0]!.body.text!);
      expect([...links.keys()]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(scoreLinksInHtml(mails[0]!.body.html!)).toEqual(links);
      tokens.set(email, tokenOf(links.get(0)!));
    }
    // Acme's contact and Dee had a CSAT today: within the quiet days, no check-in.
    expect(await checkInsTo([world.people.contact.email, dee.email])).toEqual([]);
  });

  it("records NPS answers (0–10)", async () => {
    // Two clicks at once: one is recorded, the other told it was answered.
    const clicks = await Promise.all([10, 10].map((score) => anonymous.post("/surveys/respond", { token: tokens.get(people[0]!), score })));
    expect(clicks.map((reply) => reply.status).sort()).toEqual([200, 409]);
    const scores = [10, 9, 3];
    for (const [i, email] of people.entries()) {
      if (i === 0) continue;
      const reply = await anonymous.post("/surveys/respond", { token: tokens.get(email), score: scores[i] });
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ kind: "nps", scale: { min: 0, max: 10 }, score: scores[i] });
    }
    expect((await anonymous.post("/surveys/respond/comment", { token: tokens.get(people[2]!), comment: "Too slow to reply." })).status).toBe(200);
  });
});

describe("the owner's numbers", () => {
  it("computes NPS (% promoters − % detractors) and the CSAT average, by month, client and subcontractor", async () => {
    const reply = await world.owner.get("/surveys/summary");
    expect(reply.status).toBe(200);
    const summary = reply.body;
    // NPS 10, 9, 3: two promoters, one detractor of three → 33. CSAT 2 and 5 → 3.5.
    expect(summary.nps).toEqual({ score: 33, responses: 3, promoters: 2, passives: 0, detractors: 1 });
    expect(summary.csat).toEqual({ average: 3.5, responses: 2 });
    const month = summary.months.find((m: any) => m.nps.responses);
    expect(summary.months.at(-1)).toEqual(month);
    expect(month.csat).toEqual({ average: 3.5, responses: 2 });
    expect(summary.clients).toEqual([
      { id: world.ids.client, name: "Acme Corp", nps: { score: null, responses: 0, promoters: 0, passives: 0, detractors: 0 }, csat: { average: 3.5, responses: 2 } },
      expect.objectContaining({ name: "Beta Ltd", nps: { score: 33, responses: 3, promoters: 2, passives: 0, detractors: 1 }, csat: { average: null, responses: 0 } }),
    ]);
    expect(summary.subcontractors).toEqual([{ id: world.ids.sub, name: "Sam Writer", csat: { average: 3.5, responses: 2 } }]);
    // The low scores, newest first: the NPS 3 with its comment, then the CSAT 2.
    expect(summary.followUps.map((f: any) => [f.kind, f.score, f.comment, f.client.name])).toEqual([
      ["nps", 3, "Too slow to reply.", "Beta Ltd"],
      ["csat", 2, "The report was late.", "Acme Corp"],
    ]);
    expect(summary.followUps[1]).toMatchObject({ request: { title: "Quarterly report" }, subcontractors: [{ id: world.ids.sub, name: "Sam Writer" }], low: true });
    expect(summary.recent).toHaveLength(5);
  });

  it("marks a low score followed up, once, and only the owner", async () => {
    const [low] = (await world.owner.get("/surveys/summary")).body.followUps;
    expect((await world.sub.post(`/surveys/${low.id}/follow-up`, { version: low.version })).status).toBe(403);
    expect((await world.contact.post(`/surveys/${low.id}/follow-up`, { version: low.version })).status).toBe(403);
    expect((await world.owner.post("/surveys/srv_01jzzzzzzzzzzzzzzzzzzzzzzz/follow-up", { version: 1 })).status).toBe(404);

    const done = await world.owner.post(`/surveys/${low.id}/follow-up`, { version: low.version, note: "Called them; faster replies agreed." });
    expect(done.status).toBe(200);
    expect(done.body.followUp).toMatchObject({ status: "done", by: "Owner Person", note: "Called them; faster replies agreed." });
    const stale = await world.owner.post(`/surveys/${low.id}/follow-up`, { version: low.version });
    expect(stale.status).toBe(409);
    expect(stale.body.current.followUp.status).toBe("done");
    expect((await world.owner.post(`/surveys/${low.id}/follow-up`, { version: done.body.version })).body.error.code).toBe("survey.not_flagged");

    const summary = (await world.owner.get("/surveys/summary")).body;
    expect(summary.followUps.map((f: any) => f.id)).not.toContain(low.id);
    expect(summary.followUps).toHaveLength(1);
    // Still counted.
    expect(summary.nps.responses).toBe(3);
    const notLow = summary.recent.find((r: any) => !r.low);
    expect((await world.owner.post(`/surveys/${notLow.id}/follow-up`, { version: notLow.version })).body.error.code).toBe("survey.not_flagged");
  });

  it("checks the months asked for", async () => {
    expect((await world.owner.get("/surveys/summary?from=2026-12&to=2026-01")).status).toBe(400);
    expect((await world.owner.get("/surveys/summary?from=2020-01&to=2026-01")).status).toBe(400);
    const empty = await world.owner.get("/surveys/summary?from=2020-01&to=2020-03");
    expect(empty.body).toMatchObject({ nps: { score: null, responses: 0 }, csat: { average: null, responses: 0 }, recent: [] });
    expect(empty.body.months).toHaveLength(3);
    expect((await world.sub.get("/surveys/summary")).status).toBe(403);
  });
});

describe("the next period", () => {
  it("checks in again once the period has passed, and not before", async () => {
    const later = new Date(Date.now() + 31 * DAY);
    const runs = await Promise.all([Surveys.checkIns(later), Surveys.checkIns(later)]);
    // Beta's four contacts and, its quiet days over, Acme's contact: once each.
    expect(runs[0].sent + runs[1].sent).toBe(5);
    expect((await Surveys.checkIns(new Date(later.getTime() + DAY))).sent).toBe(0);
    expect(await mailTo(world.people.contact.email, isNps)).toHaveLength(1);
  });
});
