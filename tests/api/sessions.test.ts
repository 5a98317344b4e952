import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, linkTokenFor, startApi, waitForEmail, type Started } from "../support/http.ts";
import { checkInSurveyId, isNps, scoreLinksInText, tokenOf } from "../support/surveys.ts";
import { createWorld, type World } from "../support/world.ts";

// Sessions end when they should: signing out revokes the cookie (a session version on the
// person), and the keys that sign sessions and survey links rotate without logging anyone out:
// a new key signs, an old one still verifies until it is removed.

let api: Started;
let world: World;
beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Sessions Agency");
});
afterAll(() => api.close());

/** Signs in by link and answers the raw session cookie ("name=value"), as a thief would copy it. */
async function signInCookie(email: string, app: "web" | "portal" = "web"): Promise<string> {
  const client = new ApiClient(api.baseUrl, app);
  const before = Math.floor(Date.now() / 1000);
  expect((await client.post("/auth/link", { email })).status).toBe(202);
  const verified = await client.post("/auth/verify", { token: await linkTokenFor(email, before) });
  expect(verified.status).toBe(200);
  return verified.headers.getSetCookie()[0]!.split(";")[0]!;
}

const withCookie = (cookie: string, app: "web" | "portal" = "web") => new ApiClient(api.baseUrl, app, { cookie });

describe("signing out", () => {
  it("ends the session: a copy of the cookie is refused afterwards", async () => {
    const cookie = await signInCookie(world.people.sub.email);
    const copy = withCookie(cookie);
    expect((await copy.get("/me")).status).toBe(200);
    const signOut = await withCookie(cookie).post("/auth/sign-out");
    expect(signOut.status).toBe(204);
    expect(signOut.headers.getSetCookie().join()).toMatch(/baton_web=;|Max-Age=0/i);
    expect((await copy.get("/me")).status).toBe(401);
  });

  it("ends a contact's session in the portal the same way", async () => {
    const cookie = await signInCookie(world.people.contact.email, "portal");
    const copy = withCookie(cookie, "portal");
    expect((await copy.get("/portal/company")).status).toBe(200);
    expect((await withCookie(cookie, "portal").post("/auth/sign-out")).status).toBe(204);
    expect((await copy.get("/portal/company")).status).toBe(401);
  });

  it("lets the person sign in again afterwards", async () => {
    const cookie = await signInCookie(world.people.sub.email);
    expect((await withCookie(cookie).get("/me")).status).toBe(200);
  });

  it("is harmless without a session", async () => {
    expect((await new ApiClient(api.baseUrl).post("/auth/sign-out")).status).toBe(204);
  });
});

describe("rotating the signing key", () => {
  const secret = () => randomBytes(32).toString("base64url");
  let original: string;
  beforeAll(() => {
    original = process.env.BATON_SESSION_SECRET!;
  });
  afterAll(() => {
    process.env.BATON_SESSION_SECRET = original;
  });

  it("keeps old cookies and old survey links working after a new key is added, and refuses them once the old key is removed", async () => {
    // Signed before rotation: a cookie and an NPS check-in link (key without an id, as deployed before key ids).
    const cookie = await signInCookie(world.people.sub.email);
    // The contact signed out above (every session of theirs ended): they sign in again to ask for work.
    const contact = withCookie(await signInCookie(world.people.contact.email, "portal"), "portal");
    await checkInSurveyId(world.people.contact.email, { owner: world.owner, contact });
    const oldLink = tokenOf(scoreLinksInText((await waitForEmail(world.people.contact.email, isNps)).body.text ?? "").get(9)!);
    expect((await new ApiClient(api.baseUrl, null).get(`/surveys/respond/${oldLink}`)).status).toBe(200);

    // A new key, first in the list: it signs from now on; the old one still verifies.
    const added = secret();
    process.env.BATON_SESSION_SECRET = `k2:${added},${original}`;
    expect((await withCookie(cookie).get("/me")).status).toBe(200);
    expect((await new ApiClient(api.baseUrl, null).get(`/surveys/respond/${oldLink}`)).status).toBe(200);
    const newCookie = await signInCookie(world.people.sub.email);
    const header = JSON.parse(Buffer.from(newCookie.split("=")[1]!.split(".")[0]!, "base64url").toString("utf8"));
    expect(header.kid).toBe("k2");
    const { Surveys: S } = await import("@baton/core/survey");
    const newLink = S.signToken(world.agency.agencyId, "srv_01jaaaaaaaaaaaaaaaaaaaaaaa", new Date(Date.now() + 86_400_000));
    expect(newLink).toMatch(/-k2-[A-Za-z0-9_-]{43}$/);

    // The old key removed: what it signed is refused; what the new key signed still works.
    process.env.BATON_SESSION_SECRET = `k2:${added}`;
    expect((await withCookie(cookie).get("/me")).status).toBe(401);
    expect((await new ApiClient(api.baseUrl, null).get(`/surveys/respond/${oldLink}`)).status).toBe(404);
    expect((await withCookie(newCookie).get("/me")).status).toBe(200);
  });

  it("refuses a key id moved onto another key's signature", async () => {
    const { Surveys } = await import("@baton/core/survey");
    const a = secret();
    const b = secret();
    process.env.BATON_SESSION_SECRET = `ka:${a},kb:${b}`;
    const signed = Surveys.signToken(world.agency.agencyId, "srv_01jaaaaaaaaaaaaaaaaaaaaaaa", new Date(Date.now() + 86_400_000));
    expect(Surveys.readToken(signed)).not.toBeNull();
    expect(Surveys.readToken(signed.replace("-ka-", "-kb-"))).toBeNull();
    process.env.BATON_SESSION_SECRET = original;
  });
});
