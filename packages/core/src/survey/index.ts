// Feedback surveys. CSAT (1–5) goes to the client when it approves a request's last task; an NPS
// check-in (0–10) goes to each active client's contacts every `npsEveryDays`. Every email
// carries one signed link per score: following one records that score without signing in (the
// first score wins) and opens a page for an optional comment. A contact gets at most one survey
// per `surveyQuietDays`: the contact's `lastSurveyAt` is moved, on condition, in the same
// transaction that creates the survey, so two senders can never both pass the rule.
//
// rules.ts: scales, windows, settings · token.ts: the signed links · send.ts: CSAT and NPS
// check-ins · respond.ts: the public answer and comment · report.ts: the owner's numbers.

export * as Surveys from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";
export { SurveyKinds, type SurveyKind } from "./entity.ts";
export { COMMENT_HOURS, isLow, LINK_DAYS, load, SCALES } from "./rules.ts";
export { readToken, signToken, type SurveyToken } from "./token.ts";
export { afterCompletion, checkIns, checkInsFor, surveyUrl } from "./send.ts";
export { comment, commentSchema, respond, respondSchema, view, type SurveyPage } from "./respond.ts";
export { followUp, followUpSchema, MAX_MONTHS, present, summary, summarySchema, type Csat, type Nps, type SatisfactionSummary, type SurveyResponse } from "./report.ts";
