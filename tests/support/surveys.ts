import { simpleParser, type ParsedMail } from "mailparser";
import { inject } from "vitest";
import type { CapturedEmail } from "@baton/local/mailbox";
import { waitForEmail, type ApiClient } from "./http.ts";

// Feedback survey emails as a mail client sees them, and their one-click score links.

/** The message as MIME (the SES emulator builds it from what was sent), parsed like a mail client does. */
export async function parsedMime(email: CapturedEmail): Promise<ParsedMail> {
  const response = await fetch(`${inject("sesEndpoint")}/get-emlContent?messageId=${encodeURIComponent(email.messageId)}`);
  if (!response.ok) throw new Error(`no MIME for ${email.messageId}: ${response.status}`);
  const { body } = (await response.json()) as { body: { type: "Buffer"; data: number[] } | string };
  return simpleParser(typeof body === "string" ? body : Buffer.from(body.data));
}

/** Score → link, from the text part's list ("4: https://…/survey/<token>?score=4"). */
export function scoreLinksInText(text: string): Map<number, string> {
  return new Map([...text.matchAll(/^(\d{1,2}): (https?:\/\/\S+\/survey\/\S+)$/gm)].map((m) => [Number(m[1]), m[2]!]));
}

/** Score → link, from the HTML part's anchors. */
export function scoreLinksInHtml(html: string): Map<number, string> {
  const links = [...html.matchAll(/<a href="([^"]+\/survey\/[^"]+)"[^>]*>(\d{1,2})<\/a>/g)];
  return new Map(links.map((m) => [Number(m[2]), m[1]!.replaceAll("&amp;", "&")]));
}

/** The signed token in a score link. */
export const tokenOf = (url: string) => decodeURIComponent(new URL(url).pathname.split("/").pop()!);

/** The survey a token points at: `<agencyId>-<surveyId>-<expires>-<signature>`. */
export const surveyIdOf = (token: string) => /^agy_[0-9a-z]{26}-(srv_[0-9a-z]{26})-/.exec(token)![1]!;

export const isNps = (email: CapturedEmail) => email.subject.startsWith("A quick question from");
export const isCsat = (email: CapturedEmail) => email.subject.startsWith("How did we do on");

/** Who take one of a client's requests to the end: a portal contact of the client, who asks and approves, and the agency's owner, who does it. */
export type ClientWork = { owner: ApiClient; contact: ApiClient };

const DAY = 86_400_000;

/**
 * Makes a client due an NPS check-in: a request of its done to the end (the contact asks, the
 * owner does it and passes QA, the contact approves, and is sent its CSAT), then answers a moment
 * when the check-in job may ask: after the agency's default 30 days from the client's start and
 * 14 quiet days from that CSAT.
 */
export async function npsDue(work: ClientWork): Promise<Date> {
  const ok = (reply: { status: number; body: any }, what: string) => {
    if (reply.status >= 300) throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  const me = ok(await work.owner.get("/me"), "me");
  const request = ok(await work.contact.post("/requests", { title: "First piece of work", description: "Done to the end.", service: "Admin" }), "submit");
  const accepted = ok(
    await work.owner.post(`/requests/${request.id}/accept`, {
      version: request.version,
      tasks: [{ title: "First piece of work", estimateHours: 1, dueAt: new Date(Date.now() + DAY).toISOString() }],
    }),
    "accept",
  );
  const task = accepted.tasks[0];
  const assigned = ok(await work.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: me.id }), "assign");
  const submitted = ok(await work.owner.post(`/tasks/${task.id}/submit`, { version: assigned.task.version, text: "Done", links: [] }), "submit for QA");
  const reviewed = ok(await work.owner.post(`/tasks/${task.id}/review`, { version: submitted.task.version, decision: "approve", rubric: 5 }), "QA");
  ok(await work.contact.post(`/tasks/${task.id}/approve`, { version: reviewed.task.version }), "client approval");
  return new Date(Date.now() + 31 * DAY);
}

/**
 * Makes the client due a check-in, runs the NPS check-in job then and answers the id of the
 * survey it emailed to `address` (the contact of `work`, who also gets the CSAT of the request
 * done): route tests need a survey that exists.
 */
export async function checkInSurveyId(address: string, work: ClientWork): Promise<string> {
  const { Surveys } = await import("@baton/core/survey");
  const at = await npsDue(work);
  // The approval's CSAT goes out after its response: once it is here, the check-in finds the quiet days over.
  await waitForEmail(address, isCsat);
  await Surveys.checkIns(at);
  const mail = await waitForEmail(address, isNps);
  return surveyIdOf(tokenOf(scoreLinksInText(mail.body.text ?? "").get(10)!));
}
