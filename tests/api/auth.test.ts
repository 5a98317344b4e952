import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, linkTokenFor, mailCount, signIn, startApi, waitForEmail, type Started } from "../support/http.ts";
import { createAgency, uniqueEmail } from "../support/fixtures.ts";

let api: Started;
let agency: Awaited<ReturnType<typeof createAgency>>;
/** One signed-in owner session for the tests that are not about signing in (links are rate limited). */
let owner: ApiClient;

beforeAll(async () => {
  api = await startApi();
  agency = await createAgency("Auth Agency");
  owner = new ApiClient(api.baseUrl);
  await signIn(owner, agency.ownerEmail);
});
afterAll(() => api.close());

describe("magic-link sign-in", () => {
  it("emails a link that signs the owner in to the team app with a session cookie", async () => {
    const client = new ApiClient(api.baseUrl);
    const asked = await client.post("/auth/link", { email: agency.ownerEmail.toUpperCase(), app: "web" });
    expect(asked.status).toBe(202);
    const email = await waitForEmail(agency.ownerEmail);
    expect(email.subject).toBe("Your sign-in link for Auth Agency");
    expect(email.body.html).toContain("/auth/verify?token=");
    expect(email.body.text).toContain(`${api.baseUrl}/auth/verify?token=`);

    const token = await linkTokenFor(agency.ownerEmail);
    const verified = await client.post("/auth/verify", { token });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ kind: "member", role: "owner", email: agency.ownerEmail, agency: { name: "Auth Agency" } });
    const cookie = verified.headers.getSetCookie().find((c) => c.startsWith("baton_web="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);

    const me = await client.get("/me");
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(agency.ownerId);
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const stranger = uniqueEmail("stranger");
    const asked = await new ApiClient(api.baseUrl).post("/auth/link", { email: stranger });
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await mailCount(stranger)).toBe(0);
  });

  it("accepts a link only once", async () => {
    const client = new ApiClient(api.baseUrl);
    await client.post("/auth/link", { email: agency.ownerEmail });
    const token = await linkTokenFor(agency.ownerEmail, Math.floor(Date.now() / 1000) - 1);
    expect((await client.post("/auth/verify", { token })).status).toBe(200);
    const again = await new ApiClient(api.baseUrl).post("/auth/verify", { token });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe("auth.link_used");
  });

  it("lets exactly one of many simultaneous redemptions of a link win", async () => {
    const before = Math.floor(Date.now() / 1000);
    await new ApiClient(api.baseUrl).post("/auth/link", { email: agency.ownerEmail });
    const token = await linkTokenFor(agency.ownerEmail, before);
    const replies = await Promise.all(Array.from({ length: 8 }, () => new ApiClient(api.baseUrl).post("/auth/verify", { token })));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 401 && r.body.error.code === "auth.link_used")).toHaveLength(7);
  });

  it("rejects an expired link", async () => {
    const { withActor } = await import("@baton/core/actor");
    const { Auth } = await import("@baton/core/auth");
    const { db } = await import("@baton/core/db");
    const url = await withActor({ type: "system", agencyId: agency.agencyId }, () =>
      Auth.issueLink({ agencyId: agency.agencyId, type: "member", id: agency.ownerId }, "sign-in"),
    );
    const token = decodeURIComponent(new URL(url).searchParams.get("token")!);
    // Age the stored link past its 15 minutes.
    const links = await db.entities.magicLink.query.linkByToken({ agencyId: agency.agencyId }).go({ pages: "all" });
    for (const link of links.data.filter((l) => !l.usedAt)) {
      await db.entities.magicLink.delete(link).go();
      await db.entities.magicLink.create({ ...link, expiresAt: Math.floor(Date.now() / 1000) - 1 }).go();
    }
    const reply = await new ApiClient(api.baseUrl).post("/auth/verify", { token });
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe("auth.link_expired");
  });

  it("rejects forged and malformed tokens", async () => {
    const client = new ApiClient(api.baseUrl);
    const forged = `${agency.agencyId}.${"A".repeat(43)}`;
    for (const token of [forged, "nonsense", `${agency.agencyId}.`, "agy_x.y"]) {
      const reply = await client.post("/auth/verify", { token });
      expect(reply.status).toBe(401);
      expect(reply.body.error.code).toBe("auth.link_invalid");
    }
  });

  it("rate limits link requests per email address", async () => {
    const email = uniqueEmail("limited");
    const client = new ApiClient(api.baseUrl);
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await client.post("/auth/link", { email })).status);
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await client.post("/auth/link", { email });
    expect(limited.body.error).toMatchObject({ code: "rate_limited" });
    expect(limited.body.error.message).toMatch(/minutes/);
  });

  it("gives an invited person their browser's language on first sign-in, and leaves a chosen one alone after", async () => {
    const email = uniqueEmail("greek");
    const invited = await owner.post("/members", { email, name: "Eleni", timeZone: "Europe/Athens", weeklyCapacityHours: 10 });
    expect(invited.body.locale).toBe("en");
    const member = new ApiClient(api.baseUrl);
    expect((await member.post("/auth/verify", { token: await linkTokenFor(email), locale: "el" })).status).toBe(200);
    expect((await member.get("/me")).body.locale).toBe("el");
    // Later sign-ins from another browser don't change what they have.
    // The mailbox stamps emails by the second: start the next second, after the invitation.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const since = Math.floor(Date.now() / 1000);
    const asked = await new ApiClient(api.baseUrl).post("/auth/link", { email, app: "web" });
    expect(asked.status).toBe(202);
    const again = new ApiClient(api.baseUrl);
    expect((await again.post("/auth/verify", { token: await linkTokenFor(email, since), locale: "hi" })).status).toBe(200);
    expect((await again.get("/me")).body.locale).toBe("el");
    // A language the apps don't have is refused, not stored.
    const bad = await new ApiClient(api.baseUrl).post("/auth/verify", { token: "x", locale: "fr" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.locale).toBeTruthy();
  });

  it("signs out by clearing the session cookie", async () => {
    // Someone of their own: signing out ends every session of the person (tests/api/sessions.test.ts).
    const email = uniqueEmail("leaving");
    await owner.post("/members", { email, name: "Leaving Person", timeZone: "UTC", weeklyCapacityHours: 10 });
    const client = new ApiClient(api.baseUrl);
    expect((await client.post("/auth/verify", { token: await linkTokenFor(email) })).status).toBe(200);
    expect((await client.get("/me")).status).toBe(200);
    const out = await client.post("/auth/sign-out");
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(/baton_web=;/);
    expect((await client.get("/me")).status).toBe(401);
  });

  it("marks the session cookie Secure behind HTTPS (CloudFront, API Gateway) and only there", async () => {
    const email = uniqueEmail("secure");
    const invited = await owner.post("/members", { email, name: "Secure Person", timeZone: "UTC", weeklyCapacityHours: 10 });
    expect(invited.status).toBe(201);
    const behindHttps = new ApiClient(api.baseUrl, "web", { "x-forwarded-proto": "https" });
    const verified = await behindHttps.post("/auth/verify", { token: await linkTokenFor(email) });
    expect(verified.status).toBe(200);
    const cookie = verified.headers.getSetCookie().find((c) => c.startsWith("baton_web="))!;
    expect(cookie.split(";").map((part) => part.trim())).toEqual(expect.arrayContaining(["Secure", "HttpOnly", "SameSite=Lax", "Path=/"]));
    expect(verified.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
    const out = await behindHttps.post("/auth/sign-out");
    expect(out.headers.getSetCookie().find((c) => c.startsWith("baton_web="))).toMatch(/; Secure/);
    // Plain HTTP (npm start on localhost): no Secure flag, or the browser would drop the cookie.
    const local = new ApiClient(api.baseUrl);
    const before = Math.floor(Date.now() / 1000);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // links are told apart by the second they were sent
    expect((await local.post("/auth/link", { email })).status).toBe(202);
    const overHttp = await local.post("/auth/verify", { token: await linkTokenFor(email, before + 1) });
    expect(overHttp.status).toBe(200);
    expect(overHttp.headers.getSetCookie().find((c) => c.startsWith("baton_web="))).not.toMatch(/Secure/);
  });

  it("ignores a tampered session cookie", async () => {
    const response = await fetch(`${api.baseUrl}/api/me`, {
      headers: { cookie: "baton_web=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged", "x-baton-app": "web" },
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
  });
});

describe("CSRF protection", () => {
  it("refuses a state-changing request without the x-baton-app header", async () => {
    const bare = await owner.request("POST", "/members", { email: uniqueEmail("x"), name: "X", timeZone: "UTC", weeklyCapacityHours: 10 }, { "x-baton-app": "" });
    expect(bare.status).toBe(403);
    expect(bare.body.error.code).toBe("csrf");
  });

  it("refuses a form post from another site even with a valid cookie", async () => {
    expect(owner.cookieNames()).toContain("baton_web");
    const reply = await owner.request("POST", "/api-keys", "name=stolen", {
      "content-type": "application/x-www-form-urlencoded",
      "x-baton-app": "",
      origin: "https://evil.example",
    });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe("csrf");
    const keys = await owner.get("/api-keys");
    expect(keys.body.items).toHaveLength(0);
  });
});

describe("API keys", () => {
  it("lets the owner create a key that authenticates integrations, and revoke it", async () => {
    const created = await owner.post("/api-keys", { name: "Zapier", scopes: ["read", "write"] });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^bk\.agy_/);
    expect(created.body.apiKey).toMatchObject({ name: "Zapier", lastUsedAt: null });
    expect(JSON.stringify((await owner.get("/api-keys")).body)).not.toContain(created.body.secret);

    const integration = new ApiClient(api.baseUrl, null, { authorization: `Bearer ${created.body.secret}` });
    const clients = await integration.get("/clients");
    expect(clients.status).toBe(200);
    const made = await integration.post("/clients", { name: "Via API", code: "VIAAPI", timeZone: "UTC", currency: "EUR" });
    expect(made.status).toBe(201);

    const listed = await owner.get("/api-keys");
    expect(listed.body.items[0].lastUsedAt).not.toBeNull();

    expect((await owner.delete(`/api-keys/${created.body.apiKey.id}`)).status).toBe(204);
    const after = await integration.get("/clients");
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe("auth.invalid_api_key");
  });

  it("rejects a made-up bearer token", async () => {
    const reply = await new ApiClient(api.baseUrl, null, { authorization: "Bearer bk.nope" }).get("/clients");
    expect(reply.status).toBe(401);
  });
});
