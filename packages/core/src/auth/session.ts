import { SignJWT, decodeProtectedHeader, jwtVerify } from "jose";
import { signingKey, verifyingKey } from "../config/index.ts";

// The session cookie holds only who signed in and their session version; role and status are
// read from the database on every request, so removing someone takes effect at once, and signing
// out (which moves the person's session version on) ends every session they had.
export type SessionSubject =
  | { type: "member"; agencyId: string; memberId: string; sessionVersion: number }
  | { type: "contact"; agencyId: string; contactId: string; clientId: string; sessionVersion: number };

export const SESSION_DAYS = 30;
const ISSUER = "baton";

const bytes = (secret: string) => new TextEncoder().encode(secret);

export async function createSessionToken(subject: SessionSubject): Promise<string> {
  const claims =
    subject.type === "member"
      ? { agency: subject.agencyId, kind: "member", sv: subject.sessionVersion }
      : { agency: subject.agencyId, kind: "contact", client: subject.clientId, sv: subject.sessionVersion };
  const key = signingKey();
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", ...(key.kid ? { kid: key.kid } : {}) })
    .setSubject(subject.type === "member" ? subject.memberId : subject.contactId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${SESSION_DAYS}d`)
    .sign(bytes(key.secret));
}

/** The subject of a valid session token, or null for anything forged, expired, malformed or signed by a removed key. */
export async function readSessionToken(token: string): Promise<SessionSubject | null> {
  try {
    const { kid } = decodeProtectedHeader(token);
    const key = verifyingKey(typeof kid === "string" ? kid : undefined);
    if (!key) return null;
    const { payload } = await jwtVerify(token, bytes(key.secret), { issuer: ISSUER, algorithms: ["HS256"] });
    const { sub, agency, kind, client, sv } = payload as Record<string, unknown>;
    if (typeof sub !== "string" || typeof agency !== "string") return null;
    // Tokens from before session versions carry none: they are version 0's.
    const sessionVersion = typeof sv === "number" && Number.isSafeInteger(sv) ? sv : 0;
    if (kind === "member") return { type: "member", agencyId: agency, memberId: sub, sessionVersion };
    if (kind === "contact" && typeof client === "string") {
      return { type: "contact", agencyId: agency, contactId: sub, clientId: client, sessionVersion };
    }
    return null;
  } catch {
    return null;
  }
}
