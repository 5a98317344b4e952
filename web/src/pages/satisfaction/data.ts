import type { Routes } from "@baton/functions/api";
import { appHeaders, unwrap } from "@baton/ui/api";
import { query } from "@solidjs/router";
import { hc, type InferRequestType, type InferResponseType } from "hono/client";

// The satisfaction page's calls, typed from the API's own routes like @baton/ui/api's.
const client = hc<Routes>("/api", { headers: appHeaders, init: { credentials: "same-origin" } });
const surveys = client.surveys;

export type Summary = InferResponseType<typeof surveys.summary.$get, 200>;
export type SurveyResponse = Summary["recent"][number];
export type Nps = Summary["nps"];
export type Csat = Summary["csat"];
type FollowUpInput = InferRequestType<(typeof surveys)[":surveyId"]["follow-up"]["$post"]>["json"];

// "" means the API's default: the last 12 months.
export const getSummary = query(
  async (from: string, to: string): Promise<Summary> =>
    (await unwrap(await surveys.summary.$get({ query: { ...(from ? { from } : {}), ...(to ? { to } : {}) } }))) as Summary,
  "surveys.summary",
);

export async function followUp(id: string, input: FollowUpInput): Promise<SurveyResponse> {
  return (await unwrap(await surveys[":surveyId"]["follow-up"].$post({ param: { surveyId: id }, json: input }))) as SurveyResponse;
}

type Query = Record<string, string | string[] | undefined>;
const text = (value: string | string[] | undefined) => ((Array.isArray(value) ? value[0] : value) ?? "").trim().slice(0, 32);

/** `?from=&to=` months, passed on as typed: the API checks them. */
export const parseRange = (search: Query) => ({ from: text(search.from), to: text(search.to) });

export const preloadSatisfaction = (search: Query) => {
  const range = parseRange(search);
  void getSummary(range.from, range.to);
};
