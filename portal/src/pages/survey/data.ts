import { api } from "@baton/ui/api";
import type { SurveyPage } from "@baton/ui/types";

// The survey page's calls: public (the link's signed token is the credential). They carry
// x-baton-app like every portal call, which the CSRF guard needs.
export type { SurveyPage };

export const view = (token: string): Promise<SurveyPage> => api.surveys.view(token);
export const answer = (token: string, score: number): Promise<SurveyPage> => api.surveys.answer(token, score);
export const addComment = (token: string, comment: string): Promise<SurveyPage> => api.surveys.addComment(token, comment);

/** The score a link carries (`?score=4`), if it is a whole number. */
export function parseScore(value: string | string[] | undefined): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  return text !== undefined && /^\d{1,2}$/.test(text) ? Number(text) : null;
}
