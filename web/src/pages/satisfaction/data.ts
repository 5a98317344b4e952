import { api } from "@baton/ui/api";
import type { SurveyFollowUpInput, SurveySummary } from "@baton/ui/types";
import { query } from "@solidjs/router";

export type Summary = SurveySummary;
export type SurveyResponse = Summary["recent"][number];
export type Nps = Summary["nps"];
export type Csat = Summary["csat"];

// "" means the API's default: the last 12 months.
export const getSummary = query((from: string, to: string): Promise<Summary> => api.surveys.summary({ from, to }), "surveys.summary");

export const followUp = (id: string, input: SurveyFollowUpInput): Promise<SurveyResponse> => api.surveys.followUp(id, input);

type Query = Record<string, string | string[] | undefined>;
const text = (value: string | string[] | undefined) => ((Array.isArray(value) ? value[0] : value) ?? "").trim().slice(0, 32);

/** `?from=&to=` months, passed on as typed: the API checks them. */
export const parseRange = (search: Query) => ({ from: text(search.from), to: text(search.to) });

export const preloadSatisfaction = (search: Query) => {
  const range = parseRange(search);
  void getSummary(range.from, range.to);
};
