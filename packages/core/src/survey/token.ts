import { createHmac, timingSafeEqual } from "node:crypto";
import { signingKey, verifyingKey } from "../config/index.ts";

// A survey's score links carry `<agencyId>-<surveyId>-<expires>-[<kid>-]<signature>`: the ids find the
// survey, `expires` (epoch seconds) bounds the link, and the HMAC-SHA256 signature over the three
// proves Baton made it. Nothing is stored per link; single use is the survey's own conditional
// write (the first score wins). The key is derived from the session secret, so a session token
// can never pass for a link or the other way round. No dots: the token is the last segment of
// the portal page's path, and CloudFront takes a last segment with a dot for a file (infra/sites.ts).
// The key id names which of the configured keys signed it (config: signingKeys), so a new key can
// sign while links signed by an older one keep working until that key is removed. Links from
// before key ids have none and verify with the bare (id-less) secret.

const SHAPE = /^(agy_[0-9a-z]{26})-(srv_[0-9a-z]{26})-(\d{1,12})-(?:([a-z0-9]{1,16})-)?([A-Za-z0-9_-]{43})$/;

const derive = (secret: string) => createHmac("sha256", secret).update("baton/survey-links/v1").digest();
const sign = (secret: string, payload: string) => createHmac("sha256", derive(secret)).update(payload).digest("base64url");

export type SurveyToken = { agencyId: string; surveyId: string; expiresAt: Date };

export function signToken(agencyId: string, surveyId: string, expiresAt: Date): string {
  const key = signingKey();
  const payload = `${agencyId}-${surveyId}-${Math.floor(expiresAt.getTime() / 1000)}`;
  // The key id is signed too: a signature can't be moved under another key's id.
  const signed = key.kid ? `${payload}-${key.kid}` : payload;
  return `${signed}-${sign(key.secret, signed)}`;
}

/** What a correctly signed token says (expired or not), or null for anything forged or garbled. */
export function readToken(token: string): SurveyToken | null {
  const match = SHAPE.exec(token);
  if (!match) return null;
  const [, agencyId, surveyId, expires, kid, signature] = match as unknown as [string, string, string, string, string | undefined, string];
  const key = verifyingKey(kid);
  if (!key) return null;
  const payload = `${agencyId}-${surveyId}-${expires}`;
  const expected = Buffer.from(sign(key.secret, kid ? `${payload}-${kid}` : payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { agencyId, surveyId, expiresAt: new Date(Number(expires) * 1000) };
}
