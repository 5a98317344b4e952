import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { emailsTo, verifyLinkIn } from "@baton/local/mailbox";

// Sessions for the bench's callers, made by the real magic-link flow (ask for a link, read it
// from the SES emulator, redeem it) and kept in bench/.data/ with the session secret, so a re-run
// signs nobody in again (the API rate-limits link requests per address and per IP).

export type App = "web" | "portal";
export type Session = { email: string; app: App; cookie: string };

export async function signIn(baseUrl: string, sesEndpoint: string, email: string, app: App): Promise<Session> {
  const since = Math.floor(Date.now() / 1000) - 1;
  const asked = await fetch(`${baseUrl}/api/auth/link`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-baton-app": app },
    body: JSON.stringify({ email }),
  });
  if (asked.status !== 202) throw new Error(`sign-in link for ${email}: ${asked.status} ${await asked.text()}`);
  let link: string | undefined;
  for (let attempt = 0; attempt < 100 && !link; attempt++) {
    const mail = (await emailsTo(sesEndpoint, email)).filter((e) => e.at >= since && verifyLinkIn(e));
    link = mail.length ? verifyLinkIn(mail[mail.length - 1]!) : undefined;
    if (!link) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!link) throw new Error(`no sign-in email reached ${email}`);
  const token = decodeURIComponent(new URL(link).searchParams.get("token")!);
  const verified = await fetch(`${baseUrl}/api/auth/verify`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-baton-app": app },
    body: JSON.stringify({ token }),
  });
  if (verified.status !== 200) throw new Error(`verify for ${email}: ${verified.status} ${await verified.text()}`);
  const cookie = verified.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => c.startsWith("baton_"));
  if (!cookie) throw new Error(`no session cookie for ${email}`);
  return { email, app, cookie };
}

async function stillValid(baseUrl: string, session: Session): Promise<boolean> {
  const me = await fetch(`${baseUrl}/api/me`, { headers: { cookie: session.cookie, "x-baton-app": session.app } });
  await me.arrayBuffer();
  return me.status === 200;
}

/** Sessions for `people`, reusing the ones stored in `file` while they still work. */
export async function sessionsFor(
  file: string,
  baseUrl: string,
  sesEndpoint: string,
  people: Array<{ email: string; app: App }>,
): Promise<Map<string, Session>> {
  const stored: Session[] = existsSync(file) ? JSON.parse(await readFile(file, "utf8")) : [];
  const sessions = new Map<string, Session>();
  for (const person of people) {
    const kept = stored.find((s) => s.email === person.email && s.app === person.app);
    sessions.set(person.email, kept && (await stillValid(baseUrl, kept)) ? kept : await signIn(baseUrl, sesEndpoint, person.email, person.app));
  }
  await writeFile(file, JSON.stringify([...sessions.values()], null, 2), { mode: 0o600 });
  return sessions;
}
