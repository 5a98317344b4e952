import { SignJWT, jwtVerify } from "jose";
import { Config } from "../config/index.ts";

// The session cookie holds only who signed in; role and status are read from the database on
// every request, so removing someone takes effect at once.
export type SessionSubject =
  | { type: "member"; agencyId: string; memberId: string }
  | { type: "contact"; agencyId: string; contactId: string; clientId: string };

export const SESSION_DAYS = 30;
const ISSUER = "baton";

const key = () => new TextEncoder().encode(Config.sessionSecret);

export async function createSessionToken(subject: SessionSubject): Promise<string> {
  const claims =
    subject.type === "member"
      ? { agency: subject.agencyId, kind: "member" }
      : { agency: subject.agencyId, kind: "contact", client: subject.clientId };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(subject.type === "member" ? subject.memberId : subject.contactId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${SESSION_DAYS}d`)
    .sign(key());
}

/** The subject of a valid session token, or null for anything forged, expired or malformed. */
export async function readSessionToken(token: string): Promise<SessionSubject | null> {
  try {
    const { payload } = await jwtVerify(token, key(), { issuer: ISSUER, algorithms: ["HS256"] });
    const { sub, agency, kind, client } = payload as Record<string, unknown>;
    if (typeof sub !== "string" || typeof agency !== "string") return null;
    if (kind === "member") return { type: "member", agencyId: agency, memberId: sub };
    if (kind === "contact" && typeof client === "string") {
      return { type: "contact", agencyId: agency, contactId: sub, clientId: client };
    }
    return null;
  } catch {
    return null;
  }
}
