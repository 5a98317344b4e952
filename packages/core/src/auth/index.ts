import { z } from "zod";
import type { Actor } from "../actor/index.ts";
import { db } from "../db/index.ts";
import { Email } from "../email/index.ts";
import { VisibleError } from "../error/index.ts";
import { email, locale } from "../fields/index.ts";
import type { Locale } from "../email/index.ts";
import { fn } from "../fn/index.ts";
import { SignInApps } from "./entities.ts";
import { issue, redeem } from "./links.ts";
import { SIGN_IN_LIMITS, consume } from "./rate-limit.ts";
import { createSessionToken, readSessionToken, type SessionSubject } from "./session.ts";
import { sameHash, sha256 } from "./tokens.ts";

export * as Auth from "./index.ts";
export { createSessionToken, readSessionToken, SESSION_DAYS, type SessionSubject } from "./session.ts";
export { SIGN_IN_LIMITS } from "./rate-limit.ts";
export { issue as issueLink } from "./links.ts";

export const requestLinkSchema = z.strictObject({
  email,
  /** The app the person asked from; the link always opens the app their account belongs to. */
  app: z.enum(SignInApps).optional(),
});

/**
 * Emails a sign-in link for every active or invited account with this address (one per agency).
 * Answers the same whether or not the address is known, so it cannot be used to probe for accounts.
 */
export const requestLink = fn(requestLinkSchema, async (input, ip?: string) => {
  const { windowSeconds, perEmail, perIp } = SIGN_IN_LIMITS;
  await consume(`email#${input.email}`, perEmail, windowSeconds);
  if (ip) await consume(`ip#${ip}`, perIp, windowSeconds);

  const logins = await db.collections.logins({ email: input.email }).go({ pages: "all" });
  const accounts = [
    ...logins.data.member
      .filter((m) => m.status !== "removed")
      .map((m) => ({ agencyId: m.agencyId, type: "member" as const, id: m.memberId, locale: m.locale })),
    ...logins.data.contact
      .filter((c) => c.status !== "removed")
      .map((c) => ({ agencyId: c.agencyId, type: "contact" as const, id: c.contactId, locale: c.locale })),
  ];
  if (!accounts.length) return;

  const links = await Promise.all(
    accounts.map(async (account) => {
      const agency = await db.entities.agency.get({ agencyId: account.agencyId }).go();
      return { agency: agency.data?.name ?? "Baton", url: await issue(account, "sign-in") };
    }),
  );
  await Email.send(input.email, Email.signInLink({ locale: accounts[0]!.locale, links }));
});

export const verifySchema = z.strictObject({
  token: z.string({ error: "The sign-in link is missing its token." }).min(1).max(200),
  /** The browser's language: it becomes the person's when they accept their invitation. */
  locale: locale.optional(),
});

/** Redeems a link and returns the new session's token and subject. Invited people become active. */
export const verify = fn(verifySchema, async (input): Promise<{ token: string; subject: SessionSubject }> => {
  const link = await redeem(input.token);
  const subject = await activate(link.agencyId, link.type, link.id, input.locale);
  return { token: await createSessionToken(subject), subject };
});

const noAccess = () =>
  new VisibleError("unauthenticated", "auth.link_invalid", "This account no longer has access. Please contact the agency.");

/** Makes an invited person active (in their browser's language, if it sent one): their first sign-in. */
async function activate(agencyId: string, type: "member" | "contact", id: string, browserLocale?: Locale): Promise<SessionSubject> {
  const firstSignIn = { status: "active" as const, ...(browserLocale ? { locale: browserLocale } : {}) };
  if (type === "member") {
    const member = await db.entities.member.get({ agencyId, memberId: id }).go();
    if (!member.data || member.data.status === "removed") throw noAccess();
    if (member.data.status === "invited") {
      await db.entities.member
        .patch({ agencyId, memberId: id })
        .set(firstSignIn)
        .add({ version: 1 })
        .go();
    }
    return { type: "member", agencyId, memberId: id };
  }
  const contact = await db.entities.contact.get({ agencyId, contactId: id }).go();
  if (!contact.data || contact.data.status === "removed") throw noAccess();
  if (contact.data.status === "invited") {
    await db.entities.contact
      .patch({ agencyId, contactId: id })
      .set(firstSignIn)
      .add({ version: 1 })
      .go();
  }
  return { type: "contact", agencyId, contactId: id, clientId: contact.data.clientId };
}

/** The actor behind a session token, or null when the token or the account is no longer valid. */
export async function actorFromSession(token: string): Promise<Actor | null> {
  const subject = await readSessionToken(token);
  if (!subject) return null;
  if (subject.type === "member") {
    const member = await db.entities.member.get({ agencyId: subject.agencyId, memberId: subject.memberId }).go();
    if (!member.data || member.data.status !== "active") return null;
    return { type: "member", agencyId: subject.agencyId, memberId: subject.memberId, role: member.data.role, locale: member.data.locale };
  }
  const contact = await db.entities.contact.get({ agencyId: subject.agencyId, contactId: subject.contactId }).go();
  if (!contact.data || contact.data.status !== "active") return null;
  return { type: "contact", agencyId: subject.agencyId, contactId: subject.contactId, clientId: contact.data.clientId, locale: contact.data.locale };
}

const API_KEY_SHAPE = /^bk\.(agy_[0-9a-z]{26})\.(key_[0-9a-z]{26})\.([A-Za-z0-9_-]{43})$/;

/** The actor behind an API key, or null. Notes when the key was last used (at most once a minute). */
export async function actorFromApiKey(secret: string): Promise<Actor | null> {
  const match = API_KEY_SHAPE.exec(secret);
  if (!match) return null;
  const [, agencyId, apiKeyId] = match as unknown as [string, string, string];
  const key = await db.entities.apiKey.get({ agencyId, apiKeyId }).go();
  if (!key.data || !sameHash(key.data.secretHash, sha256(secret))) return null;
  const lastUsed = key.data.lastUsedAt ? Date.parse(key.data.lastUsedAt) : 0;
  if (Date.now() - lastUsed > 60_000) {
    await db.entities.apiKey.patch({ agencyId, apiKeyId }).set({ lastUsedAt: new Date().toISOString() }).go();
  }
  return { type: "apikey", agencyId, apiKeyId };
}
