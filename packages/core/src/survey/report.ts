import { z } from "zod";
import { assertOwner } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { staleWrite } from "../db/conflict.ts";
import { db } from "../db/index.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { version } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { People } from "../people/index.ts";
import { monthOf } from "../reports/periods.ts";
import { monthRange, monthRangeSchema } from "../reports/range.ts";
import type { SurveyItem, SurveyKind } from "./entity.ts";
import { isLow, load, loadSettings } from "./rules.ts";

// The owner's view: NPS and CSAT over time, per client and per subcontractor, and the low
// scores to follow up.

export type Nps = { score: number | null; responses: number; promoters: number; passives: number; detractors: number };
export type Csat = { average: number | null; responses: number };

export type SurveyResponse = {
  id: string;
  kind: SurveyKind;
  score: number;
  comment: string | null;
  respondedAt: string;
  low: boolean;
  client: { id: string; name: string };
  contact: { id: string; name: string };
  request: { id: string; reference: string; title: string } | null;
  subcontractors: Array<{ id: string; name: string }>;
  followUp: { status: "none" | "open" | "done"; at: string | null; by: string | null; note: string | null };
  version: number;
};

export type SatisfactionSummary = {
  from: string;
  to: string;
  timeZone: string;
  nps: Nps;
  csat: Csat;
  months: Array<{ month: string; nps: Nps; csat: Csat }>;
  clients: Array<{ id: string; name: string; nps: Nps; csat: Csat }>;
  /** A CSAT counts for each member who worked on the request. */
  subcontractors: Array<{ id: string; name: string; csat: Csat }>;
  /** The period's responses, newest first (at most RECENT). */
  recent: SurveyResponse[];
  /** Low scores not yet followed up, whenever given, newest first (at most FOLLOW_UPS). */
  followUps: SurveyResponse[];
};

export { MAX_MONTHS } from "../reports/range.ts";
const RECENT = 50;
const FOLLOW_UPS = 100;

type Names = { clients: Map<string, string>; team: Map<string, { name: string }> };

export function present(item: SurveyItem, names: Names): SurveyResponse {
  return {
    id: item.surveyId,
    kind: item.kind,
    score: item.score ?? 0,
    comment: item.comment ?? null,
    respondedAt: item.respondedAt,
    low: item.score !== undefined && isLow(item.kind, item.score),
    client: { id: item.clientId, name: names.clients.get(item.clientId) ?? "" },
    contact: { id: item.contactId, name: item.contactName },
    request: item.requestId ? { id: item.requestId, reference: item.requestReference ?? "", title: item.requestTitle ?? "" } : null,
    subcontractors: item.memberIds.map((id) => ({ id, name: names.team.get(id)?.name ?? "" })),
    followUp: { status: item.followUp, at: item.followedUpAt ?? null, by: item.followedUpBy?.name ?? null, note: item.followUpNote ?? null },
    version: item.version,
  };
}

async function namesOf(agencyId: string, items: SurveyItem[]): Promise<Names> {
  const [team, clients] = await Promise.all([People.team(agencyId), People.clientNames(agencyId, items.map((item) => item.clientId))]);
  return { team, clients };
}

function nps(scores: number[]): Nps {
  const promoters = scores.filter((score) => score >= 9).length;
  const detractors = scores.filter((score) => score <= 6).length;
  const responses = scores.length;
  return {
    score: responses ? Math.round(((promoters - detractors) * 100) / responses) : null,
    responses,
    promoters,
    passives: responses - promoters - detractors,
    detractors,
  };
}

function csat(scores: number[]): Csat {
  const responses = scores.length;
  return { average: responses ? Math.round((scores.reduce((sum, score) => sum + score, 0) * 10) / responses) / 10 : null, responses };
}

const scoresOf = (items: SurveyItem[], kind: SurveyKind) => items.filter((item) => item.kind === kind).map((item) => item.score ?? 0);

export const summarySchema = monthRangeSchema;

/**
 * NPS (% promoters − % detractors) and the CSAT average by month, per client and per
 * subcontractor, for months in the agency's time zone (the last 12 by default), with the low
 * scores still to follow up.
 */
