import { Config } from "../config/index.ts";
import { db } from "../db/index.ts";
import type { Locale } from "../email/index.ts";
import { VisibleError } from "../error/index.ts";
import { randomSecret, sha256 } from "../auth/tokens.ts";
import type { SignupLinkItem } from "./entity.ts";

export const SIGNUP_LINK_MINUTES = 15;

// The token is `su.<secret>`: only the secret's hash is stored, as for sign-in links (auth/links.ts).
const TOKEN = /^su\.([A-Za-z0-9_-]{43})$/;

/** Stores a single-use verification link for `email` and returns its URL (the team app's step 2). */
export async function issue(email: string, locale: Locale): Promise<string> {
  const secret = randomSecret();
  await db.entities.signupLink
    .create({ tokenHash: sha256(secret), email, locale, expiresAt: Math.floor(Date.now() / 1000) + SIGNUP_LINK_MINUTES * 60 })
    .go();
  return `${Config.webUrl}/sign-up/details?token=${encodeURIComponent(`su.${secret}`)}`;
}

const linkError = (kind: "validation" | "gone", code: string, message: string) => new VisibleError(kind, code, message, { fields: { token: message } });

export const invalid = () => linkError("validation", "signup.link_invalid", "This sign-up link is not valid. Please start again.");
export const used = () => linkError("gone", "signup.link_used", "This sign-up link has already been used. Sign in instead, or start again.");
export const expired = () => linkError("gone", "signup.link_expired", "This sign-up link has expired. Please start again.");

/** The stored hash of a well-formed token; throws `signup.link_invalid` for anything else. */
export function hashOf(token: string): string {
  const match = TOKEN.exec(token);
  if (!match) throw invalid();
  return sha256(match[1]!);
}

/** Reads a link without using it (step 2's page opens with it); throws if it can't be used. */
export async function peek(token: string, now = Math.floor(Date.now() / 1000)): Promise<SignupLinkItem> {
  const link = await db.entities.signupLink.get({ tokenHash: hashOf(token) }).go({ consistent: true });
  return usable(link.data, now);
}

/** The link, if it can still be used; else the reason it can't. */
export function usable(link: SignupLinkItem | null, now: number): SignupLinkItem {
  if (!link) throw invalid();
  if (link.usedAt) throw used();
  if (link.expiresAt <= now) throw expired();
  return link;
}
