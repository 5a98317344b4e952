import { createHmac, timingSafeEqual } from "node:crypto";
import { Config } from "../config/index.ts";

// A survey's score links carry `<agencyId>-<surveyId>-<expires>-<signature>`: the ids find the
// survey, `expires` (epoch seconds) bounds the link, and the HMAC-SHA256 signature over the three
// proves Baton made it. Nothing is stored per link; single use is the survey's own conditional
// write (the first score wins). The key is derived from the session secret, so a session token
// can never pass for a link or the other way round. No dots: the token is the last segment of
// the portal page's path, and CloudFront takes a last segment with a dot for a file (infra/sites.ts).

const SHAPE = /^(agy_[0-9a-z]{26})-(srv_[0-9a-z]{26})-(\d{1,12})-([A-Za-z0-9_-]{43})$/;

const key = () => createHmac("sha256", Config.sessionSecret).update("baton/survey-links/v1").digest();
const sign = (payload: string) => createHmac("sha256", key()).update(payload).digest("base64url");

export type SurveyToken = { agencyId: string; surveyId: string; expiresAt: Date };

export function signToken(agencyId: string, surveyId: string, expiresAt: Date): string {
  const payload = `${agencyId}-${surveyId}-${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}-${sign(payload)}`;
}

/** What a correctly signed token says (expired or not), or null for anything forged or garbled. */
export function readToken(token: string): SurveyToken | null {
  const match = SHAPE.exec(token);
  if (!match) return null;
  const [, agencyId, surveyId, expires, signature] = match as unknown as [string, string, string, string, string];
  const expected = Buffer.from(sign(`${agencyId}-${surveyId}-${expires}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { agencyId, surveyId, expiresAt: new Date(Number(expires) * 1000) };
}
