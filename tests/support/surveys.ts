import { simpleParser, type ParsedMail } from "mailparser";
import { inject } from "vitest";
import type { CapturedEmail } from "@baton/local/mailbox";
import { waitForEmail } from "./http.ts";

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

/**
 * Runs the NPS check-in job now and answers the id of the survey it emailed to `address` (an
 * active contact of an active client): route tests need a survey that exists.
 */
export async function checkInSurveyId(address: string): Promise<string> {
  const { Surveys } = await import("@baton/core/survey");
  await Surveys.checkIns();
  const mail = await waitForEmail(address, isNps);
  return surveyIdOf(tokenOf(scoreLinksInText(mail.body.text ?? "").get(10)!));
}
