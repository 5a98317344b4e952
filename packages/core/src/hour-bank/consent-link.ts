import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { Config, signingKey, verifyingKey } from "../config/index.ts";

// The signed link in the 100 % email that lets a client approve more hours without signing in
// (consent.ts acts on it). Apart from the consent itself so that what sends the email (alerts.ts,
// on every use of hours) doesn't load the consent's pages and transaction.

/** How long a link in an email can be used (the period's close ends it sooner). */
export const LINK_DAYS = 14;

// `<agencyId>-<clientId>-<yyyymm>-<nonce>-<expires>-[<kid>-]<signature>`: the nonce is the
// consent's id, so a link approves once. No dots (the token is a portal path's last segment).
const SHAPE = /^(agy_[0-9a-z]{26})-(cli_[0-9a-z]{26})-(\d{4})(\d{2})-([0-9a-f]{16})-(\d{1,12})-(?:([a-z0-9]{1,16})-)?([A-Za-z0-9_-]{43})$/;

// A key of its own, derived from the app secret: a survey link or a session can't pass for one.
const derive = (secret: string) => createHmac("sha256", secret).update("baton/hour-bank-consent/v1").digest();
const sign = (secret: string, payload: string) => createHmac("sha256", derive(secret)).update(payload).digest("base64url");

export type ConsentToken = { agencyId: string; clientId: string; period: string; nonce: string; expiresAt: Date };

export function signConsent(agencyId: string, clientId: string, period: string, expiresAt: Date, nonce = randomBytes(8).toString("hex")): string {
  const key = signingKey();
  const payload = `${agencyId}-${clientId}-${period.replace("-", "")}-${nonce}-${Math.floor(expiresAt.getTime() / 1000)}`;
  const signed = key.kid ? `${payload}-${key.kid}` : payload;
  return `${signed}-${sign(key.secret, signed)}`;
}

/** What a correctly signed token says (expired or not), or null for anything forged or garbled. */
export function readConsent(token: string): ConsentToken | null {
  const match = SHAPE.exec(token);
  if (!match) return null;
  const [, agencyId, clientId, year, month, nonce, expires, kid, signature] = match as unknown as [string, string, string, string, string, string, string, string | undefined, string];
  const key = verifyingKey(kid);
  if (!key) return null;
  const payload = `${agencyId}-${clientId}-${year}${month}-${nonce}-${expires}`;
  const expected = Buffer.from(sign(key.secret, kid ? `${payload}-${kid}` : payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { agencyId, clientId, period: `${year}-${month}`, nonce, expiresAt: new Date(Number(expires) * 1000) };
}

/** The portal page a 100 % email links to. */
export const consentUrl = (agencyId: string, clientId: string, period: string, now: Date) =>
  `${Config.portalUrl}/hours/approve/${signConsent(agencyId, clientId, period, new Date(now.getTime() + LINK_DAYS * 86_400_000))}`;

