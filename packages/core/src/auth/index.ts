import { z } from "zod";
import type { Actor } from "../actor/index.ts";
import { LegacyApiKeyScopes } from "../actor/index.ts";
import { ApiKeyStore } from "../apikey/store.ts";
import { db } from "../db/index.ts";
import { Email } from "../email/index.ts";
import { VisibleError } from "../error/index.ts";
import { email, locale } from "../fields/index.ts";
import type { Locale } from "../email/index.ts";
import { fn } from "../fn/index.ts";
import { Identity } from "../identity/index.ts";
import { Deferred } from "../deferred/index.ts";
import { SignInApps } from "./entities.ts";
import { issue, redeem } from "./links.ts";
import { consumeSignIn } from "./rate-limit.ts";
import { createSessionToken, readSessionToken, type SessionSubject } from "./session.ts";
import { sameHash, sha256 } from "./tokens.ts";
import { AgencyStore } from "../agency/store.ts";
import { MemberStore } from "../member/store.ts";
import { ContactStore } from "../contact/store.ts";
import { Brand } from "../agency/brand/index.ts";
import { conditionalWrite } from "../db/transaction.ts";

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
 * Asks for sign-in links: counts the request against the rate limits, then hands the lookup and
 * the email to a deferred job. The request does the same few steps whether or not the address
 * has an account, and never waits for SES, so neither its answer nor its timing tells a stranger
 * which addresses are known.
 */
export const requestLink = fn(requestLinkSchema, async (input, ip?: string) => {
  await consumeSignIn(input.email, ip);
  await sendLinksLater({ email: input.email });
});

/** Emails a sign-in link for every active or invited account with this address (one per agency). */
async function sendLinks({ email }: { email: string }): Promise<void> {
  const logins = await db.collections.logins({ email }).go({ pages: "all" });
  const accounts = [
    ...logins.data.member
      .filter((m) => m.status !== "removed")
      .map((m) => ({ agencyId: m.agencyId, type: "member" as const, id: m.memberId, locale: m.locale })),
    ...logins.data.contact
      .filter((c) => c.status === "invited" || c.status === "active")
      .map((c) => ({ agencyId: c.agencyId, type: "contact" as const, id: c.contactId, locale: c.locale })),
  ];
  if (!accounts.length) return;

  const links = await Promise.all(
    accounts.map(async (account) => {
      const agency = await AgencyStore.load(account.agencyId);
      const brand = agency ? Brand.emailBrandOf(agency) : null;
      return { agency: brand?.name ?? "", url: await issue(account, "sign-in"), brand };
    }),
  );
  await Email.send(email, Email.signInLink({ locale: accounts[0]!.locale, links }));
}

const sendLinksLater = Deferred.define("auth.signInLinks", sendLinks);

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
    const member = await MemberStore.load(agencyId, id);
    if (!member || member.status === "removed") throw noAccess();
    if (member.status === "invited") await MemberStore.patchSelf(agencyId, id, firstSignIn);
    return { type: "member", agencyId, memberId: id, sessionVersion: member.sessionVersion ?? 0 };
  }
  const contact = await ContactStore.load(agencyId, id);
  if (!contact || (contact.status !== "invited" && contact.status !== "active")) throw noAccess();
  if (contact.status === "invited") await ContactStore.patchSelf(agencyId, id, firstSignIn);
  return { type: "contact", agencyId, contactId: id, clientId: contact.clientId, sessionVersion: contact.sessionVersion ?? 0 };
}

/** The actor behind a session token, or null when the token, its session or the account is no longer valid. */
export async function actorFromSession(token: string): Promise<Actor | null> {
  const subject = await readSessionToken(token);
  if (!subject) return null;
  // Read through the identity cache (identity/index.ts): once per request, and at most
  // IDENTITY_MAX_AGE_MS old on a warm instance.
  if (subject.type === "member") {
    const member = await Identity.member(subject.agencyId, subject.memberId);
    if (!member || member.status !== "active" || (member.sessionVersion ?? 0) !== subject.sessionVersion) return null;
    return { type: "member", agencyId: subject.agencyId, memberId: subject.memberId, role: member.role, locale: member.locale };
  }
  const [contact, client] = await Promise.all([
    Identity.contact(subject.agencyId, subject.contactId),
    Identity.clientOfContact(subject.agencyId, subject.clientId),
  ]);
  if (!contact || contact.status !== "active" || (contact.sessionVersion ?? 0) !== subject.sessionVersion) return null;
  return {
    type: "contact",
    agencyId: subject.agencyId,
    contactId: subject.contactId,
    clientId: contact.clientId,
    clientActive: client?.status !== "inactive",
    locale: contact.locale,
  };
}

/**
 * Ends every session of the person a token belongs to: their session version moves on, so this
 * cookie (and any copy of it, on any device) is refused from now on. Nothing happens for a token
 * that is not valid.
 */
export async function signOut(token: string | undefined): Promise<void> {
  const subject = token ? await readSessionToken(token) : null;
  if (!subject) return;
  if (subject.type === "member") {
    await endSessions("member", subject.agencyId, subject.memberId);
  } else {
    await endSessions("contact", subject.agencyId, subject.contactId);
  }
}

/** Moves a person's session version on (only if they exist): every session they have ends. */
export async function endSessions(kind: "member" | "contact", agencyId: string, id: string): Promise<void> {
  // A person deleted meanwhile (the write's condition fails) has no session to end.
  await conditionalWrite(kind === "member" ? MemberStore.endSessions(agencyId, id) : ContactStore.endSessions(agencyId, id));
}

const API_KEY_SHAPE = /^bk\.(agy_[0-9a-z]{26})\.(key_[0-9a-z]{26})\.([A-Za-z0-9_-]{43})$/;

/** The actor behind an API key, or null. Notes when the key was last used (at most once a minute). */
export async function actorFromApiKey(secret: string): Promise<Actor | null> {
  const match = API_KEY_SHAPE.exec(secret);
  if (!match) return null;
  const [, agencyId, apiKeyId] = match as unknown as [string, string, string];
  const key = await ApiKeyStore.load(agencyId, apiKeyId);
  if (!key || !sameHash(key.secretHash, sha256(secret))) return null;
  const lastUsed = key.lastUsedAt ? Date.parse(key.lastUsedAt) : 0;
  if (Date.now() - lastUsed > 60_000) await ApiKeyStore.touch(agencyId, apiKeyId, new Date().toISOString());
  return { type: "apikey", agencyId, apiKeyId, scopes: key.scopes ?? LegacyApiKeyScopes };
}
