import { z } from "zod";
import { record as recordEvent } from "../webhook/record.ts";
import { withActor } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { db } from "../db/index.ts";
import { Email, type Locale } from "../email/index.ts";
import { VisibleError } from "../error/index.ts";
import { fn } from "../fn/index.ts";
import type { SurveyItem, SurveyKind } from "./entity.ts";
import { COMMENT_HOURS, isLow, load, SCALES } from "./rules.ts";
import { readToken } from "./token.ts";
import { AgencyStore } from "../agency/store.ts";
import { ContactStore } from "../contact/store.ts";

// Answering: public routes, where the signed link is the credential. The first score wins
// (a conditional write); the comment can follow once, within COMMENT_HOURS.

export type SurveyPage = {
  agency: string;
  kind: SurveyKind;
  question: string;
  scale: { min: number; max: number };
  request: { reference: string; title: string } | null;
  status: "open" | "answered" | "expired";
  score: number | null;
  comment: string | null;
  /** A comment can still be added: answered, none yet, within COMMENT_HOURS of the score. */
  commentOpen: boolean;
};

const invalidLink = () => new VisibleError("not_found", "survey.not_found", "This survey link is not valid. Please use the link from your email as it is.");
const expiredLink = () => new VisibleError("gone", "survey.expired", "This survey has closed. Thank you all the same.");

async function byToken(token: string, now: Date): Promise<{ survey: SurveyItem; expired: boolean }> {
  const read = readToken(token);
  if (!read) throw invalidLink();
  const survey = await load(read.agencyId, read.surveyId);
  if (!survey) throw invalidLink();
  const expired = read.expiresAt.getTime() <= now.getTime() || Date.parse(survey.closesAt) <= now.getTime();
  return { survey, expired };
}

const commentOpen = (survey: SurveyItem, now: Date) =>
  survey.answered === "yes" && survey.comment === undefined && now.getTime() < Date.parse(survey.respondedAt) + COMMENT_HOURS * 3_600_000;

async function page(survey: SurveyItem, expired: boolean, now: Date): Promise<SurveyPage> {
  const [agency, contact] = await Promise.all([
    AgencyStore.load(survey.agencyId),
    ContactStore.load(survey.agencyId, survey.contactId),
  ]);
  const name = agency?.brandName ?? agency?.name ?? "";
  const locale: Locale = contact?.locale ?? "en";
  const request = survey.requestReference ? { reference: survey.requestReference, title: survey.requestTitle ?? "" } : null;
  return {
    agency: name,
    kind: survey.kind,
    question: Email.surveyQuestion(locale, survey.kind, { agency: name, ...(request ?? {}) }),
    scale: SCALES[survey.kind],
    request,
    status: survey.answered === "yes" ? "answered" : expired ? "expired" : "open",
    score: survey.score ?? null,
    comment: survey.comment ?? null,
    commentOpen: commentOpen(survey, now),
  };
}

/** The survey behind a link, for its page. Reading records nothing (mail scanners follow links). */
export async function view(token: string, now = new Date()): Promise<SurveyPage> {
  const { survey, expired } = await byToken(token, now);
  return page(survey, expired, now);
}

const token = z.string({ error: "The link's token is missing." }).max(200, "This survey link is not valid.");

export const respondSchema = z.strictObject({
  token,
  score: z.number({ error: "Choose a score." }).int("Choose a whole number.").min(0, "Choose a score from the scale.").max(10, "Choose a score from the scale."),
});

const alreadyAnswered = (current: SurveyPage) =>
  new VisibleError("conflict", "survey.answered", `You already answered (score ${current.score}). Thank you.`, { current });

