import { Config } from "../config/index.ts";
import { db } from "../db/index.ts";
import { VisibleError } from "../error/index.ts";
import { randomSecret, sha256 } from "./tokens.ts";

export const SIGN_IN_LINK_MINUTES = 15;
export const INVITATION_LINK_DAYS = 7;

export type LinkSubject = { agencyId: string; type: "member" | "contact"; id: string };

/**
 * Stores a single-use link and returns its URL. The token is `<agencyId>.<secret>`: the agency id
 * finds the item inside the agency's keys, and only the secret's hash is stored.
 */
export async function issue(subject: LinkSubject, purpose: "sign-in" | "invitation"): Promise<string> {
  const secret = randomSecret();
  const lifetime = purpose === "sign-in" ? SIGN_IN_LINK_MINUTES * 60 : INVITATION_LINK_DAYS * 86_400;
  await db.entities.magicLink
    .create({
      agencyId: subject.agencyId,
      tokenHash: sha256(secret),
      subjectType: subject.type,
      subjectId: subject.id,
      purpose,
      expiresAt: Math.floor(Date.now() / 1000) + lifetime,
    })
    .go();
  const base = subject.type === "member" ? Config.webUrl : Config.portalUrl;
  return `${base}/auth/verify?token=${encodeURIComponent(`${subject.agencyId}.${secret}`)}`;
}

const invalid = () =>
  new VisibleError("unauthenticated", "auth.link_invalid", "This sign-in link is not valid. Please ask for a new one.");

/** Marks the link used (once, atomically) and returns whom it signs in. */
export async function redeem(token: string): Promise<LinkSubject> {
  const match = /^(agy_[0-9a-z]{26})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) throw invalid();
  const [, agencyId, secret] = match as unknown as [string, string, string];
  const key = { agencyId, tokenHash: sha256(secret) };
  const now = Math.floor(Date.now() / 1000);
  try {
    const result = await db.entities.magicLink
      .patch(key)
      .set({ usedAt: new Date().toISOString() })
      .where((attr, op) => `${op.notExists(attr.usedAt)} AND ${op.gt(attr.expiresAt, now)}`)
      .go({ response: "all_new" });
    return { agencyId, type: result.data.subjectType!, id: result.data.subjectId! };
  } catch (error) {
    const existing = await db.entities.magicLink.get(key).go({ consistent: true });
    if (!existing.data) throw invalid();
    if (existing.data.usedAt) {
      throw new VisibleError("unauthenticated", "auth.link_used", "This sign-in link has already been used. Please ask for a new one.");
    }
    if (existing.data.expiresAt <= now) {
      throw new VisibleError("unauthenticated", "auth.link_expired", "This sign-in link has expired. Please ask for a new one.");
    }
    throw error;
  }
}