export const summary = fn(summarySchema, async (query): Promise<SatisfactionSummary> => {
  const agencyId = assertOwner();
  const { timeZone } = await loadSettings(agencyId);
  const { from, to, months, range } = monthRange(query, timeZone);
  const [answered, open] = await Promise.all([
    db.entities.survey.query
      .answeredSurveys({ agencyId, answered: "yes" })
      .between({ respondedAt: range.start }, { respondedAt: range.end })
      .go({ pages: "all" }),
    db.entities.survey.query.lowScoresToFollowUp({ agencyId, followUp: "open" }).go({ order: "desc", limit: FOLLOW_UPS }),
  ]);
  const items = answered.data.filter((item) => item.respondedAt >= range.start && item.respondedAt <= range.end);
  const names = await namesOf(agencyId, [...items, ...open.data]);

  const byMonth = new Map<string, SurveyItem[]>(months.map((m) => [m, []]));
  for (const item of items) byMonth.get(monthOf(item.respondedAt, timeZone))?.push(item);
  const byClient = new Map<string, SurveyItem[]>();
  for (const item of items) byClient.set(item.clientId, [...(byClient.get(item.clientId) ?? []), item]);
  const byMember = new Map<string, number[]>();
  for (const item of items.filter((entry) => entry.kind === "csat")) {
    for (const memberId of item.memberIds) byMember.set(memberId, [...(byMember.get(memberId) ?? []), item.score ?? 0]);
  }
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  return {
    from,
    to,
    timeZone,
    nps: nps(scoresOf(items, "nps")),
    csat: csat(scoresOf(items, "csat")),
    months: months.map((m) => ({ month: m, nps: nps(scoresOf(byMonth.get(m)!, "nps")), csat: csat(scoresOf(byMonth.get(m)!, "csat")) })),
    clients: [...byClient.entries()]
      .map(([id, list]) => ({ id, name: names.clients.get(id) ?? "", nps: nps(scoresOf(list, "nps")), csat: csat(scoresOf(list, "csat")) }))
      .sort(byName),
    subcontractors: [...byMember.entries()].map(([id, scores]) => ({ id, name: names.team.get(id)?.name ?? "", csat: csat(scores) })).sort(byName),
    recent: items
      .sort((a, b) => b.respondedAt.localeCompare(a.respondedAt))
      .slice(0, RECENT)
      .map((item) => present(item, names)),
    followUps: open.data.map((item) => present(item, names)),
  };
});

export const followUpSchema = z.strictObject({
  version,
  note: z.string({ error: "Write the note as text." }).trim().max(2000, "Keep the note under 2,000 characters.").optional(),
});

/** The owner marks a low score followed up (with what was done, optionally); it leaves the follow-up list. */
export const followUp = fn(followUpSchema, async (input, surveyId: string): Promise<SurveyResponse> => {
  const agencyId = assertOwner();
  const survey = await load(agencyId, surveyId);
  if (!survey) throw notFound("Survey");
  if (survey.version !== input.version) throw staleWrite("Survey", present(survey, await namesOf(agencyId, [survey])));
  if (survey.followUp !== "open") {
    throw new VisibleError(
      "rule",
      "survey.not_flagged",
      survey.followUp === "done" ? "This response has already been followed up." : "Only low scores are flagged for follow-up.",
    );
  }
  const by = await People.current();
  const result = await db.transaction
    .write(({ survey: surveys, ...tx }) => [
      surveys
        .patch({ agencyId, surveyId })
        // The sparse indexes' keys are rebuilt from all their parts, so those are given again:
        // the follow-up key goes, the answered key stays as it was.
        .set({ followUp: "done", followedUpAt: new Date().toISOString(), followedUpBy: by, answered: "yes", respondedAt: survey.respondedAt, ...(input.note ? { followUpNote: input.note } : {}) })
        .add({ version: 1 })
        .where((attr, op) => `${op.eq(attr.version, input.version)} AND ${op.eq(attr.followUp, "open")}`)
        .commit(),
      Audit.item(tx, Audit.event("survey.followed_up", "client", survey.clientId, { surveyId, kind: survey.kind, score: survey.score, contact: survey.contactName, note: input.note ?? null })),
    ])
    .go();
  const current = await load(agencyId, surveyId);
  const names = await namesOf(agencyId, current ? [current] : []);
  if (result.canceled) throw staleWrite("Survey", current && present(current, names));
  return present(current!, names);
});
