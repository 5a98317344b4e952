import type { Routes } from "@baton/functions/api";
import { appHeaders, unwrap } from "@baton/ui/api";
import { hc, type InferResponseType } from "hono/client";

// The survey page's calls: public (the link's signed token is the credential), typed from the
// API's own routes. They carry x-baton-app like every portal call, which the CSRF guard needs.
const client = hc<Routes>("/api", { headers: appHeaders, init: { credentials: "same-origin" } });
const respond = client.surveys.respond;

export type SurveyPage = InferResponseType<(typeof respond)[":token"]["$get"], 200>;

export const view = async (token: string): Promise<SurveyPage> =>
  (await unwrap(await respond[":token"].$get({ param: { token: encodeURIComponent(token) } }), { allowUnauthorized: true })) as SurveyPage;

export const answer = async (token: string, score: number): Promise<SurveyPage> =>
  (await unwrap(await respond.$post({ json: { token, score } }), { allowUnauthorized: true })) as SurveyPage;

export const addComment = async (token: string, comment: string): Promise<SurveyPage> =>
  (await unwrap(await respond.comment.$post({ json: { token, comment } }), { allowUnauthorized: true })) as SurveyPage;

/** The score a link carries (`?score=4`), if it is a whole number. */
export function parseScore(value: string | string[] | undefined): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  return text !== undefined && /^\d{1,2}$/.test(text) ? Number(text) : null;
}