/** Records the score. The first score wins: a link used again answers 409 with the score given. */
export const respond = fn(respondSchema, async (input, now: Date = new Date()): Promise<SurveyPage> => {
  const { survey, expired } = await byToken(input.token, now);
  if (survey.answered === "yes") throw alreadyAnswered(await page(survey, expired, now));
  if (expired) throw expiredLink();
  const { min, max } = SCALES[survey.kind];
  if (input.score < min || input.score > max) {
    throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { score: `Choose a score from ${min} to ${max}.` } });
  }
  const { agencyId, surveyId } = survey;
  const result = await withActor({ type: "system", agencyId }, () =>
    db.transaction
      .write(({ survey: surveys, ...tx }) => [
        surveys
          .patch({ agencyId, surveyId })
          .set({ score: input.score, answered: "yes", respondedAt: now.toISOString(), followUp: isLow(survey.kind, input.score) ? "open" : "none" })
          .add({ version: 1 })
          .where((attr, op) => op.eq(attr.answered, "no"))
          .commit(),
        Audit.item(tx, answerEvent(survey, "survey.answered", { score: input.score })),
      ])
      .go(),
  );
  const current = (await load(agencyId, surveyId))!;
  if (result.canceled) {
    // Another click of a score link got there first.
    if (current.answered === "yes") throw alreadyAnswered(await page(current, expired, now));
    throw new VisibleError("conflict", "conflict", "Your answer could not be saved just now. Please try again.");
  }
  await recordEvent(agencyId, "survey.answered", { id: surveyId, clientId: current.clientId }, {
    id: surveyId,
    kind: current.kind,
    clientId: current.clientId,
    contactId: current.contactId,
    contactName: current.contactName,
    requestId: current.requestId ?? null,
    score: current.score ?? null,
    respondedAt: current.respondedAt ?? null,
  });
  return page(current, false, now);
});

/** The audit event of the contact's answer: the link's holder acts, though nobody signed in. */
function answerEvent(survey: SurveyItem, action: string, data: Record<string, unknown>) {
  return {
    ...Audit.event(action, "client", survey.clientId, { surveyId: survey.surveyId, kind: survey.kind, contact: survey.contactName, ...data }),
    actorType: "contact",
    actorId: survey.contactId,
  };
}

export const commentSchema = z.strictObject({
  token,
  comment: z.string({ error: "Write your comment." }).trim().min(1, "Write your comment.").max(2000, "Keep the comment under 2,000 characters."),
});

/** Adds the optional comment: once, by the holder of the score's link, within COMMENT_HOURS of the score. */
export const comment = fn(commentSchema, async (input, now: Date = new Date()): Promise<SurveyPage> => {
  // The link's own expiry does not apply: a score given on its last day may still get a comment.
  const { survey, expired } = await byToken(input.token, now);
  if (survey.answered !== "yes") throw new VisibleError("rule", "survey.not_answered", "Choose a score first; then you can add a comment.");
  if (survey.comment !== undefined) throw new VisibleError("conflict", "survey.commented", "You already added a comment. Thank you.", { current: await page(survey, expired, now) });
  const deadline = new Date(Date.parse(survey.respondedAt) + COMMENT_HOURS * 3_600_000).toISOString();
  if (now.toISOString() >= deadline) throw new VisibleError("gone", "survey.comment_closed", `Comments can be added for ${COMMENT_HOURS} hours after the score.`);
  const { agencyId, surveyId } = survey;
  const result = await withActor({ type: "system", agencyId }, () =>
    db.transaction
      .write(({ survey: surveys, ...tx }) => [
        surveys
          .patch({ agencyId, surveyId })
          .set({ comment: input.comment, commentedAt: now.toISOString() })
          .add({ version: 1 })
          .where((attr, op) => `${op.notExists(attr.comment)} AND ${op.eq(attr.answered, "yes")}`)
          .commit(),
        Audit.item(tx, answerEvent(survey, "survey.commented", {})),
      ])
      .go(),
  );
  const current = (await load(agencyId, surveyId))!;
  if (result.canceled) {
    if (current.comment !== undefined) throw new VisibleError("conflict", "survey.commented", "You already added a comment. Thank you.", { current: await page(current, expired, now) });
    throw new VisibleError("conflict", "conflict", "Your comment could not be saved just now. Please try again.");
  }
  return page(current, expired, now);
});
